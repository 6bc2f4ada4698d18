import type { SentimentLabel } from '../engine/types';
import type { RowSeq } from '../stats/row-seq';
import type { StatsRow } from '../stats/stats-row';
import { rowOrder } from './day-rows';
import { OUTCOMES, OVERRIDE_REASONS, SUGGESTION_SOURCES } from './schema';
import { type DayChunk, decodeFindings } from './summary';

/**
 * The packed summary days as one sequence of rows (lib/stats/row-seq.ts) in `decodeChunks` order
 * (oldest decision first, ties by id), read in place: a row is filled from the columns when asked
 * for, into one reused object. At a million rows, `decodeChunks` built a million objects (over
 * 400 MB of heap and seconds of work); this keeps the columns and three small index arrays.
 */
export interface DaySeq extends RowSeq {
  /** Decision time of each row, ascending: bisect it to find a period's rows. */
  readonly decidedAt: Float64Array;
  /** Row `i`'s id. */
  id(i: number): string;
}

/** Findings decoded once per distinct stored string, shared by every day (the statistics only read them). */
const findingsCache = new Map<string, StatsRow['findings']>();

function findingsOf(s: string): StatsRow['findings'] {
  let f = findingsCache.get(s);
  if (!f) {
    f = decodeFindings(s);
    findingsCache.set(s, f);
  }
  return f;
}

/** Offsets of each id in a day's newline-joined id string, computed on first use. */
function idOffsets(c: DayChunk): Int32Array {
  const n = c.decidedAt.length;
  const offsets = new Int32Array(n + 1);
  let p = 0;
  for (let k = 0; k < n; k++) {
    offsets[k] = p;
    const q = c.ids.indexOf('\n', p);
    p = q < 0 ? c.ids.length + 1 : q + 1;
  }
  offsets[n] = c.ids.length + 1;
  return offsets;
}

/** The first index whose decision time is at or after `t` (the sequence's length when none is). */
export function bisectTime(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reads stored days (in any order) as one sequence. */
export function daySeq(chunks: readonly DayChunk[]): DaySeq {
  const days = [...chunks].sort((a, b) => a.day - b.day);
  let n = 0;
  for (const c of days) n += c.decidedAt.length;
  const dayAt = new Uint32Array(n);
  const rowAt = new Uint32Array(n);
  const decidedAt = new Float64Array(n);
  let i = 0;
  days.forEach((c, d) => {
    const order = rowOrder(c);
    for (let k = 0; k < c.decidedAt.length; k++) {
      const r = order ? (order[k] as number) : k;
      dayAt[i] = d;
      rowAt[i] = r;
      decidedAt[i] = c.decidedAt[r] as number;
      i += 1;
    }
  });
  const offsets: (Int32Array | undefined)[] = new Array(days.length);
  const id = (i: number): string => {
    const d = dayAt[i] as number;
    const c = days[d] as DayChunk;
    let o = offsets[d];
    if (!o) {
      o = idOffsets(c);
      offsets[d] = o;
    }
    const r = rowAt[i] as number;
    return c.ids.slice(o[r] as number, (o[r + 1] as number) - 1);
  };

  const fill = (i: number, into: StatsRow & { customer: StatsRow['customer'] }, customer: CustomerScratch | null) => {
    const c = days[dayAt[i] as number] as DayChunk;
    const r = rowAt[i] as number;
    const { strings } = c;
    const reason = c.reason[r] as number;
    const sarcasm = c.sarcasm[r] as number;
    const mutable = into as { -readonly [K in keyof StatsRow]: StatsRow[K] };
    mutable.decidedAt = c.decidedAt[r] as number;
    mutable.shownAt = c.shownAt[r] as number;
    mutable.helpdesk = strings[c.helpdesk[r] as number] as string;
    mutable.agent = strings[c.agent[r] as number] as string;
    mutable.outcome = OUTCOMES[c.outcome[r] as number] ?? 'accepted';
    mutable.reason = reason < 0 ? null : (OVERRIDE_REASONS[reason] ?? null);
    mutable.note = c.note[r] ?? null;
    mutable.similarity = c.similarity[r] as number;
    mutable.editSize = c.editSize[r] as number;
    mutable.source = SUGGESTION_SOURCES[c.source[r] as number] ?? 'ai-control';
    mutable.findings = findingsOf(strings[c.findings[r] as number] as string);
    if (sarcasm < 0) mutable.customer = null;
    else {
      const into2 = customer ?? newCustomer();
      into2.sentiment.label = strings[c.sentiment[r] as number] as SentimentLabel;
      into2.sentiment.score = c.sentimentScore[r] as number;
      into2.sarcasm.likely = sarcasm === 1;
      mutable.customer = into2;
    }
    return into;
  };

  // One object refilled per call; its id is read only when asked for (the statistics rarely do).
  let current = 0;
  const scratchCustomer = newCustomer();
  const scratch = blankRow() as StatsRow;
  Object.defineProperty(scratch, 'id', { get: () => id(current), enumerable: true });

  return {
    length: n,
    decidedAt,
    id,
    narrow({ helpdesk, agent, outcome, source }) {
      if (helpdesk === undefined && agent === undefined && outcome === undefined && source === undefined) return null;
      // Each day's code for the wanted helpdesk and agent (-1: not in that day), found once.
      const helpdeskCode = days.map((c) => (helpdesk === undefined ? -2 : c.strings.indexOf(helpdesk)));
      const agentCode = days.map((c) => (agent === undefined ? -2 : c.strings.indexOf(agent)));
      const outcomeCode = outcome === undefined ? -2 : OUTCOMES.indexOf(outcome);
      const sourceCode = source === undefined ? -2 : SUGGESTION_SOURCES.indexOf(source);
      return (i) => {
        const d = dayAt[i] as number;
        const c = days[d] as DayChunk;
        const r = rowAt[i] as number;
        const h = helpdeskCode[d] as number;
        const a = agentCode[d] as number;
        return (
          (h === -2 || c.helpdesk[r] === h) &&
          (a === -2 || c.agent[r] === a) &&
          (outcomeCode === -2 || c.outcome[r] === outcomeCode) &&
          (sourceCode === -2 || c.source[r] === sourceCode)
        );
      };
    },
    row(i) {
      current = i;
      return fill(i, scratch, scratchCustomer);
    },
    keep(i) {
      const row = fill(i, blankRow() as StatsRow, null);
      (row as { id: string }).id = id(i);
      return row;
    },
  };
}

type CustomerScratch = { sentiment: { label: SentimentLabel; score: number }; sarcasm: { likely: boolean } };

const newCustomer = (): CustomerScratch => ({ sentiment: { label: 'neutral', score: 0 }, sarcasm: { likely: false } });

const blankRow = (): Omit<StatsRow, 'id'> & { id?: string } => ({
  decidedAt: 0,
  shownAt: 0,
  helpdesk: '',
  agent: '',
  outcome: 'accepted',
  reason: null,
  note: null,
  similarity: 0,
  editSize: 0,
  source: 'ai-control',
  findings: [],
  customer: null,
});

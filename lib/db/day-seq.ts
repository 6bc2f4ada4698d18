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
  /**
   * Builds now what `candidates` builds on first use, for every field it narrows by: the
   * dashboard's worker calls it once the page is complete, so a lead's first filter does not
   * wait for a walk of the whole log.
   */
  prepareCandidates(): void;
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

/** The first position of `list` (ascending) holding a value at or above `value` (its length when none does). */
export function lowerBound(list: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose decision time is at or after `t` (the sequence's length when none is). */
export const bisectTime = (times: Float64Array, t: number): number => lowerBound(times, t);

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

  /** Rows by helpdesk, agent, outcome and source value, each dimension's built on its first use. */
  const postings = new Map<NarrowingDim, Map<string, Uint32Array>>();
  const postingsFor = (dim: NarrowingDim) => {
    let index = postings.get(dim);
    if (!index) {
      index = postingsOf(days, dayAt, rowAt, dim);
      postings.set(dim, index);
    }
    return index;
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
    candidates(filter) {
      let best: Uint32Array | null = null;
      for (const dim of NARROWING) {
        const value = filter[dim];
        if (value === undefined) continue;
        const list = postingsFor(dim).get(value) ?? EMPTY;
        // The shortest list: the filter's matcher checks the other fields on far fewer rows than
        // intersecting the lists would touch.
        if (!best || list.length < best.length) best = list;
      }
      return best;
    },
    prepareCandidates() {
      for (const dim of NARROWING) postingsFor(dim);
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

/** What `candidates` narrows by. */
const NARROWING = ['agent', 'helpdesk', 'source', 'outcome'] as const;
type NarrowingDim = (typeof NARROWING)[number];
const EMPTY = new Uint32Array(0);

/**
 * Every row's index under its value of `dim`, increasing, in two passes (count, then fill) over
 * the columns: one walk of the whole log, after which every filter on that field reads only its
 * own rows (one agent of 120 in a million-row log: 8,000 rows instead of a million).
 */
function postingsOf(
  days: readonly DayChunk[],
  dayAt: Uint32Array,
  rowAt: Uint32Array,
  dim: NarrowingDim,
): Map<string, Uint32Array> {
  // Each row's value as a number: a day's string code mapped to one numbering of the whole log,
  // or the outcome's or source's own index.
  const names: string[] = dim === 'outcome' ? [...OUTCOMES] : dim === 'source' ? [...SUGGESTION_SOURCES] : [];
  const global = new Map<string, number>(names.map((name, k) => [name, k]));
  const fallback = dim === 'outcome' ? OUTCOMES.indexOf('accepted') : SUGGESTION_SOURCES.indexOf('ai-control');
  const codeMaps = days.map((c) =>
    dim === 'outcome' || dim === 'source'
      ? null
      : Int32Array.from(c.strings, (name) => {
          let g = global.get(name);
          if (g === undefined) {
            g = names.length;
            names.push(name);
            global.set(name, g);
          }
          return g;
        }),
  );
  const n = dayAt.length;
  const valueAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = dayAt[i] as number;
    const c = days[d] as DayChunk;
    const r = rowAt[i] as number;
    const map = codeMaps[d];
    const code = c[dim][r] as number;
    // An outcome or source code this build does not know reads as the default, as `row(i)` reads it.
    valueAt[i] = map ? (map[code] as number) : code >= 0 && code < names.length ? code : fallback;
  }
  const counts = new Uint32Array(names.length);
  for (let i = 0; i < n; i++) {
    const v = valueAt[i] as number;
    counts[v] = (counts[v] as number) + 1;
  }
  const lists = Array.from(counts, (count) => new Uint32Array(count));
  const filled = new Uint32Array(names.length);
  for (let i = 0; i < n; i++) {
    const v = valueAt[i] as number;
    (lists[v] as Uint32Array)[(filled[v] as number)++] = i;
  }
  return new Map(names.map((name, k) => [name, lists[k] as Uint32Array]));
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

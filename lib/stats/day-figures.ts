import { OUTCOMES, OVERRIDE_REASONS } from '../db/schema';
import { CHUNK_MS, type DayChunk, decodeFindings } from '../db/summary';
import { type PeriodFigures, PeriodTallies } from './aggregate';
import type { EventFilter } from './filter';
import { hasUnresolvedCritical, scratchEvent } from './metrics';

/**
 * The dashboard's first render, straight from the summary's packed days (lib/db/summary.ts):
 * the headline figures and trends of a period and the one before, without decoding a single row
 * into an object. Only the days that overlap the two periods are read, row by row in the order
 * `decodeChunks` would give them (oldest first, ties by id), so every sum adds up in the same
 * order and every figure is identical to `aggregate` over the decoded rows (a unit test holds
 * both to that).
 */

/** What one stored findings string means to a tally and to the category filter. */
interface FindingsInfo {
  count: number;
  unresolvedCritical: boolean;
  categories: ReadonlySet<string>;
}

const findingsInfo = new Map<string, FindingsInfo>();

function infoOf(s: string): FindingsInfo {
  let info = findingsInfo.get(s);
  if (!info) {
    const findings = decodeFindings(s);
    info = {
      count: findings.length,
      unresolvedCritical: hasUnresolvedCritical(findings),
      categories: new Set(findings.map((f) => f.category)),
    };
    findingsInfo.set(s, info);
  }
  return info;
}

/**
 * Reads the day's ids one at a time: ties in decision time are common (times are stored to the
 * second or minute by some helpdesks), and splitting every tied day's id string cost more
 * allocation than the rest of the first render.
 */
function idReader(c: DayChunk): (i: number) => string {
  const { ids } = c;
  let offsets: Int32Array | null = null;
  return (i) => {
    if (!offsets) {
      const n = c.decidedAt.length;
      offsets = new Int32Array(n + 1);
      let p = 0;
      for (let k = 0; k < n; k++) {
        offsets[k] = p;
        const q = ids.indexOf('\n', p);
        p = q < 0 ? ids.length + 1 : q + 1;
      }
      offsets[n] = ids.length + 1;
    }
    return ids.slice(offsets[i] as number, (offsets[i + 1] as number) - 1);
  };
}

/**
 * Row indexes of a day in `decodeChunks` order: by decision time, ties by id; null when the
 * stored order is that order already (rows are stored in arrival order, which nearly always is).
 */
function rowOrder(c: DayChunk): Uint32Array | null {
  const t = c.decidedAt;
  const n = t.length;
  const idAt = idReader(c);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    const a = t[i - 1] as number;
    const b = t[i] as number;
    if (a > b) sorted = false;
    else if (a === b) sorted = idAt(i - 1) <= idAt(i);
  }
  if (sorted) return null;
  const ids = Array.from({ length: n }, (_, i) => idAt(i));
  return Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => {
    const d = (t[x] as number) - (t[y] as number);
    if (d !== 0) return d;
    const a = ids[x] as string;
    const b = ids[y] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The code of `value` among a day's distinct strings: -1 when absent, undefined when not filtered on. */
function codeOf(c: DayChunk, value: string | undefined): number | undefined {
  return value === undefined ? undefined : c.strings.indexOf(value);
}

/**
 * Headline figures and trends for a filter and period from the packed summary days.
 *
 * @param days the stored days, in any order; only those overlapping the period or the one before are read.
 * @param period `[start, end)`; the previous period is the same length just before it.
 * @param firstEventAt the earliest event in the log, to say whether a previous period exists.
 */
export function dayFigures(
  days: readonly DayChunk[],
  filter: EventFilter,
  period: { start: number; end: number },
  firstEventAt: number = period.start,
): PeriodFigures {
  const slices = new PeriodTallies(period, firstEventAt);
  const { prevStart, end } = slices;
  const { outcome: outcomeFilter, reason: reasonFilter, category } = filter;
  const event = scratchEvent();
  const wanted = days
    .filter((c) => (c.day + 1) * CHUNK_MS > prevStart && c.day * CHUNK_MS < end)
    .sort((a, b) => a.day - b.day);
  for (const c of wanted) {
    const helpdesk = codeOf(c, filter.helpdesk);
    const agent = codeOf(c, filter.agent);
    if (helpdesk === -1 || agent === -1) continue;
    const { decidedAt, shownAt, outcome, reason, findings, strings } = c;
    const order = rowOrder(c);
    // Per code, not per row: a Map lookup per row cost more than the rest of the row's work.
    const infos: (FindingsInfo | undefined)[] = new Array(strings.length);
    for (let k = 0; k < decidedAt.length; k++) {
      const i = order ? (order[k] as number) : k;
      const t = decidedAt[i] as number;
      if (t < prevStart || t >= end) continue;
      if (helpdesk !== undefined && c.helpdesk[i] !== helpdesk) continue;
      if (agent !== undefined && c.agent[i] !== agent) continue;
      const o = OUTCOMES[outcome[i] as number] ?? 'accepted';
      if (outcomeFilter !== undefined && o !== outcomeFilter) continue;
      if (reasonFilter !== undefined) {
        const r = reason[i] as number;
        if ((r < 0 ? null : (OVERRIDE_REASONS[r] ?? null)) !== reasonFilter) continue;
      }
      const code = findings[i] as number;
      let info = infos[code];
      if (!info) {
        info = infoOf(strings[code] as string);
        infos[code] = info;
      }
      if (category !== undefined && !info.categories.has(category)) continue;
      event.outcome = o;
      event.findings = info.count;
      event.unresolvedCritical = info.unresolvedCritical;
      event.editSize = c.editSize[i] as number;
      event.similarity = c.similarity[i] as number;
      event.decisionMs = t - (shownAt[i] as number);
      slices.addEvent(t, event);
    }
  }
  return slices.figures();
}

/** What the page header and the filters need from the whole log, read from the packed days. */
export interface LogExtent {
  /** Rows in the days given. */
  rows: number;
  /** Earliest and latest decision; null for an empty log. */
  first: number | null;
  last: number | null;
  /** Distinct helpdesks and agents, sorted. */
  helpdesks: string[];
  agents: string[];
}

/** Counts, first and last decision, and the helpdesk and agent choices of the given days. */
export function logExtent(days: readonly DayChunk[]): LogExtent {
  let rows = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const helpdesks = new Set<string>();
  const agents = new Set<string>();
  for (const c of days) {
    const n = c.decidedAt.length;
    rows += n;
    const seen = new Uint8Array(c.strings.length);
    for (let i = 0; i < n; i++) {
      const t = c.decidedAt[i] as number;
      if (t < first) first = t;
      if (t > last) last = t;
      const h = c.helpdesk[i] as number;
      const a = c.agent[i] as number;
      seen[h] = (seen[h] as number) | 1;
      seen[a] = (seen[a] as number) | 2;
    }
    for (let k = 0; k < seen.length; k++) {
      const s = c.strings[k] as string;
      if ((seen[k] as number) & 1) helpdesks.add(s);
      if ((seen[k] as number) & 2) agents.add(s);
    }
  }
  return {
    rows,
    first: rows ? first : null,
    last: rows ? last : null,
    helpdesks: [...helpdesks].sort(),
    agents: [...agents].sort(),
  };
}

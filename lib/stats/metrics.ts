import { copyDurations, type DurationSource } from '../db/day-totals';
import type { Outcome } from '../db/schema';
import type { StatsRow } from './stats-row';

/**
 * Running totals for one slice of events. Everything the headline figures and trend points need
 * is a sum or a list of durations, so one pass over the rows fills every slice at once.
 */
export interface Tally {
  seen: number;
  accepted: number;
  edited: number;
  rejected: number;
  escalated: number;
  /** Findings shown, all severities. */
  findings: number;
  /** Suggestions sent (accepted or edited) while a critical finding was shown and not dismissed. */
  sentWithCritical: number;
  /** Sum of `editSize` over edited suggestions. */
  editSizeSum: number;
  /** Sum of `1 - similarity` over edited suggestions. */
  editChangeSum: number;
  /** `decidedAt - shownAt` in ms, unsorted; null for trend points, which never show a median. */
  decisionMs: number[] | null;
  /**
   * More decision times, as runs of stored arrays (`addSumsToTally`): joined once when the median
   * is taken instead of pushed one by one onto `decisionMs` (half a million pushes in a million-row
   * log's first render). Absent until a run is added.
   */
  decisionRuns?: DecisionRun[];
}

/** A day's stored decision times at positions `from` to `to` (read with `copyDurations`). */
export interface DecisionRun {
  source: DurationSource;
  from: number;
  to: number;
}

export type { DurationSource } from '../db/day-totals';

/** @param withDurations keep decision times for the median (the headline needs them, trend points do not). */
export function emptyTally(withDurations = true): Tally {
  return {
    seen: 0,
    accepted: 0,
    edited: 0,
    rejected: 0,
    escalated: 0,
    findings: 0,
    sentWithCritical: 0,
    editSizeSum: 0,
    editChangeSum: 0,
    decisionMs: withDurations ? [] : null,
  };
}

/**
 * One event as a tally reads it. The dashboard's first render fills tallies straight from the
 * summary's columns (lib/stats/day-figures.ts) with one reused object of this shape, and
 * `addToTally` goes through the same function, so both count exactly alike.
 */
export interface TallyEvent {
  outcome: Outcome;
  /** Findings shown, all severities. */
  findings: number;
  /** A critical finding was shown and not dismissed. */
  unresolvedCritical: boolean;
  editSize: number;
  similarity: number;
  /** `decidedAt - shownAt`. */
  decisionMs: number;
}

/** Adds one event given by its fields. Allocation-free: it runs once per row per slice. */
export function addEventToTally(t: Tally, e: TallyEvent): void {
  t.seen += 1;
  t[e.outcome] += 1;
  t.findings += e.findings;
  if (e.outcome === 'edited') {
    t.editSizeSum += e.editSize;
    t.editChangeSum += 1 - e.similarity;
  }
  if ((e.outcome === 'accepted' || e.outcome === 'edited') && e.unresolvedCritical) t.sentWithCritical += 1;
  if (t.decisionMs && Number.isFinite(e.decisionMs) && e.decisionMs >= 0) t.decisionMs.push(e.decisionMs);
}

/** A tally's sums, in the order stored sums are laid out (lib/db/day-totals.ts). */
export const TALLY_SUMS = [
  'seen',
  'accepted',
  'edited',
  'rejected',
  'escalated',
  'findings',
  'sentWithCritical',
  'editSizeSum',
  'editChangeSum',
] as const satisfies readonly (keyof Tally)[];

/**
 * Adds stored sums (`TALLY_SUMS.length` numbers from `sums[at]`) and their decision times
 * (`durations[from]` to `durations[to]`, already filtered as `addEventToTally` filters them).
 */
export function addSumsToTally(
  t: Tally,
  sums: ArrayLike<number>,
  at: number,
  durations: DurationSource,
  from: number,
  to: number,
): void {
  for (let k = 0; k < TALLY_SUMS.length; k++) t[TALLY_SUMS[k] as (typeof TALLY_SUMS)[number]] += sums[at + k] as number;
  if (!t.decisionMs || to <= from) return;
  // A day's slots come one after another: one run for the day, not one per quarter hour.
  t.decisionRuns ??= [];
  const runs = t.decisionRuns;
  const last = runs[runs.length - 1];
  if (last && last.source === durations && last.to === from) last.to = to;
  else runs.push({ source: durations, from, to });
}

/** True when one of the findings is critical and was not dismissed. */
export function hasUnresolvedCritical(findings: StatsRow['findings']): boolean {
  for (const f of findings) if (f.severity === 'critical' && !f.dismissed) return true;
  return false;
}

/** An empty event for a pass to fill row by row: one object reused, so a 100,000-row pass allocates nothing. */
export function scratchEvent(): TallyEvent {
  return { outcome: 'accepted', findings: 0, unresolvedCritical: false, editSize: 0, similarity: 0, decisionMs: 0 };
}

/** Fills `into` with what a tally counts of `row`, and returns it. */
export function eventOf(row: StatsRow, into: TallyEvent): TallyEvent {
  into.outcome = row.outcome;
  into.findings = row.findings.length;
  into.unresolvedCritical =
    (row.outcome === 'accepted' || row.outcome === 'edited') && hasUnresolvedCritical(row.findings);
  into.editSize = row.editSize;
  into.similarity = row.similarity;
  into.decisionMs = row.decidedAt - row.shownAt;
  return into;
}

/** The event `addToTally` fills for each row. */
const scratch = scratchEvent();

/** Adds one event. Kept allocation-free: it runs once per row per slice on every filter change. */
export function addToTally(t: Tally, row: StatsRow): void {
  addEventToTally(t, eventOf(row, scratch));
}

/** The headline figures. Rates are shares in [0, 1]; null when there is nothing to divide by. */
export interface Headline {
  seen: number;
  acceptanceRate: number | null;
  editRate: number | null;
  rejectionRate: number | null;
  escalationRate: number | null;
  /** 1 - acceptance: the share the agent did not send as suggested. */
  overrideRate: number | null;
  meanEditSize: number | null;
  meanEditChange: number | null;
  medianDecisionMs: number | null;
  findingsPer100: number | null;
  unresolvedCriticalShare: number | null;
}

export type HeadlineKey = keyof Headline;

/**
 * Median of a list (copied, not reordered). Null for an empty list. Selects instead of sorting:
 * half a million decision times (a million-row log's period and the one before) took about
 * 60 ms to sort in the dashboard's first render, a selection a few.
 */
export function median(values: ArrayLike<number>): number | null {
  return medianInPlace(Float64Array.from(values));
}

/** Every decision time of a tally, its pushed ones and its runs, in one array of its own. */
function decisionTimes(t: Tally): Float64Array {
  const pushed = t.decisionMs ?? [];
  let n = pushed.length;
  for (const run of t.decisionRuns ?? []) n += run.to - run.from;
  const out = new Float64Array(n);
  out.set(pushed);
  let at = pushed.length;
  for (const { source, from, to } of t.decisionRuns ?? []) {
    copyDurations(source, from, to, out, at);
    at += to - from;
  }
  return out;
}

/** `median`, reordering `a` (an array the caller owns) instead of copying it. */
function medianInPlace(a: Float64Array): number | null {
  const n = a.length;
  if (n === 0) return null;
  if (n >= BUCKETED_FROM) {
    const bucketed = bucketedMedian(a);
    if (bucketed !== undefined) return bucketed;
  }
  const mid = n >> 1;
  const hi = select(a, mid);
  if (n % 2 === 1) return hi;
  // After the selection, everything before `mid` is at most `hi`: the largest of them is the other middle.
  let lo = a[0] as number;
  for (let i = 1; i < mid; i++) if ((a[i] as number) > lo) lo = a[i] as number;
  return (lo + hi) / 2;
}

/** From this many values on, `medianInPlace` buckets before it selects. */
const BUCKETED_FROM = 4_096;
/** Buckets of `bucketedMedian`: the top 16 bits of a non-negative double's 64 (sign, exponent, 4 mantissa bits). */
const BUCKETS = 1 << 15;
const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * The median of many values, without reordering them all: one pass counts them into buckets by
 * the top bits of their IEEE 754 representation (for non-negative doubles, the same order as
 * their values; a bucket spans a sixteenth of a power of two), a second gathers the one or two
 * buckets holding the middle ranks, and only those few are selected among. Half a million decision
 * times (a million-row log's period and the one before) took the dashboard's first render 17–37 ms
 * to select in a CPU profile; undefined (the caller selects) for a negative value or a big-endian
 * machine.
 */
function bucketedMedian(a: Float64Array): number | undefined {
  if (!littleEndian) return undefined;
  const n = a.length;
  // The high 32 bits of value i are word 2i + 1.
  const words = new Uint32Array(a.buffer, a.byteOffset, n * 2);
  const counts = new Uint32Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const b = (words[2 * i + 1] as number) >>> 16;
    if (b >= BUCKETS) return undefined;
    counts[b] = (counts[b] as number) + 1;
  }
  const mid = n >> 1;
  const low = n % 2 === 1 ? mid : mid - 1;
  // The buckets of ranks `low` and `mid`, and how many values come before the first.
  let b = 0;
  let below = 0;
  while (below + (counts[b] as number) <= low) below += counts[b++] as number;
  const first = b;
  let through = below + (counts[b] as number);
  while (through <= mid) through += counts[++b] as number;
  const last = b;
  const gathered = new Float64Array(through - below);
  let g = 0;
  for (let i = 0; i < n; i++) {
    const w = (words[2 * i + 1] as number) >>> 16;
    if (w >= first && w <= last) gathered[g++] = a[i] as number;
  }
  const hi = select(gathered, mid - below);
  if (low === mid) return hi;
  // Everything before `mid - below` is at most `hi` after the selection: the largest of them is the other middle.
  let lo = gathered[0] as number;
  for (let i = 1; i < mid - below; i++) if ((gathered[i] as number) > lo) lo = gathered[i] as number;
  return (lo + hi) / 2;
}

/**
 * Puts the `k`-th smallest value of `a` at `a[k]`, smaller or equal ones before it and greater or
 * equal ones after (Hoare's selection, middle-of-three pivot), and returns it.
 */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const m = (left + right) >> 1;
    // Order a[left], a[m], a[right]; the middle one is the pivot.
    if ((a[m] as number) < (a[left] as number)) swap(a, m, left);
    if ((a[right] as number) < (a[left] as number)) swap(a, right, left);
    if ((a[right] as number) < (a[m] as number)) swap(a, right, m);
    const pivot = a[m] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k] as number;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Turns totals into the figures a lead reads. */
export function headlineOf(t: Tally): Headline {
  return {
    seen: t.seen,
    acceptanceRate: share(t.accepted, t.seen),
    editRate: share(t.edited, t.seen),
    rejectionRate: share(t.rejected, t.seen),
    escalationRate: share(t.escalated, t.seen),
    overrideRate: share(t.seen - t.accepted, t.seen),
    meanEditSize: share(t.editSizeSum, t.edited),
    meanEditChange: share(t.editChangeSum, t.edited),
    medianDecisionMs: t.decisionMs ? medianInPlace(decisionTimes(t)) : null,
    findingsPer100: t.seen > 0 ? (100 * t.findings) / t.seen : null,
    unresolvedCriticalShare: share(t.sentWithCritical, t.seen),
  };
}

/** How a figure is printed. */
export type MetricFormat = 'count' | 'percent' | 'chars' | 'duration' | 'per100';

/** A headline figure as the dashboard shows it: the label, and the definition one hover away. */
export interface MetricDefinition {
  key: HeadlineKey;
  label: string;
  definition: string;
  format: MetricFormat;
  /** Which direction a lead would call worse, for the comparison arrow; null when neither. */
  worseWhen: 'up' | 'down' | null;
}

/** The headline cards, in the order shown. Data, so the wording lives in one place. */
export const HEADLINE_METRICS: readonly MetricDefinition[] = [
  {
    key: 'seen',
    label: 'Suggestions seen',
    definition: 'AI-suggested replies an agent decided on in the period: sent as is, edited, rejected or escalated.',
    format: 'count',
    worseWhen: null,
  },
  {
    key: 'acceptanceRate',
    label: 'Accepted',
    definition: 'Share of suggestions sent exactly as suggested (accepted ÷ seen).',
    format: 'percent',
    worseWhen: 'down',
  },
  {
    key: 'editRate',
    label: 'Edited',
    definition: 'Share of suggestions the agent changed before sending (edited ÷ seen).',
    format: 'percent',
    worseWhen: 'up',
  },
  {
    key: 'rejectionRate',
    label: 'Rejected',
    definition: 'Share of suggestions discarded without sending (rejected ÷ seen).',
    format: 'percent',
    worseWhen: 'up',
  },
  {
    key: 'escalationRate',
    label: 'Escalated',
    definition: 'Share of suggestions where the agent handed the ticket on instead of replying (escalated ÷ seen).',
    format: 'percent',
    worseWhen: 'up',
  },
  {
    key: 'meanEditSize',
    label: 'Mean edit size',
    definition:
      'Over edited suggestions: characters inserted plus deleted between the suggestion and the sent reply, averaged.',
    format: 'chars',
    worseWhen: 'up',
  },
  {
    key: 'meanEditChange',
    label: 'Mean change of edits',
    definition: 'Over edited suggestions: 1 − similarity between the suggestion and the sent reply, averaged.',
    format: 'percent',
    worseWhen: 'up',
  },
  {
    key: 'medianDecisionMs',
    label: 'Median time to decision',
    definition: 'Median time from the suggestion first being shown to the agent sending, discarding or escalating it.',
    format: 'duration',
    worseWhen: 'up',
  },
  {
    key: 'findingsPer100',
    label: 'Findings per 100',
    definition: 'Risk findings shown (any rule, any severity) per 100 suggestions seen.',
    format: 'per100',
    worseWhen: 'up',
  },
  {
    key: 'unresolvedCriticalShare',
    label: 'Sent with unresolved critical',
    definition:
      'Share of suggestions sent (as is or edited) while a critical finding was shown and not dismissed by the agent.',
    format: 'percent',
    worseWhen: 'up',
  },
];

/** Prints a figure for a card or a table cell. */
export function formatMetric(value: number | null, format: MetricFormat): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (format) {
    case 'count':
      return Math.round(value).toLocaleString('en');
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'chars':
      return `${Math.round(value)} chars`;
    case 'per100':
      return value.toFixed(1);
    case 'duration':
      return formatDuration(value);
  }
}

/** 950 ms → "0.9 s", 75,000 ms → "1 min 15 s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${totalSeconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

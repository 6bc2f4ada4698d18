import type { Outcome } from '../db/schema';
import { type EventFilter, rowMatcher } from './filter';
import {
  addEventToTally,
  addSumsToTally,
  type DurationSource,
  emptyTally,
  eventOf,
  type Headline,
  headlineOf,
  scratchEvent,
  type Tally,
  type TallyEvent,
} from './metrics';
import { arraySeq, forEachCandidate, type RowSeq } from './row-seq';
import type { StatsRow } from './stats-row';

export const DAY_MS = 86_400_000;

/** Local midnight of the day holding `t`. */
export function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Local midnight of the Monday of the week holding `t`. */
export function startOfWeek(t: number): number {
  const d = new Date(startOfDay(t));
  const back = (d.getDay() + 6) % 7;
  d.setDate(d.getDate() - back);
  return d.getTime();
}

export type Granularity = 'day' | 'week';

/** One point of a trend: a day or a week, with its totals. */
export interface TrendBucket {
  start: number;
  tally: Tally;
}

/** A trend for the period and the same-length period before it, aligned by bucket index. */
export interface Trend {
  granularity: Granularity;
  current: TrendBucket[];
  previous: TrendBucket[];
}

/** Counts for one row of a breakdown table. */
export interface BreakdownRow {
  key: string;
  seen: number;
  accepted: number;
  edited: number;
  rejected: number;
  escalated: number;
  findings: number;
}

/** Override rate of a breakdown row (share not sent as suggested). */
export const breakdownOverrideRate = (b: BreakdownRow): number => (b.seen > 0 ? (b.seen - b.accepted) / b.seen : 0);

export type BreakdownDimension = 'helpdesk' | 'agent' | 'source' | 'category' | 'reason' | 'sentiment' | 'sarcasm';

export const BREAKDOWN_DIMENSIONS: readonly BreakdownDimension[] = [
  'helpdesk',
  'agent',
  'source',
  'category',
  'reason',
  'sentiment',
  'sarcasm',
];

/** One rule's record: how admins judge whether it earns its place in the pack. */
export interface RuleStat {
  rule: string;
  category: string;
  /** Findings of this rule shown to agents. */
  fired: number;
  /** Of those, dismissed by the agent as not a problem. */
  dismissed: number;
  /** Suggestions on which the rule fired. */
  suggestions: number;
  /** Of those, suggestions not sent as suggested. */
  overridden: number;
}

export const falseAlarmRate = (r: RuleStat): number => (r.fired > 0 ? r.dismissed / r.fired : 0);
export const overriddenWhenFiredRate = (r: RuleStat): number => (r.suggestions > 0 ? r.overridden / r.suggestions : 0);

/** Everything the dashboard draws for one filter, from one pass over the rows. */
export interface Aggregates {
  period: { start: number; end: number };
  headline: Headline;
  /** Null when there is no earlier period to compare with (the period reaches the first event). */
  previousHeadline: Headline | null;
  trends: Record<Granularity, Trend>;
  rules: RuleStat[];
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
  /** The period's events that pass the filter, in the input order. */
  events: StatsRow[];
}

function emptyBreakdown(key: string): BreakdownRow {
  return { key, seen: 0, accepted: 0, edited: 0, rejected: 0, escalated: 0, findings: 0 };
}

function bump(map: Map<string, BreakdownRow>, key: string, row: StatsRow): void {
  let b = map.get(key);
  if (!b) {
    b = emptyBreakdown(key);
    map.set(key, b);
  }
  b.seen += 1;
  b[row.outcome as Outcome] += 1;
  b.findings += row.findings.length;
}

/** Buckets of one granularity over `[start, end)`, indexed by time with a one-entry cache. */
class Buckets {
  readonly list: TrendBucket[] = [];
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private cached = -1;

  constructor(start: number, end: number, floor: (t: number) => number, step: (t: number) => number) {
    for (let t = floor(start); t < end; t = step(t)) this.list.push({ start: t, tally: emptyTally(false) });
  }

  /** The bucket holding `t`, found by binary search unless it is the previous one. */
  at(t: number): TrendBucket | undefined {
    if (t >= this.lo && t < this.hi) return this.list[this.cached];
    const { list } = this;
    let a = 0;
    let b = list.length - 1;
    while (a <= b) {
      const m = (a + b) >> 1;
      if ((list[m] as TrendBucket).start <= t) a = m + 1;
      else b = m - 1;
    }
    const found = list[b];
    if (!found) return undefined;
    this.cached = b;
    this.lo = found.start;
    this.hi = list[b + 1]?.start ?? Number.POSITIVE_INFINITY;
    return found;
  }
}

const nextDay = (t: number): number => {
  const d = new Date(t);
  d.setDate(d.getDate() + 1);
  return d.getTime();
};
const nextWeek = (t: number): number => {
  const d = new Date(t);
  d.setDate(d.getDate() + 7);
  return d.getTime();
};

/** The headline figures and trends of a period: what the dashboard's first render shows. */
export type PeriodFigures = Pick<Aggregates, 'period' | 'headline' | 'previousHeadline' | 'trends'>;

/**
 * The tallies of a period and the same-length period before it, whole and by day and week. Both
 * `aggregate` (over decoded rows) and `dayFigures` (over the summary's columns) fill one, so the
 * slicing, and with it every figure, is the same code.
 */
export class PeriodTallies {
  readonly start: number;
  readonly end: number;
  /** Start of the period before. */
  readonly prevStart: number;
  private readonly period: { start: number; end: number };
  private readonly hasPrevious: boolean;
  private readonly current = emptyTally();
  private readonly previous = emptyTally();
  private readonly days: Buckets;
  private readonly weeks: Buckets;
  private readonly prevDays: Buckets;
  private readonly prevWeeks: Buckets;
  /** Filled per row by `addRow`: one object for the whole pass. */
  private readonly scratch = scratchEvent();

  constructor(period: { start: number; end: number }, firstEventAt: number) {
    const { start, end } = period;
    this.period = period;
    this.start = start;
    this.end = end;
    this.prevStart = start - (end - start);
    this.hasPrevious = firstEventAt < start;
    this.days = new Buckets(start, end, startOfDay, nextDay);
    this.weeks = new Buckets(start, end, startOfWeek, nextWeek);
    this.prevDays = new Buckets(this.prevStart, start, startOfDay, nextDay);
    this.prevWeeks = new Buckets(this.prevStart, start, startOfWeek, nextWeek);
  }

  /** Counts a row decided in `[prevStart, end)`; true when it is in the period itself. */
  addRow(row: StatsRow): boolean {
    return this.addEvent(row.decidedAt, eventOf(row, this.scratch));
  }

  /** Counts an event decided at `t` in `[prevStart, end)`; true when it is in the period itself. */
  addEvent(t: number, event: TallyEvent): boolean {
    const current = t >= this.start;
    addEventToTally(current ? this.current : this.previous, event);
    const d = (current ? this.days : this.prevDays).at(t);
    if (d) addEventToTally(d.tally, event);
    const w = (current ? this.weeks : this.prevWeeks).at(t);
    if (w) addEventToTally(w.tally, event);
    return current;
  }

  /**
   * Adds stored sums of events decided in `[t, t + grain)` (see `addSumsToTally`), where `grain`
   * passed `alignedTo`; true when they are in the period itself.
   */
  addSums(
    t: number,
    sums: ArrayLike<number>,
    at: number,
    durations: DurationSource,
    from: number,
    to: number,
  ): boolean {
    const current = t >= this.start;
    addSumsToTally(current ? this.current : this.previous, sums, at, durations, from, to);
    const d = (current ? this.days : this.prevDays).at(t);
    if (d) addSumsToTally(d.tally, sums, at, durations, from, to);
    const w = (current ? this.weeks : this.prevWeeks).at(t);
    if (w) addSumsToTally(w.tally, sums, at, durations, from, to);
    return current;
  }

  /**
   * True when every boundary (the periods', every day's and week's) is a multiple of `grain` ms:
   * then events summed over `[k·grain, (k+1)·grain)` each fall in one slice, and `addSums` counts
   * exactly what `addEvent` would.
   */
  alignedTo(grain: number): boolean {
    const on = (t: number) => t % grain === 0;
    return (
      on(this.prevStart) &&
      on(this.start) &&
      on(this.end) &&
      [this.days, this.weeks, this.prevDays, this.prevWeeks].every((b) => b.list.every((x) => on(x.start)))
    );
  }

  figures(): PeriodFigures {
    const { hasPrevious } = this;
    return {
      period: this.period,
      headline: headlineOf(this.current),
      previousHeadline: hasPrevious ? headlineOf(this.previous) : null,
      trends: {
        day: { granularity: 'day', current: this.days.list, previous: hasPrevious ? this.prevDays.list : [] },
        week: { granularity: 'week', current: this.weeks.list, previous: hasPrevious ? this.prevWeeks.list : [] },
      },
    };
  }
}

/** `Aggregates` over a `RowSeq`: the period's events are indexes into the sequence, in its order. */
export type SeqAggregates = Omit<Aggregates, 'events'> & { events: Uint32Array };

/**
 * One pass over every row: headline figures for the period and the one before, day and week
 * trends for both, the rules table and the breakdowns. The rows need not be sorted.
 *
 * @param period `[start, end)`; the previous period is the same length just before it.
 * @param firstEventAt the earliest event in the log, to say whether a previous period exists.
 */
export function aggregate(
  rows: readonly StatsRow[],
  filter: EventFilter,
  period: { start: number; end: number },
  firstEventAt: number = period.start,
): Aggregates {
  const result = aggregateSeq(arraySeq(rows), filter, period, firstEventAt);
  return { ...result, events: Array.from(result.events, (i) => rows[i] as StatsRow) };
}

/**
 * `aggregate` over a sequence of rows (lib/stats/row-seq.ts), reading each row once and keeping
 * only indexes: the dashboard's worker runs it over a million packed rows.
 *
 * @param range the indexes to look at, `[from, to)`; rows outside it are taken to be outside the
 *   period and the one before (for a sequence in time order, the caller finds them by bisection).
 */
export function aggregateSeq(
  seq: RowSeq,
  filter: EventFilter,
  period: { start: number; end: number },
  firstEventAt: number = period.start,
  range: readonly [number, number] = [0, seq.length],
): SeqAggregates {
  const matches = rowMatcher(filter, true);
  const slices = new PeriodTallies(period, firstEventAt);
  const { prevStart, end } = slices;
  const rules = new Map<string, RuleStat>();
  const maps: Record<BreakdownDimension, Map<string, BreakdownRow>> = {
    helpdesk: new Map(),
    agent: new Map(),
    source: new Map(),
    category: new Map(),
    reason: new Map(),
    sentiment: new Map(),
    sarcasm: new Map(),
  };
  const events: number[] = [];
  const seenRules = new Set<string>();
  const seenCategories = new Set<string>();

  forEachCandidate(seq, filter, range[0], range[1], (i) => {
    const row = seq.row(i);
    const t = row.decidedAt;
    if (t < prevStart || t >= end || !matches(row)) return;
    if (!slices.addRow(row)) return;
    events.push(i);

    bump(maps.helpdesk, row.helpdesk, row);
    bump(maps.agent, row.agent || 'me', row);
    bump(maps.source, row.source, row);
    bump(maps.reason, row.reason ?? 'none given', row);
    bump(maps.sentiment, row.customer?.sentiment.label ?? 'unknown', row);
    bump(maps.sarcasm, row.customer ? (row.customer.sarcasm.likely ? 'sarcastic' : 'not sarcastic') : 'unknown', row);

    seenRules.clear();
    seenCategories.clear();
    const overridden = row.outcome !== 'accepted';
    for (const f of row.findings) {
      let r = rules.get(f.rule);
      if (!r) {
        r = { rule: f.rule, category: f.category, fired: 0, dismissed: 0, suggestions: 0, overridden: 0 };
        rules.set(f.rule, r);
      }
      r.fired += 1;
      if (f.dismissed) r.dismissed += 1;
      if (!seenRules.has(f.rule)) {
        seenRules.add(f.rule);
        r.suggestions += 1;
        if (overridden) r.overridden += 1;
      }
      if (!seenCategories.has(f.category)) {
        seenCategories.add(f.category);
        bump(maps.category, f.category, row);
      }
    }
    if (row.findings.length === 0) bump(maps.category, 'no findings', row);
  });

  const sorted = (m: Map<string, BreakdownRow>) => [...m.values()].sort((a, b) => b.seen - a.seen);
  return {
    ...slices.figures(),
    rules: [...rules.values()].sort((a, b) => b.fired - a.fired || a.rule.localeCompare(b.rule)),
    breakdowns: {
      helpdesk: sorted(maps.helpdesk),
      agent: sorted(maps.agent),
      source: sorted(maps.source),
      category: sorted(maps.category),
      reason: sorted(maps.reason),
      sentiment: sorted(maps.sentiment),
      sarcasm: sorted(maps.sarcasm),
    },
    events: Uint32Array.from(events),
  };
}

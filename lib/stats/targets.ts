import { RULE_TARGET_PREFIX, ruleTarget, TARGET_BOUNDS, type Target, type TargetFigure } from '../settings/targets';
import { falseAlarmRate, type RuleStat, startOfDay } from './aggregate';
import { addToTally, emptyTally, formatMetric, type Headline, headlineOf, median, type Tally } from './metrics';
import { type Mover, whatMoved } from './monitor';
import type { StatsRow } from './stats-row';

/**
 * Targets ("predefined success benchmarks", lib/settings/targets.ts) held against the figures:
 * whether a value meets its target, which days went beyond it and what moved then, and which
 * rules' false-alarm rates are beyond theirs. Pure: the dashboard and the review report call it
 * with decoded rows after their first paint.
 */

/** Where a value stands against its target. */
export type TargetStatus = 'met' | 'above' | 'below';

/** The figures a day can be held to a target on (the rules' false-alarm rates are held over a period). */
export type DailyTargetFigure = Exclude<TargetFigure, 'falseAlarmRate'>;

export const DAILY_TARGET_FIGURES: readonly DailyTargetFigure[] = [
  'overrideRate',
  'unresolvedCriticalShare',
  'medianDecisionMs',
];

/**
 * Fewest suggestions a day (or a trend point) needs before it is held to a target: a day with a
 * handful of suggestions (a weekend) swings by tens of points and would raise breaches that
 * mean nothing. With 20, a day's override rate near 30 % still has a standard error of about 10
 * points, so one day beyond a target is a hint; a stretch of days is what the drift panel lists.
 * @default 20
 */
export const MIN_SUGGESTIONS_PER_DAY = 20;

/**
 * Fewest suggestions a day is judged on when the drift panel and the report look for stretches
 * beyond a target: a day with fewer is judged together with the days just before it (at most a
 * week back) until they add up to this many. On the demo history, judging weekend days (about 25
 * suggestions) on their own listed a one-day "breach" for every noisy weekend; pooled, the
 * stretches left are the drift episode's. Teams too small for a day's worth are judged over
 * several days the same way. @default 100
 */
export const MIN_SUGGESTIONS_PER_JUDGEMENT = 100;

/** Days a judgement reaches back at most. @default 7 */
const POOL_DAYS = 7;

/** Fewest findings a rule needs in a period before its false-alarm rate is held to a target. @default 20 */
export const MIN_FINDINGS_PER_RULE = 20;

/** Where `value` stands against `target`; null without a value or a target. */
export function targetStatus(value: number | null | undefined, target: Target | undefined): TargetStatus | null {
  if (value === null || value === undefined || !Number.isFinite(value) || !target) return null;
  if (target.max !== undefined && value > target.max) return 'above';
  if (target.min !== undefined && value < target.min) return 'below';
  return 'met';
}

/** How a figure's target is shown and read: its words, and its unit (lib/settings/targets.ts). */
export interface TargetFigureInfo {
  figure: TargetFigure;
  label: string;
  unit: 'share' | 'ms';
  /** Largest value a bound may take. */
  upTo: number;
  /** What the figure measures, for a tooltip. */
  meaning: string;
}

const TARGET_WORDS: Readonly<Record<TargetFigure, { label: string; meaning: string }>> = {
  overrideRate: { label: 'Override rate', meaning: 'share of suggestions not sent as suggested' },
  unresolvedCriticalShare: {
    label: 'Sent with unresolved critical',
    meaning: 'share of suggestions sent while a critical finding was shown and not dismissed',
  },
  medianDecisionMs: {
    label: 'Median time to decision',
    meaning: 'median time from the suggestion shown to the decision',
  },
  falseAlarmRate: {
    label: 'False-alarm rate of each rule',
    meaning: 'share of a rule’s findings dismissed by agents as not a problem',
  },
};

/** Every figure with a target, in the order the dashboard and the report list them. */
export const TARGET_FIGURES: readonly TargetFigureInfo[] = (Object.keys(TARGET_BOUNDS) as TargetFigure[]).map(
  (figure) => ({ figure, ...TARGET_BOUNDS[figure], ...TARGET_WORDS[figure] }),
);

/** The label of a target figure, as the dashboard and the report show it. */
export const targetLabel = (figure: TargetFigure): string => TARGET_WORDS[figure].label;

/** One figure of a period against its target. */
export interface TargetCheck {
  /** The target's key: a figure, or `falseAlarmRate:<rule id>`. */
  key: string;
  figure: TargetFigure;
  /** The rule, for a false-alarm rate. */
  rule?: string;
  value: number | null;
  target: Target;
  status: TargetStatus | null;
  /** What the value was computed over: suggestions, or the rule's findings. */
  count: number;
}

/**
 * Every target held against a period's figures: the headline figures with a target, and each
 * rule with at least `MIN_FINDINGS_PER_RULE` findings whose false-alarm rate has one (its own or
 * the one for every rule), rules beyond their target first.
 */
export function periodTargetChecks(
  headline: Headline,
  rules: readonly RuleStat[] | null,
  targets: Readonly<Record<string, Target>>,
  minFindings = MIN_FINDINGS_PER_RULE,
): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const figure of DAILY_TARGET_FIGURES) {
    const target = targets[figure];
    if (!target) continue;
    const value = headline[figure];
    out.push({ key: figure, figure, value, target, status: targetStatus(value, target), count: headline.seen });
  }
  const ruleChecks: TargetCheck[] = [];
  for (const r of rules ?? []) {
    const target = ruleTarget(targets, r.rule);
    if (!target || r.fired < minFindings) continue;
    const value = falseAlarmRate(r);
    const own = targets[`${RULE_TARGET_PREFIX}${r.rule}`] !== undefined;
    ruleChecks.push({
      key: own ? `${RULE_TARGET_PREFIX}${r.rule}` : 'falseAlarmRate',
      figure: 'falseAlarmRate',
      rule: r.rule,
      value,
      target,
      status: targetStatus(value, target),
      count: r.fired,
    });
  }
  const rank = (c: TargetCheck) => (c.status === 'met' ? 1 : 0);
  ruleChecks.sort((a, b) => rank(a) - rank(b) || (b.value ?? 0) - (a.value ?? 0));
  return out.concat(ruleChecks);
}

/** A figure's value over a tally (the headline's definition). */
const figureOf = (t: Tally, figure: DailyTargetFigure): number | null => headlineOf(t)[figure];

/** A stretch of days on which a figure stayed beyond its target. */
export interface TargetBreach {
  figure: DailyTargetFigure;
  target: Target;
  direction: 'above' | 'below';
  /** Local midnight of the first day beyond the target. */
  startedAt: number;
  /** Local midnight after the last day beyond it. */
  endedAt: number;
  /** Days beyond the target (days with too few suggestions in between are not counted, nor break it). */
  days: number;
  /** True when the last day held to the target is part of it: the breach goes on. */
  open: boolean;
  /** The figure over every suggestion of the breach's days. */
  level: number;
  /** The figure over the baseline: the days within target in the 28 days before (else every such day). */
  baseline: number | null;
  suggestions: number;
  /** The biggest moves between the baseline and the breach, as the drift alarms list them. */
  movers: Mover[];
}

/** One local day of rows. */
interface Day {
  start: number;
  rows: StatsRow[];
  tally: Tally;
}

/** Groups rows sorted by decision time into local days, each with its tally (decision times kept for medians). */
function daysOf(sortedRows: readonly StatsRow[]): Day[] {
  const days: Day[] = [];
  let current: Day | undefined;
  let next = Number.NEGATIVE_INFINITY;
  for (const row of sortedRows) {
    if (!current || row.decidedAt >= next || row.decidedAt < current.start) {
      const start = startOfDay(row.decidedAt);
      const d = new Date(start);
      d.setDate(d.getDate() + 1);
      next = d.getTime();
      current = { start, rows: [], tally: emptyTally() };
      days.push(current);
    }
    current.rows.push(row);
    addToTally(current.tally, row);
  }
  return days;
}

/** Merges tallies (decision times included). */
function tallyOf(days: readonly Day[]): Tally {
  const t = emptyTally();
  for (const d of days) {
    for (const k of Object.keys(t) as (keyof Tally)[]) {
      if (k === 'decisionMs') continue;
      (t[k] as number) += d.tally[k] as number;
    }
    t.decisionMs?.push(...(d.tally.decisionMs ?? []));
  }
  return t;
}

const BASELINE_DAYS = 28;

/**
 * The tally each day is judged on: its own when it has `minPerJudgement` suggestions, else pooled
 * with the days before it (up to `POOL_DAYS` back) until they do; null when even that is too few.
 */
function judgedTallies(days: readonly Day[], minPerJudgement: number): (Tally | null)[] {
  return days.map((d, i) => {
    if (d.tally.seen >= minPerJudgement) return d.tally;
    const pool: Day[] = [d];
    let seen = d.tally.seen;
    for (let j = i - 1; j >= 0 && seen < minPerJudgement; j--) {
      const before = days[j] as Day;
      if (before.start < d.start - POOL_DAYS * 86_400_000) break;
      pool.push(before);
      seen += before.tally.seen;
    }
    return seen >= minPerJudgement ? tallyOf(pool) : null;
  });
}

/**
 * Finds every stretch of days on which a figure with a target stayed beyond it, over rows in
 * time order (the drift monitor's input: filters applied, the whole log), newest first. Each day
 * is judged on at least `minPerJudgement` suggestions (pooled with the days before it when it has
 * fewer: `judgedTallies`); days that cannot be judged neither extend nor break a stretch. Each
 * breach says what moved between its days and the days within target before it, with the drift
 * monitor's own comparison (`whatMoved`).
 */
export function targetBreaches(
  sortedRows: readonly StatsRow[],
  targets: Readonly<Record<string, Target>>,
  minPerJudgement = MIN_SUGGESTIONS_PER_JUDGEMENT,
): TargetBreach[] {
  const figures = DAILY_TARGET_FIGURES.filter((f) => targets[f]);
  if (figures.length === 0 || sortedRows.length === 0) return [];
  const all = daysOf(sortedRows);
  const judged = judgedTallies(all, minPerJudgement);
  const days = all.filter((_, i) => judged[i] !== null);
  const tallies = judged.filter((t): t is Tally => t !== null);
  const out: TargetBreach[] = [];
  for (const figure of figures) {
    const target = targets[figure] as Target;
    const status = tallies.map((t) => targetStatus(figureOf(t, figure), target));
    for (let i = 0; i < days.length; ) {
      const direction = status[i];
      if (direction !== 'above' && direction !== 'below') {
        i += 1;
        continue;
      }
      let j = i;
      while (j + 1 < days.length && status[j + 1] === direction) j += 1;
      const stretch = days.slice(i, j + 1);
      const first = stretch[0] as Day;
      const last = stretch.at(-1) as Day;
      const end = new Date(last.start);
      end.setDate(end.getDate() + 1);
      const before = days
        .slice(0, i)
        .filter((d, k) => status[k] === 'met' && d.start >= first.start - BASELINE_DAYS * 86_400_000);
      const baselineDays = before.length ? before : days.filter((_, k) => status[k] === 'met');
      const baselineTally = baselineDays.length ? tallyOf(baselineDays) : null;
      out.push({
        figure,
        target,
        direction,
        startedAt: first.start,
        endedAt: end.getTime(),
        days: stretch.length,
        open: j === days.length - 1,
        level: figureOf(tallyOf(stretch), figure) ?? 0,
        baseline: baselineTally ? figureOf(baselineTally, figure) : null,
        suggestions: stretch.reduce((n, d) => n + d.tally.seen, 0),
        movers: whatMoved(
          baselineDays.flatMap((d) => d.rows),
          stretch.flatMap((d) => d.rows),
        ),
      });
      i = j + 1;
    }
  }
  return out.sort((a, b) => b.startedAt - a.startedAt || a.figure.localeCompare(b.figure));
}

/**
 * The median time to decision of each trend point (the trends' tallies keep no decision times:
 * the first render does not need them), for the trend chart when a lead charts it against its
 * target. `starts` are the points' starts, oldest first; the last point ends at `end`. `rows` may
 * hand out one reused object (the statistics worker's packed days): each row is read before the next.
 */
export function medianTrend(
  rows: Iterable<StatsRow>,
  matches: (row: StatsRow) => boolean,
  starts: readonly number[],
  end: number,
): { values: (number | null)[]; seen: number[] } {
  const buckets: number[][] = starts.map(() => []);
  const first = starts[0];
  if (first === undefined) return { values: [], seen: [] };
  for (const row of rows) {
    const t = row.decidedAt;
    if (t < first || t >= end || !matches(row)) continue;
    let a = 0;
    let b = starts.length - 1;
    while (a < b) {
      const m = (a + b + 1) >> 1;
      if ((starts[m] as number) <= t) a = m;
      else b = m - 1;
    }
    const ms = row.decidedAt - row.shownAt;
    if (Number.isFinite(ms) && ms >= 0) buckets[a]?.push(ms);
  }
  return { values: buckets.map((b) => median(b)), seen: buckets.map((b) => b.length) };
}

/** A figure's value as the dashboard and the report print it. */
export function formatTargetValue(figure: TargetFigure, value: number | null): string {
  return formatMetric(value, figure === 'medianDecisionMs' ? 'duration' : 'percent');
}

/** A target in words: "at most 35.0%", "at least 5.0 s", "5.0 s to 2 min 0 s". */
export function formatTarget(figure: TargetFigure, target: Target): string {
  const f = (v: number) => formatTargetValue(figure, v);
  if (target.min !== undefined && target.max !== undefined) return `${f(target.min)} to ${f(target.max)}`;
  if (target.max !== undefined) return `at most ${f(target.max)}`;
  return target.min !== undefined ? `at least ${f(target.min)}` : '–';
}

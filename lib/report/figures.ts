import { CATEGORIES, type Category } from '../engine/types';
import {
  type BreakdownDimension,
  type BreakdownRow,
  type Granularity,
  PeriodTallies,
  type RuleStat,
  type TrendBucket,
} from '../stats/aggregate';
import { type CusumResult, chooseBaseline, cusum, DEFAULT_CUSUM, type Observation } from '../stats/drift';
import type { Headline, Tally } from '../stats/metrics';
import type { DriftMetric } from '../stats/monitor';
import { type PeriodPreset, periodBounds } from '../stats/period';

/**
 * The dashboard's figures computed by SQL on an analytics engine (lib/report/sql), for logs too big
 * for one browser. The SQL files hold the definitions; this module runs them through a `Query`
 * function (DuckDB in `npm run report`, see lib/cli/report.ts; any engine that runs the SQL in
 * tests or elsewhere) and puts the answers in the shapes lib/stats gives the dashboard, so the
 * parity test can hold the two to the same figures.
 */

/** The report's SQL texts: `base` is the engine's own (lib/report/sql/base), the rest are portable. */
export interface ReportSql {
  base: string;
  extent: string;
  headline: string;
  trends: string;
  rules: string;
  breakdowns: string;
  drift: string;
}

/** The portable figure queries, by file name in lib/report/sql. */
export const FIGURE_QUERIES = ['extent', 'headline', 'trends', 'rules', 'breakdowns', 'drift'] as const;

/** Runs one SQL statement (or script) and returns its rows as plain objects. */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** What the report shows: the dashboard's figures for one period, unfiltered. */
export interface ReportFigures {
  /** Events after removing repeated ids, first and last decision, distinct helpdesks and agents. */
  extent: {
    events: number;
    /** Rows of the files that repeated an id already counted (overlapping exports). */
    repeated: number;
    first: number | null;
    last: number | null;
    helpdesks: number;
    agents: number;
  };
  period: { start: number; end: number };
  headline: Headline;
  /** Null when the log starts inside the period (nothing to compare with). */
  previousHeadline: Headline | null;
  /** Day and week points of the period and the one before, empty buckets included (as the dashboard's). */
  trends: Record<Granularity, { current: TrendBucket[]; previous: TrendBucket[] }>;
  rules: RuleStat[];
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
  drift: {
    events: number;
    blockSize: number;
    monitors: { metric: DriftMetric; result: CusumResult }[];
  };
  /** Wall time of each query, ms (the report prints them; the benchmark adds them up). */
  timings: Record<string, number>;
}

/** A number from an engine's answer: BIGINT and HUGEINT come back as bigint, NULL as null. */
function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  if (v === null || v === undefined) return Number.NaN;
  return Number(String(v));
}

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

function headlineOfRow(r: Record<string, unknown>): Headline {
  return {
    seen: num(r.seen),
    acceptanceRate: numOrNull(r.acceptance_rate),
    editRate: numOrNull(r.edit_rate),
    rejectionRate: numOrNull(r.rejection_rate),
    escalationRate: numOrNull(r.escalation_rate),
    overrideRate: numOrNull(r.override_rate),
    meanEditSize: numOrNull(r.mean_edit_size),
    meanEditChange: numOrNull(r.mean_edit_change),
    medianDecisionMs: numOrNull(r.median_decision_ms),
    findingsPer100: numOrNull(r.findings_per_100),
    unresolvedCriticalShare: numOrNull(r.unresolved_critical_share),
  };
}

/** An empty headline: what `headlineOf` gives for a period without events. */
const emptyHeadline = (): Headline => headlineOfRow({ seen: 0 });

function tallyOfRow(r: Record<string, unknown>): Tally {
  return {
    seen: num(r.seen),
    accepted: num(r.accepted),
    edited: num(r.edited),
    rejected: num(r.rejected),
    escalated: num(r.escalated),
    findings: num(r.findings),
    sentWithCritical: num(r.sent_with_critical),
    editSizeSum: num(r.edit_size_sum),
    editChangeSum: num(r.edit_change_sum),
    decisionMs: null,
  };
}

/** Local midnight of a `YYYY-MM-DD` date, in the process's time zone (the report sets it). */
function localMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y as number, (m as number) - 1, d as number).getTime();
}

/** A SQL string literal. */
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Replaces `{{name}}` placeholders of the base SQL. Only the time zone is one, checked before. */
export function fillBase(base: string, tz: string): string {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(tz)) throw new Error(`not a time zone name: ${tz}`);
  return base.replaceAll('{{tz}}', tz);
}

/**
 * Runs the report's SQL and returns its figures. `rg_rows` (the export rows, with `file`) must be
 * defined already; the local days are those of `tz`, which must also be the process's time zone
 * (`process.env.TZ`), as the period bounds are computed here with `Date`.
 *
 * @param preset the period, as the dashboard's picker names it; it ends with the day of `now`
 *   or of the newest event, whichever is later.
 * @param now defaults to the newest event: a report is about its files, not about today.
 */
export async function reportFigures(
  query: Query,
  sql: ReportSql,
  options: { tz: string; preset?: PeriodPreset; now?: number },
): Promise<ReportFigures> {
  const timings: Record<string, number> = {};
  const timed = async (name: string, text: string) => {
    const t0 = performance.now();
    const rows = await query(text);
    timings[name] = performance.now() - t0;
    return rows;
  };
  await timed('base', fillBase(sql.base, options.tz));
  const [x = {}] = await timed('extent', sql.extent);
  const events = num(x.events);
  const first = events ? num(x.first_ms) : null;
  const last = events ? num(x.last_ms) : null;
  const period = periodBounds(
    options.preset ?? '28d',
    first ?? Date.now(),
    last ?? Date.now(),
    options.now ?? last ?? Date.now(),
  );
  const slices = new PeriodTallies(period, first ?? period.start);
  await query(
    `CREATE OR REPLACE TEMP TABLE rg_params AS SELECT CAST(${period.start} AS BIGINT) AS period_start, ` +
      `CAST(${period.end} AS BIGINT) AS period_end, CAST(${slices.prevStart} AS BIGINT) AS prev_start`,
  );

  const headlineRows = await timed('headline', sql.headline);
  const current = headlineRows.find((r) => r.period === 'current');
  const previous = headlineRows.find((r) => r.period === 'previous');
  const shape = slices.figures();
  const hasPrevious = shape.previousHeadline !== null;

  const trendRows = await timed('trends', sql.trends);
  const trends = {} as ReportFigures['trends'];
  for (const granularity of ['day', 'week'] as const) {
    const fill = (list: TrendBucket[], which: string) => {
      const byStart = new Map(list.map((b) => [b.start, b]));
      for (const r of trendRows) {
        if (r.granularity !== granularity || r.period !== which) continue;
        const bucket = byStart.get(localMidnight(String(r.bucket)));
        if (!bucket) throw new Error(`the SQL gave a ${granularity} ${String(r.bucket)} outside the period`);
        bucket.tally = tallyOfRow(r);
      }
      return list;
    };
    trends[granularity] = {
      current: fill(shape.trends[granularity].current, 'current'),
      previous: hasPrevious ? fill(shape.trends[granularity].previous, 'previous') : [],
    };
  }

  const rules: RuleStat[] = (await timed('rules', sql.rules)).map((r) => ({
    rule: String(r.rule),
    category: String(r.category),
    fired: num(r.fired),
    dismissed: num(r.dismissed),
    suggestions: num(r.suggestions),
    overridden: num(r.overridden),
  }));

  const breakdowns: ReportFigures['breakdowns'] = {
    helpdesk: [],
    agent: [],
    source: [],
    category: [],
    reason: [],
    sentiment: [],
    sarcasm: [],
  };
  for (const r of await timed('breakdowns', sql.breakdowns)) {
    breakdowns[r.dimension as BreakdownDimension]?.push({
      key: String(r.key),
      seen: num(r.seen),
      accepted: num(r.accepted),
      edited: num(r.edited),
      rejected: num(r.rejected),
      escalated: num(r.escalated),
      findings: num(r.findings),
    });
  }

  const driftRows = await timed('drift', sql.drift);
  const byMetric = new Map<string, Observation[]>();
  let blockSize = 25;
  for (const r of driftRows) {
    blockSize = num(r.block_size);
    const list = byMetric.get(String(r.metric)) ?? [];
    list.push({ from: num(r.from_ms), to: num(r.to_ms), value: num(r.value), firstEvent: num(r.first_event) });
    byMetric.set(String(r.metric), list);
  }
  if (!driftRows.length) blockSize = Math.max(25, Math.ceil(events / 300));
  const blocks = Math.floor(events / blockSize);
  const cusumOptions = { ...DEFAULT_CUSUM, blockSize, baselineObservations: chooseBaseline(blocks) };
  const monitors: ReportFigures['drift']['monitors'] = [
    { metric: 'override-rate', result: cusum(byMetric.get('override-rate') ?? [], cusumOptions) },
  ];
  for (const category of CATEGORIES) {
    const observations = byMetric.get(`category:${category}`);
    if (observations)
      monitors.push({ metric: `category:${category as Category}`, result: cusum(observations, cusumOptions) });
  }

  return {
    extent: {
      events,
      repeated: num(x.repeated ?? 0) || 0,
      first,
      last,
      helpdesks: num(x.helpdesks ?? 0),
      agents: num(x.agents ?? 0),
    },
    period,
    headline: current ? headlineOfRow(current) : emptyHeadline(),
    previousHeadline: hasPrevious ? (previous ? headlineOfRow(previous) : emptyHeadline()) : null,
    trends,
    rules,
    breakdowns,
    drift: { events, blockSize, monitors },
    timings,
  };
}

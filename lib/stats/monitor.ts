import { CATEGORIES, type Category } from '../engine/types';
import {
  type CusumResult,
  chooseBaseline,
  chooseBlockSize,
  cusum,
  DEFAULT_CUSUM,
  type DriftAlarm,
  type Observation,
  toBlocks,
} from './drift';
import { arraySeq, type RowSeq } from './row-seq';
import type { StatsRow } from './stats-row';

/** What a drift monitor watches: the override rate, or one category's finding rate. */
export type DriftMetric = 'override-rate' | `category:${Category}`;

/** Words for each monitored metric, shown in the alarm list. */
export function driftMetricLabel(metric: DriftMetric): string {
  return metric === 'override-rate' ? 'Override rate' : `${metric.slice('category:'.length)} finding rate`;
}

/** A dimension a lead can blame a change on. */
export type MoverDimension = 'rule' | 'category' | 'reason' | 'helpdesk' | 'sentiment' | 'sarcasm';

/** One thing that moved between the baseline window and the alarm window. */
export interface Mover {
  dimension: MoverDimension;
  key: string;
  /** Share in [0, 1] (rule: findings per suggestion) in the baseline and in the alarm window. */
  baseline: number;
  window: number;
  delta: number;
  /** What the share measures, for the tooltip. */
  meaning: string;
}

const MOVER_MEANING: Record<MoverDimension, string> = {
  rule: 'findings of this rule per suggestion',
  category: 'share of suggestions with a finding of this category',
  reason: 'share of suggestions overridden for this reason',
  helpdesk: 'override rate on this helpdesk',
  sentiment: 'share of customers read as this sentiment',
  sarcasm: 'share of customers read as sarcastic',
};

export interface MonitoredAlarm extends DriftAlarm {
  metric: DriftMetric;
  /** The biggest moves, largest absolute change first. */
  movers: Mover[];
}

export interface DriftReport {
  /** Events (after filters) in time order that the monitors saw. */
  events: number;
  blockSize: number;
  /** Observations the baseline needs before anything is monitored. */
  baselineObservations: number;
  overrideRate: CusumResult;
  categories: Partial<Record<Category, CusumResult>>;
  /** Every alarm of every monitor, newest start first. */
  alarms: MonitoredAlarm[];
}

/**
 * Runs the override-rate monitor and one monitor per category that appears in the log, over
 * events in time order (sort before calling). The baseline is the oldest stretch of events.
 */
export function monitorDrift(
  sortedRows: readonly StatsRow[],
  blockSize = chooseBlockSize(sortedRows.length),
): DriftReport {
  return monitorDriftSeq(arraySeq(sortedRows), null, blockSize);
}

/** Some rows of a sequence, in its order: `picked` indexes, or every row when null. */
interface Slice {
  length: number;
  row(k: number): StatsRow;
}

function sliceOf(seq: RowSeq, picked: Uint32Array | null, from: number, to: number): Slice {
  return {
    length: Math.max(0, to - from),
    row: (k) => seq.row(picked ? (picked[from + k] as number) : from + k),
  };
}

/**
 * `monitorDrift` over a sequence in time order (lib/stats/row-seq.ts), reading each row by index:
 * the dashboard's worker runs it over a million packed rows without decoding them into objects.
 *
 * @param picked the events to watch (a filter's), as increasing indexes; null for every row.
 */
export function monitorDriftSeq(
  seq: RowSeq,
  picked: Uint32Array | null,
  blockSize = chooseBlockSize(picked ? picked.length : seq.length),
): DriftReport {
  const n = picked ? picked.length : seq.length;
  const all = sliceOf(seq, picked, 0, n);
  const times = new Float64Array(n);
  const overrides = new Uint8Array(n);
  const byCategory = new Map<Category, Uint8Array>();
  for (let i = 0; i < n; i++) {
    const row = all.row(i);
    times[i] = row.decidedAt;
    overrides[i] = row.outcome === 'accepted' ? 0 : 1;
    for (const f of row.findings) {
      let arr = byCategory.get(f.category);
      if (!arr) {
        arr = new Uint8Array(n);
        byCategory.set(f.category, arr);
      }
      arr[i] = 1;
    }
  }
  const blocks = Math.floor(n / blockSize);
  const options = { ...DEFAULT_CUSUM, blockSize, baselineObservations: chooseBaseline(blocks) };
  const overrideRate = cusum(toBlocks(times, overrides, blockSize), options);
  const categories: Partial<Record<Category, CusumResult>> = {};
  const alarms: MonitoredAlarm[] = [];
  // Alarms of different metrics share their baseline (and often their window): each range is walked once.
  const walked = new Map<string, Record<MoverDimension, Shares>>();
  const sharesBetween = (from: number, to: number) => {
    const key = `${from} ${to}`;
    let shares = walked.get(key);
    if (!shares) {
      shares = sharesOf(sliceOf(seq, picked, from, to));
      walked.set(key, shares);
    }
    return shares;
  };
  const add = (metric: DriftMetric, result: CusumResult) => {
    for (const alarm of result.alarms) {
      const at = (i: number) => result.observations[i] as Observation;
      const baselineEnd = at(result.baselineCount - 1);
      const first = at(alarm.startIndex);
      const last = at(alarm.endIndex ?? result.observations.length - 1);
      const baseline = sharesBetween(0, Math.min(n, baselineEnd.firstEvent + blockSize));
      const window = sharesBetween(first.firstEvent, Math.min(n, last.firstEvent + blockSize));
      alarms.push({ ...alarm, metric, movers: movedBetween(baseline, window) });
    }
  };
  add('override-rate', overrideRate);
  for (const category of CATEGORIES) {
    const arr = byCategory.get(category);
    if (!arr) continue;
    const result = cusum(toBlocks(times, arr, blockSize), options);
    categories[category] = result;
    add(`category:${category}`, result);
  }
  alarms.sort((a, b) => b.startedAt - a.startedAt);
  return { events: n, blockSize, baselineObservations: options.baselineObservations, overrideRate, categories, alarms };
}

interface Shares {
  total: number;
  counts: Map<string, number>;
  /** For helpdesks: events per helpdesk, the denominator of its override rate. */
  totals: Map<string, number>;
}

const DIMENSIONS: readonly MoverDimension[] = ['rule', 'category', 'reason', 'helpdesk', 'sentiment', 'sarcasm'];

/**
 * Every dimension's shares of a slice, in one walk of its rows: a row is filled once for all six,
 * not once per dimension (at a million rows the drift panel's alarms walked their baselines and
 * windows six times each).
 */
function sharesOf(rows: Slice): Record<MoverDimension, Shares> {
  const shares = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      { total: rows.length, counts: new Map<string, number>(), totals: new Map<string, number>() },
    ]),
  ) as Record<MoverDimension, Shares>;
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const seen: string[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows.row(k);
    seen.length = 0;
    for (const f of row.findings) {
      inc(shares.rule.counts, f.rule);
      if (!seen.includes(f.category)) {
        seen.push(f.category);
        inc(shares.category.counts, f.category);
      }
    }
    if (row.reason) inc(shares.reason.counts, row.reason);
    inc(shares.helpdesk.totals, row.helpdesk);
    if (row.outcome !== 'accepted') inc(shares.helpdesk.counts, row.helpdesk);
    if (row.customer) inc(shares.sentiment.counts, row.customer.sentiment.label);
    if (row.customer?.sarcasm.likely) inc(shares.sarcasm.counts, 'sarcastic');
  }
  return shares;
}

/**
 * Compares the alarm window with the baseline on every dimension and returns the largest moves.
 * Rules, categories and reasons moving point at the AI; sentiment and sarcasm moving point at the
 * customers; one helpdesk moving alone points at that helpdesk's AI or its traffic.
 */
export function whatMoved(baseline: readonly StatsRow[], window: readonly StatsRow[], limit = 8): Mover[] {
  const slice = (rows: readonly StatsRow[]): Slice => ({ length: rows.length, row: (k) => rows[k] as StatsRow });
  return movedBetween(sharesOf(slice(baseline)), sharesOf(slice(window)), limit);
}

function movedBetween(
  baseline: Record<MoverDimension, Shares>,
  window: Record<MoverDimension, Shares>,
  limit = 8,
): Mover[] {
  const movers: Mover[] = [];
  for (const dimension of DIMENSIONS) {
    const a = baseline[dimension];
    const b = window[dimension];
    const keys = new Set([...a.counts.keys(), ...b.counts.keys()]);
    for (const key of keys) {
      const rate = (s: Shares) => {
        const denominator = dimension === 'helpdesk' ? (s.totals.get(key) ?? 0) : s.total;
        return denominator > 0 ? (s.counts.get(key) ?? 0) / denominator : 0;
      };
      const before = rate(a);
      const after = rate(b);
      movers.push({
        dimension,
        key,
        baseline: before,
        window: after,
        delta: after - before,
        meaning: MOVER_MEANING[dimension],
      });
    }
  }
  return movers.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta)).slice(0, limit);
}

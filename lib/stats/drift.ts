/**
 * Drift detection with a two-sided standardised CUSUM (Page 1954) on block means.
 *
 * Why CUSUM: it is the detector with the shortest expected delay for a sustained shift of a
 * given size at a given false-alarm rate, it needs two parameters a lead can be told about
 * (k: the smallest shift worth catching, in standard deviations, halved; h: how much evidence
 * raises an alarm), and its last zero before an alarm is a natural estimate of when the change
 * began.
 *
 * Why blocks: one event is a 0/1 outcome, far from normal. Averaging `blockSize` consecutive
 * events gives observations whose spread the baseline can estimate, and keeps the chart readable
 * at 100,000 events. Rare rates (a category on 5% of suggestions) still give skewed block means,
 * so the statistic runs on the Anscombe arcsine transform of each block's rate, whose spread is
 * close to 1 / (2·sqrt(n)) whatever the rate: without it a stationary 5% stream raised alarms.
 *
 * While an alarm is open the statistic is capped at 2h, so that when the rate comes back the
 * alarm closes within 2h / k observations instead of draining for as long as it rose.
 */

/** One observation: the mean of a block of events and when the block ended. */
export interface Observation {
  /** Epoch ms of the first event in the block. */
  from: number;
  /** Epoch ms of the last event in the block. */
  to: number;
  value: number;
  /** Index of the block's first event in the event stream. */
  firstEvent: number;
}

export interface CusumOptions {
  /** Observations used to estimate the in-control mean and spread. At least `minObservations`. */
  baselineObservations: number;
  /** No alarm before this many observations: the baseline needs them. */
  minObservations: number;
  /** Allowance in standard deviations: half the smallest shift worth catching. */
  k: number;
  /** Decision threshold in standard deviations. */
  h: number;
  /** Events per block, used for the binomial floor on the spread. */
  blockSize: number;
}

/** The defaults the dashboard uses; tests state delays against them. */
export const DEFAULT_CUSUM: Omit<CusumOptions, 'blockSize' | 'baselineObservations'> = {
  minObservations: 30,
  k: 0.5,
  h: 8,
};

export interface DriftAlarm {
  direction: 'up' | 'down';
  /** Estimated start of the change: the first block after the statistic last stood at zero. */
  startedAt: number;
  /** When the statistic crossed the threshold. */
  detectedAt: number;
  /** When the statistic fell back to zero; null while the alarm is still open. */
  endedAt: number | null;
  /** Observation indexes of the same three moments. */
  startIndex: number;
  detectIndex: number;
  endIndex: number | null;
  baseline: number;
  /** Mean of the observations from start to end (or the last one). */
  level: number;
}

export interface CusumResult {
  observations: Observation[];
  /** Upper and lower CUSUM statistic per observation (zero through the baseline). */
  upper: number[];
  lower: number[];
  baselineMean: number;
  /** Spread of the transformed block rates, in radians (see the module comment). */
  baselineSd: number;
  /** Observations in the baseline window (the first ones). */
  baselineCount: number;
  /** False when there were too few observations to monitor at all. */
  ready: boolean;
  alarms: DriftAlarm[];
}

/** Cuts a stream of per-event values (in time order) into block means. The last partial block is dropped. */
export function toBlocks(times: ArrayLike<number>, values: ArrayLike<number>, blockSize: number): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i + blockSize <= values.length; i += blockSize) {
    let sum = 0;
    for (let j = i; j < i + blockSize; j++) sum += values[j] as number;
    out.push({
      from: times[i] as number,
      to: times[i + blockSize - 1] as number,
      value: sum / blockSize,
      firstEvent: i,
    });
  }
  return out;
}

/** Blocks big enough to be near normal, few enough (about 300 at most) to draw. */
export function chooseBlockSize(events: number): number {
  return Math.max(25, Math.ceil(events / 300));
}

/** A baseline of 30% of the observations, never fewer than 30 nor more than 200. */
export function chooseBaseline(observations: number, min = DEFAULT_CUSUM.minObservations): number {
  return Math.max(min, Math.min(200, Math.floor(observations * 0.3)));
}

/**
 * Runs the two-sided CUSUM. The spread is the larger of the baseline's sample deviation and the
 * binomial deviation of a transformed block rate, so a rate that was exactly zero in the baseline
 * does not make the first event an infinite shift.
 */
export function cusum(observations: Observation[], options: CusumOptions): CusumResult {
  const n = observations.length;
  const baselineCount = Math.max(options.baselineObservations, options.minObservations);
  const upper = new Array<number>(n).fill(0);
  const lower = new Array<number>(n).fill(0);
  if (n <= baselineCount) {
    return { observations, upper, lower, baselineMean: 0, baselineSd: 0, baselineCount, ready: false, alarms: [] };
  }
  const m = options.blockSize;
  const obs = (i: number) => observations[i] as Observation;
  const y = observations.map((o) => Math.asin(Math.sqrt((o.value * m + 3 / 8) / (m + 3 / 4))));
  const yv = (i: number) => y[i] as number;
  let sum = 0;
  let ySum = 0;
  for (let i = 0; i < baselineCount; i++) {
    sum += obs(i).value;
    ySum += yv(i);
  }
  const mean = sum / baselineCount;
  const yMean = ySum / baselineCount;
  let ss = 0;
  for (let i = 0; i < baselineCount; i++) ss += (yv(i) - yMean) ** 2;
  const sd = Math.max(Math.sqrt(ss / (baselineCount - 1)), 1 / (2 * Math.sqrt(m)));
  const cap = 2 * options.h;

  const alarms: DriftAlarm[] = [];
  let su = 0;
  let sl = 0;
  let lastZeroUp = baselineCount - 1;
  let lastZeroDown = baselineCount - 1;
  let open: DriftAlarm | null = null;
  let openSum = 0;
  let openCount = 0;
  for (let i = baselineCount; i < n; i++) {
    const z = (yv(i) - yMean) / sd;
    su = Math.min(cap, Math.max(0, su + z - options.k));
    sl = Math.min(cap, Math.max(0, sl - z - options.k));
    upper[i] = su;
    lower[i] = sl;
    if (su === 0) lastZeroUp = i;
    if (sl === 0) lastZeroDown = i;
    if (open) {
      openSum += obs(i).value;
      openCount += 1;
      const stat = open.direction === 'up' ? su : sl;
      if (stat === 0) {
        open.endedAt = obs(i).to;
        open.endIndex = i;
        open.level = openSum / openCount;
        open = null;
      }
      continue;
    }
    if (i + 1 < options.minObservations) continue;
    const direction = su > options.h ? 'up' : sl > options.h ? 'down' : null;
    if (!direction) continue;
    const startIndex = (direction === 'up' ? lastZeroUp : lastZeroDown) + 1;
    openSum = 0;
    openCount = 0;
    for (let j = startIndex; j <= i; j++) {
      openSum += obs(j).value;
      openCount += 1;
    }
    open = {
      direction,
      startedAt: obs(startIndex).from,
      detectedAt: obs(i).to,
      endedAt: null,
      startIndex,
      detectIndex: i,
      endIndex: null,
      baseline: mean,
      level: openSum / openCount,
    };
    alarms.push(open);
  }
  if (open) open.level = openSum / openCount;
  return { observations, upper, lower, baselineMean: mean, baselineSd: sd, baselineCount, ready: true, alarms };
}

import type { OverrideReason } from '../db/schema';
import { arraySeq, type RowSeq } from './row-seq';
import type { StatsRow } from './stats-row';

/**
 * Review sampling: the human check on what nobody overrode. A share of the suggestions agents
 * sent as suggested is queued for a lead, who says whether each was good or should have been
 * changed; from the verdicts comes the estimated share of accepted suggestions that should not
 * have gone out as they were, with a confidence interval.
 *
 * Which rows are sampled: those whose `sampleKey(id)` is below the share. The key is a plain
 * (unkeyed) 53-bit hash of the row id, for three reasons:
 *
 * - unbiased: a row id is random (`crypto.randomUUID()`, made by the extension when the
 *   suggestion appears, before anyone decides), so whether a row is sampled is independent of
 *   its outcome, agent, findings and text; the hash only spreads any id format evenly over [0, 1);
 * - reproducible everywhere: the agent's own dashboard, the lead's after an import, a second lead
 *   with the same exports and a re-import all pick the same rows, and a share raised later keeps
 *   every row already picked (the samples are nested);
 * - not personal: the id says nothing about the customer or the agent, so hashing it needs no
 *   key. A per-install key (the install secret for ticket hashes) would pick different rows on
 *   every machine, and would only stop someone predicting which rows are picked, which gives an
 *   agent nothing: nobody chooses a row's id.
 */

/** 32-bit finaliser of MurmurHash3: every input bit flips each output bit with probability ½. */
function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Where a row falls in [0, 1) for sampling: two 32-bit lanes over the id's UTF-16 code units,
 * each finalised, joined into 53 bits. Sequential ids (`r-1`, `r-2`, … from other tools) spread
 * as evenly as random ones (a unit test checks both).
 */
export function sampleKey(id: string): number {
  let a = 0x9e3779b9 ^ id.length;
  let b = 0x85ebca77;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hi = fmix32(a ^ fmix32(b));
  const lo = fmix32(b ^ hi);
  return (hi * 2 ** 21 + (lo >>> 11)) / 2 ** 53;
}

/** True when the row is in a sample of this share. */
export const inSample = (id: string, share: number): boolean => sampleKey(id) < share;

/** A lead's verdict on a sampled suggestion. */
export type Verdict = 'good' | 'should-change';

/** What the estimate reads of a stored verdict (lib/db/reviews.ts). */
export interface VerdictOf {
  rowId: string;
  verdict: Verdict;
  reason: OverrideReason | null;
}

/**
 * The sample of a period's accepted suggestions, in the order a lead reviews it: by sample key,
 * so the rows reviewed so far are always the ones a smaller share would have picked, a sample of
 * their own, whenever the lead stops.
 */
export function reviewSample<R extends StatsRow>(rows: readonly R[], share: number): R[] {
  return reviewSampleOf(arraySeq(rows), Uint32Array.from(rows.keys()), share).map((i) => rows[i] as R);
}

/**
 * `reviewSample` over rows of a sequence (the statistics worker's packed days): the indices of
 * `events` that are in the sample, in review order. Only sampled rows are ever kept as objects.
 */
export function reviewSampleOf(seq: RowSeq, events: Uint32Array, share: number): number[] {
  if (!(share > 0)) return [];
  const keyed: { i: number; key: number }[] = [];
  for (const i of events) {
    const row = seq.row(i);
    if (row.outcome !== 'accepted') continue;
    const key = sampleKey(row.id);
    if (key < share) keyed.push({ i, key });
  }
  return keyed.sort((x, y) => x.key - y.key).map((k) => k.i);
}

/** A proportion with its 95 % interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for `k` successes in `n` trials (Wilson 1927).
 *
 * Why Wilson rather than Clopper–Pearson: review samples are small and the share found wanting is
 * usually small too, where the normal (Wald) interval collapses to zero width at k = 0 and
 * overshoots below zero. Clopper–Pearson guarantees at least 95 % coverage by being conservative,
 * often much wider than needed at these sizes; Wilson's coverage stays close to 95 % on average
 * for small n and p near 0 (Brown, Cai & DasGupta 2001 recommend it, or Jeffreys', for n up to 40,
 * and it stays good beyond), it never leaves [0, 1], and it needs no inverse beta function. No
 * finite-population correction: with a share of a few percent it would narrow the interval by
 * a few percent, and leaving it out errs on the wide side. Null for n = 0.
 */
export function wilsonInterval(k: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** What the review sample says about a period's accepted suggestions. */
export interface ReviewEstimate {
  /** Accepted suggestions in the period (and filters). */
  accepted: number;
  /** Of which in the sample. */
  sampled: number;
  /** Of which reviewed. */
  reviewed: number;
  /** Reviewed and found wanting: should have been changed. */
  flagged: number;
  /** Share of accepted suggestions that should have been changed, with its 95 % Wilson interval; null before any review. */
  share: Interval | null;
  /** The same as a number of accepted suggestions (share × accepted). */
  count: Interval | null;
  /** Flagged reviews by the reason the lead gave, most first. */
  reasons: { reason: OverrideReason | 'none given'; count: number }[];
}

/**
 * The estimate from the verdicts on a period's sample. Only verdicts on rows in `sample` count:
 * a verdict on a row outside it (the share was lowered since, or a filter leaves it out) says
 * nothing about this sample.
 */
export function reviewEstimate(
  accepted: number,
  sample: readonly { id: string }[],
  verdicts: ReadonlyMap<string, VerdictOf>,
): ReviewEstimate {
  let reviewed = 0;
  let flagged = 0;
  const reasons = new Map<OverrideReason | 'none given', number>();
  for (const row of sample) {
    const v = verdicts.get(row.id);
    if (!v) continue;
    reviewed += 1;
    if (v.verdict !== 'should-change') continue;
    flagged += 1;
    const reason = v.reason ?? 'none given';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const share = wilsonInterval(flagged, reviewed);
  return {
    accepted,
    sampled: sample.length,
    reviewed,
    flagged,
    share,
    count: share
      ? { estimate: share.estimate * accepted, low: share.low * accepted, high: share.high * accepted }
      : null,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}

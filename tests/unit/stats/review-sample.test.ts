import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/demo/random';
import {
  inSample,
  reviewEstimate,
  reviewSample,
  sampleKey,
  type VerdictOf,
  wilsonInterval,
} from '@/lib/stats/review-sample';
import { row } from '../../fixtures/rows';

const uuid = (random: () => number) =>
  Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
    .join('')
    .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');

/** Pearson's chi-square statistic of keys over `bins` equal bins. */
function chiSquare(keys: readonly number[], bins: number): number {
  const counts = new Array<number>(bins).fill(0);
  for (const k of keys) counts[Math.floor(k * bins)] = (counts[Math.floor(k * bins)] ?? 0) + 1;
  const expected = keys.length / bins;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe('review sampling', () => {
  it('spreads random and sequential ids evenly over [0, 1)', () => {
    const random = seededRandom(3);
    const uuids = Array.from({ length: 50_000 }, () => sampleKey(uuid(random)));
    const sequential = Array.from({ length: 50_000 }, (_, i) => sampleKey(`r-${i}`));
    for (const keys of [uuids, sequential]) {
      expect(keys.every((k) => k >= 0 && k < 1)).toBe(true);
      // 100 bins, 99 degrees of freedom: the 99.9th percentile of chi-square is 148.2.
      expect(chiSquare(keys, 100)).toBeLessThan(148.2);
      const picked = keys.filter((k) => k < 0.05).length / keys.length;
      expect(Math.abs(picked - 0.05)).toBeLessThan(0.006);
    }
  });

  it('is the same for the same id on every run and machine, and samples are nested as the share grows', () => {
    expect(sampleKey('5d0c1a2e-0c4f-4a8e-9d3b-7f2a1b6c9e01')).toBe(sampleKey('5d0c1a2e-0c4f-4a8e-9d3b-7f2a1b6c9e01'));
    expect(sampleKey('demo-42-1')).not.toBe(sampleKey('demo-42-2'));
    const ids = Array.from({ length: 5_000 }, (_, i) => `demo-7-${i}`);
    const small = ids.filter((id) => inSample(id, 0.02));
    const large = new Set(ids.filter((id) => inSample(id, 0.1)));
    expect(small.every((id) => large.has(id))).toBe(true);
  });

  it('is independent of what a row holds: the sample has the accepted rows’ mix of agents and findings', () => {
    const random = seededRandom(11);
    const rows = Array.from({ length: 40_000 }, (_, i) =>
      row({
        id: uuid(random),
        decidedAt: i,
        agent: i % 4 === 0 ? 'ana' : 'bo',
        outcome: i % 3 === 0 ? 'edited' : 'accepted',
        findings:
          i % 5 === 0 ? [{ rule: 'r', category: 'tone', severity: 'warning', fingerprint: 'f', dismissed: false }] : [],
      }),
    );
    const sample = reviewSample(rows, 0.1);
    expect(sample.every((r) => r.outcome === 'accepted')).toBe(true);
    const accepted = rows.filter((r) => r.outcome === 'accepted');
    expect(sample.length / accepted.length).toBeCloseTo(0.1, 1);
    const share = (xs: readonly (typeof rows)[number][], f: (r: (typeof rows)[number]) => boolean) =>
      xs.filter(f).length / xs.length;
    expect(Math.abs(share(sample, (r) => r.agent === 'ana') - share(accepted, (r) => r.agent === 'ana'))).toBeLessThan(
      0.03,
    );
    expect(
      Math.abs(share(sample, (r) => r.findings.length > 0) - share(accepted, (r) => r.findings.length > 0)),
    ).toBeLessThan(0.03);
    // The queue runs in key order, so any prefix of it is the sample of a smaller share.
    const keys = sample.map((r) => sampleKey(r.id));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(reviewSample(rows, 0)).toEqual([]);
  });

  it('gives the Wilson interval of published worked values', () => {
    // Newcombe (1998), method 3: 81/263 → 0.2553 to 0.3662; 0/10 → 0 to 0.2775; 1/29 → 0.0061 to 0.1718.
    const a = wilsonInterval(81, 263);
    expect(a?.low).toBeCloseTo(0.2553, 4);
    expect(a?.high).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(0, 10);
    expect(b?.low).toBe(0);
    expect(b?.high).toBeCloseTo(0.2775, 4);
    const c = wilsonInterval(1, 29);
    expect(c?.low).toBeCloseTo(0.0061, 4);
    expect(c?.high).toBeCloseTo(0.1718, 4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('covers the true share about 95 % of the time on simulated reviews', () => {
    const random = seededRandom(5);
    const truth = 0.06;
    let covered = 0;
    const trials = 4_000;
    for (let t = 0; t < trials; t++) {
      let k = 0;
      for (let i = 0; i < 80; i++) if (random() < truth) k += 1;
      const ci = wilsonInterval(k, 80);
      if (ci && ci.low <= truth && truth <= ci.high) covered += 1;
    }
    expect(covered / trials).toBeGreaterThan(0.92);
    expect(covered / trials).toBeLessThan(0.98);
  });

  it('estimates from the verdicts on the sample only, with the reasons given', () => {
    const sample = Array.from({ length: 10 }, (_, i) => row({ id: `s-${i}` }));
    const verdicts = new Map<string, VerdictOf>([
      ['s-0', { rowId: 's-0', verdict: 'should-change', reason: 'tone' }],
      ['s-1', { rowId: 's-1', verdict: 'good', reason: null }],
      ['s-2', { rowId: 's-2', verdict: 'should-change', reason: 'tone' }],
      ['s-3', { rowId: 's-3', verdict: 'should-change', reason: 'wrong-facts' }],
      ['elsewhere', { rowId: 'elsewhere', verdict: 'should-change', reason: 'policy' }],
    ]);
    for (let i = 4; i < 8; i++) verdicts.set(`s-${i}`, { rowId: `s-${i}`, verdict: 'good', reason: null });
    const e = reviewEstimate(500, sample, verdicts);
    expect(e).toMatchObject({ accepted: 500, sampled: 10, reviewed: 8, flagged: 3 });
    expect(e.share?.estimate).toBe(3 / 8);
    expect(e.count?.estimate).toBeCloseTo(187.5, 10);
    expect(e.count?.low).toBeCloseTo((e.share?.low ?? 0) * 500, 10);
    expect(e.reasons).toEqual([
      { reason: 'tone', count: 2 },
      { reason: 'wrong-facts', count: 1 },
    ]);
    expect(reviewEstimate(500, sample, new Map()).share).toBeNull();
  });
});

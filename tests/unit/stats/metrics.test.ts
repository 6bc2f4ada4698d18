import { describe, expect, it } from 'vitest';
import type { ShownFinding } from '@/lib/db/schema';
import { isOverride, rowMatcher } from '@/lib/stats/filter';
import {
  addToTally,
  emptyTally,
  formatDuration,
  formatMetric,
  HEADLINE_METRICS,
  headlineOf,
  median,
} from '@/lib/stats/metrics';
import { row } from '../../fixtures/rows';

const finding = (partial: Partial<ShownFinding> = {}): ShownFinding => ({
  rule: 'refund-promise',
  category: 'commitment',
  severity: 'warning',
  fingerprint: 'f',
  dismissed: false,
  ...partial,
});

const critical = (dismissed = false) =>
  finding({ rule: 'pii-card', category: 'privacy', severity: 'critical', dismissed });

function headlineFor(rows: ReturnType<typeof row>[]) {
  const t = emptyTally();
  for (const r of rows) addToTally(t, r);
  return headlineOf(t);
}

describe('headline figures', () => {
  const rows = [
    row({ outcome: 'accepted', shownAt: 0, decidedAt: 10_000, findings: [critical()] }),
    row({ outcome: 'accepted', shownAt: 0, decidedAt: 20_000, findings: [critical(true)] }),
    row({
      outcome: 'edited',
      shownAt: 0,
      decidedAt: 30_000,
      similarity: 0.8,
      editSize: 40,
      findings: [critical(), finding()],
    }),
    row({ outcome: 'edited', shownAt: 0, decidedAt: 40_000, similarity: 0.6, editSize: 20 }),
    row({ outcome: 'rejected', shownAt: 0, decidedAt: 50_000, reason: 'tone', findings: [critical()] }),
    row({ outcome: 'escalated', shownAt: 0, decidedAt: 60_000, reason: 'needs-human' }),
    row({ outcome: 'accepted', shownAt: 0, decidedAt: 70_000 }),
    row({ outcome: 'accepted', shownAt: 0, decidedAt: 80_000 }),
  ];
  const h = headlineFor(rows);

  it('counts suggestions seen', () => expect(h.seen).toBe(8));
  it('rates each outcome over suggestions seen', () => {
    expect(h.acceptanceRate).toBe(4 / 8);
    expect(h.editRate).toBe(2 / 8);
    expect(h.rejectionRate).toBe(1 / 8);
    expect(h.escalationRate).toBe(1 / 8);
    expect(h.overrideRate).toBe(4 / 8);
  });
  it('averages the change size over edited suggestions only', () => {
    expect(h.meanEditSize).toBe(30);
    expect(h.meanEditChange).toBeCloseTo((0.2 + 0.4) / 2, 10);
  });
  it('takes the median time from shown to decided (even count: mean of the middle two)', () => {
    expect(h.medianDecisionMs).toBe(45_000);
  });
  it('counts findings per 100 suggestions', () => expect(h.findingsPer100).toBe((100 * 5) / 8));
  it('counts sent suggestions with a critical finding not dismissed; rejected ones are not sent', () => {
    // accepted with critical (1), accepted with dismissed critical (no), edited with critical (1), rejected (no).
    expect(h.unresolvedCriticalShare).toBe(2 / 8);
  });
  it('gives null rather than a made-up zero when nothing was seen', () => {
    const empty = headlineOf(emptyTally());
    expect(empty.seen).toBe(0);
    expect(empty.acceptanceRate).toBeNull();
    expect(empty.medianDecisionMs).toBeNull();
    expect(empty.meanEditSize).toBeNull();
    expect(empty.findingsPer100).toBeNull();
  });
  it('ignores a decision recorded before it was shown (clock change) in the median', () => {
    expect(
      headlineFor([row({ shownAt: 5_000, decidedAt: 1_000 }), row({ shownAt: 0, decidedAt: 3_000 })]).medianDecisionMs,
    ).toBe(3_000);
  });
});

describe('median', () => {
  it('handles odd, even and empty lists without sorting the input', () => {
    const input = [5, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('selects the same middle as a full sort, with many ties and any length', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const bySort = (xs: number[]) => {
      const s = Float64Array.from(xs).sort();
      const m = s.length >> 1;
      return s.length % 2 ? s[m] : ((s[m - 1] as number) + (s[m] as number)) / 2;
    };
    for (let t = 0; t < 2000; t++) {
      const xs = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () =>
        rnd() < 0.4 ? Math.floor(rnd() * 4) : rnd() * 1e6,
      );
      expect(median(xs), xs.join(',')).toBe(bySort(xs));
    }
    expect(median(new Array(10_001).fill(7))).toBe(7);
    expect(median(Float64Array.from({ length: 50_000 }, (_, i) => 50_000 - i))).toBe(25_000.5);
  });

  it('finds the same middle by buckets in long lists: middles in one bucket or two, ties, zeros, fractions, negatives', () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const bySort = (xs: Float64Array) => {
      const s = xs.slice().sort();
      const m = s.length >> 1;
      return s.length % 2 ? s[m] : ((s[m - 1] as number) + (s[m] as number)) / 2;
    };
    const shapes: ((i: number) => number)[] = [
      // Decision times: lognormal milliseconds, as the dashboard's are.
      () => Math.round(Math.exp(10.5 + Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd()))),
      () => (rnd() < 0.5 ? 0 : rnd() * 1e9),
      () => Math.floor(rnd() * 3),
      () => rnd() * 1e-300,
      () => (rnd() < 0.01 ? -1 : rnd() * 100),
      // Halves far apart: the two middles fall in different buckets.
      (i) => (i % 2 ? 1 : 2 ** 40),
    ];
    for (const shape of shapes) {
      for (const n of [4_096, 4_097, 9_000, 20_001]) {
        const xs = Float64Array.from({ length: n }, (_, i) => shape(i));
        expect(median(xs)).toBe(bySort(xs));
      }
    }
  });
});

describe('metric definitions', () => {
  it('defines every headline figure once, in words', () => {
    const keys = HEADLINE_METRICS.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    const h = headlineOf(emptyTally());
    for (const key of keys) expect(key in h).toBe(true);
    for (const m of HEADLINE_METRICS) expect(m.definition.length).toBeGreaterThan(30);
  });
  it('formats figures for people', () => {
    expect(formatMetric(0.1234, 'percent')).toBe('12.3%');
    expect(formatMetric(12345, 'count')).toBe('12,345');
    expect(formatMetric(null, 'percent')).toBe('–');
    expect(formatDuration(950)).toBe('0.9 s');
    expect(formatDuration(75_000)).toBe('1 min 15 s');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });
});

describe('filters', () => {
  it('matches every field, half-open periods and categories through findings', () => {
    const r = row({
      decidedAt: 100,
      helpdesk: 'intercom',
      agent: 'ana',
      outcome: 'rejected',
      reason: 'tone',
      findings: [finding()],
    });
    expect(rowMatcher({})(r)).toBe(true);
    expect(rowMatcher({ start: 100, end: 101 })(r)).toBe(true);
    expect(rowMatcher({ start: 0, end: 100 })(r)).toBe(false);
    expect(rowMatcher({ start: 0, end: 100 }, true)(r)).toBe(true);
    expect(rowMatcher({ helpdesk: 'zendesk' })(r)).toBe(false);
    expect(rowMatcher({ agent: 'ana', outcome: 'rejected', reason: 'tone', category: 'commitment' })(r)).toBe(true);
    expect(rowMatcher({ category: 'tone' })(r)).toBe(false);
    expect(isOverride(r)).toBe(true);
  });
});

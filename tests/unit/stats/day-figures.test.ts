import { describe, expect, it } from 'vitest';
import { copyDurations, durationsByDay, durationsOf, packDurations, totalsOfDay } from '@/lib/db/day-totals';
import { OUTCOMES, OVERRIDE_REASONS, type OverrideRow, SUGGESTION_SOURCES } from '@/lib/db/schema';
import { chunksOf, type DayChunk, decodeChunks, packDay } from '@/lib/db/summary';
import { generateHistory } from '@/lib/demo/history';
import type { Category } from '@/lib/engine/types';
import { aggregate, DAY_MS, startOfDay } from '@/lib/stats/aggregate';
import { dayFigures, totalsExtent, totalsFigures } from '@/lib/stats/day-figures';
import type { EventFilter } from '@/lib/stats/filter';
import { row } from '../../fixtures/rows';

const END = new Date(2026, 2, 31, 18, 0, 0).getTime();

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Rows stored out of time order (as a merged import stores them), with ties in decision time
 * broken by id, similarities with every bit of the mantissa set (square roots: with the 32-bit
 * fractions of the generator, sums are exact in any order and an order mistake would not show),
 * and every outcome, reason, finding severity and customer shape.
 */
function shuffledRows(count: number, seed: number): OverrideRow[] {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const rows: OverrideRow[] = [];
  for (let i = 0; i < count; i++) {
    const tie = i > 0 && next() < 0.1;
    const decidedAt = tie ? (rows[i - 1] as OverrideRow).decidedAt : END - Math.floor(next() * 70 * DAY_MS);
    rows.push(
      row({
        id: `x-${Math.floor(next() * 1e9).toString(36)}-${i}`,
        decidedAt,
        shownAt: decidedAt - Math.floor(next() * 200_000) + (next() < 0.05 ? 300_000 : 0),
        helpdesk: pick(['zendesk', 'freshdesk', 'intercom']),
        agent: pick(['', 'ana', 'bo']),
        outcome: pick(OUTCOMES),
        reason: next() < 0.4 ? pick(OVERRIDE_REASONS) : null,
        source: pick(SUGGESTION_SOURCES),
        similarity: Math.sqrt(next()),
        editSize: Math.floor(next() * 300),
        findings: Array.from({ length: Math.floor(next() * 3) }, () => ({
          rule: pick(['refund-promise', 'pii-card-number', 'legal-advice']),
          category: pick(['privacy', 'commitment', 'compliance'] as const),
          severity: pick(['info', 'warning', 'critical'] as const),
          fingerprint: 'f',
          dismissed: next() < 0.3,
        })),
        customer:
          next() < 0.3
            ? null
            : {
                sentiment: { label: pick(['negative', 'neutral', 'positive'] as const), score: next() * 2 - 1 },
                sarcasm: { likely: next() < 0.2, score: next() },
                escalation: { likely: false, kinds: [] },
              },
      }),
    );
  }
  return rows;
}

const packed = (rows: OverrideRow[]) => [...chunksOf(rows).values()].map(packDay);

const FILTERS: EventFilter[] = [
  {},
  { helpdesk: 'zendesk' },
  { agent: '' },
  { agent: 'bo', outcome: 'edited' },
  { category: 'privacy' as Category },
  { reason: 'tone' },
  { source: 'paste' },
  { source: 'macro', helpdesk: 'intercom' },
  { outcome: 'escalated', category: 'compliance' as Category },
  { helpdesk: 'not-in-the-log' },
];

/** Periods as the dashboard makes them: whole local days ending after the newest event. */
function periods(first: number, last: number) {
  const end = startOfDay(last) + DAY_MS;
  return [7, 28, 90].map((d) => ({ start: end - d * DAY_MS, end })).concat({ start: startOfDay(first), end });
}

function expectSameFigures(rows: OverrideRow[]) {
  const days = packed(rows);
  const decoded = decodeChunks(days);
  const first = decoded[0]?.decidedAt ?? END;
  const last = decoded.at(-1)?.decidedAt ?? END;
  for (const period of periods(first, last)) {
    for (const filter of FILTERS) {
      const { headline, previousHeadline, trends } = aggregate(decoded, filter, period, first);
      expect(dayFigures(days, filter, period, first)).toEqual({ period, headline, previousHeadline, trends });
    }
  }
}

describe('dayFigures (first render from the packed summary)', () => {
  it('gives exactly the headline figures and trends aggregate gives on the decoded rows', () => {
    expectSameFigures(shuffledRows(3_000, 1));
    expectSameFigures(shuffledRows(500, 2));
  });

  it('adds rows stored in time order but with tied times out of id order in decodeChunks order', () => {
    const rows = shuffledRows(2_000, 5).map((r) => ({ ...r, outcome: 'edited' as const }));
    rows.sort((a, b) => a.decidedAt - b.decidedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    expectSameFigures(rows);
  });

  it('matches on the demo history too, drift episode and all', { timeout: 30_000 }, () => {
    expectSameFigures(generateHistory({ end: END }));
  });

  it('reads only the days the two periods cover', () => {
    const rows = shuffledRows(2_000, 3);
    const days = packed(rows);
    const end = startOfDay(END) + DAY_MS;
    const period = { start: end - 7 * DAY_MS, end };
    const needed = days.filter((c) => (c.day + 1) * DAY_MS > period.start - 7 * DAY_MS);
    const first = Math.min(...rows.map((r) => r.decidedAt));
    expect(dayFigures(needed, { agent: 'ana' }, period, first)).toEqual(
      dayFigures(days, { agent: 'ana' }, period, first),
    );
  });

  it('gives empty figures for an empty log', () => {
    const period = { start: END - 28 * DAY_MS, end: END };
    const { headline, previousHeadline, trends } = aggregate([], {}, period);
    expect(dayFigures([], {}, period)).toEqual({ period, headline, previousHeadline, trends });
  });
});

/**
 * Figures with every fraction rounded to 12 significant digits: totals add a quarter hour's
 * changes before adding quarter hours, so a sum of fractions can differ from the row-by-row sum
 * in its last bits. Counts, medians and integer sums stay exact.
 */
function rounded<T>(x: T): T {
  return JSON.parse(
    JSON.stringify(x, (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v)),
  ) as T;
}

const totalsOf = (rows: OverrideRow[]) => packed(rows).map((c) => totalsOfDay(c).totals);
/** Days' totals and their decision times by day, as the dashboard holds them. */
const derivedOf = (days: DayChunk[]) => {
  const derived = days.map(totalsOfDay);
  return { totals: derived.map((d) => d.totals), durations: durationsByDay(derived.map((d) => d.durations)) };
};

function expectSameTotalsFigures(rows: OverrideRow[]) {
  const days = packed(rows);
  const { totals, durations } = derivedOf(days);
  const decoded = decodeChunks(days);
  const first = decoded[0]?.decidedAt ?? END;
  const last = decoded.at(-1)?.decidedAt ?? END;
  for (const period of periods(first, last)) {
    const { headline, previousHeadline, trends } = aggregate(decoded, {}, period, first);
    const figures = totalsFigures(totals, durations, period, first);
    expect(figures).not.toBeNull();
    expect(rounded(figures)).toEqual(rounded({ period, headline, previousHeadline, trends }));
    // Counts, the median and the integer sums are not rounded at all.
    expect(figures?.headline.seen).toBe(headline.seen);
    expect(figures?.headline.medianDecisionMs).toBe(headline.medianDecisionMs);
    expect(figures?.trends.day.current.map((b) => b.tally.edited)).toEqual(
      trends.day.current.map((b) => b.tally.edited),
    );
  }
}

/** Runs `fn` with the process in another time zone (Node reads TZ again when it changes). */
function inTimeZone(zone: string, fn: () => void) {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('totalsFigures (first render from the per-day totals)', () => {
  it('gives the headline figures and trends aggregate gives on the decoded rows', () => {
    expectSameTotalsFigures(shuffledRows(3_000, 1));
    expectSameTotalsFigures(shuffledRows(500, 2));
  });

  it('matches on the demo history, drift episode and all', { timeout: 30_000 }, () => {
    expectSameTotalsFigures(generateHistory({ end: END }));
  });

  it('matches in time zones a quarter or half hour off UTC and across a daylight-saving change', () => {
    for (const zone of ['Asia/Kathmandu', 'Australia/Eucla', 'America/St_Johns', 'Europe/Berlin', 'Pacific/Chatham']) {
      inTimeZone(zone, () => {
        expect(Math.abs(new Date(END).getTimezoneOffset()) % 15).toBe(0);
        expectSameTotalsFigures(shuffledRows(1_500, 6));
      });
    }
  });

  it('declines a period whose days do not start on a quarter hour, and dayFigures still counts it', () => {
    // Liberia kept Monrovia mean time, 44 minutes 30 seconds behind UTC, until 1972.
    inTimeZone('Africa/Monrovia', () => {
      const end1971 = new Date(1971, 5, 30, 18).getTime();
      const rows = shuffledRows(300, 7).map((r) => ({
        ...r,
        decidedAt: r.decidedAt - (END - end1971),
        shownAt: r.shownAt - (END - end1971),
      }));
      const days = packed(rows);
      const end = startOfDay(end1971) + DAY_MS;
      const period = { start: end - 28 * DAY_MS, end };
      expect(period.start % (15 * 60_000)).not.toBe(0);
      const { totals, durations } = derivedOf(days);
      expect(totalsFigures(totals, durations, period)).toBeNull();
      const { headline } = aggregate(decodeChunks(days), {}, period);
      expect(dayFigures(days, {}, period).headline).toEqual(headline);
    });
  });

  it("leaves a period to the rows when a day it needs has no decision times read (the early read's are the default period's)", () => {
    const rows = shuffledRows(400, 3);
    const { totals, durations } = derivedOf(packed(rows));
    const last = Math.max(...rows.map((r) => r.decidedAt));
    const end = startOfDay(last) + DAY_MS;
    const period = { start: end - 7 * DAY_MS, end };
    expect(totalsFigures(totals, durations, period)).not.toBeNull();
    const recent = new Map([...durations].filter(([day]) => day * DAY_MS >= period.start));
    // The period before is needed too: its days' times are not there.
    expect(totalsFigures(totals, recent, period)).toBeNull();
    const fromPrevious = new Map([...durations].filter(([day]) => (day + 1) * DAY_MS > period.start - 7 * DAY_MS));
    expect(totalsFigures(totals, fromPrevious, period)).toEqual(totalsFigures(totals, durations, period));
  });

  it('gives empty figures for an empty log', () => {
    const period = { start: startOfDay(END) - 27 * DAY_MS, end: startOfDay(END) + DAY_MS };
    const { headline, previousHeadline, trends } = aggregate([], {}, period);
    expect(totalsFigures([], new Map(), period)).toEqual({ period, headline, previousHeadline, trends });
  });
});

describe('packed decision times', () => {
  /** Each slot's values, sorted: what a median reads. */
  const slots = (values: ArrayLike<number>, ends: readonly number[]) =>
    ends.map((to, k) =>
      Array.from(values)
        .slice(k ? ends[k - 1] : 0, to)
        .sort((a, b) => a - b),
    );

  it('keeps every slot’s values, small and huge, and takes a quarter of the bytes of numbers', () => {
    const values = [
      5,
      0,
      90_000,
      3,
      3,
      2 ** 53 - 1,
      127,
      128,
      16_383,
      16_384,
      2 ** 21,
      2 ** 28 - 1,
      2 ** 28,
      2 ** 31 + 5,
      0,
    ];
    const ends = [3, 3, 7, 15];
    const packed = packDurations(values, ends);
    expect(packed).toBeInstanceOf(Uint8Array);
    const back = durationsOf({ durations: packed, durationEnds: Uint32Array.from(ends) });
    expect(slots(back, ends)).toEqual(slots(values, ends));
    // Whole slots copied straight from the packed bytes, as the first render gathers them.
    for (const [from, to] of [
      [0, 15],
      [3, 7],
      [7, 15],
      [0, 3],
    ] as const) {
      const out = new Float64Array(to - from + 2).fill(-1);
      // A copy of the bytes: not the array durationsOf unpacked above (and keeps).
      copyDurations({ durations: packed.slice(), durationEnds: Uint32Array.from(ends) }, from, to, out, 1);
      expect([...out]).toEqual([-1, ...back.subarray(from, to), -1]);
    }
    const day = generateHistory({ seed: 5, days: 2, agents: ['a', 'b', 'c'], perAgentDay: 400 });
    const totals = [...chunksOf(day).values()].map(packDay).map((c) => totalsOfDay(c).durations);
    for (const t of totals) {
      const n = t.durationEnds.at(-1) ?? 0;
      expect(t.durations.byteLength).toBeLessThan(n * 8 * 0.3);
    }
  });

  it('keeps times that are not whole milliseconds as numbers, and reads older totals as they are', () => {
    const values = [1.5, 2, 3];
    const packed = packDurations(values, [3]);
    expect(packed).toBeInstanceOf(Float64Array);
    expect(Array.from(durationsOf({ durations: packed, durationEnds: Uint32Array.of(3) }))).toEqual(values);
  });
});

describe('totalsExtent', () => {
  it('counts rows and finds the first and last decision and the filter choices', () => {
    const rows = shuffledRows(1_000, 4);
    const extent = totalsExtent(totalsOf(rows));
    const times = rows.map((r) => r.decidedAt);
    expect(extent).toEqual({
      rows: 1_000,
      first: Math.min(...times),
      last: Math.max(...times),
      helpdesks: [...new Set(rows.map((r) => r.helpdesk))].sort(),
      agents: [...new Set(rows.map((r) => r.agent))].sort(),
    });
    expect(totalsExtent([])).toEqual({ rows: 0, first: null, last: null, helpdesks: [], agents: [] });
  });
});

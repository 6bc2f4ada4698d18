import { describe, expect, it } from 'vitest';
import { daySeq } from '@/lib/db/day-seq';
import type { OverrideRow } from '@/lib/db/schema';
import { chunksOf, decodeChunks, packDay } from '@/lib/db/summary';
import { generateHistory } from '@/lib/demo/history';
import { seededRandom } from '@/lib/demo/random';
import { aggregate, DAY_MS, startOfDay } from '@/lib/stats/aggregate';
import { dayFigures } from '@/lib/stats/day-figures';
import { DayView, type EventSortKey, KEPT_PANELS, stableOrder, type ViewRequest } from '@/lib/stats/day-view';
import type { EventFilter } from '@/lib/stats/filter';
import { rowMatcher } from '@/lib/stats/filter';
import { monitorDrift } from '@/lib/stats/monitor';
import { reviewSample } from '@/lib/stats/review-sample';
import type { StatsRow } from '@/lib/stats/stats-row';
import { medianTrend, targetBreaches } from '@/lib/stats/targets';

const END = new Date(2026, 2, 31, 18, 0, 0).getTime();

/** The demo history with "me" rows, rows without customer signals, and ties in decision time, stored shuffled. */
function log(seed: number): OverrideRow[] {
  const random = seededRandom(seed);
  const rows = generateHistory({ seed, end: END, days: 60, agents: ['', 'ana', 'bo', 'cy'], perAgentDay: 25 }).map(
    (r) => ({
      ...r,
      customer: random() < 0.1 ? null : r.customer,
      decidedAt: random() < 0.2 ? Math.floor(r.decidedAt / 60_000) * 60_000 : r.decidedAt,
      note: random() < 0.02 ? 'Phoned the customer about agent-07' : r.note,
    }),
  );
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as OverrideRow, rows[i] as OverrideRow];
  }
  return rows;
}

const FILTERS: Omit<EventFilter, 'start' | 'end'>[] = [
  {},
  { agent: 'bo' },
  { agent: '', outcome: 'edited' },
  { helpdesk: 'zendesk', category: 'tone' },
  { reason: 'tone' },
  { helpdesk: 'not-in-the-log' },
  { source: 'ai-control', outcome: 'rejected', agent: 'ana' },
];

/** The events table's old in-page search and sort (components/dashboard/EventsTable.tsx before the worker). */
function tableOrder(events: readonly StatsRow[], key: EventSortKey, desc: boolean, search: string): StatsRow[] {
  const q = search.trim().toLowerCase();
  const matching = q
    ? events.filter(
        (r) =>
          r.id.toLowerCase().includes(q) ||
          r.agent.toLowerCase().includes(q) ||
          (r.note ?? '').toLowerCase().includes(q) ||
          r.findings.some((f) => f.rule.includes(q)),
      )
    : events;
  if (key === 'decidedAt') return desc ? [...matching].reverse() : [...matching];
  const value = (r: StatsRow) =>
    key === 'findings' ? r.findings.length : key === 'decisionMs' ? r.decidedAt - r.shownAt : r[key];
  return [...matching].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return desc ? -c : c;
  });
}

describe('DayView (the dashboard worker over packed days)', () => {
  const rows = log(11);
  const days = [...chunksOf(rows).values()].map(packDay);
  const decoded = decodeChunks(days);
  const first = decoded[0]?.decidedAt as number;
  const end = startOfDay(decoded.at(-1)?.decidedAt as number) + DAY_MS;
  const periods = [
    { start: end - 7 * DAY_MS, end },
    { start: end - 28 * DAY_MS, end },
    { start: startOfDay(first), end },
  ];
  /** A request for the figures and every event of the period, oldest first, on one page. */
  const everyEvent = (filters: ViewRequest['filters'], period: ViewRequest['period']): ViewRequest => ({
    filters,
    period,
    first,
    figures: true,
    events: { sort: { key: 'decidedAt', desc: false }, search: '', page: 0, pageSize: 1_000_000 },
  });

  it('reads the packed days in decodeChunks order, row for row', () => {
    const seq = daySeq(days);
    expect(seq.length).toBe(decoded.length);
    for (let i = 0; i < seq.length; i += 7) {
      expect(seq.keep(i)).toEqual(decoded[i]);
      expect({ ...seq.row(i), id: seq.row(i).id }).toEqual({ ...decoded[i] });
    }
  });

  it('names as candidates exactly the rows with the filter’s helpdesk, agent, outcome or source, the fewest', () => {
    const seq = daySeq(days);
    expect(seq.candidates?.({})).toBeNull();
    const rowsWith = (f: (r: StatsRow) => boolean) => decoded.flatMap((r, i) => (f(r) ? [i] : []));
    for (const agent of ['', 'ana', 'bo', 'nobody']) {
      expect([...(seq.candidates?.({ agent }) ?? [])]).toEqual(rowsWith((r) => r.agent === agent));
    }
    for (const outcome of ['accepted', 'edited', 'rejected'] as const) {
      expect([...(seq.candidates?.({ outcome }) ?? [])]).toEqual(rowsWith((r) => r.outcome === outcome));
    }
    expect([...(seq.candidates?.({ helpdesk: 'zendesk' }) ?? [])]).toEqual(rowsWith((r) => r.helpdesk === 'zendesk'));
    expect([...(seq.candidates?.({ source: 'ai-control' }) ?? [])]).toEqual(rowsWith((r) => r.source === 'ai-control'));
    // Two fields: the shorter list, every row of both among it.
    const both = seq.candidates?.({ agent: 'bo', outcome: 'accepted' }) ?? [];
    const agentOnly = rowsWith((r) => r.agent === 'bo');
    const outcomeOnly = rowsWith((r) => r.outcome === 'accepted');
    expect([...both]).toEqual(agentOnly.length <= outcomeOnly.length ? agentOnly : outcomeOnly);
  });

  it('gives what aggregate, dayFigures and monitorDrift give on the decoded rows, for every filter and period', () => {
    const view = new DayView(days);
    for (const period of periods) {
      for (const filters of FILTERS) {
        const req = everyEvent(filters, period);
        const got = view.view(req);
        const want = aggregate(decoded, filters, period, first);
        expect(got.figures).toEqual(dayFigures(days, filters, period, first));
        expect(got.rules).toEqual(want.rules);
        expect(got.breakdowns).toEqual(want.breakdowns);
        expect(got.events.rows).toEqual(want.events);
        const matches = rowMatcher(filters, true);
        expect(got.drift).toEqual(monitorDrift(decoded.filter(matches)));
      }
    }
  });

  it('orders positions by key as the comparator sort did, ties by position, both directions', () => {
    const random = seededRandom(3);
    const pools = [
      () => Math.floor(random() * 5),
      () => random(),
      () => [0, -0, 1, Number.POSITIVE_INFINITY, -3.5][Math.floor(random() * 5)] as number,
      () => (random() < 0.05 ? Number.NaN : Math.floor(random() * 3)),
    ];
    for (const pick of pools) {
      for (const n of [0, 1, 2, 17, 500]) {
        const keys = Float64Array.from({ length: n }, pick);
        for (const desc of [false, true]) {
          const sign = desc ? -1 : 1;
          // The events table's sort before (a comparator over the positions).
          const want = Uint32Array.from({ length: n }, (_, j) => j).sort(
            (a, b) => sign * ((keys[a] as number) - (keys[b] as number)) || a - b,
          );
          expect([...stableOrder(keys, desc)]).toEqual([...want]);
        }
      }
    }
  });

  it('searches, sorts and pages the events as the table did', () => {
    const view = new DayView(days);
    const period = { start: end - 28 * DAY_MS, end };
    const events = aggregate(decoded, {}, period, first).events;
    const keys: EventSortKey[] = ['decidedAt', 'helpdesk', 'agent', 'outcome', 'similarity', 'findings', 'decisionMs'];
    for (const key of keys) {
      for (const desc of [false, true]) {
        for (const search of ['', 'agent-07', 'BO', 'hedging']) {
          const want = tableOrder(events, key, desc, search);
          const req: ViewRequest = {
            filters: {},
            period,
            first,
            figures: false,
            events: { sort: { key, desc }, search, page: 1, pageSize: 50 },
          };
          const got = view.view(req).events;
          expect(got.total).toBe(want.length);
          expect(got.rows.map((r) => r.id)).toEqual(want.slice(50, 100).map((r) => r.id));
        }
      }
    }
    const refs = view.refs({
      filters: { agent: 'ana' },
      period,
      first,
      figures: false,
      events: { sort: { key: 'decidedAt', desc: true }, search: '', page: 0, pageSize: 50 },
    });
    expect(refs).toEqual(
      aggregate(decoded, { agent: 'ana' }, period, first).events.map((r) => ({ id: r.id, decidedAt: r.decidedAt })),
    );
  });

  it('gives the governance figures the page computed over the decoded rows (breaches, median trends, review sample)', () => {
    const view = new DayView(days);
    const targets = { overrideRate: { max: 0.3 }, medianDecisionMs: { min: 5_000, max: 60_000 } };
    let breaches = 0;
    let sampled = 0;
    for (const period of periods) {
      for (const filters of FILTERS) {
        const req = { ...everyEvent(filters, period), governance: { targets, medians: true, reviewShare: 0.2 } };
        const got = view.view(req);
        const matches = rowMatcher(filters, true);
        const want = targetBreaches(decoded.filter(matches), targets);
        expect(got.governance.breaches).toEqual(want);
        breaches += want.length;
        const trends = (got.figures as NonNullable<typeof got.figures>).trends;
        for (const granularity of ['day', 'week'] as const) {
          const t = trends[granularity];
          const starts = [...t.previous, ...t.current].map((b) => b.start);
          const { values } = medianTrend(decoded, matches, starts, period.end);
          expect(got.governance.medians?.[granularity]).toEqual({
            previous: values.slice(0, t.previous.length),
            current: values.slice(t.previous.length),
          });
        }
        const events = aggregate(decoded, filters, period, first).events;
        const sample = reviewSample(events, 0.2);
        expect(got.governance.review).toEqual({
          sample: sample.map((r) => ({ id: r.id, decidedAt: r.decidedAt })),
          accepted: events.filter((r) => r.outcome === 'accepted').length,
        });
        sampled += sample.length;
      }
    }
    // The comparison means something only if there was something to find.
    expect(breaches).toBeGreaterThan(0);
    expect(sampled).toBeGreaterThan(0);
    const none = view.view({
      filters: {},
      period: { start: end - 7 * DAY_MS, end },
      first,
      figures: false,
      events: { sort: { key: 'decidedAt', desc: false }, search: '', page: 0, pageSize: 50 },
      governance: { targets: { falseAlarmRate: { max: 0.1 } }, medians: false, reviewShare: null },
    }).governance;
    expect(none).toEqual({ breaches: null, medians: null, review: null });
  });

  it('gives the very same panel objects when only the events table changes, so the worker need not send them again', () => {
    const view = new DayView(days);
    const period = periods[1] as ViewRequest['period'];
    const base: ViewRequest = {
      ...everyEvent({}, period),
      events: { sort: { key: 'decidedAt', desc: true }, search: '', page: 0, pageSize: 25 },
      governance: { targets: null, medians: true, reviewShare: 0.2 },
    };
    const a = view.panels(base);
    const b = view.panels({
      ...base,
      events: { sort: { key: 'similarity', desc: true }, search: 'agent', page: 1, pageSize: 25 },
    });
    for (const key of KEPT_PANELS) expect(b[key], key).toBe(a[key]);
    expect(b.events).not.toEqual(a.events);
    const filtered = view.panels({ ...base, filters: { outcome: 'edited' } });
    for (const key of KEPT_PANELS) expect(filtered[key], key).not.toBe(a[key]);
  });
});

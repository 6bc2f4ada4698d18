import { bisectTime, type DaySeq, daySeq, lowerBound } from '../db/day-seq';
import type { DayChunk } from '../db/summary';
import type { Target } from '../settings/targets';
import { aggregateSeq, type Granularity, type PeriodFigures, PeriodTallies, type SeqAggregates } from './aggregate';
import { dayFigures } from './day-figures';
import type { EventFilter } from './filter';
import { rowMatcher } from './filter';
import { type DriftReport, monitorDriftSeq } from './monitor';
import { Recent } from './recent';
import { reviewSampleOf } from './review-sample';
import { forEachCandidate } from './row-seq';
import type { StatsRow } from './stats-row';
import { DAILY_TARGET_FIGURES, medianTrend, type TargetBreach, targetBreaches } from './targets';

/**
 * Everything the dashboard shows beyond the first render, for one filter, period and events-table
 * state, computed from the packed summary days without decoding them into row objects (lib/db/day-seq.ts).
 * The dashboard runs this in a worker (entrypoints/dashboard/stats-worker.ts), so a million rows
 * never hold up its main thread; tests run it in place. Results for the last few views are kept
 * until the log changes: going back to a filter, or paging, costs nothing.
 */

/** Columns the events table sorts by. */
export type EventSortKey = 'decidedAt' | 'helpdesk' | 'agent' | 'outcome' | 'similarity' | 'findings' | 'decisionMs';

/**
 * Where the dashboard gets its panels from: the worker in the extension, a `DayView` in place in
 * tests. `version` names the state of the log (the page bumps it when its live query sees a
 * change); answers to a request that a newer one replaced may never come.
 */
/** An event by id and decision time: enough to read its full row (`rowsById`). */
export interface EventRef {
  id: string;
  decidedAt: number;
}

export interface StatsSource {
  view(req: ViewRequest, version: number, onFigures: (figures: PeriodFigures | null) => void): Promise<ViewResult>;
  refs(req: ViewRequest, version: number): Promise<EventRef[]>;
}

/** A `StatsSource` computing in place, from days read by `read` (once per version). */
export function localStats(read: () => Promise<readonly DayChunk[]>): StatsSource {
  let cached: { version: number; view: Promise<DayView> } | null = null;
  const at = (version: number) => {
    if (!cached || cached.version !== version) cached = { version, view: read().then((days) => new DayView(days)) };
    return cached.view;
  };
  return {
    async view(req, version, onFigures) {
      const view = await at(version);
      onFigures(view.figures(req));
      return view.panels(req);
    },
    async refs(req, version) {
      return (await at(version)).refs(req);
    },
  };
}

/** What the page asks for. */
export interface ViewRequest {
  filters: Omit<EventFilter, 'start' | 'end'>;
  period: { start: number; end: number };
  /** The log's first decision, to say whether a previous period exists. */
  first: number;
  /** Compute the headline figures and trends (the page has them from the per-day totals when unfiltered). */
  figures: boolean;
  events: { sort: { key: EventSortKey; desc: boolean }; search: string; page: number; pageSize: number };
  /** The governance figures to compute too; absent where the page shows no governance panels. */
  governance?: GovernanceRequest;
}

/**
 * What the governance panels need from the log (issue 16): the same filters and period as the rest.
 * Computed here rather than in the page because each needs the rows, which the page never holds.
 */
export interface GovernanceRequest {
  /** The lead's targets: stretches of days beyond a daily target are found when any is set. */
  targets: Readonly<Record<string, Target>> | null;
  /** Median time to decision of each trend point (the chart charts it against its target). */
  medians: boolean;
  /** Share of the period's accepted suggestions to sample for review; null before it is read. */
  reviewShare: number | null;
}

/** Median time to decision of each trend point, by granularity (`medianTrend`). */
export type MedianTrends = Record<Granularity, { current: (number | null)[]; previous: (number | null)[] }>;

/** The governance figures; each null when not asked for. */
export interface GovernanceResult {
  /** Stretches beyond a daily target over the filtered log (`targetBreaches`), newest first. */
  breaches: TargetBreach[] | null;
  medians: MedianTrends | null;
  /**
   * The period's filtered accepted events sampled for review, in review order, and how many were
   * accepted. References only: the review card reads the one full row it shows (a million-row
   * log's sample is about 7,000 rows, 2 MB to copy to the page as row objects on every filter).
   */
  review: { sample: EventRef[]; accepted: number } | null;
}

/** The events table's page. */
export interface EventsPage {
  /** Events in the period that pass the filters (what an export writes). */
  inPeriod: number;
  /** Of those, the ones that pass the search. */
  total: number;
  /** The page shown (clamped to the last page) and the number of pages. */
  page: number;
  pages: number;
  rows: StatsRow[];
}

/** The panels' figures; `figures` is null when not asked for. */
export interface ViewResult {
  figures: PeriodFigures | null;
  rules: SeqAggregates['rules'];
  breakdowns: SeqAggregates['breakdowns'];
  drift: DriftReport;
  events: EventsPage;
  /** Rows in the days the view was computed from: the page checks it against its totals. */
  rows: number;
  governance: GovernanceResult;
}

/**
 * Panels that stay the same objects while only the events table changes (its sort, search or
 * page): the stats worker sends each only when it differs from the one it sent last (a million-row
 * log's review sample alone is thousands of rows to copy), and the page keeps the last it got.
 */
export const KEPT_PANELS = ['rules', 'breakdowns', 'drift', 'governance'] as const;
export type KeptPanel = (typeof KEPT_PANELS)[number];

/**
 * The positions of `keys` in order (descending when `desc`), ties by position: what sorting the
 * positions with `(a, b) => sign * (keys[a] - keys[b]) || a - b` gives. A comparator sort of a
 * million-row log's period (240,000 events) took about 60 ms of the worker's time; here the
 * distinct keys are sorted natively, each key is ranked among them and the positions are placed by
 * rank in one stable pass. Keys that are not numbers go the comparator's way.
 */
export function stableOrder(keys: Float64Array, desc: boolean): Uint32Array {
  const n = keys.length;
  if (keys.some(Number.isNaN)) {
    const sign = desc ? -1 : 1;
    return Uint32Array.from({ length: n }, (_, j) => j).sort(
      (a, b) => sign * ((keys[a] as number) - (keys[b] as number)) || a - b,
    );
  }
  const distinct = keys.slice().sort();
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = distinct[i] as number;
    if (m === 0 || v !== distinct[m - 1]) distinct[m++] = v;
  }
  const rank = new Uint32Array(n);
  const starts = new Uint32Array(m + 1);
  for (let j = 0; j < n; j++) {
    const v = keys[j] as number;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((distinct[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    const r = desc ? m - 1 - lo : lo;
    rank[j] = r;
    starts[r + 1] = (starts[r + 1] as number) + 1;
  }
  for (let r = 0; r < m; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const order = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const r = rank[j] as number;
    order[starts[r] as number] = j;
    starts[r] = (starts[r] as number) + 1;
  }
  return order;
}

const filterKey = (f: ViewRequest['filters']) =>
  JSON.stringify(Object.entries(f).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The computations over one state of the log. Make a new one when the log changes. */
export class DayView {
  readonly seq: DaySeq;
  private readonly days: readonly DayChunk[];
  private readonly aggregates = new Recent<SeqAggregates>(6);
  private readonly drifts = new Recent<DriftReport>(6);
  private readonly orders = new Recent<Uint32Array>(4);
  private readonly breachLists = new Recent<TargetBreach[]>(4);
  private readonly medianTrends = new Recent<MedianTrends>(4);
  private readonly samples = new Recent<GovernanceResult['review']>(4);
  private lastGovernance: GovernanceResult | null = null;

  constructor(days: readonly DayChunk[]) {
    this.days = days;
    this.seq = daySeq(days);
  }

  private aggregatesOf(req: ViewRequest): SeqAggregates {
    const key = `${filterKey(req.filters)} ${req.period.start} ${req.period.end} ${req.first}`;
    return this.aggregates.get(key, () => {
      const prevStart = req.period.start - (req.period.end - req.period.start);
      const range = [
        bisectTime(this.seq.decidedAt, prevStart),
        bisectTime(this.seq.decidedAt, req.period.end),
      ] as const;
      return aggregateSeq(this.seq, req.filters, req.period, req.first, range);
    });
  }

  private driftOf(req: ViewRequest): DriftReport {
    return this.drifts.get(filterKey(req.filters), () => monitorDriftSeq(this.seq, this.filtered(req)));
  }

  /** Indices of the rows that pass the filters, the whole log (the drift monitor's input). */
  private filtered(req: ViewRequest): Uint32Array | null {
    if (Object.keys(req.filters).length === 0) return null;
    const matches = rowMatcher(req.filters, true);
    const picked: number[] = [];
    forEachCandidate(this.seq, req.filters, 0, this.seq.length, (i) => {
      if (matches(this.seq.row(i))) picked.push(i);
    });
    return Uint32Array.from(picked);
  }

  /**
   * Breaches of the daily targets over the filtered log. `targetBreaches` keeps each day's rows
   * (what moved is compared row by row), so the rows are kept as objects here: only when a lead
   * has set a daily target, and off the page's thread.
   */
  private breachesOf(req: ViewRequest, targets: Readonly<Record<string, Target>>): TargetBreach[] {
    const key = `${filterKey(req.filters)} ${JSON.stringify(targets)}`;
    return this.breachLists.get(key, () => {
      const picked = this.filtered(req);
      const rows = picked
        ? Array.from(picked, (i) => this.seq.keep(i))
        : Array.from({ length: this.seq.length }, (_, i) => this.seq.keep(i));
      return targetBreaches(rows, targets);
    });
  }

  /** Median time to decision of each trend point of the period (and the one before), filtered. */
  private mediansOf(req: ViewRequest): MedianTrends {
    const key = `${filterKey(req.filters)} ${req.period.start} ${req.period.end} ${req.first}`;
    return this.medianTrends.get(key, () => {
      // The trend points' starts, as the figures draw them (empty tallies: only the buckets are read).
      const { trends } = new PeriodTallies(req.period, req.first).figures();
      const matches = rowMatcher(req.filters, true);
      const seq = this.seq;
      const of = (granularity: Granularity) => {
        const t = trends[granularity];
        const starts = [...t.previous, ...t.current].map((b) => b.start);
        const from = bisectTime(seq.decidedAt, starts[0] ?? req.period.end);
        const to = bisectTime(seq.decidedAt, req.period.end);
        const list = seq.candidates?.(req.filters) ?? null;
        const rows = (function* () {
          if (!list) {
            for (let i = from; i < to; i++) yield seq.row(i);
            return;
          }
          const stop = lowerBound(list, to);
          for (let k = lowerBound(list, from); k < stop; k++) yield seq.row(list[k] as number);
        })();
        const { values } = medianTrend(rows, matches, starts, req.period.end);
        return { previous: values.slice(0, t.previous.length), current: values.slice(t.previous.length) };
      };
      return { day: of('day'), week: of('week') };
    });
  }

  /** The review sample of the period's filtered accepted events. */
  private reviewOf(req: ViewRequest, events: Uint32Array, share: number): GovernanceResult['review'] {
    const key = `${filterKey(req.filters)} ${req.period.start} ${req.period.end} ${share}`;
    return this.samples.get(key, () => {
      let accepted = 0;
      for (const i of events) if (this.seq.row(i).outcome === 'accepted') accepted += 1;
      const sample = reviewSampleOf(this.seq, events, share).map((i) => ({
        id: this.seq.id(i),
        decidedAt: this.seq.decidedAt[i] as number,
      }));
      return { sample, accepted };
    });
  }

  /** The governance figures the request asks for. */
  private governanceOf(req: ViewRequest, events: Uint32Array): GovernanceResult {
    const g = req.governance;
    const targets = g?.targets;
    const daily = targets && DAILY_TARGET_FIGURES.some((f) => targets[f]) ? targets : null;
    const result: GovernanceResult = {
      breaches: daily ? this.breachesOf(req, daily) : null,
      medians: g?.medians ? this.mediansOf(req) : null,
      review: g && g.reviewShare !== null ? this.reviewOf(req, events, g.reviewShare) : null,
    };
    // The same parts give the same object, so the worker can tell the page nothing changed.
    const last = this.lastGovernance;
    if (last && last.breaches === result.breaches && last.medians === result.medians && last.review === result.review)
      return last;
    this.lastGovernance = result;
    return result;
  }

  /** The period's filtered events, searched and sorted as the table asks. */
  private ordered(req: ViewRequest, events: Uint32Array): Uint32Array {
    const { sort, search } = req.events;
    const key = `${filterKey(req.filters)} ${req.period.start} ${req.period.end} ${sort.key} ${sort.desc} ${search}`;
    return this.orders.get(key, () => {
      const matching = search.trim() ? this.searched(events, search.trim().toLowerCase()) : events;
      return this.sorted(matching, sort);
    });
  }

  /** Events whose id, agent, note or a rule contains `q` (lower case), as the table's search box promises. */
  private searched(events: Uint32Array, q: string): Uint32Array {
    const out: number[] = [];
    const agentHit = new Map<string, boolean>();
    const rulesHit = new Map<StatsRow['findings'], boolean>();
    for (const i of events) {
      const row = this.seq.row(i);
      let hit = agentHit.get(row.agent);
      if (hit === undefined) {
        hit = row.agent.toLowerCase().includes(q);
        agentHit.set(row.agent, hit);
      }
      if (!hit) {
        let rules = rulesHit.get(row.findings);
        if (rules === undefined) {
          rules = row.findings.some((f) => f.rule.includes(q));
          rulesHit.set(row.findings, rules);
        }
        hit = rules || (row.note ?? '').toLowerCase().includes(q) || this.seq.id(i).toLowerCase().includes(q);
      }
      if (hit) out.push(i);
    }
    return Uint32Array.from(out);
  }

  /**
   * Sorted as the table sorted its rows before (a stable sort; text by `localeCompare`): events come
   * oldest first, so the default newest-first order is a reversal.
   */
  private sorted(events: Uint32Array, sort: ViewRequest['events']['sort']): Uint32Array {
    if (sort.key === 'decidedAt') return sort.desc ? events.slice().reverse() : events;
    const n = events.length;
    const keys = new Float64Array(n);
    if (sort.key === 'helpdesk' || sort.key === 'agent' || sort.key === 'outcome') {
      const k = sort.key;
      const values = new Map<string, number>();
      const raw: string[] = new Array(n);
      for (let j = 0; j < n; j++) {
        const v = this.seq.row(events[j] as number)[k];
        raw[j] = v;
        values.set(v, 0);
      }
      // Distinct values are few: rank them once with localeCompare, then sort by rank.
      for (const [rank, v] of [...values.keys()].sort((a, b) => a.localeCompare(b)).entries()) values.set(v, rank);
      for (let j = 0; j < n; j++) keys[j] = values.get(raw[j] as string) as number;
    } else {
      for (let j = 0; j < n; j++) {
        const row = this.seq.row(events[j] as number);
        keys[j] =
          sort.key === 'findings'
            ? row.findings.length
            : sort.key === 'decisionMs'
              ? row.decidedAt - row.shownAt
              : row.similarity;
      }
    }
    const order = stableOrder(keys, sort.desc);
    return order.map((j) => events[j] as number);
  }

  /**
   * The filtered headline figures and trends: the first answer to a filter change. For a filter
   * on a helpdesk, agent, outcome or source, the period's aggregates over that value's rows (the
   * panels then reuse them); otherwise a walk of the packed days' columns, which fills no rows.
   */
  figures(req: ViewRequest): PeriodFigures | null {
    if (!req.figures) return null;
    if (!this.seq.candidates?.(req.filters)) return dayFigures(this.days, req.filters, req.period, req.first);
    const { period, headline, previousHeadline, trends } = this.aggregatesOf(req);
    return { period, headline, previousHeadline, trends };
  }

  /** Rules, breakdowns, drift and the events table's page (without the figures). */
  panels(req: ViewRequest): ViewResult {
    const agg = this.aggregatesOf(req);
    const drift = this.driftOf(req);
    const order = this.ordered(req, agg.events);
    const { pageSize } = req.events;
    const pages = Math.max(1, Math.ceil(order.length / pageSize));
    const page = Math.min(Math.max(0, req.events.page), pages - 1);
    const rows = Array.from(order.subarray(page * pageSize, (page + 1) * pageSize), (i) => this.seq.keep(i));
    return {
      figures: null,
      rules: agg.rules,
      breakdowns: agg.breakdowns,
      drift,
      events: { inPeriod: agg.events.length, total: order.length, page, pages, rows },
      rows: this.seq.length,
      governance: this.governanceOf(req, agg.events),
    };
  }

  /** Figures and panels at once. */
  view(req: ViewRequest): ViewResult {
    return { ...this.panels(req), figures: this.figures(req) };
  }

  /** The view's filtered events (not searched), oldest first: what an export writes. */
  refs(req: ViewRequest): EventRef[] {
    const agg = this.aggregatesOf(req);
    return Array.from(agg.events, (i) => ({ id: this.seq.id(i), decidedAt: this.seq.decidedAt[i] as number }));
  }
}

import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ExportFormat } from '@/lib/db/export-formats';
import type { OverrideRow } from '@/lib/db/schema';
import { decodeChunks } from '@/lib/db/summary';
import { helpdeskName } from '@/lib/hosts/helpdesks';
import { type Aggregates, aggregate, type BreakdownDimension } from '@/lib/stats/aggregate';
import { dayFigures, totalsExtent, totalsFigures } from '@/lib/stats/day-figures';
import { rowMatcher } from '@/lib/stats/filter';
import { type DriftReport, monitorDrift } from '@/lib/stats/monitor';
import type { StatsRow } from '@/lib/stats/stats-row';
import { Breakdowns } from './Breakdowns';
import { DataPanel } from './DataPanel';
import { DriftPanel } from './DriftPanel';
import { EventDetail } from './EventDetail';
import { EventsTable } from './EventsTable';
import { Filters } from './Filters';
import { HeadlineCards } from './HeadlineCards';
import { EMPTY_TEXT, PERIOD_LABELS, REASON_LABELS, SOURCE_LABELS } from './labels';
import { periodBounds } from './period';
import { RulesTable } from './RulesTable';
import { Recent } from './recent';
import type { DashboardStore } from './store';
import { TrendPanel } from './TrendPanel';
import { useAfterPaint } from './use-after-paint';
import './dashboard.css';

/** What the page can do beyond reading (imports, demo data, downloads), wired by the entry point. */
export interface DashboardActions {
  importFiles(files: File[]): void;
  loadDemo(): void;
  /** Exports these events; the summary rows name them, the action reads the full rows. */
  exportRows(rows: readonly StatsRow[], format: ExportFormat): void;
}

interface Props {
  /**
   * Reads one full row (texts, shape, signals) for the detail view, by id; its decision time says
   * which day holds it when it was imported. Without it, a decoded summary row is shown as is.
   */
  loadRow?: (ref: { id: string; decidedAt: number }) => Promise<OverrideRow | undefined>;
  /** UI state, and the log's packed summary days as the page's live query pushes them in. */
  store: DashboardStore;
  actions: DashboardActions;
  now?: () => number;
  /** Called once, after the first render of the headline figures and trends (the benchmark's budget mark). */
  onReady?: () => void;
  /** Called once, when every panel of the whole log has rendered after the first load. */
  onComplete?: (rows: number) => void;
}

const breakdownName = (dimension: BreakdownDimension, key: string): string =>
  dimension === 'helpdesk'
    ? helpdeskName(key)
    : dimension === 'reason'
      ? (REASON_LABELS[key as keyof typeof REASON_LABELS] ?? key)
      : dimension === 'source'
        ? (SOURCE_LABELS[key as keyof typeof SOURCE_LABELS] ?? key)
        : key;

/** A panel's place while its figures are computed after the first paint: same card, same height. */
function Computing({ title, className }: { title: string; className: string }) {
  return (
    <section className={`rg-section rg-card rg-computing ${className}`} aria-busy="true" data-rg-computing={title}>
      <h2>{title}</h2>
      <p className="rg-muted">Computing…</p>
    </section>
  );
}

/** Wraps a panel whose figures are being recomputed: the old ones stay, dimmed, until the new ones are in. */
function Updating({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <div className={pending ? 'rg-updating' : 'rg-updated'} aria-busy={pending}>
      {children}
    </div>
  );
}

/**
 * The team lead's view of what agents did with AI suggestions. Data and writes come in through the
 * store and props, so this stays React only.
 *
 * Two speeds. The header, the filters' choices, the headline figures and the trends come from the
 * per-day totals the page reads first (`totalsExtent`, `totalsFigures`); with a filter, the figures
 * come from the packed summary days once they are read (`dayFigures`, no row objects). Both run
 * synchronously: they are the first render and follow every filter at once. Everything that
 * needs the whole log as rows (the rules table, breakdowns, events and drift) is decoded and
 * computed after the browser has painted (`useAfterPaint`), one task each, showing "Computing…"
 * in the panels' places first and the previous figures dimmed while a filter change is
 * recomputed.
 */
export function Dashboard({ store, actions, loadRow, now = Date.now, onReady, onComplete }: Props) {
  const s = useStore(store);
  const { summary } = s;
  const readyCalled = useRef(false);
  const completeCalled = useRef(false);

  const extent = useMemo(() => (summary ? totalsExtent(summary.totals) : null), [summary]);
  const first = extent?.first ?? now();
  const last = extent?.last ?? now();
  const period = useMemo(() => periodBounds(s.period, first, last, now()), [s.period, first, last, now]);
  const figures = useMemo(() => {
    if (!summary) return null;
    const unfiltered = Object.keys(s.filters).length === 0;
    const fromTotals = unfiltered ? totalsFigures(summary.totals, period, first) : null;
    return fromTotals ?? (summary.complete ? dayFigures(summary.days, s.filters, period, first) : null);
  }, [summary, s.filters, period, first]);

  const rows = useAfterPaint(() => (summary?.complete ? decodeChunks(summary.days) : undefined), [summary]);
  // The last few filters' results stay until the log changes: going back to one is instant.
  const recent = useMemo(
    () => (rows.value ? { aggregates: new Recent<Aggregates>(), drift: new Recent<DriftReport>() } : null),
    [rows.value],
  );
  const filterKey = useMemo(
    () => JSON.stringify(Object.entries(s.filters).sort(([a], [b]) => (a < b ? -1 : 1))),
    [s.filters],
  );
  const aggregates = useAfterPaint(
    () =>
      rows.value && recent
        ? recent.aggregates.get(`${filterKey} ${period.start} ${period.end} ${first}`, () =>
            aggregate(rows.value as StatsRow[], s.filters, period, first),
          )
        : undefined,
    [rows.value, s.filters, period, first],
  );
  const drift = useAfterPaint(() => {
    if (!rows.value || !recent) return undefined;
    const all = rows.value;
    const matches = rowMatcher(s.filters, true);
    return recent.drift.get(filterKey, () => monitorDrift(Object.keys(s.filters).length ? all.filter(matches) : all));
  }, [rows.value, s.filters]);
  const heavyPending = !summary?.complete || rows.pending || aggregates.pending || drift.pending;

  // The first render is done once the totals are in: with the figures, or without them when the
  // totals cannot give them (a period boundary off the quarter hour), in which case the packed
  // days read next must (waiting for figures there would wait for ever).
  useEffect(() => {
    if (!summary || readyCalled.current) return;
    readyCalled.current = true;
    onReady?.();
  }, [summary, onReady]);
  useEffect(() => {
    if (!extent || !summary?.complete || heavyPending || completeCalled.current) return;
    completeCalled.current = true;
    onComplete?.(extent.rows);
  }, [extent, summary, heavyPending, onComplete]);

  const events = aggregates.pending ? undefined : aggregates.value?.events;
  const selectedSummary = useMemo(
    () => (s.selectedId && events ? (events.find((r) => r.id === s.selectedId) ?? null) : null),
    [events, s.selectedId],
  );
  const [selected, setSelected] = useState<OverrideRow | null>(null);
  useEffect(() => {
    if (!selectedSummary) {
      setSelected(null);
      return;
    }
    let live = true;
    const load = loadRow ?? (async () => ('shape' in selectedSummary ? (selectedSummary as OverrideRow) : undefined));
    void load({ id: selectedSummary.id, decidedAt: selectedSummary.decidedAt }).then((row) => {
      if (live) setSelected(row ?? null);
    });
    return () => {
      live = false;
    };
  }, [selectedSummary, loadRow]);

  const header = (
    <header className="rg-brand">
      <span className="rg-brand__mark" aria-hidden="true">
        ◆
      </span>
      <h1>ReplyGuard dashboard</h1>
      <span className="rg-muted" data-rg-total={extent ? extent.rows : ''}>
        {extent ? `${extent.rows.toLocaleString('en')} decisions in the log` : ''}
      </span>
    </header>
  );

  const dataPanel = (
    <DataPanel
      exportCount={events?.length ?? 0}
      importState={s.importState}
      onExport={(format) => events && actions.exportRows(events, format)}
      onImport={actions.importFiles}
      onLoadDemo={actions.loadDemo}
      onDismiss={() => s.set({ importState: { ...s.importState, phase: 'idle', summary: null } })}
    />
  );

  if (!summary || !extent) {
    return (
      <main className="rg-page rg-dashboard">
        {header}
        <p className="rg-muted" aria-busy="true">
          Loading the local log…
        </p>
      </main>
    );
  }

  if (extent.rows === 0) {
    return (
      <main className="rg-page rg-dashboard">
        {header}
        <section className="rg-card rg-empty-state" data-rg-empty="">
          <h2>Nothing to show yet</h2>
          <p>{EMPTY_TEXT.noData}</p>
          <p>
            <button type="button" className="rg-button rg-button--primary" onClick={actions.loadDemo} data-rg-demo="">
              Load demo data
            </button>{' '}
            <span className="rg-muted">
              Six agents, six weeks, with a drift episode. You can delete it by clearing the extension's data.
            </span>
          </p>
        </section>
        {dataPanel}
      </main>
    );
  }

  const periodLabel = PERIOD_LABELS[s.period].toLowerCase();
  const previousLabel = s.period === 'all' ? 'earlier' : `the ${periodLabel.replace('last ', '')} before`;

  const agg = aggregates.value;
  return (
    <main className="rg-page rg-dashboard" data-rg-events-in-period={figures?.headline.seen ?? ''}>
      {header}
      <p className="rg-muted">
        What agents did with AI-suggested replies, from this browser's local log. Nothing here leaves the machine.
      </p>
      <Filters
        period={s.period}
        filters={s.filters}
        helpdesks={extent.helpdesks}
        agents={extent.agents}
        helpdeskName={helpdeskName}
        onPeriod={s.setPeriod}
        onFilter={s.setFilter}
        onClear={s.clearFilters}
      />
      {figures?.headline.seen === 0 ? (
        <p className="rg-card rg-empty" data-rg-no-match="">
          {EMPTY_TEXT.noMatch}{' '}
          <button type="button" className="rg-button" onClick={s.clearFilters}>
            Clear filters
          </button>
        </p>
      ) : null}
      {figures ? (
        <HeadlineCards
          headline={figures.headline}
          previous={figures.previousHeadline}
          previousLabel={previousLabel}
          onSelect={(key) =>
            s.set({
              trendMetric: key === 'seen' || key === 'medianDecisionMs' || key === 'meanEditSize' ? s.trendMetric : key,
            })
          }
        />
      ) : (
        <Computing title="Headline figures" className="rg-computing--headline" />
      )}
      <div className="rg-grid">
        {figures ? (
          <TrendPanel
            trends={figures.trends}
            metric={s.trendMetric}
            granularity={s.granularity}
            onMetric={(trendMetric) => s.set({ trendMetric })}
            onGranularity={(granularity) => s.set({ granularity })}
          />
        ) : (
          <Computing title="Trend" className="rg-computing--chart" />
        )}
        {drift.value ? (
          <Updating pending={drift.pending}>
            <DriftPanel
              report={drift.value}
              metric={s.driftMetric}
              onMetric={(driftMetric) => s.set({ driftMetric })}
            />
          </Updating>
        ) : (
          <Computing title="Drift" className="rg-computing--chart" />
        )}
      </div>
      <div className="rg-grid">
        {agg ? (
          <Updating pending={aggregates.pending}>
            <RulesTable rules={agg.rules} sort={s.rulesSort} onSort={(k) => s.sortBy('rulesSort', k)} />
          </Updating>
        ) : (
          <Computing title="Rules" className="rg-computing--table" />
        )}
        {agg ? (
          <Updating pending={aggregates.pending}>
            <Breakdowns
              breakdowns={agg.breakdowns}
              dimension={s.breakdown}
              onDimension={(breakdown) => s.set({ breakdown })}
              name={breakdownName}
            />
          </Updating>
        ) : (
          <Computing title="Breakdowns" className="rg-computing--table" />
        )}
      </div>
      {selected ? (
        <EventDetail row={selected} helpdeskName={helpdeskName} onClose={() => s.set({ selectedId: null })} />
      ) : null}
      {agg ? (
        <Updating pending={aggregates.pending}>
          <EventsTable
            events={agg.events}
            sort={s.eventsSort}
            page={s.page}
            search={s.search}
            selectedId={s.selectedId}
            onSort={(k) => s.sortBy('eventsSort', k)}
            onPage={(page) => s.set({ page })}
            onSearch={(search) => s.set({ search, page: 0 })}
            onSelect={(selectedId) => s.set({ selectedId })}
            helpdeskName={helpdeskName}
          />
        </Updating>
      ) : (
        <Computing title="Events" className="rg-computing--table" />
      )}
      {dataPanel}
    </main>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ExportFormat } from '@/lib/db/export';
import type { OverrideRow } from '@/lib/db/schema';
import { helpdeskName } from '@/lib/hosts/helpdesks';
import { aggregate, type BreakdownDimension, DAY_MS, startOfDay } from '@/lib/stats/aggregate';
import { rowMatcher } from '@/lib/stats/filter';
import { monitorDrift } from '@/lib/stats/monitor';
import type { StatsRow } from '@/lib/stats/stats-row';
import { Breakdowns } from './Breakdowns';
import { DataPanel } from './DataPanel';
import { DriftPanel } from './DriftPanel';
import { EventDetail } from './EventDetail';
import { EventsTable } from './EventsTable';
import { Filters } from './Filters';
import { HeadlineCards } from './HeadlineCards';
import { EMPTY_TEXT, PERIOD_DAYS, PERIOD_LABELS, REASON_LABELS } from './labels';
import { RulesTable } from './RulesTable';
import type { DashboardStore, PeriodPreset } from './store';
import { TrendPanel } from './TrendPanel';
import './dashboard.css';

/** What the page can do beyond reading (imports, demo data, downloads), wired by the entry point. */
export interface DashboardActions {
  importFiles(files: File[]): void;
  loadDemo(): void;
  /** Exports these events; the summary rows name them, the action reads the full rows. */
  exportRows(rows: readonly StatsRow[], format: ExportFormat): void;
}

interface Props {
  /** Every row's summary, oldest decision first; undefined while loading. */
  rows: readonly StatsRow[] | undefined;
  /**
   * Reads one full row (texts, shape, signals) for the detail view. Without it, a row passed in
   * `rows` that is already a full row is shown as is.
   */
  loadRow?: (id: string) => Promise<OverrideRow | undefined>;
  store: DashboardStore;
  actions: DashboardActions;
  now?: () => number;
  /** Called once, after the first render with data (the benchmark's mark). */
  onReady?: (rows: number) => void;
}

/** Period bounds: whole local days ending today (or at the newest event, if that is later). */
export function periodBounds(preset: PeriodPreset, first: number, last: number, now: number) {
  const end = startOfDay(Math.max(now, last)) + DAY_MS;
  const start = preset === 'all' ? startOfDay(Math.min(first, end - DAY_MS)) : end - PERIOD_DAYS[preset] * DAY_MS;
  return { start, end };
}

const breakdownName = (dimension: BreakdownDimension, key: string): string =>
  dimension === 'helpdesk'
    ? helpdeskName(key)
    : dimension === 'reason'
      ? (REASON_LABELS[key as keyof typeof REASON_LABELS] ?? key)
      : key;

/**
 * The team lead's view of what agents did with AI suggestions. Data and writes come in as props,
 * so this stays React only; aggregates are memoised on (rows, filters, period) and computed in one
 * pass, drift on (rows, filters).
 */
export function Dashboard({ rows, store, actions, loadRow, now = Date.now, onReady }: Props) {
  const s = useStore(store);
  const ready = useRef(false);

  const facets = useMemo(() => {
    const helpdesks = new Set<string>();
    const agents = new Set<string>();
    for (const r of rows ?? []) {
      helpdesks.add(r.helpdesk);
      agents.add(r.agent);
    }
    return { helpdesks: [...helpdesks].sort(), agents: [...agents].sort() };
  }, [rows]);

  const first = rows?.[0]?.decidedAt ?? now();
  const last = rows?.at(-1)?.decidedAt ?? now();
  const period = useMemo(() => periodBounds(s.period, first, last, now()), [s.period, first, last, now]);
  const aggregates = useMemo(
    () => (rows ? aggregate(rows, s.filters, period, first) : null),
    [rows, s.filters, period, first],
  );
  const drift = useMemo(() => {
    if (!rows) return null;
    const matches = rowMatcher(s.filters, true);
    return monitorDrift(Object.keys(s.filters).length ? rows.filter(matches) : rows);
  }, [rows, s.filters]);

  useEffect(() => {
    if (!rows || ready.current) return;
    ready.current = true;
    onReady?.(rows.length);
  }, [rows, onReady]);

  const selectedSummary = useMemo(
    () => (s.selectedId && aggregates ? (aggregates.events.find((r) => r.id === s.selectedId) ?? null) : null),
    [aggregates, s.selectedId],
  );
  const [selected, setSelected] = useState<OverrideRow | null>(null);
  useEffect(() => {
    if (!selectedSummary) {
      setSelected(null);
      return;
    }
    let live = true;
    const load = loadRow ?? (async () => ('shape' in selectedSummary ? (selectedSummary as OverrideRow) : undefined));
    void load(selectedSummary.id).then((row) => {
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
      <span className="rg-muted" data-rg-total={rows?.length ?? 0}>
        {rows ? `${rows.length.toLocaleString('en')} decisions in the log` : ''}
      </span>
    </header>
  );

  const dataPanel = (
    <DataPanel
      exportCount={aggregates?.events.length ?? 0}
      importState={s.importState}
      onExport={(format) => aggregates && actions.exportRows(aggregates.events, format)}
      onImport={actions.importFiles}
      onLoadDemo={actions.loadDemo}
      onDismiss={() => s.set({ importState: { ...s.importState, phase: 'idle', summary: null } })}
    />
  );

  if (!rows || !aggregates || !drift) {
    return (
      <main className="rg-page rg-dashboard">
        {header}
        <p className="rg-muted" aria-busy="true">
          Loading the local log…
        </p>
      </main>
    );
  }

  if (rows.length === 0) {
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

  return (
    <main className="rg-page rg-dashboard" data-rg-events-in-period={aggregates.events.length}>
      {header}
      <p className="rg-muted">
        What agents did with AI-suggested replies, from this browser's local log. Nothing here leaves the machine.
      </p>
      <Filters
        period={s.period}
        filters={s.filters}
        helpdesks={facets.helpdesks}
        agents={facets.agents}
        helpdeskName={helpdeskName}
        onPeriod={s.setPeriod}
        onFilter={s.setFilter}
        onClear={s.clearFilters}
      />
      {aggregates.events.length === 0 ? (
        <p className="rg-card rg-empty" data-rg-no-match="">
          {EMPTY_TEXT.noMatch}{' '}
          <button type="button" className="rg-button" onClick={s.clearFilters}>
            Clear filters
          </button>
        </p>
      ) : null}
      <HeadlineCards
        headline={aggregates.headline}
        previous={aggregates.previousHeadline}
        previousLabel={previousLabel}
        onSelect={(key) =>
          s.set({
            trendMetric: key === 'seen' || key === 'medianDecisionMs' || key === 'meanEditSize' ? s.trendMetric : key,
          })
        }
      />
      <div className="rg-grid">
        <TrendPanel
          trends={aggregates.trends}
          metric={s.trendMetric}
          granularity={s.granularity}
          onMetric={(trendMetric) => s.set({ trendMetric })}
          onGranularity={(granularity) => s.set({ granularity })}
        />
        <DriftPanel report={drift} metric={s.driftMetric} onMetric={(driftMetric) => s.set({ driftMetric })} />
      </div>
      <div className="rg-grid">
        <RulesTable rules={aggregates.rules} sort={s.rulesSort} onSort={(k) => s.sortBy('rulesSort', k)} />
        <Breakdowns
          breakdowns={aggregates.breakdowns}
          dimension={s.breakdown}
          onDimension={(breakdown) => s.set({ breakdown })}
          name={breakdownName}
        />
      </div>
      {selected ? (
        <EventDetail row={selected} helpdeskName={helpdeskName} onClose={() => s.set({ selectedId: null })} />
      ) : null}
      <EventsTable
        events={aggregates.events}
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
      {dataPanel}
    </main>
  );
}

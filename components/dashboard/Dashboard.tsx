import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { DownloadFormat } from '@/lib/db/export-formats';
import type { OverrideRow } from '@/lib/db/schema';
import { helpdeskName } from '@/lib/hosts/helpdesks';
import type { BreakdownDimension, PeriodFigures } from '@/lib/stats/aggregate';
import { totalsExtent, totalsFigures } from '@/lib/stats/day-figures';
import type { EventRef, StatsSource, ViewRequest, ViewResult } from '@/lib/stats/day-view';
import type { StatsRow } from '@/lib/stats/stats-row';
import { DAILY_TARGET_FIGURES } from '@/lib/stats/targets';
import { Breakdowns } from './Breakdowns';
import { DataPanel } from './DataPanel';
import { DriftPanel } from './DriftPanel';
import { EventDetail } from './EventDetail';
import { EventsTable, PAGE_SIZE } from './EventsTable';
import { Filters } from './Filters';
import { createGovernanceStore, type GovernanceActions, type GovernanceStore } from './governance-store';
import { HeadlineCards } from './HeadlineCards';
import { EMPTY_TEXT, PERIOD_LABELS, REASON_LABELS, SOURCE_LABELS } from './labels';
import { periodBounds } from './period';
import { ReviewPanel } from './ReviewPanel';
import { RulesTable } from './RulesTable';
import { reportHref } from './report-link';
import type { DashboardStore } from './store';
import { TargetsPanel } from './TargetsPanel';
import { TrendPanel } from './TrendPanel';
import { afterPaint } from './use-after-paint';
import './dashboard.css';

/** What the page can do beyond reading (imports, demo data, downloads), wired by the entry point. */
export interface DashboardActions {
  importFiles(files: File[]): void;
  loadDemo(): void;
  /** Exports the events `refs` names (the filtered period's); the action reads the full rows. */
  exportRows(refs: () => Promise<EventRef[]>, format: DownloadFormat): void;
}

/** What an export of the filtered period would write: how many events, and their refs when asked. */
export interface Exportable {
  count: number;
  refs(): Promise<EventRef[]>;
}

interface Props {
  /**
   * Reads one full row (texts, shape, signals) for the detail view, by id; its decision time says
   * which day holds it when it was imported. Without it, a decoded summary row is shown as is.
   */
  loadRow?: (ref: { id: string; decidedAt: number }) => Promise<OverrideRow | undefined>;
  /** UI state, and the log's per-day totals as the page's live query pushes them in. */
  store: DashboardStore;
  /**
   * Computes every panel beyond the first render from the packed summary days: the page's worker
   * (entrypoints/dashboard/stats-worker.ts), or a `localStats` in tests. Asked only once the
   * first render has painted.
   */
  stats?: StatsSource;
  actions: DashboardActions;
  now?: () => number;
  /** Called once, after the first render of the headline figures and trends (the benchmark's budget mark). */
  onReady?: () => void;
  /** Called once, when every panel of the whole log has rendered after the first load. */
  onComplete?: (rows: number) => void;
  /** Targets, review share and verdicts, filled by the page after the first paint; without it the governance panels stay empty. */
  governance?: GovernanceStore;
  governanceActions?: GovernanceActions;
  /** Panels beside export and import (audit, hand-over), given what an export of the filtered period would write. */
  sidePanels?: (exportable: Exportable | null) => ReactNode;
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

/** The latest answers of the stats source for a request, and whether they answer the current one. */
function useStatsView(stats: StatsSource | undefined, req: ViewRequest | null, version: number) {
  const key = req ? `${version} ${JSON.stringify(req)}` : null;
  const [figures, setFigures] = useState<{ key: string; value: PeriodFigures | null } | null>(null);
  const [panels, setPanels] = useState<{ key: string; value: ViewResult } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the request and the version.
  useEffect(() => {
    if (!stats || !req || key === null) return;
    let live = true;
    stats
      .view(req, version, (value) => {
        if (live) setFigures({ key, value });
      })
      .then(
        (value) => {
          if (live) setPanels({ key, value });
        },
        (error: unknown) => console.error('ReplyGuard: computing the dashboard failed', error),
      );
    return () => {
      live = false;
    };
  }, [stats, key]);
  return {
    figures: figures?.value ?? null,
    figuresFresh: figures !== null && figures.key === key,
    panels: panels?.value,
    panelsFresh: panels !== null && panels.key === key,
  };
}

/**
 * The team lead's view of what agents did with AI suggestions. Data and writes come in through the
 * store and props, so this stays React only.
 *
 * Two speeds. The header, the filters' choices, the headline figures and the trends come from the
 * per-day totals the page reads first (`totalsExtent`, `totalsFigures`), synchronously: they are
 * the first render. Everything else comes from the stats source, asked once that render has
 * painted: with a filter, the headline figures and trends first (`dayFigures`), then the rules
 * table, breakdowns, drift and the events table's page, computed over the packed summary days off
 * the main thread. Panels show "Computing…" in their places first, and their previous figures
 * dimmed while a change is recomputed.
 */
export function Dashboard({
  store,
  actions,
  stats,
  loadRow,
  now = Date.now,
  onReady,
  onComplete,
  governance,
  governanceActions,
  sidePanels,
}: Props) {
  const s = useStore(store);
  const [governanceStore] = useState(() => governance ?? createGovernanceStore());
  const g = useStore(governanceStore);
  const { summary } = s;
  const readyCalled = useRef(false);
  const completeCalled = useRef(false);
  const [painted, setPainted] = useState(false);
  // Every new read of the log is a new version: the stats source reads the days again.
  const versions = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new summary object is a new state of the log.
  const version = useMemo(() => ++versions.current, [summary]);

  const extent = useMemo(() => (summary ? totalsExtent(summary.totals) : null), [summary]);
  // An empty log's period is anchored to the moment it was read, not to each render's clock: with
  // `now()` here every render (an import's progress, four a second) asked the stats source for
  // figures of a new period, and each answer rendered again and asked again, keeping the page's
  // main thread busy for most of an import into an empty log (bench:dashboard's trace).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new summary is a new moment to anchor to.
  const readAt = useMemo(() => now(), [summary, now]);
  const first = extent?.first ?? readAt;
  const last = extent?.last ?? readAt;
  const period = useMemo(() => periodBounds(s.period, first, last, now()), [s.period, first, last, now]);
  const unfiltered = Object.keys(s.filters).length === 0;
  // Kept while a filter is on (it does not depend on the filters): clearing a filter shows the
  // whole log's figures at once instead of adding up its totals again (at a million rows, 85 ms).
  const totalsView = useMemo(
    () => (summary ? totalsFigures(summary.totals, summary.durations, period, first) : null),
    [summary, period, first],
  );
  const fromTotals = unfiltered ? totalsView : null;
  const request = useMemo<ViewRequest | null>(
    () =>
      painted && extent
        ? {
            filters: s.filters,
            period,
            first,
            figures: fromTotals === null,
            events: { sort: s.eventsSort, search: s.search, page: s.page, pageSize: PAGE_SIZE },
            // The governance panels' figures need the rows too: the stats source computes them beside the rest.
            governance: governance
              ? {
                  targets: g.targets,
                  medians: s.trendMetric === 'medianDecisionMs',
                  reviewShare: g.reviewShare,
                }
              : undefined,
          }
        : null,
    [
      painted,
      extent,
      s.filters,
      period,
      first,
      fromTotals,
      s.eventsSort,
      s.search,
      s.page,
      governance,
      g.targets,
      g.reviewShare,
      s.trendMetric,
    ],
  );
  const view = useStatsView(stats, request, version);
  const figures = fromTotals ?? view.figures;
  const panels = view.panels;
  const panelsPending = !view.panelsFresh;
  const hasDailyTargets = DAILY_TARGET_FIGURES.some((f) => g.targets?.[f]);
  // Targets' breaches, median trends and the review sample come with the panels (computed by the stats source).
  const governed = panels?.governance ?? null;

  // The first render is done once the headline figures show: from the totals, or (a period
  // boundary off the quarter hour) from the stats source, which is asked at once in that case.
  useEffect(() => {
    if (!figures || readyCalled.current) return;
    readyCalled.current = true;
    onReady?.();
  }, [figures, onReady]);
  // Ask for the rest once the first render has painted (or when the totals cannot give the
  // figures: then the stats source computes them too).
  const canAsk = summary !== undefined && (figures !== null || fromTotals === null);
  useEffect(() => (canAsk && !painted ? afterPaint(() => setPainted(true)) : undefined), [canAsk, painted]);
  useEffect(() => {
    if (!extent || !panels || panelsPending || panels.rows !== extent.rows || completeCalled.current) return;
    completeCalled.current = true;
    onComplete?.(extent.rows);
  }, [extent, panels, panelsPending, onComplete]);

  const pageRows = panels?.events.rows;
  const found = useMemo(
    () => (s.selectedId && pageRows ? (pageRows.find((r) => r.id === s.selectedId) ?? null) : null),
    [pageRows, s.selectedId],
  );
  // The selected event stays selected when the table pages on or is sorted.
  const [selectedSummary, setSelectedSummary] = useState<StatsRow | null>(null);
  useEffect(() => {
    if (!s.selectedId) setSelectedSummary(null);
    else if (found) setSelectedSummary(found);
  }, [s.selectedId, found]);
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
    <>
      <DataPanel
        exportCount={panels && view.panelsFresh ? panels.events.inPeriod : 0}
        importState={s.importState}
        onExport={(format) => {
          if (stats && request) actions.exportRows(() => stats.refs(request, version), format);
        }}
        onImport={actions.importFiles}
        onLoadDemo={actions.loadDemo}
        onDismiss={() => s.set({ importState: { ...s.importState, phase: 'idle', summary: null } })}
      />
      {sidePanels?.(
        panels && view.panelsFresh && stats && request
          ? { count: panels.events.inPeriod, refs: () => stats.refs(request, version) }
          : null,
      )}
    </>
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

  const agg = panels;
  return (
    <main className="rg-page rg-dashboard" data-rg-events-in-period={figures?.headline.seen ?? ''}>
      {header}
      <p className="rg-muted">
        What agents did with AI-suggested replies, from this browser's local log. Nothing here leaves the machine.{' '}
        <a href={reportHref(period, s.filters)} target="_blank" rel="noreferrer" data-rg-report-link="">
          Review report for this period
        </a>
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
            targets={g.targets}
            medians={
              governance ? (s.trendMetric === 'medianDecisionMs' ? (governed?.medians ?? null) : null) : undefined
            }
            metric={s.trendMetric}
            granularity={s.granularity}
            onMetric={(trendMetric) => s.set({ trendMetric })}
            onGranularity={(granularity) => s.set({ granularity })}
          />
        ) : (
          <Computing title="Trend" className="rg-computing--chart" />
        )}
        {panels ? (
          <Updating pending={panelsPending}>
            <DriftPanel
              report={panels.drift}
              metric={s.driftMetric}
              onMetric={(driftMetric) => s.set({ driftMetric })}
              breaches={hasDailyTargets ? (governed?.breaches ?? null) : null}
            />
          </Updating>
        ) : (
          <Computing title="Drift" className="rg-computing--chart" />
        )}
      </div>
      <div className="rg-grid">
        {agg ? (
          <Updating pending={panelsPending}>
            <RulesTable
              rules={agg.rules}
              sort={s.rulesSort}
              onSort={(k) => s.sortBy('rulesSort', k)}
              targets={g.targets}
            />
          </Updating>
        ) : (
          <Computing title="Rules" className="rg-computing--table" />
        )}
        {agg ? (
          <Updating pending={panelsPending}>
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
      {governance && governanceActions ? (
        <div className="rg-grid">
          <TargetsPanel
            headline={figures?.headline ?? null}
            rules={agg?.rules ?? null}
            governance={g}
            actions={governanceActions}
          />
          <ReviewPanel
            sample={governed?.review?.sample ?? null}
            accepted={governed?.review?.accepted ?? 0}
            governance={g}
            actions={governanceActions}
            loadRow={loadRow}
            helpdeskName={helpdeskName}
          />
        </div>
      ) : null}
      {selected ? (
        <EventDetail row={selected} helpdeskName={helpdeskName} onClose={() => s.set({ selectedId: null })} />
      ) : null}
      {agg ? (
        <Updating pending={panelsPending}>
          <EventsTable
            events={agg.events}
            sort={s.eventsSort}
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

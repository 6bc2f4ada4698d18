import { createStore } from 'zustand/vanilla';
import type { ImportSummary } from '@/lib/db/import';
import type { SummaryDays } from '@/lib/db/queries';
import type { Outcome, OverrideReason, SuggestionSource } from '@/lib/db/schema';
import type { Category } from '@/lib/engine/types';
import type { BreakdownDimension, Granularity } from '@/lib/stats/aggregate';
import type { EventSortKey } from '@/lib/stats/day-view';
import type { HeadlineKey } from '@/lib/stats/metrics';
import type { DriftMetric } from '@/lib/stats/monitor';
import type { PeriodPreset } from '@/lib/stats/period';

export type { PeriodPreset } from '@/lib/stats/period';

/** The filters besides the period. Undefined means "any". */
export interface Filters {
  helpdesk?: string;
  agent?: string;
  category?: Category;
  outcome?: Outcome;
  reason?: OverrideReason;
  source?: SuggestionSource;
}

export type { EventSortKey } from '@/lib/stats/day-view';
export type RuleSortKey = 'rule' | 'category' | 'fired' | 'falseAlarmRate' | 'overriddenRate';

export interface Sort<K> {
  key: K;
  desc: boolean;
}

/** Where an import stands, for the progress bar and the summary. */
export interface ImportState {
  phase: 'idle' | 'importing' | 'done' | 'failed';
  /** Progress: `done` of `total` in `unit` (files: bytes read; the demo, generated: rows written). */
  done: number;
  total: number;
  unit: 'bytes' | 'rows';
  /** Rows written so far, imported or already present. */
  rows: number;
  summary: ImportSummary | null;
  error: string | null;
  /** Wall time of the last finished import, from picking the files to the last batch stored. */
  ms: number | null;
  /**
   * Of which the reader waited for IndexedDB writes (files are read once, written as they are
   * read): the share of the import bound by writing rather than reading.
   */
  waitMs: number | null;
}

export interface DashboardState {
  /**
   * The log's per-day totals, pushed in by the page's live query (entrypoints/dashboard); the
   * packed days are read by the stats worker, never here. Undefined while loading.
   */
  summary: SummaryDays | undefined;
  period: PeriodPreset;
  filters: Filters;
  trendMetric: HeadlineKey;
  granularity: Granularity;
  driftMetric: DriftMetric;
  breakdown: BreakdownDimension;
  rulesSort: Sort<RuleSortKey>;
  eventsSort: Sort<EventSortKey>;
  page: number;
  search: string;
  selectedId: string | null;
  importState: ImportState;
  setPeriod(period: PeriodPreset): void;
  setFilter<K extends keyof Filters>(key: K, value: Filters[K] | undefined): void;
  clearFilters(): void;
  set(partial: Partial<Omit<DashboardState, 'setPeriod' | 'setFilter' | 'clearFilters' | 'set' | 'sortBy'>>): void;
  /** Sorts a table by a column; the same column again flips the direction. */
  sortBy(table: 'rulesSort' | 'eventsSort', key: string): void;
}

export const IDLE_IMPORT: ImportState = {
  phase: 'idle',
  done: 0,
  total: 0,
  unit: 'rows',
  rows: 0,
  summary: null,
  error: null,
  ms: null,
  waitMs: null,
};

/** One store per dashboard page. Filters reset the events page so a lead never lands on an empty page 37. */
export function createDashboardStore() {
  return createStore<DashboardState>()((set, get) => ({
    summary: undefined,
    period: '28d',
    filters: {},
    trendMetric: 'overrideRate',
    granularity: 'day',
    driftMetric: 'override-rate',
    breakdown: 'helpdesk',
    rulesSort: { key: 'fired', desc: true },
    eventsSort: { key: 'decidedAt', desc: true },
    page: 0,
    search: '',
    selectedId: null,
    importState: IDLE_IMPORT,
    setPeriod: (period) => set({ period, page: 0 }),
    setFilter: (key, value) => {
      const filters = { ...get().filters };
      if (value === undefined) delete filters[key];
      else filters[key] = value;
      set({ filters, page: 0 });
    },
    clearFilters: () => set({ filters: {}, search: '', page: 0 }),
    set: (partial) => set(partial),
    sortBy: (table, key) => {
      const current = get()[table];
      set({
        [table]: { key, desc: current.key === key ? !current.desc : key !== 'rule' && key !== 'category' },
        ...(table === 'eventsSort' ? { page: 0 } : {}),
      } as Partial<DashboardState>);
    },
  }));
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;

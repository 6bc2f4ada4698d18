import '@/components/ui/base.css';
import { liveQuery, type Subscription } from 'dexie';
import { createDashboardStore, type DashboardState } from '@/components/dashboard/store';
import { afterPaint } from '@/components/dashboard/use-after-paint';
import { openDatabase } from '@/lib/db/database';
import { durationsByDay, sameTotals } from '@/lib/db/day-totals';
import { takeEarlyTotals } from '@/lib/db/early-read';
import { rowsById, type SummaryDays, summaryTotals } from '@/lib/db/queries';
import type { OverrideRow } from '@/lib/db/schema';
import { renderDashboard } from './render';

/** Timings the benchmark reads, in ms since navigation start (absent until reached). */
interface DashboardTiming {
  /** Every day's totals read from IndexedDB: what the first render needs. */
  firstReadMs?: number;
  /** Headline figures and trends rendered, one frame later (the budget figure). */
  readyMs?: number;
  /** Every panel (drift, rules, breakdowns, events) rendered, one frame later. */
  completeMs?: number;
  /** Rows in the log when the page completed. */
  rows?: number;
}
declare global {
  interface Window {
    __replyguardDashboard?: DashboardTiming;
  }
}

performance.mark('replyguard:dashboard-main');
const db = openDatabase();
const store = createDashboardStore();
/**
 * Full rows the detail view and the review card read (live or imported; the decision time names an
 * imported row's day, so no summary scan), kept by id until the log changes: a day of a
 * million-row log is about 9 MB of records, read whole to find one row, and a lead flipping a
 * filter back and forth would read it again each time.
 */
const loadedRows = new Map<string, Promise<OverrideRow | undefined>>();
const LOADED_ROWS_KEPT = 64;
const loadRow = (ref: { id: string; decidedAt: number }) => {
  let row = loadedRows.get(ref.id);
  if (!row) {
    row = rowsById(db, [ref]).then((rows) => rows[0]);
    row.catch(() => loadedRows.delete(ref.id));
    loadedRows.set(ref.id, row);
    const oldest = loadedRows.keys().next().value;
    if (loadedRows.size > LOADED_ROWS_KEPT && oldest !== undefined) loadedRows.delete(oldest);
  }
  return row;
};
const timing: DashboardTiming = {};
window.__replyguardDashboard = timing;

let subscription: Subscription | undefined;

function markFirstRead(): void {
  if (timing.firstReadMs !== undefined) return;
  timing.firstReadMs = performance.now();
  performance.mark('replyguard:dashboard-first-read');
}

/** The per-day totals: all the page itself reads (the packed days are the stats worker's). */
async function readSummary(): Promise<SummaryDays> {
  const totals = await summaryTotals(db);
  markFirstRead();
  return totals;
}

/**
 * Keeps the store's summary live: Dexie re-runs the read whenever a write touches the days it
 * read (an import, a new decision, a reason given later, the retention purge). A read that finds
 * the totals the store holds (the live query's first, after the early read) changes nothing: a
 * new summary is a new version of the log, which the stats worker reads again whole.
 */
function watchSummary(): void {
  subscription?.unsubscribe();
  subscription = liveQuery(readSummary).subscribe({
    next: (summary) => {
      const held = store.getState().summary;
      if (held && sameTotals(held.totals, summary.totals)) {
        // The same log: the early read's days keep their times, the others join them (see `SummaryDays.durations`).
        for (const [day, times] of summary.durations) if (!held.durations.has(day)) held.durations.set(day, times);
        return;
      }
      // A write touched the log: a kept row may have changed (a reason given later, a purge).
      loadedRows.clear();
      store.getState().set({ summary });
    },
    error: (error: unknown) => console.error('ReplyGuard: reading the log failed', error),
  });
}

/**
 * The first render's totals: the early script's read when it had one (lib/db/early-read.ts),
 * then the live query, which keeps them current from there on.
 */
async function startReading(): Promise<void> {
  const early = await (takeEarlyTotals() ?? Promise.resolve(null));
  if (early) {
    markFirstRead();
    const summary = { totals: early.totals, durations: durationsByDay(early.durations), days: [], complete: false };
    store.getState().set({ summary });
  }
  watchSummary();
}

/**
 * While an import runs the summary is not re-read on every batch (each re-read would make the
 * stats worker read every packed day again); it is read once when the import ends.
 */
const importing = (s: DashboardState) => s.importState.phase === 'importing';
store.subscribe((s, prev) => {
  if (importing(s) && !importing(prev)) {
    subscription?.unsubscribe();
    subscription = undefined;
  } else if (!importing(s) && importing(prev)) {
    watchSummary();
  }
});

/** The first render with figures has painted: mark it (the Dashboard then asks the stats worker for the rest). */
function onReady(): void {
  performance.mark('replyguard:dashboard-first-commit');
  afterPaint(() => {
    timing.readyMs = performance.now();
    document.documentElement.dataset.rgReady = '';
  });
}

/** Every panel has painted with the whole log. */
function onComplete(rows: number): void {
  afterPaint(() => {
    timing.completeMs = performance.now();
    timing.rows = rows;
    document.documentElement.dataset.rgComplete = String(rows);
  });
}

// The UI (React, the panels, the charts) is a static import: the page's HTML asks for all of its
// modules at once, so they load while the early script's read runs. Loaded as a chunk of its own
// once this module had run, it became the longest path of a million-row first render (the UI
// ready 370 ms after navigation, against 250 ms this way; bench:dashboard --rows 1000000).
void startReading();
renderDashboard({ db, store, loadRow, onReady, onComplete });

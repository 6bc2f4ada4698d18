import '@/components/ui/base.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import ReactDOM from 'react-dom/client';
import { useStore } from 'zustand';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { createDashboardStore } from '@/components/dashboard/store';
import { openDatabase } from '@/lib/db/database';
import { rowsById, summaryRowsByTime } from '@/lib/db/queries';
import type { StatsRow } from '@/lib/stats/stats-row';
import { dashboardActions } from './actions';

/** Timings the benchmark reads: ms since navigation start. */
interface DashboardTiming {
  dataLoadedMs: number;
  readyMs: number;
  rows: number;
}
declare global {
  interface Window {
    __replyguardDashboard?: DashboardTiming;
  }
}

const db = openDatabase();
const store = createDashboardStore();
const actions = dashboardActions(store, db);
/** The detail view's full row, live or imported. */
const loadRow = async (id: string) => (await rowsById(db, [{ id }]))[0];
let dataLoadedMs = 0;

/** Marks the first render with data: after the browser has had a frame to paint it. */
function markReady(rows: number): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      window.__replyguardDashboard = { dataLoadedMs, readyMs: performance.now(), rows };
      document.documentElement.dataset.rgReady = String(rows);
    }, 0),
  );
}

/**
 * Reads the log's compact summary live (full rows only for the detail view and export). While an import runs the query is not re-run on every batch (each re-read
 * of 100,000 rows would slow the import); it re-reads once when the import ends.
 */
function App() {
  const importing = useStore(store, (s) => s.importState.phase === 'importing' || s.importState.phase === 'reading');
  const last = useRef<StatsRow[] | undefined>(undefined);
  const rows = useLiveQuery(
    async () => {
      if (importing) return last.current;
      const all = await summaryRowsByTime(db);
      if (!dataLoadedMs) dataLoadedMs = performance.now();
      return all;
    },
    [importing],
    last.current,
  );
  last.current = rows;
  return <Dashboard rows={rows} store={store} actions={actions} loadRow={loadRow} onReady={markReady} />;
}

const root = document.getElementById('root');
if (root) ReactDOM.createRoot(root).render(<App />);

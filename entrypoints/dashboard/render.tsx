import ReactDOM from 'react-dom/client';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { createGovernanceStore } from '@/components/dashboard/governance-store';
import type { DashboardStore } from '@/components/dashboard/store';
import { afterPaint } from '@/components/dashboard/use-after-paint';
import type { ReplyGuardDb } from '@/lib/db/database';
import type { OverrideRow } from '@/lib/db/schema';
import { dashboardActions } from './actions';
import { connectGovernance, governanceActions } from './governance-actions';
import { dashboardPanels } from './panels';
import { dashboardStats } from './stats-client';

performance.mark('replyguard:dashboard-ui');

/** What the page's data path hands to the UI. */
export interface RenderInput {
  db: ReplyGuardDb;
  store: DashboardStore;
  loadRow: (ref: { id: string; decidedAt: number }) => Promise<OverrideRow | undefined>;
  onReady: () => void;
  onComplete: (rows: number) => void;
}

/** Mounts the dashboard; main.tsx calls this once it has started reading the log. */
export function renderDashboard({ db, store, loadRow, onReady, onComplete }: RenderInput): void {
  const root = document.getElementById('root');
  if (!root) return;
  // Targets, the review share and the verdicts are read once the first render has painted.
  const governance = createGovernanceStore();
  const ready = () => {
    onReady();
    afterPaint(() => connectGovernance(db, governance));
  };
  ReactDOM.createRoot(root).render(
    <Dashboard
      store={store}
      actions={dashboardActions(store, db)}
      stats={dashboardStats(db)}
      loadRow={loadRow}
      onReady={ready}
      onComplete={onComplete}
      governance={governance}
      governanceActions={governanceActions(governance, db)}
      sidePanels={dashboardPanels(db)}
    />,
  );
}

import type { ReactNode } from 'react';
import { AuditPanel } from '@/components/dashboard/AuditPanel';
import type { ReplyGuardDb } from '@/lib/db/database';
import type { StatsRow } from '@/lib/stats/stats-row';

/**
 * The panels beside export and import, wired to the extension: verifying the audit trail. Their
 * code (the verifier, age) is fetched on first use, so the first render does not wait for it.
 */
export function dashboardPanels(db: ReplyGuardDb): (events: readonly StatsRow[] | undefined) => ReactNode {
  const verify = (onProgress: (rows: number) => void) => import('./audit').then((m) => m.verifyThisLog(db, onProgress));
  return () => <AuditPanel onVerify={verify} />;
}

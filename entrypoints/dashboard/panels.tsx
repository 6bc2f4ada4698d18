import type { ReactNode } from 'react';
import { AuditPanel } from '@/components/dashboard/AuditPanel';
import type { Exportable } from '@/components/dashboard/Dashboard';
import { type HandoverActions, HandoverPanel } from '@/components/dashboard/HandoverPanel';
import { createPanelState } from '@/components/dashboard/panel-state';
import type { ReplyGuardDb } from '@/lib/db/database';
import { download } from './download';

/**
 * The panels beside export and import, wired to the extension: verifying the audit trail and the
 * encrypted hand-over. Their code (the verifier, age) is fetched on first use, so the first render
 * does not wait for it.
 */
export function dashboardPanels(db: ReplyGuardDb): (exportable: Exportable | null) => ReactNode {
  const verify = (onProgress: (rows: number) => void) => import('./audit').then((m) => m.verifyThisLog(db, onProgress));
  const handover = () => import('./handover');
  const actions: HandoverActions = {
    info: () => handover().then((m) => m.handoverInfo(db)),
    exportRows: (refs, format, passphrase) =>
      Promise.all([handover(), refs()]).then(([m, r]) => m.exportWithAudit(db, r, format, passphrase)),
    download(files) {
      for (const f of files) download(f.name, f.blob.type, f.blob);
    },
    importFiles: (files, passphrase, onProgress, onFile) =>
      handover().then((m) => m.importHandover(db, files, passphrase, onProgress, onFile)),
    addTeamKey: (text) => handover().then((m) => m.addTeamKey(db, text)),
    removeTeamKey: (recipient) => handover().then((m) => m.removeTeamKey(db, recipient)),
  };
  const state = createPanelState();
  return (exportable) => (
    <>
      <AuditPanel onVerify={verify} state={state} />
      <HandoverPanel exportable={exportable} actions={actions} state={state} />
    </>
  );
}

import type { AuditOutcome } from '@/components/dashboard/AuditPanel';
import { installIdentity } from '@/lib/audit/install-key';
import { verifyLog } from '@/lib/audit/log-view';
import { describeProblem, PROBLEM_LEVEL } from '@/lib/audit/problems';
import { installNamer } from '@/lib/audit/verify';
import type { ReplyGuardDb } from '@/lib/db/database';

/**
 * The dashboard's "Verify log": this browser's chain against its live rows and every imported
 * file's events against the imported rows (lib/audit/log-view.ts), put in words for the panel.
 * Loaded on the first click (see ./actions.ts), so the verifier is not part of the first render.
 */
export async function verifyThisLog(db: ReplyGuardDb, onProgress: (rows: number) => void): Promise<AuditOutcome> {
  const started = performance.now();
  const self = await installIdentity(db);
  const report = await verifyLog(db, self, onProgress);
  const who = installNamer({ installs: new Map(report.installs.map((i) => [i.install, i])) }, self.id);
  return {
    status: report.status,
    rows: report.rows,
    self: who(self.id),
    signers: report.installs.map((i) => ({
      name: who(i.install),
      install: i.install,
      rows: i.rows,
      events: i.events,
      signedThrough: i.signedThrough,
      problems: i.problems,
    })),
    problems: report.problems.map((p) => ({
      id: p.id,
      level: PROBLEM_LEVEL[p.id],
      text: describeProblem(p, who),
      row: 'row' in p ? p.row : null,
    })),
    counts: report.counts,
    ms: performance.now() - started,
  };
}

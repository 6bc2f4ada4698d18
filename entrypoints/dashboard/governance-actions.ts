import type { GovernanceActions, GovernanceStore } from '@/components/dashboard/governance-store';
import type { ReplyGuardDb } from '@/lib/db/database';

/** The settings and verdict code, fetched after the first paint or on a lead's first change. */
const governance = () => import('./governance');

/** Starts reading the settings and verdicts: the page calls it once its first render has painted. */
export function connectGovernance(db: ReplyGuardDb, store: GovernanceStore): void {
  void governance().then((g) => g.connect(db, store));
}

/** The governance panels' writes; each loads ./governance.ts on first use. */
export function governanceActions(store: GovernanceStore, db: ReplyGuardDb): GovernanceActions {
  const run = (fn: (g: Awaited<ReturnType<typeof governance>>) => Promise<void>) => {
    void governance().then(fn);
  };
  return {
    setTarget: (key, target) => run((g) => g.setTarget(store, key, target)),
    setReviewShare: (share) => run((g) => g.setReviewShare(store, share)),
    saveVerdict: (input) => run((g) => g.saveVerdict(db, store, input)),
    undoVerdict: (rowId) => run((g) => g.undoVerdict(db, rowId)),
    exportReviews: () => run((g) => g.exportAll(db)),
    importReviews: (files) => run((g) => g.importFiles(db, store, files)),
  };
}

import { EARLY_TOTALS_KEY, readTotalsEarly } from '@/lib/db/early-read';

/**
 * Loaded by the dashboard's HTML head, before its module scripts: starts reading the day totals
 * while the rest of the page loads (lib/db/early-read.ts says why).
 */
export default defineUnlistedScript(() => {
  // User Timing marks: bench:dashboard prints where the first render's time goes.
  performance.mark('replyguard:dashboard-early-read');
  window[EARLY_TOTALS_KEY] = readTotalsEarly().then((totals) => {
    performance.mark('replyguard:dashboard-early-read-done');
    return totals;
  });
});

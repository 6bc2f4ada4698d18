import { EARLY_TOTALS_KEY, readTotalsEarly } from '@/lib/db/early-read';

/**
 * Loaded by the dashboard's HTML head, before its module scripts: starts reading the day totals
 * while the rest of the page loads (lib/db/early-read.ts says why).
 */
export default defineUnlistedScript(() => {
  window[EARLY_TOTALS_KEY] = readTotalsEarly();
});

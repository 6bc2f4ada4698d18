import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDashboardStore } from '@/components/dashboard/store';
import { EARLY_DURATION_DAYS } from '@/lib/db/early-read';
import { putImported } from '@/lib/db/imported';
import { summaryTotals } from '@/lib/db/queries';
import { totalsFigures } from '@/lib/stats/day-figures';
import { localStats } from '@/lib/stats/day-view';
import { periodBounds } from '@/lib/stats/period';
import { mountDashboard, settle } from '../../fixtures/dashboard';
import { freshDatabases, row } from '../../fixtures/rows';

const freshDb = freshDatabases('early-durations');
const DAY = 86_400_000;

/**
 * The page's early read holds the decision times of the default period's days only
 * (lib/db/early-read.ts). A lead who picks a longer period before the live query has read the
 * others must still see that period's figures: from the stats source, which reads the packed days.
 */
describe('a period longer than the early read covers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the same median and count as every day read', async () => {
    const db = freshDb();
    const now = Date.now();
    // 240 rows over 120 days, decision times of 5 to 125 s, the older ones slower.
    await putImported(
      db,
      Array.from({ length: 240 }, (_, i) => {
        const decidedAt = now - (i / 2) * DAY - 3_600_000;
        return row({ id: `r-${i}`, decidedAt, shownAt: decidedAt - 5_000 - i * 500 });
      }),
    );
    const full = await summaryTotals(db);
    const from = Math.floor(now / DAY) - EARLY_DURATION_DAYS;
    const early = { ...full, durations: new Map([...full.durations].filter(([day]) => day >= from)) };
    expect(early.durations.size).toBeLessThan(full.durations.size);
    const first = Math.min(...full.totals.map((t) => t.first));
    const last = Math.max(...full.totals.map((t) => t.last));
    const period = periodBounds('all', first, last, now);
    // The early read cannot give this period's figures; every day's times can.
    expect(totalsFigures(early.totals, early.durations, period, first)).toBeNull();
    const expected = totalsFigures(full.totals, full.durations, period, first)?.headline;
    expect(expected?.seen).toBe(240);

    const store = createDashboardStore();
    store.getState().set({ summary: early });
    store.getState().setPeriod('all');
    const { container, unmount } = await mountDashboard({ store, stats: localStats(() => db.summary.toArray()) });
    const shown = (metric: string) =>
      container.querySelector(`[data-rg-metric="${metric}"]`)?.getAttribute('data-rg-value');
    try {
      await vi.waitFor(
        async () => {
          await settle();
          expect(shown('medianDecisionMs')).toBe(String(expected?.medianDecisionMs));
        },
        { timeout: 3000, interval: 50 },
      );
    } finally {
      unmount();
    }
  });
});

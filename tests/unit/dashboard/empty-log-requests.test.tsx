import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDashboardStore, IDLE_IMPORT } from '@/components/dashboard/store';
import { localStats } from '@/lib/stats/day-view';
import { mountDashboard, settle } from '../../fixtures/dashboard';

/**
 * An import into an empty log reports progress four times a second. The dashboard re-renders at
 * each report; it must not ask the stats source for new figures each time (nor loop: an answer
 * renders again), or the page's main thread competes with the import for the machine.
 */
describe('a dashboard over an empty log while an import runs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the stats source once, however often the import reports progress', async () => {
    const store = createDashboardStore();
    store.getState().set({ summary: { totals: [], durations: new Map(), days: [], complete: false } });
    const local = localStats(async () => []);
    let asked = 0;
    const stats: typeof local = {
      ...local,
      view: (...args) => {
        asked += 1;
        return local.view(...args);
      },
    };
    // A clock that moves at every call, as the real one does between renders.
    let clock = Date.UTC(2026, 5, 1);
    const now = () => (clock += 7);
    const dashboard = await mountDashboard({ store, stats, now });
    try {
      await settle(100);
      const before = asked;
      expect(before).toBeGreaterThan(0);
      for (let i = 1; i <= 10; i++) {
        await act(async () => {
          store
            .getState()
            .set({ importState: { ...IDLE_IMPORT, phase: 'importing', unit: 'bytes', done: i, total: 10 } });
          await new Promise((r) => setTimeout(r, 20));
        });
      }
      await settle(100);
      expect(asked).toBe(before);
    } finally {
      dashboard.unmount();
    }
  });
});

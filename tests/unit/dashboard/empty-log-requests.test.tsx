import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { createDashboardStore, IDLE_IMPORT } from '@/components/dashboard/store';
import { localStats } from '@/lib/stats/day-view';
import { stubCanvas } from '../../fixtures/canvas';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * An import into an empty log reports progress four times a second. The dashboard re-renders at
 * each report; it must not ask the stats source for new figures each time (nor loop: an answer
 * renders again), or the page's main thread competes with the import for the machine.
 */
describe('a dashboard over an empty log while an import runs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the stats source once, however often the import reports progress', async () => {
    stubCanvas();
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
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const actions = { importFiles: () => {}, loadDemo: () => {}, exportRows: () => {} };
    // A clock that moves at every call, as the real one does between renders.
    let clock = Date.UTC(2026, 5, 1);
    const now = () => (clock += 7);
    try {
      await act(async () => root.render(<Dashboard store={store} actions={actions} stats={stats} now={now} />));
      await act(async () => new Promise((r) => setTimeout(r, 100)));
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
      await act(async () => new Promise((r) => setTimeout(r, 100)));
      expect(asked).toBe(before);
    } finally {
      act(() => root.unmount());
      container.remove();
    }
  });
});

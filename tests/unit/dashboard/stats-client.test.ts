import { describe, expect, it } from 'vitest';
import { workerStats } from '@/entrypoints/dashboard/stats-client';
import type { ViewRequest } from '@/lib/stats/day-view';

/** A worker that takes messages and never answers, until the test makes it fail. */
class SilentWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  fail(message: string) {
    let prevented = false;
    this.onerror?.({ message, preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    return prevented;
  }
}

const request = { filters: {}, period: { from: 0, to: 1 }, first: 0, figures: true } as unknown as ViewRequest;

describe('the statistics worker client', () => {
  it('fails every waiting request when the worker fails, instead of leaving the dashboard computing for ever', async () => {
    const worker = new SilentWorker();
    const stats = workerStats(worker as unknown as Worker);
    const view = stats.view(request, 1, () => {});
    const refs = stats.refs(request, 1);
    expect(worker.posted).toHaveLength(2);
    expect(worker.fail('out of memory')).toBe(true);
    await expect(view).rejects.toThrow('the statistics worker failed: out of memory');
    await expect(refs).rejects.toThrow('the statistics worker failed: out of memory');
  });

  it('answers a view from the worker as before', async () => {
    const worker = new SilentWorker();
    const stats = workerStats(worker as unknown as Worker);
    const figures: unknown[] = [];
    const view = stats.view(request, 1, (f) => figures.push(f));
    const id = (worker.posted[0] as { id: number }).id;
    worker.onmessage?.({ data: { type: 'figures', id, figures: null } } as MessageEvent);
    worker.onmessage?.({ data: { type: 'panels', id, result: { rows: 3 }, same: [] } } as unknown as MessageEvent);
    await expect(view).resolves.toMatchObject({ rows: 3 });
    expect(figures).toEqual([null]);
  });

  it('keeps the panels the worker left out as unchanged, even from answers to requests it no longer waits for', async () => {
    const worker = new SilentWorker();
    const stats = workerStats(worker as unknown as Worker);
    const rules = [{ rule: 'refund-promise' }];
    const review = { review: { sample: [{ id: 'a' }], accepted: 1 } };
    // An answer the page no longer waits for (a newer request replaced it) still brings its panels.
    worker.onmessage?.({
      data: { type: 'panels', id: 99, result: { rules, breakdowns: 'b', drift: 'd', governance: review }, same: [] },
    } as unknown as MessageEvent);
    const view = stats.view(request, 1, () => {});
    const id = (worker.posted[0] as { id: number }).id;
    worker.onmessage?.({
      data: {
        type: 'panels',
        id,
        result: { rules: null, breakdowns: 'b2', drift: null, governance: null, events: 'e2' },
        same: ['rules', 'drift', 'governance'],
      },
    } as unknown as MessageEvent);
    await expect(view).resolves.toEqual({ rules, breakdowns: 'b2', drift: 'd', governance: review, events: 'e2' });
  });
});

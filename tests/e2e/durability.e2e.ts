import { afterEach, describe, expect, it } from 'vitest';
import { OUTCOMES, type OverrideRow } from '../../lib/db/schema';
import type { LogEvent } from '../../lib/overrides/events';
import { type Harness, openHarness, openTicket, overlay, readRows } from './harness';

/**
 * Nothing lost, nothing twice: 500 events wait in the content scripts' persisted outbox while
 * two helpdesk tabs deliver them and the service worker is stopped again and again mid-write.
 */
function syntheticEvents(count: number): LogEvent[] {
  const start = Date.now() - 3_600_000;
  return Array.from({ length: count }, (_, i) => {
    const row: OverrideRow = {
      id: `burst-${i}-${Math.random().toString(36).slice(2)}`,
      shownAt: start + i * 1000,
      decidedAt: start + i * 1000 + 5000,
      helpdesk: 'zendesk',
      ticketHash: 'f'.repeat(64),
      agent: i % 2 ? 'tab-a' : 'tab-b',
      outcome: OUTCOMES[i % OUTCOMES.length] ?? 'accepted',
      shape: 'draft-in-composer',
      source: 'paste',
      suggestionWords: 30,
      reason: null,
      note: null,
      similarity: 0.9,
      editSize: 4,
      findings: [],
      customer: null,
      privacy: 'none',
      suggestionText: null,
      sentText: null,
    };
    return { kind: 'override', id: row.id, seq: (start + i) * 1000, row };
  });
}

describe('the override log survives a stopped service worker', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('stores exactly 500 rows from a burst delivered by two tabs while the worker is stopped mid-write', async () => {
    h = await openHarness();
    const events = syntheticEvents(500);

    // Queue the burst the way the content script persists it: one storage entry per event.
    const setup = await h.context.newPage();
    await setup.goto(`chrome-extension://${h.extensionId}/options.html`);
    await setup.evaluate(
      async (items) => {
        const local = (globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void> } } } })
          .chrome.storage.local;
        await local.set(items);
      },
      Object.fromEntries(events.map((e) => [`outbox:${e.id}`, e])),
    );
    await setup.close();

    // Keep stopping the service worker while both tabs start up and deliver.
    const cdp = await h.context.newCDPSession(h.page);
    let starts = 0;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      starts += versions.filter((v) => v.runningStatus === 'starting').length;
    });
    await cdp.send('ServiceWorker.enable');
    let stops = 0;
    let stopping = true;
    const stopper = (async () => {
      while (stopping) {
        await cdp.send('ServiceWorker.stopAllWorkers').catch(() => {});
        stops += 1;
        await new Promise((r) => setTimeout(r, 40));
      }
    })();

    const second = await h.context.newPage();
    await Promise.all([
      openTicket(h.page, 'https://acme.zendesk.com/agent/tickets/1001'),
      openTicket(second, 'https://acme.zendesk.com/agent/tickets/1002'),
    ]);
    // The chip waits for the customer reading, which the stopped worker delays (its retries take up
    // to about 17 s before the chip says the reading is unavailable).
    await overlay(h.page, '[data-rg-customer]').waitFor({ timeout: 45_000 });
    await new Promise((r) => setTimeout(r, 2500));
    stopping = false;
    await stopper;
    expect(stops).toBeGreaterThan(20);
    // The worker really was stopped and started again by the deliveries while the burst was under way.
    expect(starts).toBeGreaterThan(1);

    let rows: OverrideRow[] = [];
    for (let i = 0; i < 120 && rows.length < 500; i++) {
      await new Promise((r) => setTimeout(r, 500));
      rows = await readRows(h);
    }
    expect(rows.length).toBe(500);
    expect(new Set(rows.map((r) => r.id)).size).toBe(500);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(events.map((e) => e.id)));

    // And the queue is empty once everything is confirmed.
    const check = await h.context.newPage();
    await check.goto(`chrome-extension://${h.extensionId}/options.html`);
    await expect
      .poll(
        () =>
          check.evaluate(async () => {
            const local = (
              globalThis as unknown as {
                chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };
              }
            ).chrome.storage.local;
            return Object.keys(await local.get(null)).filter((k) => k.startsWith('outbox:')).length;
          }),
        { timeout: 20_000 },
      )
      .toBe(0);
  });
});

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyDemoSuggestion,
  confirmGuardIfAsked,
  type Harness,
  openHarness,
  openTicket,
  overlay,
  waitForRows,
} from './harness';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/audit');
const COMPOSER = '[data-test-id="omnicomposer-rich-text-ckeditor"]';

/** Sends the demo suggestion on a ticket: one live row, written (and chained) by the background. */
async function sendSuggestion(h: Harness, ticket: string, marker: string): Promise<void> {
  await openTicket(h.page, `https://acme.zendesk.com/agent/tickets/${ticket}`);
  await overlay(h.page, '[data-rg-customer]').waitFor();
  await applyDemoSuggestion(h.page, COMPOSER, marker);
  await h.page.locator('[data-test-id="submit_button-button"]').click();
  await confirmGuardIfAsked(h.page);
}

/** Clicks "Verify log" and waits for the verdict. */
async function verify(page: Page): Promise<string> {
  await page.locator('[data-rg-verify]').click();
  const result = page.locator('[data-rg-audit-phase="done"], [data-rg-audit-phase="failed"]');
  await result.waitFor({ timeout: 30_000 });
  expect(await result.getAttribute('data-rg-audit-phase')).toBe('done');
  return (await result.getAttribute('data-rg-audit-status')) ?? '';
}

describe('the dashboard verifies the audit trail', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  it('verifies recorded rows, then names a row edited and a row deleted in IndexedDB', async () => {
    h = await openHarness();
    const sends = [
      ['1001', 'Best regards'],
      ['1002', 'Kind regards'],
      ['1003', 'ships tomorrow'],
    ] as const;
    for (const [i, [ticket, marker]] of sends.entries()) {
      await sendSuggestion(h, ticket, marker);
      // Each send is delivered before the next ticket opens (the outbox writes asynchronously).
      expect(await waitForRows(h, i + 1)).toHaveLength(i + 1);
    }

    const page = await h.dashboard();
    await page.locator('[data-rg-total="3"]').waitFor({ timeout: 15_000 });
    expect(await verify(page)).toBe('verified');
    const signer = page.locator('[data-rg-audit-signer]');
    expect(await signer.count()).toBe(1);
    expect(await signer.getAttribute('data-rows')).toBe('3');
    expect(await signer.innerText()).toContain('this browser');
    expect(await page.locator('[data-rg-audit-problem].rg-error').count()).toBe(0);

    // Tamper with the log the way someone with the profile's files could: around ReplyGuard.
    const [changed, removed] = await page.evaluate(
      () =>
        new Promise<[string, string]>((resolve, reject) => {
          const open = indexedDB.open('replyguard');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('overrides', 'readwrite');
            const store = tx.objectStore('overrides');
            const all = store.getAll();
            let ids: [string, string] = ['', ''];
            all.onsuccess = () => {
              const [a, b] = all.result as { id: string; sentText: string | null }[];
              if (!a || !b) return reject(new Error('fewer than two live rows'));
              store.put({ ...a, sentText: `${a.sentText ?? ''} And a sentence nobody sent.` });
              store.delete(b.id);
              ids = [a.id, b.id];
            };
            tx.oncomplete = () => resolve(ids);
            tx.onerror = () => reject(tx.error);
          };
        }),
    );

    expect(await verify(page)).toBe('tampered');
    const problem = (id: string, row: string) =>
      page.locator(`[data-rg-audit-problem="${id}"][data-rg-audit-row="${row}"]`);
    expect(await problem('row-changed', changed).count()).toBe(1);
    expect(await problem('row-removed', removed).count()).toBe(1);
    expect(await problem('row-changed', changed).innerText()).toContain(`Row ${changed} was changed`);
    expect(await problem('row-removed', removed).innerText()).toContain(`Row ${removed}`);
    // The untouched row still verifies; nothing else is called tampered.
    expect(await page.locator('[data-rg-audit-problem].rg-error').count()).toBe(2);
    expect(await page.locator('[data-rg-audit-signer]').getAttribute('data-rows')).toBe('1');
    await mkdir(SHOTS, { recursive: true });
    await page.locator('[data-rg-audit]').screenshot({ path: path.join(SHOTS, 'tampered.png') });
  });
});

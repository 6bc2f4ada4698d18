import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, openHarness } from './harness';

/**
 * Issue 13, item 8: right after the browser starts, Chrome answers `storage.managed` about 2 s
 * late, and the popup and the options page used to say "Loading…" until it did. Here every
 * extension page's `storage.managed.get` answers 6 s late (the background's does not), the
 * background's copy of the policy fixes the send-guard at `block`, and the real policy (none)
 * fixes nothing: both pages show the copy at once, then the real policy.
 */
const DELAY_MS = 6000;

async function delayManagedStorage(h: Harness): Promise<void> {
  await h.context.addInitScript((delay: number) => {
    const managed = (globalThis as unknown as { chrome?: { storage?: { managed?: { get: ManagedGet } } } }).chrome
      ?.storage?.managed;
    if (!managed) return;
    const get = managed.get.bind(managed);
    managed.get = (...args) => new Promise((resolve) => setTimeout(resolve, delay)).then(() => get(...args));
    type ManagedGet = (...args: unknown[]) => Promise<unknown>;
  }, DELAY_MS);
}

/** Writes the background's copy of the policy as `rememberPolicy` does (`local:policyCopy`). */
async function setPolicyCopy(h: Harness, policy: Record<string, unknown>): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
  await page.evaluate(async (value) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } })
      .chrome;
    await chrome.storage.local.set({ policyCopy: value });
  }, policy);
  await page.close();
}

async function open(h: Harness, file: string): Promise<{ page: Page; started: number }> {
  const page = await h.context.newPage();
  const started = Date.now();
  await page.goto(`chrome-extension://${h.extensionId}/${file}`);
  return { page, started };
}

describe('pages start without waiting for the policy', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('the options page shows the copy and its locks at once, then the real policy', async () => {
    h = await openHarness();
    await setPolicyCopy(h, { sendGuard: 'block' });
    await delayManagedStorage(h);
    const { page, started } = await open(h, 'options.html');
    const sendGuard = page.locator('select[name="sendGuard"]');
    await sendGuard.waitFor();
    const shownAfter = Date.now() - started;
    expect(shownAfter).toBeLessThan(DELAY_MS - 1000);
    expect(await page.locator('main[data-rg-policy="pending"] [data-rg-policy-pending]').count()).toBe(1);
    expect(await sendGuard.inputValue()).toBe('block');
    expect(await sendGuard.isDisabled()).toBe(true);
    expect(await page.locator('[data-rg-locked="sendGuard"]').count()).toBe(1);

    await page.locator('main[data-rg-policy="confirmed"]').waitFor({ timeout: DELAY_MS + 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS - 500);
    expect(await sendGuard.inputValue()).toBe('warn');
    expect(await sendGuard.isDisabled()).toBe(false);
    expect(await page.locator('[data-rg-locked="sendGuard"]').count()).toBe(0);
    expect(await page.locator('[data-rg-policy-pending]').count()).toBe(0);
  });

  it('the popup renders at once from the copy, then confirms', async () => {
    h = await openHarness();
    await setPolicyCopy(h, { sendGuard: 'block' });
    await delayManagedStorage(h);
    const { page, started } = await open(h, 'popup.html');
    await page.locator('main.rg-popup[data-rg-policy="pending"]').waitFor();
    expect(Date.now() - started).toBeLessThan(DELAY_MS - 1000);
    expect(await page.locator('main.rg-popup').innerText()).not.toContain('Loading');
    await page.locator('main.rg-popup[data-rg-policy="confirmed"]').waitFor({ timeout: DELAY_MS + 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS - 500);
  });
});

import { rm } from 'node:fs/promises';
import type { Locator, Page, Request } from 'playwright-core';
import { inject } from 'vitest';
import type { OverrideRow } from '../../lib/db/schema';
import { type ExtensionBrowser, launchWithExtension } from '../fixtures/browser';

// Report the service worker's requests too, so "no network request" covers the background.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export interface Harness extends ExtensionBrowser {
  /** Every request any page or worker of the profile made. */
  requests: Request[];
  page: Page;
  dashboard(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A fresh profile with the production build loaded; headless. `grantedOrigins`: custom helpdesk
 * domains the profile has already granted (see `launchWithExtension`).
 */
export async function openHarness(options: { grantedOrigins?: readonly string[] } = {}): Promise<Harness> {
  const browser = await launchWithExtension({
    extensionDir: inject('extensionDir'),
    fixturePort: inject('fixturePort'),
    headless: true,
    ...options,
  });
  const requests: Request[] = [];
  browser.context.on('request', (request) => requests.push(request));
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  return {
    ...browser,
    requests,
    page,
    async dashboard() {
      const dashboard = await browser.context.newPage();
      // A failing dashboard says why in the test's output (a timeout alone does not).
      dashboard.on('pageerror', (e) => console.error('[dashboard] page error:', e.message));
      dashboard.on('console', (m) => {
        if (m.type() === 'error') console.error('[dashboard]', m.text());
      });
      await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
      return dashboard;
    },
    async close() {
      await browser.context.close();
      await rm(browser.userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a demo ticket and waits until the fixture's editor is up. */
export async function openTicket(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-fixture-ready]');
}

/** The overlay's shadow root is open, so Playwright's CSS engine pierces it. */
export const overlay = (page: Page, selector = '') => page.locator(`replyguard-overlay ${selector}`.trim());

/**
 * Every override row in the extension's IndexedDB, live (`overrides`, one record per row) and
 * imported (`imported`, many rows per record), read from an extension page (the log's origin).
 */
export async function readRows(h: Harness): Promise<OverrideRow[]> {
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    return await page.evaluate(
      () =>
        new Promise<OverrideRow[]>((resolve, reject) => {
          const open = indexedDB.open('replyguard');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const stores = ['overrides', 'imported'].filter((s) => db.objectStoreNames.contains(s));
            if (stores.length === 0) return resolve([]);
            const tx = db.transaction(stores);
            const rows: OverrideRow[] = [];
            for (const store of stores) {
              const all = tx.objectStore(store).getAll();
              all.onsuccess = () => {
                for (const r of all.result) {
                  // Imported records hold their rows as one JSON text (lib/db/imported.ts).
                  if (store === 'imported') rows.push(...(JSON.parse((r as { rows: string }).rows) as OverrideRow[]));
                  else rows.push(r as OverrideRow);
                }
              };
            }
            tx.oncomplete = () => resolve(rows);
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  } finally {
    await page.close();
  }
}

/** Waits until the log holds `count` rows (the outbox delivers asynchronously). */
export async function waitForRows(h: Harness, count: number, timeoutMs = 15_000): Promise<OverrideRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await readRows(h);
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Writes the user's settings overrides the way the options page stores them. */
export async function setSettings(h: Harness, overrides: Record<string, unknown>): Promise<void> {
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.evaluate(async (value) => {
      const local = (globalThis as unknown as { chrome: ChromeLike }).chrome.storage.local;
      const current = ((await local.get('settings')).settings ?? {}) as Record<string, unknown>;
      await local.set({ settings: { ...current, ...value } });
    }, overrides);
  } finally {
    await page.close();
  }
}

/**
 * Adds a custom helpdesk domain as an admin does on the options page (the profile must have been
 * opened with its origin in `grantedOrigins`), and waits until the background has registered the
 * content script there.
 */
export async function addCustomHelpdesk(
  h: Harness,
  entry: { pattern: string; adapter: string; selectors?: Record<string, string> },
  // The background registers after its start-up work; on a loaded CI machine that took over 15 s.
  timeoutMs = 60_000,
): Promise<void> {
  await setSettings(h, { customHelpdesks: [entry] });
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    const registered = () =>
      page.evaluate(async (pattern) => {
        const scripting = (globalThis as unknown as { chrome: ChromeLike }).chrome.scripting;
        const scripts = await scripting.getRegisteredContentScripts();
        return scripts.some((s) => s.matches?.includes(pattern));
      }, entry.pattern);
    const deadline = Date.now() + timeoutMs;
    let nudgeAt = Date.now() + 10_000;
    while (!(await registered())) {
      if (Date.now() > deadline) throw new Error(`the content script was not registered for ${entry.pattern}`);
      if (Date.now() > nudgeAt) {
        // A settings change the service worker missed (it was starting, or stopped and started
        // again on a loaded machine) is saved again, as an admin would by pressing Save twice.
        await setSettings(h, { customHelpdesks: [] });
        await setSettings(h, { customHelpdesks: [entry] });
        nudgeAt = Date.now() + 10_000;
      }
      await page.waitForTimeout(100);
    }
  } finally {
    await page.close();
  }
}

/** The slice of the extension API the helpers above use inside extension pages. */
interface ChromeLike {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
}

/** Uses the demo's AI suggestion and waits until it is in the composer. */
export async function applyDemoSuggestion(page: Page, composer: string, marker = 'Best regards'): Promise<void> {
  await page.getByRole('button', { name: 'Use suggested reply' }).click();
  for (let i = 0; i < 50; i++) {
    if ((await page.locator(composer).innerText()).includes(marker)) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the suggestion did not reach the composer');
}

/**
 * Sends the demo suggestion on a demo Zendesk ticket: one live row, written (and chained) by the
 * background once the outbox delivers it (wait with `waitForRows`). As is, or with `append` typed
 * at its end first (an edited suggestion: the agent is then asked for a reason).
 */
export async function sendDemoSuggestion(
  h: Harness,
  ticket: string,
  marker = 'Best regards',
  append?: string,
): Promise<void> {
  const composer = '[data-test-id="omnicomposer-rich-text-ckeditor"]';
  await openTicket(h.page, `https://acme.zendesk.com/agent/tickets/${ticket}`);
  await overlay(h.page, '[data-rg-customer]').waitFor();
  await applyDemoSuggestion(h.page, composer, marker);
  if (append) {
    await h.page.locator(composer).click();
    await h.page.keyboard.press('ControlOrMeta+End');
    await h.page.keyboard.type(append);
  }
  await h.page.locator('[data-test-id="submit_button-button"]').click();
  await confirmGuardIfAsked(h.page);
}

/** Elements of ours inside an editor (our tag names, `data-rg*` or `replyguard` attributes): must stay 0. */
export function foreignNodes(editable: Locator): Promise<number> {
  return editable.evaluate(
    (el) =>
      [el, ...Array.from(el.querySelectorAll('*'))].filter(
        (n) =>
          n.tagName.toLowerCase().startsWith('replyguard') ||
          Array.from(n.attributes).some((a) => a.name.startsWith('data-rg') || a.name.includes('replyguard')),
      ).length,
  );
}

/** Confirms the send-guard's question ("Send anyway") if it is asked. */
export async function confirmGuardIfAsked(page: Page): Promise<boolean> {
  const send = overlay(page, '[data-rg-guard-send]');
  try {
    await send.waitFor({ timeout: 1500 });
  } catch {
    return false;
  }
  await send.click();
  return true;
}

import { rm } from 'node:fs/promises';
import type { Page, Request } from 'playwright-core';
import { inject } from 'vitest';
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

/** A fresh profile with the production build loaded; headless. */
export async function openHarness(): Promise<Harness> {
  const browser = await launchWithExtension({
    extensionDir: inject('extensionDir'),
    fixturePort: inject('fixturePort'),
    headless: true,
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

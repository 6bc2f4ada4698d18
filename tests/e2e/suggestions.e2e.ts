import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, openHarness, openTicket, overlay, readRows, setSettings, waitForRows } from './harness';

/**
 * Suggestions however they land, on the production build and the demo Zendesk ticket (CKEditor
 * 5): a draft pasted from another tool, text put there by the page's editor API without any
 * event (an AI module ReplyGuard does not know), an AI answer that lands 12 s after its button,
 * are each followed to one row naming the source; the agent's own typing and a small paste are
 * never a suggestion.
 */
const ORIGIN = 'https://acme.zendesk.com';
const TICKET = `${ORIGIN}/agent/tickets/1002`;
const COMPOSER = '.ticket-panes-grid-layout[data-is-active="true"] [data-test-id="omnicomposer-rich-text-ckeditor"]';
const SUBMIT = '.ticket-panes-grid-layout[data-is-active="true"] [data-test-id="submit_button-button"]';
const DRAFT =
  'Hi Ravi, you can change the billing address under Settings, then Billing, then Invoice details. The new address applies to your next invoice.';

describe('suggestions however they land', () => {
  let h: Harness;
  let page: Page;
  beforeEach(async () => {
    h = await openHarness();
    await setSettings(h, { privacyMode: 'full', sendGuard: 'off' });
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    page = h.page;
  });
  afterEach(async () => {
    await h?.close();
  });

  async function open(url = TICKET) {
    await openTicket(page, url);
    await overlay(page, '[data-rg-customer]').waitFor();
    await page.locator(COMPOSER).click();
  }

  async function send(expectedText: string) {
    await page.waitForTimeout(300);
    await page.locator(SUBMIT).click();
    await expect.poll(() => page.locator(COMPOSER).innerText()).not.toContain(expectedText.slice(0, 20));
  }

  async function paste(text: string) {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator(COMPOSER).innerText()).toContain(text.slice(0, 20));
  }

  it('follows a draft pasted from another tool, source paste, with its size', async () => {
    await open();
    await paste(DRAFT);
    await send(DRAFT);
    const [row, ...more] = await waitForRows(h, 1);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ outcome: 'accepted', source: 'paste', suggestionWords: 23, sentText: DRAFT });
  });

  it('follows text the page put there through the editor’s API, with no event at all: source insert', async () => {
    await open();
    await page.waitForTimeout(1200); // past the moment a helpdesk restores a saved draft
    await page.evaluate(
      (t) => (window as unknown as { fixture: { setComposerText(t: string): void } }).fixture.setComposerText(t),
      DRAFT,
    );
    await expect.poll(() => page.locator(COMPOSER).innerText()).toContain('billing address');
    await page.locator(COMPOSER).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Thanks!', { delay: 30 });
    await send(DRAFT);
    const rows = await waitForRows(h, 1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'edited', source: 'insert' });
  });

  it('names the AI control for an answer that lands 12 s after its button was clicked', async () => {
    await open(`${TICKET}?aiDelay=12000`);
    await page.getByRole('button', { name: 'Use suggested reply' }).click();
    await expect.poll(() => page.locator(COMPOSER).innerText(), { timeout: 20_000 }).toContain('billing address');
    await send('Hi Ravi');
    const rows = await waitForRows(h, 1);
    expect(rows[0]).toMatchObject({ outcome: 'accepted', source: 'ai-control' });
  }, 60_000);

  it('never takes the agent’s own typing, or a small paste, for a suggestion', async () => {
    await open();
    await page.keyboard.type('Hi Ravi, the billing address is under Settings and then Billing. Your order is ', {
      delay: 10,
    });
    await paste('88412-B');
    await send('Hi Ravi, the billing');
    await page.waitForTimeout(2500);
    expect(await readRows(h)).toEqual([]);
  });

  // An agent sends and clicks the next ticket at once, before the send has settled (2 s): the
  // helpdesk emptied the composer, which counts as sent, not as a draft thrown away.
  it('counts a draft sent and followed at once by the next ticket (in the app) as sent, once', async () => {
    await open();
    await paste(DRAFT);
    await page.waitForTimeout(300);
    await page.locator(SUBMIT).click();
    await page.locator('a[data-ticket-link="1001"]').click();
    await expect.poll(() => page.url()).toContain('/agent/tickets/1001');
    const [row, ...more] = await waitForRows(h, 1);
    expect(row).toMatchObject({ outcome: 'accepted', source: 'paste', sentText: DRAFT });
    await page.waitForTimeout(2500);
    expect(more.length + (await readRows(h)).length - 1).toBe(0);
  });

  it('counts a draft sent and followed at once by leaving the page as sent, once', async () => {
    await open();
    await paste(DRAFT);
    await page.waitForTimeout(300);
    await page.locator(SUBMIT).click();
    await openTicket(page, `${ORIGIN}/agent/tickets/1003`);
    const [row] = await waitForRows(h, 1);
    expect(row).toMatchObject({ outcome: 'accepted', source: 'paste', sentText: DRAFT });
    await page.waitForTimeout(2500);
    expect(await readRows(h)).toHaveLength(1);
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmGuardIfAsked, type Harness, openHarness, openTicket, overlay, waitForRows } from './harness';

/**
 * Accept, edit, reject and escalate on three more editors than Zendesk's CKEditor 5: Chatwoot
 * (ProseMirror, a Copilot card with Accept), Gorgias (Draft.js, "Copy to editor") and Front (a
 * plain textarea). Rows are read from the extension's IndexedDB, reasons included.
 */
interface Editor {
  id: string;
  url: string;
  composer: string;
  aiControl: string;
  send: string;
  escalate: string;
  textarea?: boolean;
}

const EDITORS: Editor[] = [
  {
    id: 'chatwoot (ProseMirror)',
    url: 'https://app.chatwoot.com/app/accounts/1/conversations/1001',
    composer: '.reply-box .ProseMirror',
    aiControl: '[data-copilot="accept"]',
    send: '.reply-box__bottom .button',
    escalate: '[data-action="assign-team"]',
  },
  {
    id: 'gorgias (Draft.js)',
    url: 'https://acme.gorgias.com/app/ticket/1001',
    composer: 'form#ticket-reply-editor .public-DraftEditor-content',
    aiControl: '[data-testid="ai-draft-copy-to-editor"]',
    send: '#submit-button',
    escalate: '[data-testid="assign-team-button"]',
  },
  {
    id: 'front (textarea)',
    url: 'https://app.frontapp.com/open/cnv_1001',
    composer: 'textarea[data-testid="composer-textarea"]',
    aiControl: '[data-testid="copilot-insert"]',
    send: '[data-testid="send-button"]',
    escalate: '[data-testid="assign-teammate"]',
    textarea: true,
  },
];

describe.each(EDITORS)('outcomes on $id', (e) => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await openTicket(h.page, e.url);
    await overlay(h.page, '[data-rg-customer]').waitFor();
  });
  afterEach(async () => {
    await h?.close();
  });

  const composer = (): Locator => h.page.locator(e.composer).first();
  const text = (): Promise<string> => (e.textarea ? composer().inputValue() : composer().innerText());
  async function insertSuggestion(page: Page) {
    await page.locator(e.aiControl).first().click();
    await expect.poll(text, { timeout: 5000 }).toMatch(/regards/i);
    await page.waitForTimeout(300);
  }
  async function send() {
    await h.page.locator(e.send).first().click();
    await confirmGuardIfAsked(h.page);
  }
  async function answer(outcome: string, reason: string) {
    await overlay(h.page, `[data-rg-reason-prompt="${outcome}"]`).waitFor();
    await overlay(h.page, `[data-rg-reason="${reason}"]`).click();
    await expect.poll(async () => (await waitForRows(h, 1))[0]?.reason, { timeout: 15_000 }).toBe(reason);
  }

  it('accepted', async () => {
    await insertSuggestion(h.page);
    await send();
    const [row] = await waitForRows(h, 1);
    expect(row?.outcome).toBe('accepted');
  });

  it('edited, with a reason', async () => {
    await insertSuggestion(h.page);
    await composer().click();
    await h.page.keyboard.press('ControlOrMeta+End');
    await h.page.keyboard.type(' I am sorry this happened before your meeting.');
    await h.page.waitForTimeout(300);
    await send();
    await answer('edited', 'tone');
    expect((await waitForRows(h, 1))[0]?.outcome).toBe('edited');
  });

  it('rejected, with a reason', async () => {
    await insertSuggestion(h.page);
    await composer().click();
    await h.page.keyboard.press('ControlOrMeta+A');
    await h.page.keyboard.type('Dana, I am sorry. A manager will call you within the day about the crash.');
    await h.page.waitForTimeout(300);
    await send();
    await answer('rejected', 'wrong-facts');
    expect((await waitForRows(h, 1))[0]?.outcome).toBe('rejected');
  });

  it('escalated, with a reason', async () => {
    await insertSuggestion(h.page);
    await h.page.locator(e.escalate).first().click();
    await answer('escalated', 'needs-human');
    expect((await waitForRows(h, 1))[0]?.outcome).toBe('escalated');
  });
});

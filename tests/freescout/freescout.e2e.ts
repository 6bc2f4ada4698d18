import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OverrideRow } from '../../lib/db/schema';
import { controlsCoveredByReplyGuard, setWindow, WINDOW_SIZES } from '../e2e/controls';
import { type ExtensionBrowser, launchWithExtension } from '../fixtures/browser';
import { AGENT, type ConversationSpec, freescoutData } from './harness';

/**
 * ReplyGuard on a real FreeScout (the release in ../shared/helpdesks/freescout, started by
 * ./global-setup.ts), deployed as an admin would: the organisation build carrying FreeScout's
 * host, and an enterprise policy listing it as a FreeScout helpdesk. An agent opens a
 * conversation, opens the reply editor, pastes a draft written in another tool (or edits it),
 * and sends it with FreeScout's own button; FreeScout saves it and leaves the page.
 */
const fs = inject('freescout');
const data = freescoutData();
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'replyguard-freescout-test.json');
const canWritePolicy = process.platform === 'linux' && process.getuid?.() === 0;

const ANGRY: ConversationSpec = {
  subject: 'Charged twice',
  customer: { email: 'dana.reyes@example.org', first: 'Dana', last: 'Reyes' },
  messages: [
    { from: 'customer', text: 'Great, another update that breaks everything. I was charged twice for March.' },
    { from: 'agent', text: 'Hi Dana, sorry about that. Could you send me the invoice number?' },
    { from: 'customer', text: 'I already sent it twice. This is ridiculous, I want to speak to a manager.' },
  ],
};
/**
 * Written in another tool and pasted: it promises a refund and a guarantee nobody approved
 * (warnings), with no critical finding, so the send-guard stays out of the way.
 */
const DRAFT =
  'Hi Dana, thank you for your patience. I can see the duplicate charge for March on your account, and I have issued a full refund today. I guarantee this will not happen again.';

const EDITOR = 'form.form-reply .note-editable';
/** Screenshots of each moment, for people reviewing a run. */
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/freescout');

describe.skipIf(!fs)('ReplyGuard on a real FreeScout', () => {
  let b: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    if (!fs) return;
    if (canWritePolicy) {
      // What an admin's policy says (POLICY.md): FreeScout's domain as a helpdesk, texts kept in
      // full so this test can read them back. It names only this build's own id.
      await mkdir(POLICY_DIR, { recursive: true });
      const settings = {
        customHelpdesks: [{ pattern: `https://${fs.host}/*`, adapter: 'freescout' }],
        privacyMode: 'full',
        sendGuard: 'warn',
      };
      await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [fs.extensionId]: settings } } }));
    }
    b = await launchWithExtension({
      extensionDir: fs.extensionDir,
      headless: true,
      extraHostRules: [`MAP ${fs.host} 127.0.0.1:${fs.port}`],
    });
    expect(b.extensionId).toBe(fs.extensionId);
    if (!canWritePolicy) {
      // Not root: the same settings as the user's own (the options page would store these).
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.evaluate(
        (host) =>
          (
            globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
          ).chrome.storage.local.set({
            settings: {
              customHelpdesks: [{ pattern: `https://${host}/*`, adapter: 'freescout' }],
              privacyMode: 'full',
            },
          }),
        fs.host,
      );
      await options.close();
    }
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fs.url });
    page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(`${fs.url}/login`);
    await page.fill('input[name=email]', AGENT.email);
    await page.fill('input[name=password]', AGENT.password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')]);
  }, 120_000);

  afterAll(async () => {
    await b?.context.close();
    if (canWritePolicy) await rm(POLICY_FILE, { force: true });
  });

  const overlay = (selector = '') => page.locator(`replyguard-overlay ${selector}`.trim());

  async function expectNothingCovered(moment: string): Promise<void> {
    expect(await controlsCoveredByReplyGuard(page), moment).toEqual([]);
  }

  /** Opens a conversation, checks the page before the editor opens, opens the editor and pastes the draft. */
  async function pasteDraftInto(conversation: number): Promise<void> {
    await page.goto(`${fs?.url}/conversation/${conversation}`);
    await overlay('section').waitFor();
    await expectNothingCovered('page loaded, reply editor not open yet');
    await page.click('.conv-reply');
    await page.locator(EDITOR).waitFor();
    const chip = overlay('[data-rg-customer]');
    await chip.waitFor();
    await expect.poll(() => chip.getAttribute('data-sentiment')).toBe('negative');
    expect(await chip.getAttribute('data-escalation')).toBe('true');
    await expectNothingCovered('reply editor open');
    await page.locator(EDITOR).click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), DRAFT);
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator(EDITOR).innerText()).toContain('full refund');
  }

  async function rowsIn(): Promise<OverrideRow[]> {
    const reader = await b.context.newPage();
    try {
      await reader.goto(`chrome-extension://${b.extensionId}/options.html`);
      return await reader.evaluate(
        () =>
          new Promise<OverrideRow[]>((resolve, reject) => {
            const open = indexedDB.open('replyguard');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('overrides')) return resolve([]);
              const all = db.transaction('overrides').objectStore('overrides').getAll();
              all.onsuccess = () => resolve(all.result as OverrideRow[]);
              all.onerror = () => reject(all.error);
            };
          }),
      );
    } finally {
      await reader.close();
    }
  }

  it('checks the pasted draft in place, leaves Summernote and every FreeScout control alone, and logs one accepted row when FreeScout sends it', async () => {
    const id = await data.newConversation(ANGRY);
    await pasteDraftInto(id);

    // Findings and highlights on the pasted draft; Summernote's DOM holds nothing of ours.
    await overlay('[data-rg-finding]').first().waitFor();
    const highlighted = await page.evaluate(() =>
      [...CSS.highlights.keys()].filter((k) => k.startsWith('replyguard-') && (CSS.highlights.get(k)?.size ?? 0) > 0),
    );
    expect(highlighted.length).toBeGreaterThan(0);
    const editorHtml = await page.locator(EDITOR).innerHTML();
    expect(editorHtml).not.toMatch(/replyguard|rg-|<mark/i);
    await expectNothingCovered('draft pasted, findings shown');
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'pasted-draft.png') });

    const before = (await data.threads(id)).length;
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith(`/conversation/${id}`), { timeout: 20_000 }),
      page.locator('form.form-reply button.btn-send-text').click(),
    ]);
    await overlay('section').waitFor();
    await expectNothingCovered('after send, back in the folder');
    await page.screenshot({ path: path.join(SHOTS, 'after-send.png') });

    // FreeScout saved the reply itself.
    const threads = await data.threads(id);
    expect(threads.length).toBe(before + 1);
    expect(threads.at(-1)).toMatchObject({ type: 'message' });
    expect(threads.at(-1)?.body).toContain('full refund');

    // Exactly one row, for this send.
    await expect.poll(async () => (await rowsIn()).length, { timeout: 15_000 }).toBe(1);
    const [row] = await rowsIn();
    expect(row).toMatchObject({ helpdesk: 'freescout', outcome: 'accepted', source: 'paste', similarity: 1 });
    expect(row?.suggestionWords).toBeGreaterThanOrEqual(25);
    expect(row?.sentText).toContain('full refund');
    expect(row?.findings.length).toBeGreaterThan(0);
  });

  it('logs an edited draft as edited, once', async () => {
    const already = (await rowsIn()).length;
    const id = await data.newConversation({ ...ANGRY, subject: 'Charged twice (again)' });
    await pasteDraftInto(id);
    await page.keyboard.press('End');
    await page.keyboard.type(' I am also asking my manager to call you today.', { delay: 20 });
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith(`/conversation/${id}`), { timeout: 20_000 }),
      page.locator('form.form-reply button.btn-send-text').click(),
    ]);
    await expect.poll(async () => (await rowsIn()).length, { timeout: 15_000 }).toBe(already + 1);
    const row = (await rowsIn()).find((r) => r.sentText?.includes('manager to call you'));
    expect(row).toMatchObject({ outcome: 'edited', source: 'paste' });
    expect((await data.threads(id)).at(-1)?.body).toContain('manager to call you');
  });

  it('never covers a FreeScout control on another conversation, in a small window or at 150 % zoom', async () => {
    const first = await data.newConversation({ ...ANGRY, subject: 'Window sizes' });
    const second = await data.newConversation({ ...ANGRY, subject: 'Ticket switch' });
    try {
      for (const size of WINDOW_SIZES) {
        await setWindow(page, size);
        await page.goto(`${fs?.url}/conversation/${first}`);
        await overlay('section').waitFor();
        await expectNothingCovered(`${size.name}: page loaded`);
        await page.click('.conv-reply');
        await page.locator(EDITOR).waitFor();
        await expectNothingCovered(`${size.name}: reply editor open`);
        // Ticket switch: FreeScout's next conversation is a page of its own.
        await page.goto(`${fs?.url}/conversation/${second}`);
        await overlay('section').waitFor();
        await expectNothingCovered(`${size.name}: another conversation`);
      }
    } finally {
      await setWindow(page, WINDOW_SIZES[0]);
    }
  });
});

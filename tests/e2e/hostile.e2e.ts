import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { totalsOfDay } from '../../lib/db/day-totals';
import { exportRows } from '../../lib/db/export';
import type { OverrideRow } from '../../lib/db/schema';
import { chunksOf, dayOf, packDay } from '../../lib/db/summary';
import {
  BAD_POLICY_PACKS,
  FAR_FUTURE,
  FORMULA_CELLS,
  FORMULA_STARTS,
  GOOD_PACK,
  PII_EVASIONS,
  SENSITIVE_NOTE,
  SENSITIVE_PARTS,
} from '../fixtures/hostile';
import { row } from '../fixtures/rows';
import {
  applyDemoSuggestion,
  confirmGuardIfAsked,
  type Harness,
  openHarness,
  openTicket,
  overlay,
  readRows,
  setSettings,
  waitForRows,
} from './harness';

/**
 * Hostile input is normal input (DESIGN.md): markup in customer messages stays text, RTL, emoji
 * and zero-width characters are read, a 1 MB paste does not freeze the page, and nothing of ours
 * reaches the page as an error.
 */
describe('hostile customer messages and huge pastes (Zendesk)', () => {
  let h: Harness;
  const errors: string[] = [];
  beforeEach(async () => {
    errors.length = 0;
    h = await openHarness();
    h.page.on('pageerror', (e) => errors.push(e.message));
    await openTicket(h.page, 'https://acme.zendesk.com/agent/tickets/1003');
    await overlay(h.page, '[data-rg-customer]').waitFor();
  });
  afterEach(async () => {
    await h?.close();
  });

  it('reads markup, RTL, emoji and zero-width text as text and still finds the escalation', async () => {
    const chip = overlay(h.page, '[data-rg-customer]');
    expect(await chip.getAttribute('data-escalation')).toBe('true');
    expect(await chip.getAttribute('data-sentiment')).toBe('negative');
    expect(await h.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Nothing the customer wrote became markup in our overlay.
    for (const tag of ['img', 'script', 'iframe']) expect(await overlay(h.page, tag).count()).toBe(0);
    expect(await overlay(h.page, '[data-rg-status="active"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('stays responsive with a 1 MB paste in the composer', async () => {
    const huge = `${'Thanks for waiting, we are looking into it. '.repeat(24_000)}We guarantee a full refund.`;
    expect(huge.length).toBeGreaterThan(1_000_000);
    const started = Date.now();
    await h.page.evaluate((text) => {
      (window as unknown as { fixture: { setComposerText(t: string): void } }).fixture.setComposerText(text);
    }, huge);
    await h.page.waitForTimeout(1500);
    // The page still answers quickly, and ReplyGuard is still active (not crashed, not paused).
    const ping = Date.now();
    await h.page.evaluate(() => 1);
    expect(Date.now() - ping).toBeLessThan(2000);
    expect(await overlay(h.page, '[data-rg-status="active"]').count()).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(errors).toEqual([]);
  });
});

/** Typed arrays of the stored summary, by field, so records made in Node can be written from a page. */
const TYPED: Record<string, 'Float64Array' | 'Int8Array' | 'Uint32Array' | 'Uint8Array'> = {
  decidedAt: 'Float64Array',
  shownAt: 'Float64Array',
  similarity: 'Float64Array',
  editSize: 'Float64Array',
  sentimentScore: 'Float64Array',
  outcome: 'Int8Array',
  reason: 'Int8Array',
  sarcasm: 'Int8Array',
  helpdesk: 'Uint32Array',
  agent: 'Uint32Array',
  findings: 'Uint32Array',
  sentiment: 'Uint32Array',
  slots: 'Uint8Array',
  sums: 'Float64Array',
  durations: 'Uint8Array',
  durationEnds: 'Uint32Array',
};
const plain = (record: object) =>
  Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]),
  );

/**
 * Writes rows into the log the way an earlier version stored them, without today's checks: as
 * imported records with their summary day and totals, built by the same code in Node. `page` is
 * an extension page that has opened the database already (the dashboard), so its tables exist.
 */
async function storeUnchecked(page: Page, rows: OverrideRow[]): Promise<void> {
  const days = [...chunksOf(rows).values()].map(packDay);
  const records = {
    imported: [...chunksOf(rows).values()].map((c) => ({
      day: c.day,
      rows: JSON.stringify(rows.filter((r) => dayOf(r.decidedAt) === c.day)),
    })),
    summary: days.map(plain),
    dayTotals: days.map((d) => plain(totalsOfDay(d).totals)),
    dayDurations: days.map((d) => plain(totalsOfDay(d).durations)),
  };
  await page.evaluate(
    ({ records, typed }) =>
      new Promise<void>((resolve, reject) => {
        const revive = (r: Record<string, unknown>) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => {
              const kind = typed[k];
              return [
                k,
                kind && Array.isArray(v)
                  ? (globalThis as unknown as Record<string, { from(a: number[]): unknown }>)[kind]?.from(v as number[])
                  : v,
              ];
            }),
          );
        const open = indexedDB.open('replyguard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['imported', 'summary', 'dayTotals', 'dayDurations'], 'readwrite');
          for (const r of records.imported) tx.objectStore('imported').add(r);
          for (const r of records.summary) tx.objectStore('summary').put(revive(r));
          for (const r of records.dayTotals) tx.objectStore('dayTotals').put(revive(r));
          for (const r of records.dayDurations) tx.objectStore('dayDurations').put(revive(r));
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { records, typed: TYPED },
  );
}

/** Records every outbox entry any tab writes to storage.local, from an extension page. */
async function spyOnOutbox(h: Harness) {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.evaluate(() => {
    const w = window as unknown as { outbox: unknown[] };
    w.outbox = [];
    const chrome = (
      globalThis as unknown as {
        chrome: {
          storage: {
            onChanged: { addListener(f: (c: Record<string, { newValue?: unknown }>, area: string) => void): void };
          };
        };
      }
    ).chrome;
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      for (const [key, change] of Object.entries(changes))
        if (key.startsWith('outbox:') && change.newValue) w.outbox.push(change.newValue);
    });
  });
  return { written: () => page.evaluate(() => (window as unknown as { outbox: unknown[] }).outbox) };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Text as the detectors read it: NFKC, no invisible characters. */
const folded = (text: string) => text.normalize('NFKC').replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, '');

/**
 * Issue 14 in the production build: the hostile corpus (tests/fixtures/hostile.ts) typed into a
 * real helpdesk tab, decided and stored; a row dated far in the future; a CSV export opened the
 * way a spreadsheet reads it; a broken rule pack in the stored settings.
 */
describe('hostile corpus (Zendesk, production build)', () => {
  const COMPOSER = '[data-test-id="omnicomposer-rich-text-ckeditor"]';
  const SUBMIT = '[data-test-id="submit_button-button"]';
  const TICKET = 'https://acme.zendesk.com/agent/tickets/1001';
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('builds a manifest that lets no web page or other extension reach ReplyGuard', async () => {
    const manifest = JSON.parse(await readFile(path.join(inject('extensionDir'), 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms', 'scripting']);
  });

  it('flags hidden personal data in the composer and stores none of it, nor the ticket id, nor the note, anywhere', async () => {
    h = await openHarness();
    const outbox = await spyOnOutbox(h);
    await h.page.bringToFront();
    await openTicket(h.page, TICKET);
    await overlay(h.page, '[data-rg-customer]').waitFor();
    await applyDemoSuggestion(h.page, COMPOSER);
    const cases = PII_EVASIONS;
    await h.page.evaluate(
      (text) => {
        (window as unknown as { fixture: { setComposerText(t: string): void } }).fixture.setComposerText(text);
      },
      cases.map((c) => c.text).join('\n'),
    );
    for (const rule of new Set(cases.map((c) => c.rule))) {
      await overlay(h.page, `[data-rg-finding="${rule}"]`).first().waitFor({ timeout: 10_000 });
    }
    // The agent's own words at the end: whether the text above counts as the suggestion itself or
    // as an edit of the demo one (it depends on how soon after it landed), the sent reply differs
    // from the suggestion, so the reason prompt (and its note) always follows the send.
    await h.page.locator(COMPOSER).click();
    await h.page.keyboard.press('Control+End');
    await h.page.keyboard.type(' Thanks for waiting.');
    await h.page.locator(SUBMIT).click();
    await confirmGuardIfAsked(h.page);
    await overlay(h.page, '[data-rg-reason-prompt]').waitFor();
    await overlay(h.page, 'button:text("Add a note")').click();
    await overlay(h.page, '.rg-reason__note input').fill(SENSITIVE_NOTE);
    await overlay(h.page, '[data-rg-reason="other"]').click();
    await expect.poll(async () => (await waitForRows(h, 1))[0]?.reason, { timeout: 15_000 }).toBe('other');
    const [row] = await readRows(h);
    expect(row?.privacy).toBe('redacted');
    const stored = folded(JSON.stringify(row));
    for (const c of cases) expect(stored, c.id).not.toContain(folded(c.value));
    for (const part of SENSITIVE_PARTS) expect(stored, part).not.toContain(part);
    expect(row?.ticketHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.ticketHash).not.toBe(sha256('zendesk:1001'));
    // What waited in storage.local for the background held no more than the row does.
    const queued = folded(JSON.stringify(await outbox.written()));
    expect(queued.length).toBeGreaterThan(100);
    for (const c of cases) expect(queued, c.id).not.toContain(folded(c.value));
    for (const part of SENSITIVE_PARTS) expect(queued, part).not.toContain(part);
    expect(queued).not.toContain(sha256('zendesk:1001'));
    expect(queued).not.toContain('ticketId');
  });

  it('renders every dashboard panel over a stored far-future row, refuses another by import, and the retention purge removes it', async () => {
    h = await openHarness();
    const now = Date.now();
    const dashboard = await h.dashboard();
    await dashboard.locator('[data-rg-empty]').waitFor();
    await storeUnchecked(dashboard, [
      row({ id: 'recent', shownAt: now - 3_700_000, decidedAt: now - 3_600_000 }),
      row({ id: 'far-future', shownAt: FAR_FUTURE - 1000, decidedAt: FAR_FUTURE }),
    ]);
    await dashboard.reload();
    await dashboard.locator('[data-rg-total="2"]').waitFor();
    await expect.poll(() => dashboard.locator('[data-rg-computing]').count(), { timeout: 15_000 }).toBe(0);
    await dashboard.locator('[data-rg-row="recent"]').waitFor();

    const file = exportRows([row({ id: 'future-2', shownAt: FAR_FUTURE - 1000, decidedAt: FAR_FUTURE })], 'ndjson');
    await dashboard
      .locator('[data-rg-import]')
      .setInputFiles({ name: 'future.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
    const summary = dashboard.locator('[data-rg-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('data-rejected')).toBe('1');
    expect(await dashboard.locator('[data-rg-refused="future.ndjson"]').innerText()).toMatch(/decidedAt/);

    // Run the retention alarm now, in the service worker, as the schedule would.
    const [worker] = h.context.serviceWorkers();
    await worker?.evaluate(() => {
      (globalThis as unknown as { chrome: { alarms: { create(n: string, i: object): void } } }).chrome.alarms.create(
        'replyguard-retention-purge',
        { when: Date.now() + 100 },
      );
    });
    // The open dashboard follows the log: it counts one row once the purge has run.
    await dashboard.locator('[data-rg-total="1"]').waitFor({ timeout: 15_000 });
    expect((await readRows(h)).map((r) => r.id)).toEqual(['recent']);
  });

  it('exports a CSV in which no cell would start a spreadsheet formula', async () => {
    h = await openHarness();
    const dashboard = await h.dashboard();
    await dashboard.locator('[data-rg-empty]').waitFor();
    const now = Date.now();
    const rows = FORMULA_CELLS.map((text, i) =>
      row({
        id: `formula-${i}`,
        shownAt: now - 7_200_000 + i,
        decidedAt: now - 3_600_000 + i,
        agent: text,
        reason: 'other',
        note: text,
      }),
    );
    await dashboard.locator('[data-rg-import]').setInputFiles({
      name: 'team.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportRows(rows, 'json')),
    });
    await dashboard.locator(`[data-rg-total="${rows.length}"]`).waitFor({ timeout: 15_000 });
    await dashboard.locator('#rg-f-period').selectOption('all');
    const [download] = await Promise.all([
      // The rows file (its audit file downloads beside it).
      dashboard.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.csv') }),
      dashboard.locator('[data-rg-export="csv"]').click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();
    expect(cells.length).toBeGreaterThan(rows.length * 17);
    expect(cells.filter((c) => FORMULA_STARTS.test(c))).toEqual([]);
  });

  it('drops a broken rule pack from the settings, says so in the popup and options, and keeps every other check running', async () => {
    h = await openHarness();
    await setSettings(h, { rulePacks: [BAD_POLICY_PACKS[0]?.pack, GOOD_PACK] });
    await openTicket(h.page, TICKET);
    await overlay(h.page, '[data-rg-customer]').waitFor();
    await h.page.evaluate(() => {
      (window as unknown as { fixture: { setComposerText(t: string): void } }).fixture.setComposerText(
        'It has a lifetime warranty. Mail jane.doe@example.com or see https://example.org/help.',
      );
    });
    await overlay(h.page, '[data-rg-finding="pack:good/no-lifetime"]').waitFor({ timeout: 10_000 });
    await overlay(h.page, '[data-rg-finding="pii-email"]').waitFor();
    expect(await overlay(h.page, '[data-rg-status="active"]').count()).toBe(1);

    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const problems = await popup.locator('[data-rg-problems]').innerText();
    expect(problems).toContain('rulePacks[0].linkAllowlist[0]');
    expect(problems).toContain('the pack "links" is not applied');
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    expect(await options.locator('[data-rg-settings-problems]').innerText()).toContain('rulePacks[0].linkAllowlist[0]');
  });
});

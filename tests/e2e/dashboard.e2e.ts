import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { exportRows } from '@/lib/db/export';
import type { OverrideRow } from '@/lib/db/schema';
import { row } from '../fixtures/rows';
import { type Harness, openHarness, overlay, sendDemoSuggestion, waitForRows } from './harness';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/dashboard');

/** A scripted day: 10 decisions this morning, with known outcomes, findings and timings. */
function scriptedDay(): OverrideRow[] {
  const day = new Date();
  day.setHours(0, 0, 0, 0);
  const at = (h: number) => day.getTime() + h * 3_600_000;
  const base = (i: number, partial: Partial<OverrideRow>): OverrideRow =>
    row({
      id: `day-${i}`,
      shownAt: at(0.2 + i * 0.05) - 30_000,
      decidedAt: at(0.2 + i * 0.05),
      helpdesk: i % 2 ? 'zendesk' : 'intercom',
      ticketHash: `t${i}`,
      agent: i < 6 ? 'ana' : 'bo',
      privacy: 'full',
      suggestionText: 'Hi Sam, your refund is on its way. Have a great day!',
      sentText: 'Hi Sam, your refund is on its way. Have a great day!',
      // Four of the ten drafts were pasted from another tool.
      source: i % 3 === 0 ? 'paste' : 'ai-control',
      ...partial,
    });
  const critical = {
    rule: 'pii-card-number',
    category: 'privacy',
    severity: 'critical',
    fingerprint: 'c',
    dismissed: false,
  } as const;
  const tone = {
    rule: 'cheerful-to-upset',
    category: 'tone',
    severity: 'warning',
    fingerprint: 't',
    dismissed: false,
  } as const;
  return [
    base(0, {}),
    base(1, {}),
    base(2, { findings: [critical] }),
    base(3, {}),
    base(4, { findings: [tone] }),
    base(5, {
      outcome: 'edited',
      similarity: 0.8,
      editSize: 30,
      findings: [{ ...tone, dismissed: true }],
      sentText: 'Hi Sam, I am sorry for the trouble. Your refund is on its way.',
    }),
    base(6, { outcome: 'edited', similarity: 0.6, editSize: 50, sentText: 'Hi Sam, sorry. Refund sent.' }),
    base(7, { outcome: 'rejected', reason: 'tone', findings: [tone], sentText: null }),
    base(8, { outcome: 'rejected', reason: 'wrong-facts', sentText: null }),
    base(9, { outcome: 'escalated', reason: 'needs-human', sentText: null, shownAt: at(0.65) - 300_000 }),
  ];
}

async function importFiles(page: Page, files: { name: string; text: string }[]) {
  await page
    .locator('[data-rg-import]')
    .setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.text) })),
    );
  const summary = page.locator('[data-rg-summary]');
  await summary.waitFor({ timeout: 60_000 });
  return {
    imported: Number(await summary.getAttribute('data-imported')),
    skipped: Number(await summary.getAttribute('data-skipped')),
    rejected: Number(await summary.getAttribute('data-rejected')),
  };
}

const metric = async (page: Page, key: string) =>
  Number(await page.locator(`[data-rg-metric="${key}"]`).getAttribute('data-rg-value'));

/** Exports every event in `format`: the rows file's text (its audit file comes beside it). */
async function exportAll(page: Page, format: 'json' | 'csv' | 'ndjson'): Promise<string> {
  await page.locator('#rg-f-period').selectOption('all');
  const downloads: Download[] = [];
  const onDownload = (d: Download) => downloads.push(d);
  page.on('download', onDownload);
  await page.locator(`[data-rg-export="${format}"]`).click();
  await expect.poll(() => downloads.length, { timeout: 15_000 }).toBe(2);
  page.off('download', onDownload);
  // The two downloads may arrive in either order.
  const rows = downloads.find((d) => !d.suggestedFilename().endsWith('.audit'));
  const audit = downloads.find((d) => d.suggestedFilename().endsWith('.audit'));
  expect(rows?.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
  expect(audit?.suggestedFilename()).toBe(`${rows?.suggestedFilename()}.audit`);
  const header = (await readFile((await audit?.path()) as string, 'utf8')).split('\n')[0] ?? '';
  expect(JSON.parse(header)).toMatchObject({ format: 'replyguard-audit', rows: { format } });
  return readFile((await rows?.path()) as string, 'utf8');
}

describe('the dashboard', () => {
  const open: Harness[] = [];
  const harness = async () => {
    const h = await openHarness();
    open.push(h);
    return h;
  };
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });

  it('shows the right figures after a scripted day of overrides', async () => {
    await mkdir(SHOTS, { recursive: true });
    const h = await harness();
    const page = await h.dashboard();
    await page.locator('[data-rg-empty]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'empty.png') });

    const summary = await importFiles(page, [{ name: 'day.ndjson', text: exportRows(scriptedDay(), 'ndjson') }]);
    expect(summary).toEqual({ imported: 10, skipped: 0, rejected: 0 });
    await page.locator('[data-rg-metric="seen"]').waitFor();
    expect(await metric(page, 'seen')).toBe(10);
    expect(await metric(page, 'acceptanceRate')).toBe(0.5);
    expect(await metric(page, 'editRate')).toBe(0.2);
    expect(await metric(page, 'rejectionRate')).toBe(0.2);
    expect(await metric(page, 'escalationRate')).toBe(0.1);
    expect(await metric(page, 'meanEditSize')).toBe(40);
    expect(await metric(page, 'meanEditChange')).toBeCloseTo(0.3, 10);
    expect(await metric(page, 'medianDecisionMs')).toBe(30_000);
    expect(await metric(page, 'findingsPer100')).toBe(40);
    expect(await metric(page, 'unresolvedCriticalShare')).toBe(0.1);
    expect(await page.locator('[data-rg-total]').getAttribute('data-rg-total')).toBe('10');
    // Rules: cheerful-to-upset fired 3 times, dismissed once, on 3 suggestions of which 2 were overridden.
    const rule = page.locator('[data-rg-rule="cheerful-to-upset"] td');
    expect(await rule.nth(2).innerText()).toBe('3');
    expect(await rule.nth(3).innerText()).toMatch(/^33\.3%/);
    expect(await rule.nth(4).innerText()).toMatch(/^66\.7%/);
    // Filters narrow everything.
    await page.locator('#rg-f-agent').selectOption('bo');
    await expect.poll(() => metric(page, 'seen')).toBe(4);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => metric(page, 'seen')).toBe(10);
    // How the suggestions reached the composer: a filter and a breakdown.
    await page.locator('#rg-f-source').selectOption('paste');
    await expect.poll(() => metric(page, 'seen')).toBe(4);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('tab', { name: 'Source' }).click();
    await expect.poll(() => page.locator('[aria-labelledby="rg-breakdown-title"] tbody tr').count()).toBe(2);
    await expect.poll(() => metric(page, 'seen')).toBe(10);
    // A fresh page's first render (from the per-day totals alone) shows the same figures.
    await page.reload();
    await page.locator('[data-rg-metric="seen"]').waitFor();
    expect(await metric(page, 'seen')).toBe(10);
    expect(await metric(page, 'meanEditChange')).toBeCloseTo(0.3, 10);
    expect(await metric(page, 'medianDecisionMs')).toBe(30_000);
    expect(await metric(page, 'unresolvedCriticalShare')).toBe(0.1);
    // The detail view shows the diff of the edited reply.
    await page.locator('[data-rg-row="day-5"] button').click();
    await page.locator('[data-rg-detail="day-5"] [data-rg-diff] ins').first().waitFor();
    await page.locator('[data-rg-metric="editRate"]').focus();
    await page.screenshot({ path: path.join(SHOTS, 'scripted-day.png'), fullPage: true });
  });

  it('follows a reason the agent gives after the decision, with the dashboard open', async () => {
    // The Zendesk fixture (CKEditor 5): an edited suggestion, its reason given from the prompt.
    const h = await harness();
    const page = await h.dashboard();
    await page.locator('[data-rg-empty]').waitFor();
    await sendDemoSuggestion(h, '1001', 'Best regards', ' I am sorry this happened before your meeting.');
    await overlay(h.page, '[data-rg-reason-prompt="edited"]').waitFor();
    // The decision reaches the open dashboard before its reason does.
    await page.locator('[data-rg-metric="seen"]').waitFor({ timeout: 15_000 });
    await page.locator('#rg-f-reason').selectOption('tone');
    await expect.poll(() => metric(page, 'seen')).toBe(0);
    await overlay(h.page, '[data-rg-reason="tone"]').click();
    await expect.poll(async () => (await waitForRows(h, 1))[0]?.reason, { timeout: 15_000 }).toBe('tone');
    // No total counts reasons, but the write gave the day's totals a new revision: the page reads again.
    await expect.poll(() => metric(page, 'seen'), { timeout: 15_000 }).toBe(1);
  });

  it('exports every row and imports them into a fresh profile; a second import skips them all', async () => {
    const a = await harness();
    const pageA = await a.dashboard();
    await pageA.locator('[data-rg-demo]').first().click();
    const loaded = pageA.locator('[data-rg-summary]');
    await loaded.waitFor({ timeout: 60_000 });
    const total = Number(await loaded.getAttribute('data-imported'));
    expect(total).toBeGreaterThan(4_000);
    await pageA.locator(`[data-rg-total="${total}"]`).waitFor();
    await pageA.locator('[data-rg-alarm]').first().waitFor();
    await pageA.screenshot({ path: path.join(SHOTS, 'demo-overview.png'), fullPage: true });
    await pageA.emulateMedia({ colorScheme: 'dark' });
    await pageA.waitForTimeout(200);
    await pageA.screenshot({ path: path.join(SHOTS, 'demo-overview-dark.png'), fullPage: true });
    await pageA.locator('[data-rg-chart="drift"]').screenshot({ path: path.join(SHOTS, 'drift-dark.png') });
    await pageA.emulateMedia({ colorScheme: 'light' });
    const json = await exportAll(pageA, 'json');
    const csv = await exportAll(pageA, 'csv');
    const exported = JSON.parse(json).rows as OverrideRow[];
    expect(exported).toHaveLength(total);

    const b = await harness();
    const pageB = await b.dashboard();
    await pageB.locator('[data-rg-empty]').waitFor();
    expect(await importFiles(pageB, [{ name: 'team.json', text: json }])).toEqual({
      imported: total,
      skipped: 0,
      rejected: 0,
    });
    await pageB.locator(`[data-rg-total="${total}"]`).waitFor();
    const back = JSON.parse(await exportAll(pageB, 'json')).rows as OverrideRow[];
    const byId = (rows: OverrideRow[]) => [...rows].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(back)).toEqual(byId(exported));
    await pageB.locator('[data-rg-summary] button').click();
    expect(await importFiles(pageB, [{ name: 'team.csv', text: csv }])).toEqual({
      imported: 0,
      skipped: total,
      rejected: 0,
    });
  });

  it('rejects a corrupt file whole and names its bad rows', async () => {
    const h = await harness();
    const page = await h.dashboard();
    await page.locator('[data-rg-empty]').waitFor();
    const rows = scriptedDay();
    const lines = exportRows(rows, 'ndjson').trimEnd().split('\n');
    lines[3] = lines[3]?.replace('"accepted"', '"deleted"') ?? '';
    lines[6] = '{"id": "broken';
    const summary = await importFiles(page, [
      { name: 'corrupt.ndjson', text: lines.join('\n') },
      { name: 'good.ndjson', text: exportRows(rows.slice(0, 2), 'ndjson') },
    ]);
    expect(summary).toEqual({ imported: 2, skipped: 0, rejected: 10 });
    const refused = page.locator('[data-rg-refused="corrupt.ndjson"]');
    expect(await refused.innerText()).toMatch(/Row 4: outcome/);
    expect(await refused.innerText()).toMatch(/Row 7: not valid JSON/);
    await page.locator('[data-rg-total="2"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'corrupt-import.png'), fullPage: true });
  });
});

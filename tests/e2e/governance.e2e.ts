import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { exportRows } from '@/lib/db/export';
import type { OverrideRow } from '@/lib/db/schema';
import { row } from '../fixtures/rows';
import { type Harness, openHarness, setSettings } from './harness';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/governance');

/** Loads the demo history (six agents, six weeks, a drift episode in the last ten days) and waits for every panel. */
async function loadDemo(page: Page): Promise<number> {
  await page.locator('[data-rg-demo]').first().click();
  const loaded = page.locator('[data-rg-summary]');
  await loaded.waitFor({ timeout: 60_000 });
  const total = Number(await loaded.getAttribute('data-imported'));
  await page.locator(`[data-rg-total="${total}"]`).waitFor();
  await page.locator('[data-rg-review-estimate]').waitFor({ timeout: 30_000 });
  return total;
}

/** Types a target in the dashboard's editor (percent for shares) and saves it. */
async function setTarget(page: Page, key: string, bounds: { min?: string; max?: string }) {
  const editor = page.locator(`[data-rg-target-editor="${key}"]`);
  await editor.getByLabel('at least').fill(bounds.min ?? '');
  await editor.getByLabel('at most').fill(bounds.max ?? '');
  await editor.getByRole('button', { name: 'Save' }).click();
}

/** Polls until the page shows the value: its panels compute after the paint, on a machine shared by several test runs. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

const attr = async (page: Page, selector: string, name: string) =>
  (await page.locator(selector).first().getAttribute(name)) ?? '';

describe('targets, review sampling and the review report', () => {
  // One browser profile per test, closed after it whatever happened.
  let profile: Harness | undefined;
  const harness = async () => {
    profile = await openHarness();
    return profile;
  };
  afterEach(async () => {
    await profile?.close();
    profile = undefined;
  });

  it('draws a lead’s targets, lists breaches with what moved, samples accepted suggestions for review and prints the report', async () => {
    await mkdir(SHOTS, { recursive: true });
    const h = await harness();
    const page = await h.dashboard();
    await page.locator('[data-rg-empty]').waitFor();
    await loadDemo(page);

    // Targets: the demo's override rate runs near 37 % and rises near 48 % in its drift episode.
    await setTarget(page, 'overrideRate', { max: '42' });
    await setTarget(page, 'falseAlarmRate', { max: '30' });
    await setTarget(page, 'medianDecisionMs', { min: '5', max: '120' });
    const trend = page.locator('[data-rg-chart="trend"]');
    await poll(() => trend.getAttribute('data-rg-target')).toBe('{"max":0.42}');
    expect(Number(await trend.getAttribute('data-rg-beyond'))).toBeGreaterThan(0);
    await poll(() =>
      attr(page, '[data-rg-target-row="overrideRate"] [data-rg-target-status]', 'data-rg-target-status'),
    ).toMatch(/^(above|met)$/);
    // The drift panel lists the stretch of days beyond the target, with the "what moved" table.
    const breach = page.locator('[data-rg-breach="overrideRate"]').first();
    await breach.waitFor();
    expect(await breach.locator('[data-rg-mover]').count()).toBeGreaterThan(0);
    expect(await breach.innerText()).toMatch(/Override rate above its target \(at most 42\.0%\)/);
    // Rules whose false alarms are above 30 % (pii-email dismissed about 45 % of the time) are marked.
    await page.locator('[data-rg-rule="pii-email"] [data-rg-rule-beyond="above"]').waitFor();
    await page.locator('[data-rg-rules-beyond]').waitFor();
    // The targets are stored as settings overrides: a reload keeps them.
    await page.reload();
    await page.locator('[data-rg-review-estimate]').waitFor({ timeout: 30_000 });
    await poll(() => trend.getAttribute('data-rg-target')).toBe('{"max":0.42}');
    await page.locator('[data-rg-chart="trend"]').screenshot({ path: path.join(SHOTS, 'trend-target.png') });

    // Review sampling: 10 % of the accepted suggestions of the last 28 days, queued in sample order.
    await page.locator('[data-rg-review-share]').fill('10');
    await page.locator('[data-rg-review] button', { hasText: 'Save' }).first().click();
    const estimate = page.locator('[data-rg-review-estimate]');
    await poll(async () => Number(await estimate.getAttribute('data-sampled'))).toBeGreaterThan(100);
    const first = await attr(page, '[data-rg-review-next]', 'data-rg-review-next');
    // The demo keeps redacted texts: the card shows the reply as stored.
    await page.locator('[data-rg-review-text="redacted"]').waitFor();
    await page.locator('[data-rg-verdict="good"]').click();
    await page.locator('[data-rg-save-verdict]').click();
    await poll(() => attr(page, '[data-rg-review-next]', 'data-rg-review-next')).not.toBe(first);
    await page.locator('[data-rg-verdict="should-change"]').click();
    await page.locator('[data-rg-review-reason]').selectOption('tone');
    await page
      .locator('[data-rg-review] textarea')
      .fill('Too breezy for an upset customer; see sam@example.com thread.');
    await page.locator('[data-rg-save-verdict]').click();
    await poll(() => estimate.getAttribute('data-reviewed')).toBe('2');
    expect(await estimate.getAttribute('data-flagged')).toBe('1');
    expect(Number(await estimate.getAttribute('data-estimate'))).toBe(0.5);
    // Wilson 95 % interval for 1 of 2: 9.5 % to 90.5 %.
    expect(Number(await estimate.getAttribute('data-low'))).toBeCloseTo(0.0945, 3);
    expect(Number(await estimate.getAttribute('data-high'))).toBeCloseTo(0.9055, 3);
    // The note is stored under the redacted privacy mode: the address is masked.
    const latest = page.locator('.rg-review-recent');
    await poll(() => latest.innerText()).toMatch(/Too breezy/);
    expect(await latest.innerText()).not.toContain('sam@example.com');
    await page.locator('[data-rg-review]').screenshot({ path: path.join(SHOTS, 'review-panel.png') });

    // Verdicts travel in their own file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-rg-export-reviews]').click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported.format).toBe('replyguard-reviews');
    expect(exported.reviews).toHaveLength(2);

    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });

    // The review report for the dashboard's period, printed to PDF by Chromium.
    const [report] = await Promise.all([h.context.waitForEvent('page'), page.locator('[data-rg-report-link]').click()]);
    await report.waitForURL(/report\.html\?from=/);
    const url = new URL(report.url());
    url.searchParams.set('team', 'Support EMEA');
    await report.goto(url.toString());
    await report.locator('html[data-rg-report-ready]').waitFor({ timeout: 30_000 });
    expect(Number(await report.locator('html').getAttribute('data-rg-report-ready'))).toBeGreaterThan(1_000);
    expect(await report.locator('[data-rg-report-review]').getAttribute('data-reviewed')).toBe('2');
    expect(await report.locator('[data-rg-report-breach="overrideRate"]').count()).toBeGreaterThan(0);
    expect(await report.locator('[data-rg-report-example="review-flagged"]').count()).toBe(1);
    await report.screenshot({ path: path.join(SHOTS, 'report-screen.png'), fullPage: true });
    await report.emulateMedia({ media: 'print' });
    expect(await report.locator('.rg-report__controls').isVisible()).toBe(false);
    const pdfPath = path.join(SHOTS, 'report.pdf');
    await writeFile(pdfPath, await report.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));

    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
    // A4 is 595 × 842 points.
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Support EMEA:',
      'Headline figures against targets',
      'Override rate',
      'at most 42.0%',
      'Alarms and what moved',
      'Override rate above its target',
      'What moved most',
      'Top rules and their false-alarm rates',
      'pii-email',
      'Review sampling',
      'Estimated share of accepted suggestions that should have been changed: 50.0%',
      '95% Wilson interval 9.5% to 90.5%',
      'Examples',
      'Too breezy',
      `Page 1 of ${pages}`,
    ]) {
      expect(text.replace(/\s+/g, ' '), expected).toContain(expected);
    }
    // Nothing personal in the printed examples and notes, and no screen controls on paper.
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(text).not.toContain('Print or save as PDF');
    // Page images for the closing note.
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdfPath, path.join(SHOTS, 'report-page')]);
  });

  it('shows a reviewer only the text the privacy mode kept, and stores no note under privacy mode none', async () => {
    const h = await harness();
    await setSettings(h, { privacyMode: 'none', reviewShare: 1 });
    const page = await h.dashboard();
    await page.locator('[data-rg-empty]').waitFor();
    const now = Date.now();
    const rows: OverrideRow[] = Array.from({ length: 6 }, (_, i) =>
      row({
        id: `nt-${i}`,
        decidedAt: now - (i + 1) * 600_000,
        shownAt: now - (i + 1) * 600_000 - 20_000,
        privacy: 'none',
        suggestionText: null,
        sentText: null,
      }),
    );
    await page.locator('[data-rg-import]').setInputFiles({
      name: 'none.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(exportRows(rows, 'ndjson')),
    });
    const summary = page.locator('[data-rg-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/^Imported 6 /);
    const estimate = page.locator('[data-rg-review-estimate]');
    await poll(() => estimate.getAttribute('data-sampled')).toBe('6');
    await page.locator('[data-rg-review-text="none"]').waitFor();
    await page.locator('[data-rg-verdict="should-change"]').click();
    await page.locator('[data-rg-review-reason]').selectOption('policy');
    expect(await page.locator('.rg-review-note').innerText()).toMatch(/not stored: privacy mode none/);
    await page.locator('[data-rg-review] textarea').fill('Promised a refund we do not give.');
    await page.locator('[data-rg-save-verdict]').click();
    await poll(() => estimate.getAttribute('data-flagged')).toBe('1');
    expect(await page.locator('.rg-review-recent').innerText()).not.toContain('Promised');
  });
});

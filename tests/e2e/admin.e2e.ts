import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDemoSuggestion, type Harness, openHarness, openTicket, overlay } from './harness';

/**
 * Issue 8 on the production build: the options page changes settings that an open ticket applies
 * without a reload, rejects bad input without applying any of it, and an enterprise policy file
 * for the extension's stable id shows up applied and locked.
 */
const TICKET = 'https://acme.zendesk.com/agent/tickets/1001';
const COMPOSER = '[data-test-id="omnicomposer-rich-text-ckeditor"]';
const SUBMIT = '[data-test-id="submit_button-button"]';
/** The id the manifest `key` pins (wxt.config.ts); policies name the extension by it. */
const EXTENSION_ID = 'goicafbopgmglpknogenjjonlofpnpji';

async function openOptions(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.locator('select[name="sendGuard"]').waitFor();
  return page;
}

describe('options page', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('has the stable extension id from the manifest key', async () => {
    h = await openHarness();
    expect(h.extensionId).toBe(EXTENSION_ID);
  });

  it('changes the send-guard, and the ticket already open applies it without a reload', async () => {
    h = await openHarness();
    await openTicket(h.page, TICKET);
    await overlay(h.page, '[data-rg-customer]').waitFor();

    const options = await openOptions(h);
    await options.locator('select[name="sendGuard"]').selectOption('block');
    await options.locator('[data-rg-saved]:has-text("Saved")').waitFor();

    await h.page.bringToFront();
    await applyDemoSuggestion(h.page, COMPOSER);
    await h.page.locator(SUBMIT).click();
    await overlay(h.page, '[data-rg-guard="block"]').waitFor({ timeout: 10_000 });
  });

  it('switching the helpdesk off stops the ticket already open at once, without a reload', async () => {
    h = await openHarness();
    await openTicket(h.page, TICKET);
    await overlay(h.page, '[data-rg-customer]').waitFor();

    const options = await openOptions(h);
    await options.locator('input[name="helpdesk-zendesk"]').click();
    await options.locator('[data-rg-saved]:has-text("Saved")').waitFor();

    await h.page.bringToFront();
    await expect.poll(() => overlay(h.page).count(), { timeout: 5_000 }).toBe(0);
    // Nothing of ours is left in the page: no highlights, no overlay, and typing brings none back.
    await applyDemoSuggestion(h.page, COMPOSER);
    await h.page.waitForTimeout(500);
    expect(await overlay(h.page).count()).toBe(0);
    expect(await h.page.evaluate('CSS.highlights ? CSS.highlights.size : 0')).toBe(0);
  });

  it('generates the rule table from the registry and previews a pack with severity overrides', async () => {
    h = await openHarness();
    const options = await openOptions(h);
    expect(await options.locator('[data-rg-rule]').count()).toBeGreaterThan(30);
    await options.locator('textarea[name="previewReply"]').fill('Write to me at jane.doe@example.com today.');
    await options.locator('[data-rg-preview-finding="pii-email"]').waitFor();

    await options.locator('select[name="severity-pii-email"]').selectOption('off');
    await options.locator('[data-rg-rule="pii-email"][data-rg-override="off"]').waitFor();
    await expect.poll(() => options.locator('[data-rg-preview-finding="pii-email"]').count()).toBe(0);
    await options.locator('[data-rg-rule="pii-email"]').getByRole('button', { name: 'Back to default' }).click();
    await options.locator('[data-rg-preview-finding="pii-email"]').waitFor();

    const pack = options.locator('textarea[name="packJson"]');
    await pack.fill('{"id": "Team Pack", "phrases": []}');
    await options.locator('[data-rg-pack-error="id"]').waitFor();
    await options.getByRole('button', { name: 'Start from an example' }).click();
    await options.locator('[data-rg-pack-valid="team-pack"]').waitFor();
    await options.locator('textarea[name="previewReply"]').fill('It has a lifetime warranty.');
    await options.locator('[data-rg-preview-finding="pack:team-pack/no-lifetime-warranty"]').waitFor();
    await options.getByRole('button', { name: 'Add pack' }).click();
    await options.locator('[data-rg-pack="team-pack"]').waitFor();
  });

  it('rejects a bad settings file with the reason and applies nothing of it', async () => {
    h = await openHarness();
    const options = await openOptions(h);
    const file = {
      name: 'settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'replyguard-settings',
          version: 2,
          settings: { agentLabel: 'Imported', retentionDays: 0 },
        }),
      ),
    };
    await options.locator('input[name="importSettings"]').setInputFiles(file);
    await options.locator('[data-rg-problem="retentionDays"]').waitFor();
    expect(await options.locator('input[name="agentLabel"]').inputValue()).toBe('');

    const good = {
      ...file,
      buffer: Buffer.from(
        JSON.stringify({ format: 'replyguard-settings', version: 2, settings: { agentLabel: 'Imported' } }),
      ),
    };
    await options.locator('input[name="importSettings"]').setInputFiles(good);
    await options.locator('[data-rg-imported]').waitFor();
    expect(await options.locator('input[name="agentLabel"]').inputValue()).toBe('Imported');
  });
});

describe('enterprise policy (Chromium policy file)', () => {
  // The policy file applies to every Chromium on this machine, including other engineers'
  // parallel runs: it exists only from just before the launch until just after the assertions,
  // and sets only harmless values.
  const dir = '/etc/chromium/policies/managed';
  const file = path.join(dir, 'replyguard-test.json');
  const canWrite = process.platform === 'linux' && process.getuid?.() === 0;
  let h: Harness | undefined;

  it.skipIf(!canWrite)('applies and locks the policy for the extension id', async () => {
    try {
      await mkdir(dir, { recursive: true });
      const policy = { agentLabel: 'Policy Agent', retentionDays: 30, sendGuard: 'warn' };
      await writeFile(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
      h = await openHarness();
      const options = await openOptions(h);
      await options.locator('[data-rg-locked="agentLabel"]').waitFor({ timeout: 10_000 });
      expect(await options.locator('input[name="agentLabel"]').inputValue()).toBe('Policy Agent');
      expect(await options.locator('input[name="agentLabel"]').isDisabled()).toBe(true);
      expect(await options.locator('input[name="retentionDays"]').inputValue()).toBe('30');
      expect(await options.locator('[data-rg-locked="retentionDays"]').innerText()).toContain(
        'Set by your organisation',
      );
      expect(await options.locator('select[name="sendGuard"]').isDisabled()).toBe(true);
      expect(await options.locator('[data-rg-locked="sendGuard"]').count()).toBe(1);
      // Not in the policy: still the user's to change.
      expect(await options.locator('select[name="privacyMode"]').isDisabled()).toBe(false);
    } finally {
      await rm(file, { force: true });
      await h?.close();
    }
  });
});

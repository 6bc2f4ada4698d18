import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isLocked } from '@/lib/settings/effective';
import { migrateV1 } from '@/lib/settings/migrations';
import {
  loadEffectiveSettings,
  policyCopyItem,
  rememberPolicy,
  SettingsError,
  settingsItem,
  startupEffectiveSettings,
  startupSettings,
  updateSettings,
} from '@/lib/settings/storage';

describe('settings storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('migrates version 1 (whole helpdesk maps) to overrides only', async () => {
    expect(
      migrateV1({ helpdesks: { zendesk: true, intercom: false, gorgias: true }, sendGuard: 'block', agentLabel: null }),
    ).toEqual({
      helpdesks: { intercom: false },
      sendGuard: 'block',
    });
    await fakeBrowser.storage.local.set({
      settings: { helpdesks: { zendesk: true, front: false } },
      settings$: { v: 1 },
    });
    // The item migrates when the extension loads it; here the module loaded before the data was written.
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ helpdesks: { front: false } });
  });

  it('stores only what differs from the default, and null goes back to the default', async () => {
    await updateSettings({ helpdesks: { zendesk: false }, retentionDays: 14 });
    await updateSettings({ helpdesks: { intercom: false } });
    expect(await settingsItem.getValue()).toEqual({
      helpdesks: { zendesk: false, intercom: false },
      retentionDays: 14,
    });
    await updateSettings({ helpdesks: { zendesk: true }, retentionDays: null });
    expect(await settingsItem.getValue()).toEqual({ helpdesks: { intercom: false } });
  });

  it('refuses an invalid or contradictory change and stores nothing of it', async () => {
    await updateSettings({ customHelpdesks: [{ pattern: 'https://help.acme.com/*', adapter: 'freescout' }] });
    await expect(updateSettings({ retentionDays: 0, agentLabel: 'ok' })).rejects.toThrow(SettingsError);
    await expect(updateSettings({ helpdesks: { freescout: false } })).rejects.toThrow(
      /switch it on or remove the domain/,
    );
    const { settings } = await loadEffectiveSettings();
    expect(settings.agentLabel).toBe('');
    expect(settings.helpdesks.freescout).toBe(true);
  });
});

describe('start-up settings (the background keeps a copy of the policy)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  /** Managed storage that answers only when the test says so, as Chrome's does right after it starts. */
  function slowPolicy(policy: Record<string, unknown>) {
    let answer: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
        () =>
          new Promise((done) => {
            answer = () => done(policy);
            resolve();
          }),
      );
    });
    return { asked, answer: () => answer() };
  }

  it('uses the policy itself when it answers at once', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(async () => ({ sendGuard: 'block' }));
    await rememberPolicy({ sendGuard: 'warn' });
    const startup = await startupSettings();
    expect(startup.settings.sendGuard).toBe('block');
    expect(startup.confirmed).toBeNull();
  });

  it('keeps the organisation’s ticket secret out of the policy copy in storage.local', async () => {
    await rememberPolicy({ sendGuard: 'warn', ticketIdSecret: 'k3Jd9sQ0vLx2Pz8mWn4Rt6Yb1Hc5Fg7A' });
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('k3Jd9sQ0');
  });

  it('starts from the copy while the policy is slow, then gives the real settings', async () => {
    await updateSettings({ agentLabel: 'Ana' });
    await rememberPolicy({ sendGuard: 'warn', helpdesks: { zendesk: true } });
    const managed = slowPolicy({ sendGuard: 'block', helpdesks: { zendesk: false } });
    const startup = await startupSettings();
    expect(startup.settings.sendGuard).toBe('warn');
    expect(startup.settings.helpdesks.zendesk).toBe(true);
    expect(startup.settings.agentLabel).toBe('Ana');
    await managed.asked;
    managed.answer();
    const real = await startup.confirmed;
    expect(real?.sendGuard).toBe('block');
    expect(real?.helpdesks.zendesk).toBe(false);
    expect(real?.agentLabel).toBe('Ana');
  });

  it('waits for the policy when there is no copy yet (the first run)', async () => {
    const managed = slowPolicy({ sendGuard: 'block' });
    let settled = false;
    const pending = startupSettings().then((s) => {
      settled = true;
      return s;
    });
    await managed.asked;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    managed.answer();
    const startup = await pending;
    expect(startup.settings.sendGuard).toBe('block');
    expect(startup.confirmed).toBeNull();
  });

  it('gives pages the copy with its locks at once, then the real policy with its locks and problems', async () => {
    await updateSettings({ agentLabel: 'Ana', privacyMode: 'full' });
    await rememberPolicy({ sendGuard: 'block' });
    const managed = slowPolicy({ privacyMode: 'none', retentionDays: 0 });
    const startup = await startupEffectiveSettings();
    expect(startup.effective.settings.sendGuard).toBe('block');
    expect(isLocked(startup.effective, 'sendGuard')).toBe(true);
    expect(isLocked(startup.effective, 'privacyMode')).toBe(false);
    expect(startup.effective.settings.privacyMode).toBe('full');
    expect(startup.confirmed).not.toBeNull();
    await managed.asked;
    managed.answer();
    const real = await startup.confirmed;
    expect(real && isLocked(real, 'sendGuard')).toBe(false);
    expect(real && isLocked(real, 'privacyMode')).toBe(true);
    expect(real?.settings.privacyMode).toBe('none');
    expect(real?.settings.agentLabel).toBe('Ana');
    expect(real?.problems.map((p) => p.path)).toEqual(['policy:retentionDays']);
  });

  it('writes the copy only when the policy changed', async () => {
    const set = vi.spyOn(policyCopyItem, 'setValue');
    await rememberPolicy({ retentionDays: 30 });
    await rememberPolicy({ retentionDays: 30 });
    expect(set).toHaveBeenCalledTimes(1);
    await rememberPolicy({});
    expect(set).toHaveBeenCalledTimes(2);
    expect(await policyCopyItem.getValue()).toEqual({});
  });
});

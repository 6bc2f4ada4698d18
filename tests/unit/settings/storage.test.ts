import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateV1 } from '@/lib/settings/migrations';
import { loadEffectiveSettings, SettingsError, settingsItem, updateSettings } from '@/lib/settings/storage';

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

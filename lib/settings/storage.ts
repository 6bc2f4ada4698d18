import { storage } from '#imports';
import { resolveSettings } from './defaults';
import type { Settings, SettingsOverrides } from './schema';

/**
 * The user's choices, overrides only. Versioned so later releases can migrate renamed keys
 * instead of dropping them.
 */
export const settingsItem = storage.defineItem<SettingsOverrides>('local:settings', {
  fallback: {},
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return resolveSettings(await settingsItem.getValue());
}

/** Stores a change; a value equal to `undefined` goes back to the default. */
export async function updateSettings(change: SettingsOverrides): Promise<Settings> {
  const next: SettingsOverrides = { ...(await settingsItem.getValue()), ...change };
  for (const key of Object.keys(next) as (keyof Settings)[]) if (next[key] === undefined) delete next[key];
  await settingsItem.setValue(next);
  return resolveSettings(next);
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(resolveSettings(value)));
}

import { browser, storage } from '#imports';
import { checkOverrides } from './check';
import { DEFAULT_SETTINGS } from './defaults';
import { type EffectiveSettings, isLocked, mergeSettings } from './effective';
import { migrateV1 } from './migrations';
import type { Settings, SettingsOverrides, SettingsProblem } from './schema';

/**
 * The user's choices, overrides only. Versioned so later releases can migrate renamed keys
 * instead of dropping them (see ./migrations.ts).
 */
export const settingsItem = storage.defineItem<SettingsOverrides>('local:settings', {
  fallback: {},
  version: 2,
  migrations: { 2: migrateV1 },
});

/** A change the settings refused, with every problem and what to do about it. */
export class SettingsError extends Error {
  constructor(readonly problems: SettingsProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'SettingsError';
  }
}

/**
 * The admin's policy: Chrome and Edge fill managed storage from `3rdparty` extension policy
 * (checked against public/managed_schema.json), Firefox from `3rdparty` in policies.json.
 */
export async function readPolicy(): Promise<Record<string, unknown>> {
  try {
    return ((await browser.storage.managed?.get(null)) ?? {}) as Record<string, unknown>;
  } catch {
    // Firefox rejects when no policy names the extension: that simply means "no policy".
    return {};
  }
}

/**
 * The background's copy of the last policy it read (checked), for content scripts' start-up:
 * right after the browser starts, Chrome answers `storage.managed` about 2 s late (storage.local
 * in about 20 ms), and a helpdesk tab restored then would wait that long for ReplyGuard.
 */
export const policyCopyItem = storage.defineItem<SettingsOverrides | null>('local:policyCopy', { fallback: null });

/**
 * Background: keeps the policy copy equal to the policy it last read (written only on change).
 * The organisation's `ticketIdSecret` stays out of the copy: only the background hashes ticket
 * ids, and it reads the policy itself; a secret need not lie in storage.local as well.
 */
export async function rememberPolicy(policy: SettingsOverrides): Promise<void> {
  const { ticketIdSecret: _secret, ...kept } = policy;
  const copy = await policyCopyItem.getValue();
  if (JSON.stringify(copy) !== JSON.stringify(kept)) await policyCopyItem.setValue(kept);
}

/** Settings a content script starts from, and the real ones when those come later. */
export interface StartupSettings {
  settings: Settings;
  /**
   * Null when `settings` came from the policy itself. Otherwise they came from the background's
   * copy of it, and this resolves with the settings under the policy read now, which the caller
   * must apply (an admin may have changed the policy while the browser was closed).
   */
  confirmed: Promise<Settings> | null;
}

/** Effective settings (locks included) for a page's first paint, and the real ones when they come later. */
export interface StartupEffectiveSettings {
  effective: EffectiveSettings;
  /**
   * Null when `effective` came from the policy itself. Otherwise it came from the background's
   * copy of the policy, and this resolves with the effective settings under the policy read now:
   * the caller applies them, and with them the locks and problems of the current policy.
   */
  confirmed: Promise<EffectiveSettings> | null;
}

/**
 * Effective settings for a start-up that must not wait for the policy (a content script, the
 * popup, the options page): the real policy when it answers at once (every time but right after
 * the browser starts), else the background's copy of it, if any. Without a copy (the first run),
 * it waits for the policy.
 */
export async function startupEffectiveSettings(): Promise<StartupEffectiveSettings> {
  const real = loadEffectiveSettings();
  const [user, copy] = await Promise.all([settingsItem.getValue(), policyCopyItem.getValue()]);
  const now = await Promise.race([real, new Promise<null>((resolve) => setTimeout(() => resolve(null), 0))]);
  if (now) return { effective: now, confirmed: null };
  if (copy === null) return { effective: await real, confirmed: null };
  return { effective: mergeSettings({ user, policy: copy }), confirmed: real };
}

/** `startupEffectiveSettings` for a content script, which needs only the settings. */
export async function startupSettings(): Promise<StartupSettings> {
  const { effective, confirmed } = await startupEffectiveSettings();
  return { settings: effective.settings, confirmed: confirmed?.then((e) => e.settings) ?? null };
}

/** Effective settings with locks and problems, for the options page and the background. */
export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, policy] = await Promise.all([settingsItem.getValue(), readPolicy()]);
  return mergeSettings({ user, policy });
}

/** Effective settings: policy over the user's choices over the defaults. */
export async function loadSettings(): Promise<Settings> {
  return (await loadEffectiveSettings()).settings;
}

const MAP_KEYS = new Set(['helpdesks', 'analysis', 'ruleSeverity', 'targets']);

/** Applies a change to stored overrides: `null`/`undefined` removes, map entries merge, defaults are not stored. */
export function applyChange(stored: SettingsOverrides, change: SettingsOverrides): SettingsOverrides {
  const next: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(change)) {
    if (value === null || value === undefined) {
      delete next[key];
    } else if (MAP_KEYS.has(key)) {
      const defaults = DEFAULT_SETTINGS[key as 'helpdesks'] as Record<string, unknown>;
      const merged: Record<string, unknown> = { ...(next[key] as object | undefined) };
      for (const [entry, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === null || v === undefined || v === defaults[entry]) delete merged[entry];
        else merged[entry] = v;
      }
      if (Object.keys(merged).length > 0) next[key] = merged;
      else delete next[key];
    } else {
      next[key] = value;
    }
  }
  return next as SettingsOverrides;
}

/** Problems a change would bring: bad values, keys fixed by policy, and new contradictions. */
export function problemsOfChange(current: EffectiveSettings, change: SettingsOverrides, next: SettingsOverrides) {
  const problems: SettingsProblem[] = [...checkOverrides(change, 'user').problems];
  for (const [key, value] of Object.entries(change)) {
    const k = key as keyof Settings;
    const entries = MAP_KEYS.has(key) && value ? Object.keys(value) : [undefined];
    for (const entry of entries) {
      if (isLocked(current, k, entry)) {
        problems.push({
          path: entry ? `${key}.${entry}` : key,
          message: 'is set by your organisation and cannot be changed here',
        });
      }
    }
  }
  if (problems.length > 0) return problems;
  const before = new Set(current.problems.map((p) => `${p.path}|${p.message}`));
  const after = mergeSettings({ user: next, policy: current.policy });
  return after.problems.filter((p) => !before.has(`${p.path}|${p.message}`));
}

/**
 * Stores a change and returns the new effective settings. A value of `null` or `undefined` goes
 * back to the default. Nothing is stored when any part of the change is invalid, locked or
 * contradicts another setting: a `SettingsError` lists why.
 */
export async function updateSettings(change: SettingsOverrides): Promise<EffectiveSettings> {
  const [stored, current] = await Promise.all([settingsItem.getValue(), loadEffectiveSettings()]);
  const next = applyChange(stored, change);
  const problems = problemsOfChange(current, change, next);
  if (problems.length > 0) throw new SettingsError(problems);
  await settingsItem.setValue(next);
  return mergeSettings({ user: next, policy: current.policy });
}

/** Replaces every stored choice at once (import); checked the same way as a change. */
export async function replaceSettings(overrides: SettingsOverrides): Promise<EffectiveSettings> {
  const current = await loadEffectiveSettings();
  const next = applyChange({}, overrides);
  const problems = problemsOfChange(current, overrides, next);
  if (problems.length > 0) throw new SettingsError(problems);
  await settingsItem.setValue(next);
  return mergeSettings({ user: next, policy: current.policy });
}

/**
 * Follows the user's settings and the policy: the policy can change while the browser runs
 * (an admin pushes a new one), and every surface applies it at once.
 */
export function watchEffectiveSettings(onChange: (effective: EffectiveSettings) => void): () => void {
  const reload = () => void loadEffectiveSettings().then(onChange, () => {});
  const unwatch = settingsItem.watch(reload);
  const onStorage = (_changes: unknown, area: string) => {
    if (area === 'managed') reload();
  };
  browser.storage.onChanged.addListener(onStorage);
  return () => {
    unwatch();
    browser.storage.onChanged.removeListener(onStorage);
  };
}

/** Follows the effective settings (policy included). */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return watchEffectiveSettings((e) => onChange(e.settings));
}

import { checkOverrides, findContradictions, SETTING_KEYS } from './check';
import { DEFAULT_SETTINGS } from './defaults';
import type { Settings, SettingsOverrides, SettingsProblem } from './schema';

/**
 * Effective settings: the admin's policy over the user's choices over the defaults. Pure, so
 * the content script, the background, the options page and the tests compute the same thing.
 */

/** Settings whose value is a map: a policy locks only the entries it names. */
const MAP_KEYS = ['helpdesks', 'analysis', 'ruleSeverity', 'targets'] as const;
type MapKey = (typeof MAP_KEYS)[number];
const isMapKey = (key: string): key is MapKey => (MAP_KEYS as readonly string[]).includes(key);

/** The settings to use, which of them the policy fixed, and what could not be applied. */
export interface EffectiveSettings {
  settings: Settings;
  /** The policy's values, checked (invalid keys left out). Empty without a policy. */
  policy: SettingsOverrides;
  /** The user's stored choices, checked. */
  user: SettingsOverrides;
  /** Problems in the policy (prefixed `policy:`) or stored settings, and contradictions. */
  problems: SettingsProblem[];
}

/** Inputs of the merge: raw data as read from storage; each is checked here. */
export interface MergeInput {
  user: unknown;
  policy: unknown;
}

/** Merges policy over user over defaults. Never throws: bad keys become problems and are skipped. */
export function mergeSettings(input: MergeInput): EffectiveSettings {
  const policy = checkOverrides(input.policy, 'policy');
  const user = checkOverrides(input.user, 'user');
  const problems: SettingsProblem[] = [
    ...policy.problems.map((p) => ({ path: `policy:${p.path}`, message: p.message })),
    ...user.problems,
  ];
  const userAllowed = policy.value.allowUserOverrides !== false;
  const u: SettingsOverrides = userAllowed ? user.value : {};
  const p = policy.value;
  const settings = { ...DEFAULT_SETTINGS } as Settings;
  const out = settings as unknown as Record<string, unknown>;
  for (const key of SETTING_KEYS) {
    if (isMapKey(key)) {
      out[key] = { ...DEFAULT_SETTINGS[key], ...(u[key] ?? {}), ...(p[key] ?? {}) };
    } else {
      const value = p[key] ?? u[key] ?? DEFAULT_SETTINGS[key];
      out[key] = Array.isArray(value) ? [...value] : value;
    }
  }
  // A user's stored value cannot re-allow what the policy forbids, nor set this key at all.
  settings.allowUserOverrides = userAllowed;
  problems.push(...findContradictions(settings));
  return { settings, policy: p, user: user.value, problems };
}

/**
 * Whether a setting is fixed by the policy, so the options page shows it disabled with "Set by
 * your organisation". For map settings pass the entry (`isLocked(e, 'helpdesks', 'zendesk')`);
 * without one, a map setting is locked only when the user may change nothing.
 */
export function isLocked(effective: EffectiveSettings, key: keyof Settings, entry?: string): boolean {
  if (key === 'allowUserOverrides' || key === 'ticketIdSecret') return true;
  if (!effective.settings.allowUserOverrides) return true;
  const value = effective.policy[key];
  if (value === undefined || value === null) return false;
  if (isMapKey(key)) return entry !== undefined && (value as Record<string, unknown>)[entry] !== undefined;
  return true;
}

/** Effective settings from stored overrides alone (no policy), as before policies existed. */
export function resolveSettings(overrides: SettingsOverrides | null | undefined): Settings {
  return mergeSettings({ user: overrides ?? {}, policy: {} }).settings;
}

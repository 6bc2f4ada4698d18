import { HELPDESKS, type HelpdeskId } from '../hosts/helpdesks';
import type { Settings, SettingsOverrides } from './schema';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  helpdesks: Object.fromEntries(HELPDESKS.map((h) => [h.id, true])) as Record<HelpdeskId, boolean>,
  sendGuard: 'warn',
  retentionDays: 90,
  privacyMode: 'redacted',
  agentLabel: '',
  pausedSites: [],
});

/**
 * Effective settings: stored overrides over defaults. A missing or `null` override means "the
 * default", so a better default reaches everyone who did not choose otherwise.
 */
export function resolveSettings(overrides: SettingsOverrides | null | undefined): Settings {
  const o = overrides ?? {};
  const pick = <K extends keyof Settings>(key: K): Settings[K] => (o[key] ?? DEFAULT_SETTINGS[key]) as Settings[K];
  return {
    helpdesks: { ...DEFAULT_SETTINGS.helpdesks, ...(o.helpdesks ?? {}) },
    sendGuard: pick('sendGuard'),
    retentionDays: pick('retentionDays'),
    privacyMode: pick('privacyMode'),
    agentLabel: pick('agentLabel'),
    pausedSites: [...pick('pausedSites')],
  };
}

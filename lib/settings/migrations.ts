import { DEFAULT_SETTINGS } from './defaults';
import type { SettingsOverrides } from './schema';

/**
 * Version 1 → 2. The first options page stored the whole `helpdesks` map on every toggle, so a
 * helpdesk added later looked "switched off by the user" to nobody and "on by default" to
 * nothing: keep only the entries that differ from the default, as version 2 does. `null`
 * values (an old way of saying "default") are dropped. Unknown keys are kept for the checker
 * to report rather than silently lost.
 */
export function migrateV1(old: unknown): SettingsOverrides {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return {};
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(old)) {
    if (value === null || value === undefined) continue;
    if (key === 'helpdesks' && typeof value === 'object' && !Array.isArray(value)) {
      const changed = Object.entries(value as Record<string, unknown>).filter(
        ([id, on]) => on !== (DEFAULT_SETTINGS.helpdesks as Record<string, boolean>)[id],
      );
      if (changed.length > 0) next[key] = Object.fromEntries(changed);
    } else next[key] = value;
  }
  return next as SettingsOverrides;
}

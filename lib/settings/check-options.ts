import type { RulePack } from '../engine/packs/types';
import type { CheckOptions } from '../engine/rules/check-reply';
import type { Settings } from './schema';

/** The id of the pack that carries the options page's severity choices. */
export const SETTINGS_PACK_ID = 'settings';

const cache = new WeakMap<Settings, Map<string, CheckOptions>>();

/**
 * What the checker needs from the settings: the admin packs, then the rule table's severity
 * choices as one synthetic pack. It comes last so its severities win over the packs'; a rule a
 * pack switches off stays off (packs can only add to the disabled set). `region` is the
 * helpdesk's country (`regionFromLocale`), for phone numbers written the national way. Memoised
 * per settings object and region, so the engine compiles the packs once per settings change, not
 * per keystroke.
 */
export function checkOptionsFrom(settings: Settings, region?: string): CheckOptions {
  let byRegion = cache.get(settings);
  if (!byRegion) {
    byRegion = new Map();
    cache.set(settings, byRegion);
  }
  const hit = byRegion.get(region ?? '');
  if (hit) return hit;
  const severity = settings.ruleSeverity;
  const packs: RulePack[] = [...settings.rulePacks];
  if (Object.keys(severity).length > 0) packs.push({ id: SETTINGS_PACK_ID, severity: { ...severity } });
  const options: CheckOptions = region ? { packs, region } : { packs };
  byRegion.set(region ?? '', options);
  return options;
}

/**
 * The country of a locale tag such as the page's `lang` or `navigator.language`: `de-AT` → `AT`,
 * and a bare language its most likely country (`fr` → `FR`, `en` → `US`). Undefined when the tag
 * is empty or not a locale.
 */
export function regionFromLocale(locale: string | null | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    const region = new Intl.Locale(locale.trim().replace(/_/g, '-')).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
  } catch {
    return undefined;
  }
}

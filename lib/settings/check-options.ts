import type { RulePack } from '../engine/packs/types';
import type { CheckOptions } from '../engine/rules/check-reply';
import type { Settings } from './schema';

/** The id of the pack that carries the options page's severity choices. */
export const SETTINGS_PACK_ID = 'settings';

const cache = new WeakMap<Settings, CheckOptions>();

/**
 * What the checker needs from the settings: the admin packs, then the rule table's severity
 * choices as one synthetic pack. It comes last so its severities win over the packs'; a rule a
 * pack switches off stays off (packs can only add to the disabled set). Memoised per settings
 * object, so the engine compiles the packs once per settings change, not per keystroke.
 */
export function checkOptionsFrom(settings: Settings): CheckOptions {
  const hit = cache.get(settings);
  if (hit) return hit;
  const severity = settings.ruleSeverity;
  const packs: RulePack[] = [...settings.rulePacks];
  if (Object.keys(severity).length > 0) packs.push({ id: SETTINGS_PACK_ID, severity: { ...severity } });
  const options: CheckOptions = { packs };
  cache.set(settings, options);
  return options;
}

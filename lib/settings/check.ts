import { checkPack } from '../engine/packs/check-pack';
import { PACK_LIMITS } from '../engine/packs/limits';
import type { RulePack } from '../engine/packs/types';
import { rulesById } from '../engine/rules/registry';
import { HELPDESKS, type HelpdeskId } from '../hosts/helpdesks';
import { CUSTOM_ADAPTERS, GENERIC_SELECTOR_FIELDS, isHelpdeskPattern } from './custom-helpdesks';
import type { CustomHelpdesk, GenericSelectors, Settings, SettingsOverrides, SettingsProblem } from './schema';
import { figureOfTargetKey, RULE_TARGET_PREFIX, TARGET_BOUNDS, type Target } from './targets';

/**
 * Checks settings data from storage, a policy or an imported file, key by key, without zod:
 * the content script reads settings too and must stay small. A bad key is reported with its
 * path and a message saying what to do, and left out; the others still apply. Rule packs are
 * checked completely here (`checkPack`), except for their examples, which
 * `validateSettingsOverrides` (./validate.ts) runs where packs are written (options page, import).
 */

/** Who wrote the data: a person (storage, import) or the admin's policy. */
export type SettingsSource = 'user' | 'policy';

export interface CheckedOverrides {
  value: SettingsOverrides;
  problems: SettingsProblem[];
}

/** Retention bounds: a day at least (the purge runs daily), ten years at most. */
export const RETENTION_DAYS = { min: 1, max: 3650 } as const;
/** Agent labels end up in CSV exports; keep them short. */
export const AGENT_LABEL_MAX = 64;
/**
 * An age public key: `age1` and the Bech32 encoding of an X25519 key (58 characters), or a
 * post-quantum hybrid (`age1pq1…`) or tag recipient. Checked here, without the age library, so
 * the content script (which reads settings) stays small.
 */
export const AGE_RECIPIENT = /^age1(?:pq1|tag1|tagpq1)?[02-9ac-hj-np-z]{50,2500}$/;
/** Team keys an export may be encrypted to. */
export const HANDOVER_RECIPIENTS_MAX = 20;
export const HANDOVER_HINT_MAX = 300;
const SCHEDULES = ['off', 'daily', 'weekly'] as const;
/** An organisation's ticket secret: long enough that it cannot be guessed along with the ticket ids. */
export const TICKET_SECRET_CHARS = { min: 24, max: 512 } as const;

const SEND_GUARD = ['off', 'warn', 'block'] as const;
const PRIVACY = ['full', 'redacted', 'none'] as const;
const SEVERITY = ['info', 'warning', 'critical', 'off'] as const;
const HELPDESK_IDS: ReadonlySet<string> = new Set(HELPDESKS.map((h) => h.id));
const ADAPTER_IDS: ReadonlySet<string> = new Set(CUSTOM_ADAPTERS.map((a) => a.id));
const PACK_RULE_ID = /^pack:([a-z0-9-]+)\/([a-z0-9-]+)$/;
const HOST = /^[a-z0-9.-]+$/i;

/** Every key a settings object may hold, in the order the options page and exports use. */
export const SETTING_KEYS = [
  'helpdesks',
  'analysis',
  'sendGuard',
  'retentionDays',
  'privacyMode',
  'agentLabel',
  'pausedSites',
  'ruleSeverity',
  'rulePacks',
  'customHelpdesks',
  'handoverSchedule',
  'handoverRecipients',
  'handoverFolderHint',
  'targets',
  'reviewShare',
  'allowUserOverrides',
  'ticketIdSecret',
] as const satisfies readonly (keyof Settings)[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

function checkSwitches(key: 'helpdesks' | 'analysis', v: unknown, problems: SettingsProblem[]) {
  if (!isRecord(v)) {
    problems.push({
      path: key,
      message: 'must be an object of helpdesk ids to true or false, such as {"zendesk": false}',
    });
    return undefined;
  }
  const out: Partial<Record<HelpdeskId, boolean>> = {};
  for (const [id, on] of Object.entries(v)) {
    if (!HELPDESK_IDS.has(id))
      problems.push({ path: `${key}.${id}`, message: `unknown helpdesk; use one of ${oneOf([...HELPDESK_IDS])}` });
    else if (on === null) continue;
    else if (typeof on !== 'boolean') problems.push({ path: `${key}.${id}`, message: 'must be true or false' });
    else out[id as HelpdeskId] = on;
  }
  return out;
}

function checkSelectors(v: unknown, path: string, problems: SettingsProblem[]): GenericSelectors | undefined {
  if (!isRecord(v)) {
    problems.push({
      path,
      message: `the generic adapter needs selectors: ${GENERIC_SELECTOR_FIELDS.filter((f) => f.required)
        .map((f) => f.key)
        .join(', ')}`,
    });
    return undefined;
  }
  const known = new Set<string>(GENERIC_SELECTOR_FIELDS.map((f) => f.key));
  let ok = true;
  for (const key of Object.keys(v)) {
    if (!known.has(key)) {
      problems.push({ path: `${path}.${key}`, message: `unknown selector; use ${[...known].join(', ')}` });
      ok = false;
    }
  }
  for (const field of GENERIC_SELECTOR_FIELDS) {
    const s = v[field.key];
    if (s === undefined && !field.required) continue;
    if (typeof s !== 'string' || !s.trim()) {
      problems.push({
        path: `${path}.${field.key}`,
        message: `give a CSS selector for the ${field.label.toLowerCase()}`,
      });
      ok = false;
    } else if (s.length > 500) {
      problems.push({ path: `${path}.${field.key}`, message: 'selector too long (500 characters at most)' });
      ok = false;
    }
  }
  return ok ? (v as unknown as GenericSelectors) : undefined;
}

function checkCustomHelpdesks(v: unknown, problems: SettingsProblem[]): CustomHelpdesk[] | undefined {
  if (!Array.isArray(v)) {
    problems.push({ path: 'customHelpdesks', message: 'must be a list of {"pattern", "adapter"} entries' });
    return undefined;
  }
  const out: CustomHelpdesk[] = [];
  const seen = new Set<string>();
  v.forEach((entry: unknown, i) => {
    const path = `customHelpdesks[${i}]`;
    if (!isRecord(entry)) {
      problems.push({ path, message: 'must be an object with "pattern" and "adapter"' });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (key !== 'pattern' && key !== 'adapter' && key !== 'selectors') {
        problems.push({
          path: `${path}.${key}`,
          message: 'unknown key; use pattern, adapter and (for generic) selectors',
        });
      }
    }
    const { pattern, adapter, selectors } = entry;
    if (typeof pattern !== 'string' || !isHelpdeskPattern(pattern)) {
      problems.push({
        path: `${path}.pattern`,
        message:
          'must be a match pattern for one host, such as "https://help.example.com/*", "https://*.example.com/*" or "http://intranet.example.local/*" (no port: a pattern covers every port of its host)',
      });
      return;
    }
    if (seen.has(pattern)) {
      problems.push({ path: `${path}.pattern`, message: `"${pattern}" is listed twice; keep one entry per domain` });
      return;
    }
    seen.add(pattern);
    if (typeof adapter !== 'string' || !ADAPTER_IDS.has(adapter)) {
      problems.push({ path: `${path}.adapter`, message: `must be one of ${oneOf([...ADAPTER_IDS])}` });
      return;
    }
    if (adapter === 'generic') {
      const checked = checkSelectors(selectors, `${path}.selectors`, problems);
      if (checked) out.push({ pattern, adapter, selectors: checked });
    } else if (selectors !== undefined) {
      problems.push({
        path: `${path}.selectors`,
        message: `only the generic adapter takes selectors; remove them or set "adapter": "generic" (the ${adapter} adapter knows its own)`,
      });
    } else out.push({ pattern, adapter: adapter as CustomHelpdesk['adapter'] });
  });
  return out;
}

/**
 * Rule packs from storage or the policy, each checked completely (`checkPack`: shape, limits,
 * unique ids, known rule ids) but without running its examples, which `validatePack` does where
 * packs are written. A bad pack is left out with one problem per fault, naming the pack and the
 * entry; the other packs and every built-in rule keep running (issue 14: one broken policy pack
 * used to pause ReplyGuard on every helpdesk tab).
 */
function checkPacks(v: unknown, problems: SettingsProblem[]): RulePack[] | undefined {
  if (!Array.isArray(v)) {
    problems.push({ path: 'rulePacks', message: 'must be a list of rule packs' });
    return undefined;
  }
  if (v.length > PACK_LIMITS.packs) {
    problems.push({
      path: 'rulePacks',
      message: `${v.length} rule packs; at most ${PACK_LIMITS.packs} apply at once, so none of them does`,
    });
    return undefined;
  }
  const out: RulePack[] = [];
  const ids = new Set<string>();
  v.forEach((pack: unknown, i) => {
    const path = `rulePacks[${i}]`;
    const checked = checkPack(pack);
    if (!checked.ok) {
      const id = (pack as { id?: unknown } | null)?.id;
      const name = typeof id === 'string' && id.length <= 60 ? `the pack "${id}"` : 'this pack';
      for (const e of checked.errors) {
        problems.push({
          path: e.path === '(pack)' ? path : `${path}.${e.path}`,
          message: `${e.message}; ${name} is not applied`,
        });
      }
      return;
    }
    if (ids.has(checked.pack.id)) {
      problems.push({
        path: `${path}.id`,
        message: `two packs have the id "${checked.pack.id}"; rename one or remove the copy`,
      });
      return;
    }
    ids.add(checked.pack.id);
    out.push(checked.pack);
  });
  return out;
}

function checkSeverity(v: unknown, problems: SettingsProblem[]): Record<string, (typeof SEVERITY)[number]> | undefined {
  if (!isRecord(v)) {
    problems.push({
      path: 'ruleSeverity',
      message: 'must be an object of rule ids to severities, such as {"pii-email": "critical"}',
    });
    return undefined;
  }
  const out: Record<string, (typeof SEVERITY)[number]> = {};
  for (const [id, level] of Object.entries(v)) {
    if (level === null) continue;
    if (!rulesById.has(id) && !PACK_RULE_ID.test(id)) {
      problems.push({
        path: `ruleSeverity.${id}`,
        message: 'unknown rule id; see the rule table in the options page for ids',
      });
    } else if (typeof level !== 'string' || !(SEVERITY as readonly string[]).includes(level)) {
      problems.push({ path: `ruleSeverity.${id}`, message: `must be one of ${oneOf(SEVERITY)}` });
    } else out[id] = level as (typeof SEVERITY)[number];
  }
  return out;
}

function checkHosts(v: unknown, problems: SettingsProblem[]): string[] | undefined {
  if (!Array.isArray(v)) {
    problems.push({ path: 'pausedSites', message: 'must be a list of host names' });
    return undefined;
  }
  const out: string[] = [];
  v.forEach((host: unknown, i) => {
    if (typeof host !== 'string' || !HOST.test(host)) {
      problems.push({ path: `pausedSites[${i}]`, message: 'must be a host name such as acme.zendesk.com' });
    } else if (!out.includes(host.toLowerCase())) out.push(host.toLowerCase());
  });
  return out;
}

function checkRecipients(v: unknown, problems: SettingsProblem[]): string[] | undefined {
  if (!Array.isArray(v) || v.length > HANDOVER_RECIPIENTS_MAX) {
    problems.push({
      path: 'handoverRecipients',
      message: `must be a list of at most ${HANDOVER_RECIPIENTS_MAX} age public keys, such as ["age1…"]`,
    });
    return undefined;
  }
  const out: string[] = [];
  let ok = true;
  v.forEach((r: unknown, i) => {
    if (typeof r === 'string' && AGE_RECIPIENT.test(r.trim())) {
      if (!out.includes(r.trim())) out.push(r.trim());
    } else {
      ok = false;
      problems.push({
        path: `handoverRecipients[${i}]`,
        message: 'must be an age public key (age1…, as age-keygen prints it, or as the dashboard shows a team key)',
      });
    }
  });
  // A list with a bad key is dropped whole: encrypting to fewer keys than the admin meant is worse than saying so.
  return ok ? out : undefined;
}

/** Checks one target's bounds: numbers within the figure's range, `min` not above `max`. */
function checkTarget(key: string, v: unknown, problems: SettingsProblem[]): Target | undefined {
  const figure = figureOfTargetKey(key);
  if (!figure) {
    problems.push({
      path: `targets.${key}`,
      message: `unknown figure; use ${oneOf(Object.keys(TARGET_BOUNDS))} or "${RULE_TARGET_PREFIX}<rule id>"`,
    });
    return undefined;
  }
  const info = TARGET_BOUNDS[figure];
  if (key !== figure) {
    const rule = key.slice(RULE_TARGET_PREFIX.length);
    if (!rulesById.has(rule) && !PACK_RULE_ID.test(rule)) {
      problems.push({
        path: `targets.${key}`,
        message: 'unknown rule id; see the rule table in the options page for ids',
      });
      return undefined;
    }
  }
  const range = info.unit === 'share' ? 'a share from 0 to 1, such as 0.35' : `milliseconds from 0 to ${info.upTo}`;
  if (!isRecord(v) || Object.keys(v).some((k) => k !== 'min' && k !== 'max')) {
    problems.push({ path: `targets.${key}`, message: `must be {"min": …, "max": …} (either or both), each ${range}` });
    return undefined;
  }
  const out: Target = {};
  for (const bound of ['min', 'max'] as const) {
    const b = v[bound];
    if (b === undefined || b === null) continue;
    if (typeof b !== 'number' || !Number.isFinite(b) || b < 0 || b > info.upTo) {
      problems.push({ path: `targets.${key}.${bound}`, message: `must be ${range}` });
      return undefined;
    }
    out[bound] = b;
  }
  if (out.min === undefined && out.max === undefined) {
    problems.push({ path: `targets.${key}`, message: 'give "min", "max" or both (null removes the target)' });
    return undefined;
  }
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) {
    problems.push({ path: `targets.${key}`, message: '"min" is above "max": swap them' });
    return undefined;
  }
  return out;
}

function checkTargets(v: unknown, problems: SettingsProblem[]): Record<string, Target> | undefined {
  if (!isRecord(v)) {
    problems.push({
      path: 'targets',
      message: 'must be an object of figures to targets, such as {"overrideRate": {"max": 0.35}}',
    });
    return undefined;
  }
  const out: Record<string, Target> = {};
  for (const [key, target] of Object.entries(v)) {
    if (target === null) continue;
    const checked = checkTarget(key, target, problems);
    if (checked) out[key] = checked;
  }
  return out;
}

/**
 * Checks a settings object key by key. Unknown keys are reported (a typo in a policy must not
 * pass silently); `allowUserOverrides` is accepted only from the policy.
 */
export function checkOverrides(input: unknown, source: SettingsSource): CheckedOverrides {
  const problems: SettingsProblem[] = [];
  const value: SettingsOverrides = {};
  if (input === undefined || input === null) return { value, problems };
  if (!isRecord(input)) return { value, problems: [{ path: '(settings)', message: 'must be an object of settings' }] };
  const known = new Set<string>(SETTING_KEYS);
  for (const [key, v] of Object.entries(input)) {
    if (!known.has(key)) {
      problems.push({ path: key, message: `unknown setting; the settings are ${SETTING_KEYS.join(', ')}` });
      continue;
    }
    if (v === null || v === undefined) continue;
    switch (key as (typeof SETTING_KEYS)[number]) {
      case 'helpdesks':
      case 'analysis': {
        const k = key as 'helpdesks' | 'analysis';
        const out = checkSwitches(k, v, problems);
        if (out) value[k] = out;
        break;
      }
      case 'sendGuard':
        if (typeof v === 'string' && (SEND_GUARD as readonly string[]).includes(v))
          value.sendGuard = v as Settings['sendGuard'];
        else problems.push({ path: key, message: `must be one of ${oneOf(SEND_GUARD)}` });
        break;
      case 'privacyMode':
        if (typeof v === 'string' && (PRIVACY as readonly string[]).includes(v))
          value.privacyMode = v as Settings['privacyMode'];
        else problems.push({ path: key, message: `must be one of ${oneOf(PRIVACY)}` });
        break;
      case 'retentionDays':
        if (Number.isInteger(v) && (v as number) >= RETENTION_DAYS.min && (v as number) <= RETENTION_DAYS.max) {
          value.retentionDays = v as number;
        } else {
          problems.push({
            path: key,
            message: `must be a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}`,
          });
        }
        break;
      case 'agentLabel':
        if (typeof v === 'string' && v.length <= AGENT_LABEL_MAX) value.agentLabel = v;
        else problems.push({ path: key, message: `must be text of at most ${AGENT_LABEL_MAX} characters` });
        break;
      case 'pausedSites': {
        const out = checkHosts(v, problems);
        if (out) value.pausedSites = out;
        break;
      }
      case 'ruleSeverity': {
        const out = checkSeverity(v, problems);
        if (out) value.ruleSeverity = out;
        break;
      }
      case 'rulePacks': {
        const out = checkPacks(v, problems);
        if (out) value.rulePacks = out;
        break;
      }
      case 'customHelpdesks': {
        const out = checkCustomHelpdesks(v, problems);
        if (out) value.customHelpdesks = out;
        break;
      }
      case 'handoverSchedule':
        if (typeof v === 'string' && (SCHEDULES as readonly string[]).includes(v))
          value.handoverSchedule = v as Settings['handoverSchedule'];
        else problems.push({ path: key, message: `must be one of ${oneOf(SCHEDULES)}` });
        break;
      case 'handoverRecipients': {
        const out = checkRecipients(v, problems);
        if (out) value.handoverRecipients = out;
        break;
      }
      case 'handoverFolderHint':
        if (typeof v === 'string' && v.length <= HANDOVER_HINT_MAX) value.handoverFolderHint = v;
        else problems.push({ path: key, message: `must be text of at most ${HANDOVER_HINT_MAX} characters` });
        break;
      case 'targets': {
        const out = checkTargets(v, problems);
        if (out) value.targets = out;
        break;
      }
      case 'reviewShare':
        if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1) value.reviewShare = v;
        else problems.push({ path: key, message: 'must be a share from 0 (no review sampling) to 1, such as 0.05' });
        break;
      case 'ticketIdSecret':
        if (source === 'user') {
          problems.push({
            path: key,
            message: 'can only be set by your organisation’s policy; remove it from the file',
          });
        } else if (
          typeof v === 'string' &&
          v.trim().length >= TICKET_SECRET_CHARS.min &&
          v.length <= TICKET_SECRET_CHARS.max
        ) {
          value.ticketIdSecret = v;
        } else {
          problems.push({
            path: key,
            message: `must be a random text of ${TICKET_SECRET_CHARS.min} to ${TICKET_SECRET_CHARS.max} characters; ticket ids are hashed with this browser's own key until it is fixed`,
          });
        }
        break;
      case 'allowUserOverrides':
        if (source === 'user') {
          problems.push({
            path: key,
            message: 'can only be set by your organisation’s policy; remove it from the file',
          });
        } else if (typeof v === 'boolean') value.allowUserOverrides = v;
        else problems.push({ path: key, message: 'must be true or false' });
        break;
    }
  }
  return { value, problems };
}

/**
 * Settings that are valid one by one but cannot all hold, each with what to change. Run on the
 * effective settings, so a contradiction between the policy and a user's choice shows too.
 */
export function findContradictions(settings: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  settings.customHelpdesks.forEach((c, i) => {
    if (settings.helpdesks[c.adapter] === false) {
      const name = CUSTOM_ADAPTERS.find((a) => a.id === c.adapter)?.name ?? c.adapter;
      problems.push({
        path: `customHelpdesks[${i}]`,
        message: `${c.pattern} uses the ${name} adapter, but ${name} is switched off under Helpdesks: switch it on or remove the domain`,
      });
    }
  });
  const packs = new Map(settings.rulePacks.map((p) => [p.id, p]));
  for (const id of Object.keys(settings.ruleSeverity)) {
    const m = PACK_RULE_ID.exec(id);
    if (!m) continue;
    const pack = packs.get(m[1] as string);
    const entries = [...(pack?.phrases ?? []), ...(pack?.competitors ?? [])].map((e) => e.id);
    if (!pack || !entries.includes(m[2] as string)) {
      problems.push({
        path: `ruleSeverity.${id}`,
        message: `no installed rule pack has the rule "${id}": add the pack or remove the severity`,
      });
    }
  }
  return problems;
}

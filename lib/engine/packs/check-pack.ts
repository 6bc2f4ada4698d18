import { formatMessage } from '../rules/define-rule';
import { rulesById } from '../rules/registry';
import { formatCount, PACK_LIMITS } from './limits';
import type { RulePack } from './types';

/**
 * Everything a rule pack must be before the engine may apply it, checked by hand in one pass:
 * its shape (what `./schema.ts` says, which a test holds this to), the limits (`./limits.ts`),
 * and the cross checks (unique entry ids, known rule ids). No zod: settings read packs from
 * storage and from the admin's policy in every surface, the content script included, and a
 * pack that breaks the engine there switched ReplyGuard off on every helpdesk tab (issue 14).
 * Linear in the size of the pack. `validatePack` (./validate.ts) adds zod's messages and runs
 * the entries' examples where packs are written.
 */

/** One problem, with the path of the entry it concerns ("phrases[2].examples.flag[0]"). */
export interface PackError {
  path: string;
  message: string;
}

/** The checker's messages, as data with ids. */
export const CHECK_MESSAGES = {
  notObject: 'must be an object',
  notList: 'must be a list',
  notText: 'must be text',
  unknownKey: 'unknown key; {{where}} holds {{keys}}',
  id: 'must be kebab-case (lower-case letters, digits and dashes), at most 60 characters',
  tooLong: 'is {{length}} characters long; at most {{max}}',
  emptyText: 'must not be empty',
  blankPhrase: 'must hold a word, not only spaces',
  tooMany: 'lists {{count}}; at most {{max}}',
  tooFew: 'must list at least one',
  entries: 'a pack holds at most {{max}} entries (phrases and competitors together); this one has {{count}}',
  phrases: 'a pack holds at most {{max}} phrases and competitor names in all; this one has {{count}}',
  packSize: 'the pack is {{length}} characters as JSON; at most {{max}}',
  notJsonData: 'is not plain data (it cannot be written as JSON)',
  kind: 'must be one of banned, substitution, required',
  severity: 'must be one of info, warning, critical',
  ruleSeverity: 'must be one of info, warning, critical, off',
  category: 'must be custom or compliance',
  host: 'must be a host name such as example.com (no scheme or path)',
  duplicateId: 'duplicate entry id "{{id}}"',
  unknownRule: 'unknown rule id "{{id}}"',
} as const;

type MessageId = keyof typeof CHECK_MESSAGES;

const PACK_KEYS = [
  'id',
  'name',
  'description',
  'phrases',
  'competitors',
  'linkAllowlist',
  'knownFacts',
  'severity',
  'disabled',
];
const ENTRY_KEYS: Record<string, readonly string[]> = {
  banned: ['kind', 'id', 'phrases', 'severity', 'note', 'source', 'examples', 'message', 'category'],
  substitution: ['kind', 'id', 'phrases', 'severity', 'note', 'source', 'examples', 'replacement', 'message'],
  required: ['kind', 'id', 'phrases', 'severity', 'note', 'source', 'examples', 'message'],
};
const COMPETITOR_KEYS = ['id', 'names', 'message', 'severity', 'note', 'examples'];
const EXAMPLE_KEYS = ['flag', 'pass'];
const ID = /^[a-z0-9][a-z0-9-]*$/;
const HOST = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
const SEVERITIES = new Set(['info', 'warning', 'critical']);
const RULE_SEVERITIES = new Set(['info', 'warning', 'critical', 'off']);
const OTHER_PACK_RULE = /^pack:[a-z0-9-]+\/[a-z0-9-]+$/;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The result: the pack when there is no problem, else every problem found. */
export type PackCheck = { ok: true; pack: RulePack } | { ok: false; errors: PackError[] };

/** Checks parsed pack data completely (shape, limits, cross checks), without running its examples. */
export function checkPack(input: unknown): PackCheck {
  const errors: PackError[] = [];
  const add = (path: string, id: MessageId, data: Record<string, string | number> = {}) => {
    const text = Object.fromEntries(
      Object.entries(data).map(([k, v]) => [k, typeof v === 'number' ? formatCount(v) : v]),
    );
    errors.push({ path, message: formatMessage(CHECK_MESSAGES[id], text) });
  };

  if (!isObject(input)) {
    add('(pack)', 'notObject');
    return { ok: false, errors };
  }
  // The size first: it bounds everything below, and a 20,000-entry pack is refused in one step.
  let json: string;
  try {
    json = JSON.stringify(input);
  } catch {
    add('(pack)', 'notJsonData');
    return { ok: false, errors };
  }
  if (json.length > PACK_LIMITS.packChars)
    add('(pack)', 'packSize', { length: json.length, max: PACK_LIMITS.packChars });
  const phraseList = Array.isArray(input.phrases) ? input.phrases : [];
  const competitorList = Array.isArray(input.competitors) ? input.competitors : [];
  const entryCount = phraseList.length + competitorList.length;
  if (entryCount > PACK_LIMITS.entries) {
    add(phraseList.length ? 'phrases' : 'competitors', 'entries', { count: entryCount, max: PACK_LIMITS.entries });
  }
  if (errors.length) return { ok: false, errors };

  const keysOnly = (v: Obj, allowed: readonly string[], path: string, where: string) => {
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key)) add(path ? `${path}.${key}` : key, 'unknownKey', { where, keys: allowed.join(', ') });
    }
  };
  const text = (v: unknown, path: string, max: number = PACK_LIMITS.textChars, required = false): void => {
    if (v === undefined && !required) return;
    if (typeof v !== 'string') add(path, 'notText');
    else if (required && v.length === 0) add(path, 'emptyText');
    else if (v.length > max) add(path, 'tooLong', { length: v.length, max });
  };
  const severity = (v: unknown, path: string) => {
    if (v !== undefined && !SEVERITIES.has(v as string)) add(path, 'severity');
  };
  let phraseTotal = 0;
  const phrases = (v: unknown, path: string) => {
    if (!Array.isArray(v)) return add(path, 'notList');
    if (v.length === 0) return add(path, 'tooFew');
    if (v.length > PACK_LIMITS.phrasesPerEntry)
      return add(path, 'tooMany', { count: v.length, max: PACK_LIMITS.phrasesPerEntry });
    phraseTotal += v.length;
    for (const [i, p] of v.entries()) {
      const at = `${path}[${i}]`;
      if (typeof p !== 'string') {
        add(at, 'notText');
        continue;
      }
      const trimmed = p.trim();
      if (trimmed.length === 0) add(at, p.length ? 'blankPhrase' : 'emptyText');
      else if (trimmed.length > PACK_LIMITS.phraseChars)
        add(at, 'tooLong', { length: trimmed.length, max: PACK_LIMITS.phraseChars });
    }
  };
  const examples = (v: unknown, path: string, required: boolean) => {
    if (v === undefined && !required) return;
    if (!isObject(v)) return add(path, 'notObject');
    keysOnly(v, EXAMPLE_KEYS, path, 'examples');
    for (const list of EXAMPLE_KEYS) {
      const texts = v[list];
      const at = `${path}.${list}`;
      if (!Array.isArray(texts)) add(at, 'notList');
      else if (texts.length === 0) add(at, 'tooFew');
      else if (texts.length > PACK_LIMITS.examplesPerList)
        add(at, 'tooMany', { count: texts.length, max: PACK_LIMITS.examplesPerList });
      else for (const [i, t] of texts.entries()) text(t, `${at}[${i}]`, PACK_LIMITS.exampleChars, true);
    }
  };
  const entryId = (v: unknown, path: string) => {
    if (typeof v !== 'string' || !ID.test(v) || v.length > 60) add(path, 'id');
  };

  keysOnly(input, PACK_KEYS, '', 'a pack');
  entryId(input.id, 'id');
  text(input.name, 'name');
  text(input.description, 'description');

  if (input.phrases !== undefined && !Array.isArray(input.phrases)) add('phrases', 'notList');
  for (const [i, e] of phraseList.entries()) {
    const path = `phrases[${i}]`;
    const keys = isObject(e) && typeof e.kind === 'string' ? ENTRY_KEYS[e.kind] : undefined;
    if (!isObject(e)) add(path, 'notObject');
    else if (!keys) add(`${path}.kind`, 'kind');
    else {
      keysOnly(e, keys, path, `a ${e.kind} entry`);
      entryId(e.id, `${path}.id`);
      phrases(e.phrases, `${path}.phrases`);
      severity(e.severity, `${path}.severity`);
      text(e.note, `${path}.note`);
      text(e.source, `${path}.source`);
      examples(e.examples, `${path}.examples`, true);
      if (e.kind === 'substitution') {
        text(e.replacement, `${path}.replacement`, PACK_LIMITS.textChars, true);
        text(e.message, `${path}.message`, PACK_LIMITS.textChars);
      } else text(e.message, `${path}.message`, PACK_LIMITS.textChars, true);
      if (e.category !== undefined && e.category !== 'custom' && e.category !== 'compliance') {
        add(`${path}.category`, 'category');
      }
    }
  }

  if (input.competitors !== undefined && !Array.isArray(input.competitors)) add('competitors', 'notList');
  for (const [i, e] of competitorList.entries()) {
    const path = `competitors[${i}]`;
    if (!isObject(e)) add(path, 'notObject');
    else {
      keysOnly(e, COMPETITOR_KEYS, path, 'a competitor entry');
      entryId(e.id, `${path}.id`);
      phrases(e.names, `${path}.names`);
      text(e.message, `${path}.message`);
      severity(e.severity, `${path}.severity`);
      text(e.note, `${path}.note`);
      examples(e.examples, `${path}.examples`, false);
    }
  }
  if (phraseTotal > PACK_LIMITS.phrases) add('phrases', 'phrases', { count: phraseTotal, max: PACK_LIMITS.phrases });

  if (input.linkAllowlist !== undefined) {
    const hosts = input.linkAllowlist;
    if (!Array.isArray(hosts)) add('linkAllowlist', 'notList');
    else if (hosts.length > PACK_LIMITS.hosts)
      add('linkAllowlist', 'tooMany', { count: hosts.length, max: PACK_LIMITS.hosts });
    else
      hosts.forEach((h: unknown, i) => {
        if (typeof h !== 'string' || h.length > 253 || !HOST.test(h)) add(`linkAllowlist[${i}]`, 'host');
      });
  }
  if (input.knownFacts !== undefined) {
    const facts = input.knownFacts;
    if (!Array.isArray(facts)) add('knownFacts', 'notList');
    else if (facts.length > PACK_LIMITS.facts)
      add('knownFacts', 'tooMany', { count: facts.length, max: PACK_LIMITS.facts });
    else
      facts.forEach((f: unknown, i) => {
        if (typeof f !== 'string') add(`knownFacts[${i}]`, 'notText');
        else if (!f.trim()) add(`knownFacts[${i}]`, 'emptyText');
        else if (f.length > PACK_LIMITS.factChars)
          add(`knownFacts[${i}]`, 'tooLong', { length: f.length, max: PACK_LIMITS.factChars });
      });
  }
  if (input.severity !== undefined) {
    const levels = input.severity;
    if (!isObject(levels)) add('severity', 'notObject');
    else {
      const ids = Object.keys(levels);
      if (ids.length > PACK_LIMITS.ruleRefs)
        add('severity', 'tooMany', { count: ids.length, max: PACK_LIMITS.ruleRefs });
      else for (const id of ids) if (!RULE_SEVERITIES.has(levels[id] as string)) add(`severity.${id}`, 'ruleSeverity');
    }
  }
  if (input.disabled !== undefined) {
    const ids = input.disabled;
    if (!Array.isArray(ids)) add('disabled', 'notList');
    else if (ids.length > PACK_LIMITS.ruleRefs)
      add('disabled', 'tooMany', { count: ids.length, max: PACK_LIMITS.ruleRefs });
    else for (const [i, id] of ids.entries()) if (typeof id !== 'string') add(`disabled[${i}]`, 'notText');
  }
  if (errors.length) return { ok: false, errors };
  const pack = input as unknown as RulePack;
  const cross = crossChecks(pack);
  return cross.length ? { ok: false, errors: cross } : { ok: true, pack };
}

/** Unique entry ids, and rule ids in `severity` and `disabled` that exist. For a pack of the right shape. */
export function crossChecks(pack: RulePack): PackError[] {
  const errors: PackError[] = [];
  const own = new Set<string>();
  const entries: [string, { id: string }][] = [
    ...(pack.phrases ?? []).map((e, i) => [`phrases[${i}]`, e] as [string, { id: string }]),
    ...(pack.competitors ?? []).map((e, i) => [`competitors[${i}]`, e] as [string, { id: string }]),
  ];
  for (const [path, entry] of entries) {
    if (own.has(entry.id)) {
      errors.push({ path: `${path}.id`, message: formatMessage(CHECK_MESSAGES.duplicateId, { id: entry.id }) });
    }
    own.add(entry.id);
  }
  const known = (ruleId: string): boolean => {
    if (rulesById.has(ruleId)) return true;
    const prefix = `pack:${pack.id}/`;
    if (ruleId.startsWith(prefix)) return own.has(ruleId.slice(prefix.length));
    return OTHER_PACK_RULE.test(ruleId);
  };
  for (const ruleId of Object.keys(pack.severity ?? {})) {
    if (!known(ruleId))
      errors.push({ path: `severity.${ruleId}`, message: formatMessage(CHECK_MESSAGES.unknownRule, { id: ruleId }) });
  }
  (pack.disabled ?? []).forEach((ruleId, i) => {
    if (!known(ruleId))
      errors.push({ path: `disabled[${i}]`, message: formatMessage(CHECK_MESSAGES.unknownRule, { id: ruleId }) });
  });
  return errors;
}

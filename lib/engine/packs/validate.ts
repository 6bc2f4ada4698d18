import { parseDocument } from 'yaml';
import type * as z from 'zod/mini';
import { checkReply } from '../rules/check-reply';
import { formatMessage } from '../rules/define-rule';
import { rulesById } from '../rules/registry';
import { packSchema } from './schema';
import type { PackExamples, RulePack } from './types';

/**
 * Validates a rule pack before anything of it is applied: the schema, then cross-field checks
 * (unique entry ids, known rule ids in overrides), then every entry's own examples run through
 * the real checker. Any error rejects the whole pack. Runs where packs are loaded (options page,
 * CLI, tests), never in the content script.
 */

/** One problem, with the path of the entry it concerns ("phrases[2].examples.flag[0]"). */
export interface PackError {
  path: string;
  message: string;
}

/** Validation messages beyond the schema's own, as data with ids. */
export const PACK_ERRORS = {
  duplicateId: 'duplicate entry id "{{id}}"',
  unknownRule: 'unknown rule id "{{id}}"',
  flagMissed: 'does not fire on "{{text}}"',
  passFired: 'fires on "{{text}}"',
  nameUnmatched: '"{{name}}" does not match itself in a sentence',
  notJson: 'not valid JSON: {{reason}}',
  notYaml: 'not valid YAML: {{reason}}',
} as const;

const problem = (id: keyof typeof PACK_ERRORS, data: Record<string, string>): string =>
  formatMessage(PACK_ERRORS[id], data);

export type PackValidation = { ok: true; pack: RulePack } | { ok: false; errors: PackError[] };

// Compile-time check that the schema and the hand-written types agree.
const asRulePack = (pack: z.infer<typeof packSchema>): RulePack => pack;

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(pack)';
}

function crossChecks(pack: RulePack): PackError[] {
  const errors: PackError[] = [];
  const own = new Set<string>();
  const entries: [string, { id: string }][] = [
    ...(pack.phrases ?? []).map((e, i) => [`phrases[${i}]`, e] as [string, { id: string }]),
    ...(pack.competitors ?? []).map((e, i) => [`competitors[${i}]`, e] as [string, { id: string }]),
  ];
  for (const [path, entry] of entries) {
    if (own.has(entry.id)) errors.push({ path: `${path}.id`, message: problem('duplicateId', { id: entry.id }) });
    own.add(entry.id);
  }
  const known = (ruleId: string): boolean => {
    if (rulesById.has(ruleId)) return true;
    const prefix = `pack:${pack.id}/`;
    if (ruleId.startsWith(prefix)) return own.has(ruleId.slice(prefix.length));
    return /^pack:[a-z0-9-]+\/[a-z0-9-]+$/.test(ruleId);
  };
  for (const ruleId of Object.keys(pack.severity ?? {})) {
    if (!known(ruleId)) errors.push({ path: `severity.${ruleId}`, message: problem('unknownRule', { id: ruleId }) });
  }
  (pack.disabled ?? []).forEach((ruleId, i) => {
    if (!known(ruleId)) errors.push({ path: `disabled[${i}]`, message: problem('unknownRule', { id: ruleId }) });
  });
  return errors;
}

function fires(pack: RulePack, ruleId: string, text: string): boolean {
  const findings = checkReply({ reply: text, customer: null, customerMessages: [], agent: [] }, { packs: [pack] });
  return findings.some((f) => f.rule === ruleId);
}

function exampleChecks(pack: RulePack): PackError[] {
  const errors: PackError[] = [];
  // Run examples with the entry itself enabled, whatever the pack's own overrides say.
  const probe: RulePack = { ...pack, severity: undefined, disabled: undefined };
  const run = (path: string, entryId: string, examples: PackExamples | undefined): void => {
    const ruleId = `pack:${pack.id}/${entryId}`;
    examples?.flag.forEach((text, i) => {
      if (!fires(probe, ruleId, text))
        errors.push({ path: `${path}.examples.flag[${i}]`, message: problem('flagMissed', { text }) });
    });
    examples?.pass.forEach((text, i) => {
      if (fires(probe, ruleId, text))
        errors.push({ path: `${path}.examples.pass[${i}]`, message: problem('passFired', { text }) });
    });
  };
  (pack.phrases ?? []).forEach((entry, i) => {
    run(`phrases[${i}]`, entry.id, entry.examples);
  });
  (pack.competitors ?? []).forEach((entry, i) => {
    run(`competitors[${i}]`, entry.id, entry.examples);
    entry.names.forEach((name, j) => {
      if (!fires(probe, `pack:${pack.id}/${entry.id}`, `Have you compared us with ${name}?`)) {
        errors.push({
          path: `competitors[${i}].names[${j}]`,
          message: problem('nameUnmatched', { name }),
        });
      }
    });
  });
  return errors;
}

/** Validates parsed pack data (from JSON, settings or managed policy). */
export function validatePack(input: unknown): PackValidation {
  const parsed = packSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const pack = asRulePack(parsed.data);
  const cross = crossChecks(pack);
  if (cross.length > 0) return { ok: false, errors: cross };
  const examples = exampleChecks(pack);
  return examples.length > 0 ? { ok: false, errors: examples } : { ok: true, pack };
}

/** YAML aliases a pack may use before parsing stops: a pack has no use for many, a "billion laughs" file has thousands. */
const MAX_YAML_ALIASES = 50;

/**
 * Parses and validates a pack file's text, JSON or YAML (admins tend to write YAML by hand; both
 * describe the same data). Text starting with `{` is read as JSON so a JSON error is reported as
 * one; anything else as YAML.
 */
export function parsePack(text: string): PackValidation {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trimStart().startsWith('{')) {
    try {
      return validatePack(JSON.parse(source));
    } catch (error) {
      return {
        ok: false,
        errors: [{ path: '(file)', message: problem('notJson', { reason: (error as Error).message }) }],
      };
    }
  }
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0];
    const where = line ? `line ${line.line}, column ${line.col}: ` : '';
    // The parser's own message repeats the position after the text; keep ours, in front.
    const text = (first.message.split('\n')[0] ?? first.code).replace(/ at line \d+, column \d+:?$/, '');
    const reason = `${where}${text}`;
    return { ok: false, errors: [{ path: '(file)', message: problem('notYaml', { reason }) }] };
  }
  try {
    return validatePack(doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }));
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '(file)', message: problem('notYaml', { reason: (error as Error).message }) }],
    };
  }
}

/** One line per error, for the CLI and the options page. */
export function formatPackErrors(errors: readonly PackError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

import { parseDocument } from 'yaml';
import type * as z from 'zod/mini';
import { checkReply } from '../rules/check-reply';
import { formatMessage } from '../rules/define-rule';
import { rules } from '../rules/registry';
import { checkPack, type PackError } from './check-pack';
import type { packSchema } from './schema';
import type { CompetitorEntry, PackExamples, PhraseEntry, RulePack } from './types';

/**
 * Validates a rule pack before anything of it is applied: its shape, limits and cross checks
 * (unique entry ids, known rule ids in overrides) by `checkPack`, then every entry's own
 * examples run through the real checker. Any error rejects the whole pack. Runs where packs are
 * written (options page, CLI, tests); settings run `checkPack` alone wherever packs are read.
 *
 * Linear in the size of the pack: each entry's examples are checked against a pack of that one
 * entry, compiled once, with the built-in rules switched off (they cannot change whether the
 * entry fires). Checking every example against the whole pack, recompiled each time, made 600
 * entries take 3 s and 3,000 entries over five minutes.
 */

export type { PackError } from './check-pack';

/** Validation messages beyond the checker's own, as data with ids. */
export const PACK_ERRORS = {
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
void asRulePack;

/** Every built-in rule switched off: an entry's examples are checked with the entry alone. */
const BUILT_IN_OFF = rules.map((r) => r.meta.id);

/** Whether the entry fires on a text, in a pack of that entry alone (compiled once per entry). */
function entryProbe(pack: RulePack, entry: PhraseEntry | CompetitorEntry, kind: 'phrases' | 'competitors') {
  const alone: RulePack =
    kind === 'phrases'
      ? { id: pack.id, phrases: [entry as PhraseEntry], disabled: BUILT_IN_OFF }
      : { id: pack.id, competitors: [entry as CompetitorEntry], disabled: BUILT_IN_OFF };
  const options = { packs: [alone] };
  const ruleId = `pack:${pack.id}/${entry.id}`;
  return (text: string): boolean =>
    checkReply({ reply: text, customer: null, customerMessages: [], agent: [] }, options).some(
      (f) => f.rule === ruleId,
    );
}

function exampleChecks(pack: RulePack): PackError[] {
  const errors: PackError[] = [];
  const run = (path: string, fires: (text: string) => boolean, examples: PackExamples | undefined): void => {
    examples?.flag.forEach((text, i) => {
      if (!fires(text)) errors.push({ path: `${path}.examples.flag[${i}]`, message: problem('flagMissed', { text }) });
    });
    examples?.pass.forEach((text, i) => {
      if (fires(text)) errors.push({ path: `${path}.examples.pass[${i}]`, message: problem('passFired', { text }) });
    });
  };
  (pack.phrases ?? []).forEach((entry, i) => {
    run(`phrases[${i}]`, entryProbe(pack, entry, 'phrases'), entry.examples);
  });
  (pack.competitors ?? []).forEach((entry, i) => {
    const fires = entryProbe(pack, entry, 'competitors');
    run(`competitors[${i}]`, fires, entry.examples);
    entry.names.forEach((name, j) => {
      if (!fires(`Have you compared us with ${name}?`)) {
        errors.push({ path: `competitors[${i}].names[${j}]`, message: problem('nameUnmatched', { name }) });
      }
    });
  });
  return errors;
}

/** Validates parsed pack data (from JSON, settings or managed policy). */
export function validatePack(input: unknown): PackValidation {
  const checked = checkPack(input);
  if (!checked.ok) return checked;
  const examples = exampleChecks(checked.pack);
  return examples.length > 0 ? { ok: false, errors: examples } : checked;
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

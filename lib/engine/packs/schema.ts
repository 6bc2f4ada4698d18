import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { PACK_LIMITS as L } from './limits';

/**
 * The rule pack file format, as a zod schema: the description of what a pack file may contain,
 * and the JSON Schema in the docs (`packJsonSchema`). Uses `zod/mini` (about 15 KB gzip with
 * the JSON Schema generator, against about 90 KB for classic `zod`), because the options page
 * bundles it; the content script does not load it at all (`./apply.ts` uses the mirrored
 * types in `./types.ts`). Validation itself is `checkPack` (./check-pack.ts, hand-written and
 * linear, so settings can run it everywhere); a test holds it to never accept what this schema
 * refuses. The limits (`./limits.ts`) are in both; the whole-pack ones (entries, phrases and
 * size in all) only in `checkPack`, as JSON Schema cannot say them.
 */

// zod/mini ships without messages; the English ones make schema errors readable for admins.
z.config(en());

/** Known facts are read on every thread change in the page: keep the list to what a team can vouch for. */
export const MAX_FACTS = L.facts;
export const MAX_FACT_CHARS = L.factChars;

const id = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case: lower-case letters, digits and dashes'), z.maxLength(60));
const phrase = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(L.phraseChars));
const severity = z.enum(['info', 'warning', 'critical']);
const exampleText = z.string().check(z.minLength(1), z.maxLength(L.exampleChars));
const examples = z.strictObject({
  flag: z
    .array(exampleText)
    .check(z.minLength(1, 'give at least one text the entry must flag'), z.maxLength(L.examplesPerList)),
  pass: z
    .array(exampleText)
    .check(z.minLength(1, 'give at least one text the entry must pass'), z.maxLength(L.examplesPerList)),
});
const text = z.string().check(z.minLength(1), z.maxLength(L.textChars));
const optionalText = z.optional(z.string().check(z.maxLength(L.textChars)));
const phraseList = (what: string) =>
  z.array(phrase).check(z.minLength(1, `list at least one ${what}`), z.maxLength(L.phrasesPerEntry));

const base = {
  id,
  phrases: phraseList('phrase'),
  severity: z.optional(severity),
  note: optionalText,
  source: optionalText,
  examples,
};

const phraseKinds = [
  z.strictObject({
    kind: z.literal('banned'),
    ...base,
    message: text,
    category: z.optional(z.enum(['custom', 'compliance'])),
  }),
  z.strictObject({
    kind: z.literal('substitution'),
    ...base,
    replacement: text,
    message: z.optional(text),
  }),
  z.strictObject({ kind: z.literal('required'), ...base, message: text }),
] as const;

/** One phrase rule; `options` lists the kinds, as classic zod's unions do (the settings tests read it). */
export const phraseEntrySchema = Object.assign(z.discriminatedUnion('kind', [...phraseKinds]), {
  options: phraseKinds,
});

export const competitorEntrySchema = z.strictObject({
  id,
  names: phraseList('name'),
  message: z.optional(text),
  severity: z.optional(severity),
  note: optionalText,
  examples: z.optional(examples),
});

export const packSchema = z.strictObject({
  id,
  name: optionalText,
  description: optionalText,
  phrases: z.optional(z.array(phraseEntrySchema).check(z.maxLength(L.entries))),
  competitors: z.optional(z.array(competitorEntrySchema).check(z.maxLength(L.entries))),
  linkAllowlist: z.optional(
    z
      .array(
        z
          .string()
          .check(
            z.maxLength(253),
            z.regex(
              /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i,
              'must be a host name such as example.com (no scheme or path)',
            ),
          ),
      )
      .check(z.maxLength(L.hosts)),
  ),
  knownFacts: z.optional(
    z
      .array(
        z
          .string()
          .check(
            z.trim(),
            z.minLength(1, 'must not be empty'),
            z.maxLength(MAX_FACT_CHARS, `at most ${MAX_FACT_CHARS} characters per fact`),
          ),
      )
      .check(z.maxLength(MAX_FACTS, `at most ${MAX_FACTS} facts per pack`)),
  ),
  severity: z.optional(z.record(z.string(), z.enum(['info', 'warning', 'critical', 'off']))),
  disabled: z.optional(z.array(z.string()).check(z.maxLength(L.ruleRefs))),
});

/** JSON Schema (draft 2020-12) of the pack format, for the docs and for editors. */
export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(packSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

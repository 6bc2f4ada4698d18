import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

/**
 * The rule pack file format, as a zod schema: the single source of truth for validation and
 * for the JSON Schema in the docs (`packJsonSchema`). Uses `zod/mini` (about 15 KB gzip with
 * the JSON Schema generator, against about 90 KB for classic `zod`), because the options page
 * bundles it; the content script does not load it at all (`./apply.ts` uses the mirrored
 * types in `./types.ts`).
 */

// zod/mini ships without messages; the English ones make schema errors readable for admins.
z.config(en());

/** Known facts are read on every thread change in the page: keep the list to what a team can vouch for. */
export const MAX_FACTS = 200;
export const MAX_FACT_CHARS = 300;

const id = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case: lower-case letters, digits and dashes'), z.maxLength(60));
const phrase = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200));
const severity = z.enum(['info', 'warning', 'critical']);
const examples = z.strictObject({
  flag: z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'give at least one text the entry must flag')),
  pass: z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'give at least one text the entry must pass')),
});
const text = z.string().check(z.minLength(1));

const base = {
  id,
  phrases: z.array(phrase).check(z.minLength(1, 'list at least one phrase')),
  severity: z.optional(severity),
  note: z.optional(z.string()),
  source: z.optional(z.string()),
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
  names: z.array(phrase).check(z.minLength(1, 'list at least one name')),
  message: z.optional(text),
  severity: z.optional(severity),
  note: z.optional(z.string()),
  examples: z.optional(examples),
});

export const packSchema = z.strictObject({
  id,
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  phrases: z.optional(z.array(phraseEntrySchema)),
  competitors: z.optional(z.array(competitorEntrySchema)),
  linkAllowlist: z.optional(
    z.array(
      z
        .string()
        .check(
          z.regex(
            /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i,
            'must be a host name such as example.com (no scheme or path)',
          ),
        ),
    ),
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
  disabled: z.optional(z.array(z.string())),
});

/** JSON Schema (draft 2020-12) of the pack format, for the docs and for editors. */
export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(packSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

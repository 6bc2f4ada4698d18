import { z } from 'zod';

/**
 * The rule pack file format, as a zod schema: the single source of truth for validation and
 * for the JSON Schema in the docs (`packJsonSchema`). Kept out of the content script (zod is
 * about 90 KB gzip there); `./apply.ts` uses the mirrored types in `./types.ts` instead.
 */

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case: lower-case letters, digits and dashes')
  .max(60);
const phrase = z.string().trim().min(1, 'must not be empty').max(200);
const severity = z.enum(['info', 'warning', 'critical']);
const examples = z.strictObject({
  flag: z.array(z.string().min(1)).min(1, 'give at least one text the entry must flag'),
  pass: z.array(z.string().min(1)).min(1, 'give at least one text the entry must pass'),
});

const base = {
  id,
  phrases: z.array(phrase).min(1, 'list at least one phrase'),
  severity: severity.optional(),
  note: z.string().optional(),
  source: z.string().optional(),
  examples,
};

export const phraseEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('banned'),
    ...base,
    message: z.string().min(1),
    category: z.enum(['custom', 'compliance']).optional(),
  }),
  z.strictObject({
    kind: z.literal('substitution'),
    ...base,
    replacement: z.string().min(1),
    message: z.string().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('required'), ...base, message: z.string().min(1) }),
]);

export const competitorEntrySchema = z.strictObject({
  id,
  names: z.array(phrase).min(1, 'list at least one name'),
  message: z.string().min(1).optional(),
  severity: severity.optional(),
  note: z.string().optional(),
  examples: examples.optional(),
});

export const packSchema = z.strictObject({
  id,
  name: z.string().optional(),
  description: z.string().optional(),
  phrases: z.array(phraseEntrySchema).optional(),
  competitors: z.array(competitorEntrySchema).optional(),
  linkAllowlist: z
    .array(
      z
        .string()
        .regex(
          /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i,
          'must be a host name such as example.com (no scheme or path)',
        ),
    )
    .optional(),
  severity: z.record(z.string(), z.enum(['info', 'warning', 'critical', 'off'])).optional(),
  disabled: z.array(z.string()).optional(),
});

/** JSON Schema (draft 2020-12) of the pack format, for the docs and for editors. */
export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(packSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

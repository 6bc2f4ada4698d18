import { z } from 'zod';
import { CATEGORIES, ESCALATION_KINDS, SEVERITIES } from '../engine/types';
import {
  FUTURE_SLACK_MS,
  latestTime,
  OUTCOMES,
  OVERRIDE_REASONS,
  type OverrideRow,
  SUGGESTION_SOURCES,
  TIME_FLOOR_MS,
} from './schema';

/**
 * The override export format, versioned. Warehouses load these files, and other agents' exports
 * are merged by importing them, so the shape is a contract: bump EXPORT_SCHEMA_VERSION (and the
 * `$id`) on any change that an older reader would misread, and regenerate export-schema.json.
 */
export const EXPORT_SCHEMA_VERSION = 3;
/**
 * Export versions an import still reads: version 1 rows lack `source` and `suggestionWords` (see
 * `upgradeExportRow`); version 3 rows are version 2 rows, and a version 3 export may come with an
 * audit file (`<file>.audit`, lib/audit/audit-file.ts) and be encrypted (`.age`).
 */
export const READABLE_EXPORT_VERSIONS = [1, 2, 3] as const;
export const EXPORT_SCHEMA_ID = `https://replyguard.dev/schemas/override-export.v${EXPORT_SCHEMA_VERSION}.json`;
export const EXPORT_FORMAT = 'replyguard-overrides';

/** Every time field: from 2000-01-01 UTC to a day after the reader's clock (lib/db/schema.ts, `isRowTime`). */
const TIME_RULE =
  'Epoch milliseconds (UTC), from 2000-01-01 to at most one day after the clock of the machine reading the file.';
/** The latest instant a JavaScript `Date` holds: the static bound JSON Schema can state. */
const MAX_DATE_MS = 8.64e15;
const epochMs = z
  .number()
  .int()
  .min(TIME_FLOOR_MS, 'is before the year 2000')
  .max(MAX_DATE_MS, 'is past the latest date there is')
  .refine((t) => t <= latestTime(), `is more than ${FUTURE_SLACK_MS / 3_600_000} hours in the future`);

const nullableText = z.string().max(1_000_000).nullable();

const shownFinding = z.strictObject({
  rule: z.string().min(1).max(200),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  fingerprint: z.string().max(200),
  dismissed: z.boolean(),
});

const customer = z
  .strictObject({
    sentiment: z.strictObject({
      label: z.enum(['negative', 'neutral', 'positive']),
      score: z.number().min(-1).max(1),
    }),
    sarcasm: z.strictObject({ likely: z.boolean(), score: z.number().min(0).max(1) }),
    escalation: z.strictObject({
      likely: z.boolean(),
      kinds: z.array(z.enum(ESCALATION_KINDS)),
    }),
  })
  .nullable();

/** One decided AI suggestion: the `OverrideRow` of lib/db/schema.ts. */
export const overrideRowSchema = z
  .strictObject({
    id: z.string().min(1).max(200).describe('Random event id; the same id is the same event (imports skip it).'),
    shownAt: epochMs.describe(`When the suggestion was first shown. ${TIME_RULE}`),
    decidedAt: epochMs.describe(`When the agent sent, discarded or escalated it. ${TIME_RULE}`),
    helpdesk: z.string().min(1).max(100),
    ticketHash: z.string().max(200).describe('SHA-256 of helpdesk + ticket id, hex.'),
    agent: z.string().max(200).describe('Agent label; empty for "me" on the exporting machine.'),
    outcome: z.enum(OUTCOMES),
    shape: z.enum(['draft-in-composer', 'separate-editor', 'side-panel', 'in-place-rewrite']),
    reason: z.enum(OVERRIDE_REASONS).nullable(),
    note: nullableText,
    similarity: z.number().min(0).max(1).describe('1 = sent exactly as suggested.'),
    editSize: z.number().int().nonnegative().describe('Characters inserted plus deleted.'),
    findings: z.array(shownFinding).max(1000),
    customer,
    privacy: z.enum(['full', 'redacted', 'none']),
    suggestionText: nullableText,
    sentText: nullableText,
    source: z
      .enum(SUGGESTION_SOURCES)
      .describe(
        'How the suggestion reached the composer: ai-control (a known AI control or card), paste (pasted or dropped), insert (put there by the page without typing), macro. Version 1 files lack it: read as ai-control.',
      ),
    suggestionWords: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe('Words the suggestion brought into the composer; null when unknown (version 1 files lack it).'),
  })
  .describe('One AI suggestion an agent decided on.');

/** A whole JSON export: header fields and the rows. NDJSON and CSV files carry rows only. */
export const exportDocumentSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(READABLE_EXPORT_VERSIONS),
  exportedAt: z.string().describe('ISO 8601 time of export.'),
  rows: z.array(z.unknown()).describe('Each item is a row (see $defs/row); rows are validated one by one.'),
});

/**
 * A version-1 row (no `source`, no `suggestionWords`) as version 2 reads it: before version 2
 * ReplyGuard followed only suggestions brought in by a known AI control. Anything else is
 * returned as it is, for the row check to judge.
 */
export function upgradeExportRow(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  if ('source' in item || 'suggestionWords' in item) return item;
  return { ...item, source: 'ai-control', suggestionWords: null };
}

/** Compile-time check that the schema and the stored row type agree. */
type Parsed = z.infer<typeof overrideRowSchema>;
const _sameShape: [Parsed extends OverrideRow ? true : false, OverrideRow extends Parsed ? true : false] = [true, true];
void _sameShape;

/**
 * The JSON Schema committed as lib/db/export-schema.json (a test keeps it current). Written for
 * people loading exports elsewhere: JSON files are the document, NDJSON lines and CSV rows are
 * `$defs/row` (in CSV, `findings` and `customer` are JSON text and an empty cell is null).
 */
export function exportJsonSchema(): Record<string, unknown> {
  const { $schema, ...row } = z.toJSONSchema(overrideRowSchema) as Record<string, unknown>;
  const doc = z.toJSONSchema(exportDocumentSchema) as Record<string, unknown>;
  const properties = doc.properties as Record<string, unknown>;
  return {
    $schema,
    $id: EXPORT_SCHEMA_ID,
    title: 'ReplyGuard override export',
    description:
      'What agents did with AI-suggested replies, exported from the ReplyGuard dashboard. A .json file is this ' +
      'document; each line of a .ndjson file and each record of a .csv file (RFC 4180, header row, findings and ' +
      'customer as JSON text, empty cell = null) is a $defs/row. In CSV, a text cell that would start a spreadsheet ' +
      'formula (its first character after any spaces and apostrophes is =, +, -, @, a tab, a carriage return, or the ' +
      'full-width ＝ ＋ － ＠) is written with one apostrophe in front, which spreadsheets show as text; readers of the ' +
      "file take that one apostrophe off again (ReplyGuard's import does). " +
      'Since version 3 an export may come with an audit ' +
      'file named after it plus ".audit" (NDJSON: the chain events and signatures of the installs that wrote the ' +
      'rows), and may be encrypted to the age format (".age" added to both names); the rows themselves are the ' +
      'same as in version 2.',
    version: EXPORT_SCHEMA_VERSION,
    ...doc,
    properties: { ...properties, rows: { type: 'array', items: { $ref: '#/$defs/row' } } },
    $defs: { row },
  };
}

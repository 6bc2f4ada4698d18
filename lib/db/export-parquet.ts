import { parquetWriteBuffer } from 'hyparquet-writer';
import { EXPORT_FORMAT, EXPORT_SCHEMA_ID, EXPORT_SCHEMA_VERSION } from './export-schema';
import { OVERRIDE_ROW_FIELDS, type OverrideRow } from './schema';

/**
 * Override rows as a Parquet file with the export schema (lib/db/export-schema.json): one column
 * per row field, in the export's order and under its names, `findings` a list of structs and
 * `customer` a nullable struct, as the NDJSON lines nest them. Analytics engines (DuckDB, Spark,
 * Trino, BigQuery) load it with its types, and the SQL report (lib/report/sql) reads it like the
 * NDJSON exports. Loaded only when a lead exports Parquet: the writer stays out of the first render.
 */

type Element = {
  name: string;
  type?: 'BOOLEAN' | 'INT64' | 'DOUBLE' | 'BYTE_ARRAY';
  converted_type?: 'UTF8' | 'LIST';
  repetition_type?: 'REQUIRED' | 'OPTIONAL' | 'REPEATED';
  num_children?: number;
};

const text = (name: string, optional = false): Element[] => [
  { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: optional ? 'OPTIONAL' : 'REQUIRED' },
];
const int = (name: string, optional = false): Element[] => [
  { name, type: 'INT64', repetition_type: optional ? 'OPTIONAL' : 'REQUIRED' },
];
const double = (name: string): Element[] => [{ name, type: 'DOUBLE', repetition_type: 'REQUIRED' }];
const bool = (name: string): Element[] => [{ name, type: 'BOOLEAN', repetition_type: 'REQUIRED' }];
const group = (name: string, children: Element[][], optional = false): Element[] => [
  { name, repetition_type: optional ? 'OPTIONAL' : 'REQUIRED', num_children: children.length },
  ...children.flat(),
];
/** The standard three-level list: `name` (LIST) → `list` (repeated) → `element`. */
const list = (name: string, element: Element[]): Element[] => [
  { name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  ...element.map((e, i) => (i === 0 ? { ...e, name: 'element' } : e)),
];

/** Each export field's Parquet schema, by field name. */
const FIELD_SCHEMA: Record<(typeof OVERRIDE_ROW_FIELDS)[number], Element[]> = {
  id: text('id'),
  shownAt: int('shownAt'),
  decidedAt: int('decidedAt'),
  helpdesk: text('helpdesk'),
  ticketHash: text('ticketHash'),
  agent: text('agent'),
  outcome: text('outcome'),
  shape: text('shape'),
  reason: text('reason', true),
  note: text('note', true),
  similarity: double('similarity'),
  editSize: int('editSize'),
  findings: list(
    'findings',
    group('element', [text('rule'), text('category'), text('severity'), text('fingerprint'), bool('dismissed')]),
  ),
  customer: group(
    'customer',
    [
      group('sentiment', [text('label'), double('score')]),
      group('sarcasm', [bool('likely'), double('score')]),
      group('escalation', [bool('likely'), list('kinds', text('element'))]),
    ],
    true,
  ),
  privacy: text('privacy'),
  suggestionText: text('suggestionText', true),
  sentText: text('sentText', true),
  source: text('source'),
  suggestionWords: int('suggestionWords', true),
};

const INT64_FIELDS = new Set<string>(['shownAt', 'decidedAt', 'editSize', 'suggestionWords']);

/** The rows as a Parquet file's bytes (Snappy-compressed, row groups of up to 100,000 rows). */
export function parquetExport(rows: readonly OverrideRow[]): Uint8Array {
  const schema: Element[] = [{ name: 'root', num_children: OVERRIDE_ROW_FIELDS.length }];
  for (const field of OVERRIDE_ROW_FIELDS) schema.push(...FIELD_SCHEMA[field]);
  const columnData = OVERRIDE_ROW_FIELDS.map((field) => ({
    name: field,
    data: INT64_FIELDS.has(field)
      ? rows.map((r) => (r[field] === null ? null : BigInt(r[field] as number)))
      : rows.map((r) => r[field]),
  }));
  const buffer = parquetWriteBuffer({
    // The writer's schema type is its own (parquet-format's SchemaElement); these elements are a subset.
    schema: schema as Parameters<typeof parquetWriteBuffer>[0]['schema'],
    columnData: columnData as Parameters<typeof parquetWriteBuffer>[0]['columnData'],
    kvMetadata: [
      { key: 'replyguard.format', value: EXPORT_FORMAT },
      { key: 'replyguard.schema', value: EXPORT_SCHEMA_ID },
      { key: 'replyguard.version', value: String(EXPORT_SCHEMA_VERSION) },
    ],
    createdBy: 'ReplyGuard',
  });
  return new Uint8Array(buffer);
}

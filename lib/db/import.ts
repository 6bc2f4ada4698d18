import Papa from 'papaparse';
import { isOverrideRow } from './check-row';
import { CSV_COLUMNS, restoreCsvText } from './export';
import { EXPORT_FORMAT, exportDocumentSchema, overrideRowSchema, upgradeExportRow } from './export-schema';
import type { OverrideRow } from './schema';

/** Why one row of a file was refused. `row` counts data rows from 1 (CSV: not the header). */
export interface RowError {
  row: number;
  message: string;
}

export interface ParsedFile {
  name: string;
  format: 'json' | 'ndjson' | 'csv';
  rows: OverrideRow[];
  /** Records found in the file, valid or not. */
  total: number;
  /** Non-empty means the whole file is refused. */
  errors: RowError[];
}

/** Stop listing after this many: a file with 100,000 bad rows needs the first few, not all. */
export const MAX_REPORTED_ERRORS = 50;

function issueText(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

const NUMBER_COLUMNS = new Set(['shownAt', 'decidedAt', 'similarity', 'editSize', 'suggestionWords']);
const JSON_COLUMNS = new Set(['findings', 'customer']);
const NULLABLE_COLUMNS = new Set(['reason', 'note', 'customer', 'suggestionText', 'sentText', 'suggestionWords']);
/** Columns added by export version 2: a version-1 CSV file has none of them. */
const VERSION_2_COLUMNS = new Set<string>(['source', 'suggestionWords']);

/** Turns CSV cells back into a row's values; leaves anything unparsable for the schema to name. */
function fromCsvRecord(record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, cell] of Object.entries(record)) {
    if (cell === '' && NULLABLE_COLUMNS.has(key)) out[key] = null;
    else if (NUMBER_COLUMNS.has(key)) out[key] = cell === '' ? cell : Number(cell);
    else if (JSON_COLUMNS.has(key)) {
      try {
        out[key] = JSON.parse(cell);
      } catch {
        out[key] = cell;
      }
    } else out[key] = restoreCsvText(cell);
  }
  return out;
}

/** Splits a file into raw records, guessing the format from the content (the name only breaks ties). */
function records(name: string, text: string): { format: ParsedFile['format']; items: unknown[]; errors: RowError[] } {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // A JSON document, or NDJSON whose first line is an object.
    try {
      const doc: unknown = JSON.parse(trimmed);
      if (Array.isArray(doc)) return { format: 'json', items: doc, errors: [] };
      const parsed = exportDocumentSchema.safeParse(doc);
      if (parsed.success) return { format: 'json', items: parsed.data.rows, errors: [] };
      if ((doc as { format?: unknown }).format === EXPORT_FORMAT || /\.json$/i.test(name)) {
        return {
          format: 'json',
          items: [],
          errors: [{ row: 0, message: `not a ReplyGuard export: ${issueText(parsed.error)}` }],
        };
      }
      // One object and nothing else: a one-line NDJSON file.
      return { format: 'ndjson', items: [doc], errors: [] };
    } catch {
      if (/\.json$/i.test(name)) return { format: 'json', items: [], errors: [{ row: 0, message: 'not valid JSON' }] };
    }
    const items: unknown[] = [];
    const errors: RowError[] = [];
    const lines = trimmed.split(/\r?\n/);
    let row = 0;
    for (const line of lines) {
      if (line.trim() === '') continue;
      row += 1;
      try {
        items.push(JSON.parse(line));
      } catch {
        items.push(undefined);
        errors.push({ row, message: 'not valid JSON' });
      }
    }
    return { format: 'ndjson', items, errors };
  }
  const result = Papa.parse<Record<string, string>>(trimmed, { header: true, skipEmptyLines: true });
  const errors: RowError[] = result.errors.map((e) => ({ row: (e.row ?? -1) + 1, message: `CSV: ${e.message}` }));
  const fields = result.meta.fields ?? [];
  const v1 = !fields.some((c) => VERSION_2_COLUMNS.has(c));
  const missing = CSV_COLUMNS.filter((c) => !fields.includes(c) && !(v1 && VERSION_2_COLUMNS.has(c)));
  if (missing.length) errors.unshift({ row: 0, message: `CSV header lacks ${missing.join(', ')}` });
  return { format: 'csv', items: result.data.map(fromCsvRecord), errors };
}

/**
 * Parses and validates one export file against the schema (lib/db/export-schema.json). Every row
 * is checked; any error means the file imports nothing, so a merge never ends up half-done.
 */
export function parseExportFile(name: string, text: string): ParsedFile {
  const { format, items, errors } = records(name, text);
  const rows: OverrideRow[] = [];
  items.forEach((raw, i) => {
    if (raw === undefined) return;
    const item = upgradeExportRow(raw);
    // The hand-written check passes good rows fast; zod judges and explains the rest.
    if (isOverrideRow(item)) {
      rows.push(item);
      return;
    }
    const parsed = overrideRowSchema.safeParse(item);
    if (parsed.success) rows.push(parsed.data as OverrideRow);
    else errors.push({ row: i + 1, message: issueText(parsed.error) });
  });
  if (items.length === 0 && errors.length === 0) errors.push({ row: 0, message: 'no rows in the file' });
  errors.sort((a, b) => a.row - b.row);
  return {
    name,
    format,
    rows: errors.length ? [] : rows,
    total: items.length,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
  };
}

/** Outcome of importing several files. */
export interface ImportSummary {
  imported: number;
  /** Rows whose id was already stored (or repeated across the files). */
  skipped: number;
  /** Rows in refused files. */
  rejected: number;
  files: { name: string; rows: number; errors: RowError[] }[];
}

/**
 * Rows written in one transaction: big enough that the per-day summary chunks each batch
 * re-reads and re-packs are few, small enough to show progress. Measured with
 * `npm run bench:dashboard` (see the README's Architecture section).
 * @default 4000
 */
export const IMPORT_BATCH = 4_000;

/**
 * Writes valid files' rows in batches, one after another, reporting progress. Writing is passed
 * in (the dashboard passes `putImported` on its database) so this stays testable without an
 * extension. Batches run one at a time: IndexedDB runs write transactions on the same tables one
 * after another anyway, and a batch's work starts only when the previous one has committed.
 */
export async function importParsedFiles(
  files: readonly ParsedFile[],
  write: (rows: OverrideRow[]) => Promise<{ imported: number; skipped: number }>,
  onProgress: (done: number, total: number) => void = () => {},
  batchSize = IMPORT_BATCH,
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, skipped: 0, rejected: 0, files: [] };
  const accepted: OverrideRow[] = [];
  for (const file of files) {
    summary.files.push({ name: file.name, rows: file.rows.length, errors: file.errors });
    if (file.errors.length) {
      summary.rejected += file.total;
      continue;
    }
    for (const row of file.rows) accepted.push(row);
  }
  onProgress(0, accepted.length);
  for (let i = 0; i < accepted.length; i += batchSize) {
    const batch = accepted.slice(i, i + batchSize);
    const answer = await write(batch);
    summary.imported += answer.imported;
    summary.skipped += answer.skipped;
    onProgress(i + batch.length, accepted.length);
  }
  return summary;
}

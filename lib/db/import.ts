import { isOverrideRow } from './check-row';
import { CSV_COLUMNS, restoreCsvText } from './export';
import { overrideRowSchema, upgradeExportRow } from './export-schema';
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

export function issueText(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
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
export function fromCsvRecord(record: Record<string, string>): Record<string, unknown> {
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

/** Why a CSV header cannot be an export's (a version-1 header lacks the version-2 columns), or null. */
export function csvHeaderProblem(fields: readonly string[]): string | null {
  const v1 = !fields.some((c) => VERSION_2_COLUMNS.has(c));
  const missing = CSV_COLUMNS.filter((c) => !fields.includes(c) && !(v1 && VERSION_2_COLUMNS.has(c)));
  return missing.length ? `CSV header lacks ${missing.join(', ')}` : null;
}

/**
 * Checks one record of a file against the export schema (after upgrading a version-1 row): the
 * row, or why it is refused. The hand-written check passes good rows fast; zod judges and
 * explains the rest.
 */
export function checkItem(raw: unknown): { row: OverrideRow } | { error: string } {
  const item = upgradeExportRow(raw);
  if (isOverrideRow(item)) return { row: item };
  const parsed = overrideRowSchema.safeParse(item);
  return parsed.success ? { row: parsed.data as OverrideRow } : { error: issueText(parsed.error) };
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

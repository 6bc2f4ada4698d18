import Papa from 'papaparse';
import type { ExportFormat } from './export-formats';
import { EXPORT_FORMAT, EXPORT_SCHEMA_ID, EXPORT_SCHEMA_VERSION } from './export-schema';
import { OVERRIDE_ROW_FIELDS, type OverrideRow } from './schema';

/** CSV columns, in order: the row's fields, so a header maps one to one onto `$defs/row`. */
export const CSV_COLUMNS = OVERRIDE_ROW_FIELDS;

/**
 * Text cells a spreadsheet would run as a formula: starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (OWASP, "CSV injection"), or their full-width forms (`＝` and co., which some
 * spreadsheet locales also accept), possibly after spaces or apostrophes. Agent labels, notes and
 * AI drafts a customer can steer end up in these cells.
 */
export const CSV_FORMULA_START = /^['\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A neutralised cell: one apostrophe in front of a cell that matches `CSV_FORMULA_START`, which
 * makes spreadsheets show the cell as text. Apostrophes already in front are part of the match,
 * so the import can take exactly one off again (`restoreCsvText`) and every text round-trips.
 */
const NEUTRALISED = /^'['\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell text as written before `exportRows` neutralised it. */
export function restoreCsvText(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** A row as CSV cells: nested fields as JSON text, null as an empty cell. */
function csvRecord(row: OverrideRow): unknown[] {
  return CSV_COLUMNS.map((column) => {
    const value = row[column];
    if (value === null) return '';
    if (column === 'findings' || column === 'customer') return JSON.stringify(value);
    return value;
  });
}

/**
 * Serialises rows in one of the documented formats (lib/db/export-schema.json). CSV goes through
 * papaparse, which quotes per RFC 4180 (CRLF line ends, doubled quotes), so spreadsheets and
 * warehouse loaders read notes and texts with commas and newlines intact, and which puts an
 * apostrophe in front of every text cell that would start a formula (`CSV_FORMULA_START`).
 */
export function exportRows(rows: readonly OverrideRow[], format: ExportFormat, exportedAt = new Date()): string {
  switch (format) {
    case 'csv':
      return Papa.unparse(
        { fields: [...CSV_COLUMNS], data: rows.map(csvRecord) },
        { newline: '\r\n', escapeFormulae: CSV_FORMULA_START },
      );
    case 'ndjson':
      return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '');
    case 'json':
      return JSON.stringify({
        $schema: EXPORT_SCHEMA_ID,
        format: EXPORT_FORMAT,
        version: EXPORT_SCHEMA_VERSION,
        exportedAt: exportedAt.toISOString(),
        rows,
      });
  }
}

import Papa from 'papaparse';
import type { ExportFormat } from './export-formats';
import { EXPORT_FORMAT, EXPORT_SCHEMA_ID, EXPORT_SCHEMA_VERSION } from './export-schema';
import { OVERRIDE_ROW_FIELDS, type OverrideRow } from './schema';

/** CSV columns, in order: the row's fields, so a header maps one to one onto `$defs/row`. */
export const CSV_COLUMNS = OVERRIDE_ROW_FIELDS;

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
 * warehouse loaders read notes and texts with commas and newlines intact.
 */
export function exportRows(rows: readonly OverrideRow[], format: ExportFormat, exportedAt = new Date()): string {
  switch (format) {
    case 'csv':
      return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map(csvRecord) }, { newline: '\r\n' });
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

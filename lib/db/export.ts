import Papa from 'papaparse';
import { EXPORT_FORMAT, EXPORT_SCHEMA_ID, EXPORT_SCHEMA_VERSION } from './export-schema';
import { OVERRIDE_ROW_FIELDS, type OverrideRow } from './schema';

/** The export formats the dashboard offers. */
export type ExportFormat = 'csv' | 'json' | 'ndjson';

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string; mime: string; extension: string }[] = [
  { format: 'csv', label: 'CSV', mime: 'text/csv;charset=utf-8', extension: 'csv' },
  { format: 'json', label: 'JSON', mime: 'application/json', extension: 'json' },
  { format: 'ndjson', label: 'NDJSON', mime: 'application/x-ndjson', extension: 'ndjson' },
];

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

/** A file name that sorts by date and says what it holds. */
export function exportFileName(format: ExportFormat, now = new Date()): string {
  const ext = EXPORT_FORMATS.find((f) => f.format === format)?.extension ?? format;
  return `replyguard-overrides-${now.toISOString().slice(0, 19).replace(/:/g, '')}.${ext}`;
}

/**
 * The export formats as the dashboard's buttons and downloads name them. Apart from the
 * serialiser (./export.ts, with papaparse and the schema), so the dashboard's first render does
 * not load the import and export code.
 */

/** The export formats the dashboard offers. */
export type ExportFormat = 'csv' | 'json' | 'ndjson';

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string; mime: string; extension: string }[] = [
  { format: 'csv', label: 'CSV', mime: 'text/csv;charset=utf-8', extension: 'csv' },
  { format: 'json', label: 'JSON', mime: 'application/json', extension: 'json' },
  { format: 'ndjson', label: 'NDJSON', mime: 'application/x-ndjson', extension: 'ndjson' },
];

/** A file name that sorts by date and says what it holds. */
export function exportFileName(format: DownloadFormat, now = new Date()): string {
  const ext = DOWNLOAD_FORMATS.find((f) => f.format === format)?.extension ?? format;
  return `replyguard-overrides-${now.toISOString().slice(0, 19).replace(/:/g, '')}.${ext}`;
}

/**
 * What the dashboard's export buttons offer: the text formats above and Parquet with the export
 * schema (lib/db/export-parquet.ts), for analytics engines (see the README's report section).
 */
export type DownloadFormat = ExportFormat | 'parquet';

export const DOWNLOAD_FORMATS: readonly { format: DownloadFormat; label: string; mime: string; extension: string }[] = [
  ...EXPORT_FORMATS,
  { format: 'parquet', label: 'Parquet', mime: 'application/vnd.apache.parquet', extension: 'parquet' },
];

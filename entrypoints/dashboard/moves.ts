import type { ReplyGuardDb } from '@/lib/db/database';
import { exportRows } from '@/lib/db/export';
import type { DownloadFormat } from '@/lib/db/export-formats';
import { type ImportSummary, importParsedFiles, type ParsedFile } from '@/lib/db/import';
import { putImported } from '@/lib/db/imported';
import type { OverrideRow } from '@/lib/db/schema';
import { generateHistory } from '@/lib/demo/history';
import { redactPii } from '@/lib/engine/pii';
import { protectImportedRow } from '@/lib/overrides/privacy';
import type { PrivacyMode } from '@/lib/settings/schema';

/**
 * The dashboard's data moves: the demo history and writing it, and serialising an export. Loaded
 * by ./actions.ts when a lead first exports or loads the demo, so none of it is fetched or run
 * before the first render. Files a lead imports stream through ./import-into-log.ts instead.
 */

/** The generated demo history, as one parsed file. */
export function demoFiles(): ParsedFile[] {
  const rows = generateHistory();
  return [{ name: 'demo history', format: 'json', rows, total: rows.length, errors: [] }];
}

/**
 * Writes checked files into the log under this browser's privacy mode (`protectImportedRow`);
 * the page writes imports itself (see the README's Architecture section).
 */
export function writeFiles(
  db: ReplyGuardDb,
  parsed: ParsedFile[],
  privacy: PrivacyMode,
  onProgress: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const write = (rows: OverrideRow[]) =>
    putImported(
      db,
      rows.map((r) => protectImportedRow(r, privacy, redactPii)),
    );
  return importParsedFiles(parsed, write, onProgress);
}

/** An export file's body; Parquet's writer is its own chunk, fetched on the first Parquet export. */
export const serialise = async (rows: readonly OverrideRow[], format: DownloadFormat): Promise<BlobPart> =>
  format === 'parquet'
    ? ((await import('@/lib/db/export-parquet')).parquetExport(rows) as Uint8Array<ArrayBuffer>)
    : exportRows(rows, format);

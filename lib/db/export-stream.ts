import { exportRows } from './export';
import type { ExportFormat } from './export-formats';
import { EXPORT_FORMAT, EXPORT_SCHEMA_ID, EXPORT_SCHEMA_VERSION } from './export-schema';
import type { OverrideRow } from './schema';

/**
 * An export as text chunks, one per batch of rows: what the dashboard and the hand-over write to
 * a Blob list or a file as they read the log, so no export is ever one string. Each batch goes
 * through `exportRows` (./export.ts), so a streamed file is byte for byte what `exportRows` would
 * write for all the rows at once: the same papaparse quoting, the same JSON.
 *
 * A JSON document is written one row per line (`{"$schema": …, "rows": [` on the first line),
 * which any JSON reader takes and which the import reads without holding it (./read-export.ts).
 */
export async function* exportChunks(
  batches: AsyncIterable<readonly OverrideRow[]>,
  format: ExportFormat,
  exportedAt = new Date(),
): AsyncGenerator<string> {
  let first = true;
  if (format === 'json') {
    const header = JSON.stringify({
      $schema: EXPORT_SCHEMA_ID,
      format: EXPORT_FORMAT,
      version: EXPORT_SCHEMA_VERSION,
      exportedAt: exportedAt.toISOString(),
    });
    yield `${header.slice(0, -1)},"rows":[\n`;
  }
  for await (const rows of batches) {
    if (rows.length === 0) continue;
    if (format === 'ndjson') yield exportRows(rows, 'ndjson');
    else if (format === 'json') yield (first ? '' : ',\n') + rows.map((r) => JSON.stringify(r)).join(',\n');
    else {
      // papaparse writes the header first; every batch after the first drops it and continues the records.
      const text = exportRows(rows, 'csv');
      yield first ? text : `\r\n${text.slice(text.indexOf('\r\n') + 2)}`;
    }
    first = false;
  }
  if (format === 'json') yield '\n]}\n';
  else if (format === 'csv' && first) yield exportRows([], 'csv');
}

/** Rows from an in-memory list in batches (the demo, tests). */
export async function* inBatches<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

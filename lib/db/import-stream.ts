import { isOverrideRow } from './check-row';
import { overrideRowSchema, upgradeExportRow } from './export-schema';
import { IMPORT_BATCH, type ImportSummary, type RowError } from './import';
import { ExportReader } from './read-export';
import { readRowsFile } from './read-rows';
import type { OverrideRow } from './schema';

/**
 * Importing export files without holding a big file as one string: every format streams through
 * `readRowsFile` (./read-rows.ts, the reader the hand-over's imports use too), which checks every
 * row first, so a file with one bad row imports nothing. A file small enough keeps its rows from
 * that check; a bigger one is read again for the writes (NDJSON line by line, so a line that says
 * its row exactly is written as it is), so memory stays bounded whatever the file's size. The dashboard runs this in a worker (entrypoints/dashboard/import-worker.ts).
 *
 * Kept apart from the file formats (./import.ts, ./export.ts): it consumes text chunks and uses the
 * same row check, so a streaming reader there can replace `textLines` without touching the rest.
 * CSV cells go through `fromCsvRecord`, which restores the texts the export guarded against
 * spreadsheet formulas (`restoreCsvText`).
 */

/**
 * Files up to this size keep their checked rows between the check and the writes (read once);
 * bigger ones are read twice, so memory stays bounded whatever the file's size.
 * @default 128 MiB (a 100,000-row export is about 85 MB)
 */
export const KEEP_ROWS_BELOW_BYTES = 128 * 2 ** 20;

/** The lines of a text file, read from its stream (UTF-8; a leading BOM and CR line ends are dropped). */
export async function* textLines(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let first = true;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    let text = rest + value;
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/** Checks one NDJSON line against the export schema (the hand-written check first, zod to explain). */
export function checkLine(line: string, row: number): { row: OverrideRow; same: boolean } | { error: RowError } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { error: { row, message: 'not valid JSON' } };
  }
  const item = upgradeExportRow(raw);
  // `same`: the line's own text says exactly this row (not upgraded from an older version).
  if (isOverrideRow(item)) return { row: item, same: item === raw };
  const parsed = overrideRowSchema.safeParse(item);
  if (parsed.success) return { row: parsed.data as OverrideRow, same: false };
  const message = parsed.error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { error: { row, message } };
}

/**
 * True when the file is NDJSON, as the streaming reader (./read-export.ts) decides it from the
 * content: a JSON export streamed one row per line (`{"format": …, "rows": [` on its first line)
 * is a document, not NDJSON, though its first line is no JSON value on its own.
 */
export async function isNdjson(file: Blob, name = (file as Partial<File>).name ?? ''): Promise<boolean> {
  const reader = new ExportReader(name);
  const chunks = file
    .slice(0, 4 * 2 ** 20)
    .stream()
    .pipeThrough(new TextDecoderStream())
    .getReader();
  for (;;) {
    const { value, done } = await chunks.read();
    if (done) break;
    reader.push(value);
    if (reader.format !== null) {
      await chunks.cancel();
      return reader.format === 'ndjson';
    }
  }
  reader.end();
  return reader.format === 'ndjson';
}

/** One file's check: its rows when kept, or how many it has. */
interface Checked {
  name: string;
  file: Blob;
  rows: OverrideRow[] | null;
  total: number;
  errors: RowError[];
  /**
   * A JSON document or CSV: a big one is read again through `readRowsFile`; big NDJSON line by
   * line, so a line that already says its row exactly is written as it is.
   */
  document: boolean;
}

/** A file's text, chunk by chunk as it streams in (UTF-8), reporting the bytes read. */
async function* textChunks(file: Blob, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    onBytes(bytes);
    yield decoder.decode(value, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Checks an export file of any format as it streams in (./read-rows.ts), keeping its rows when the
 * file is small enough; the rows of a bigger one are read again when they are written.
 */
async function checkFile(
  name: string,
  file: Blob,
  keepBelow: number,
  onBytes: (bytes: number) => void,
): Promise<Checked> {
  const keep = file.size <= keepBelow;
  const rows: OverrideRow[] = [];
  const check = await readRowsFile(name, textChunks(file, onBytes), (batch) => {
    if (keep) rows.push(...batch);
  });
  const document = check.format !== 'ndjson';
  return { name, file, rows: keep ? rows : null, total: check.total, errors: check.errors, document };
}

/** Progress: `phase` 'reading' counts bytes checked, 'importing' rows written. */
export type StreamProgress = (phase: 'reading' | 'importing', done: number, total: number) => void;

/**
 * Checks every file, then writes the rows of the valid ones in batches of `batchSize` through
 * `write` (`putImported` on the database). Files with any invalid row import nothing and are
 * listed with their first errors, as `importParsedFiles` lists them.
 */
export async function importFilesStreaming(
  files: readonly File[],
  write: (rows: OverrideRow[], lines: (string | undefined)[]) => Promise<{ imported: number; skipped: number }>,
  onProgress: StreamProgress = () => {},
  batchSize = IMPORT_BATCH,
  keepBelow = KEEP_ROWS_BELOW_BYTES,
): Promise<ImportSummary & { checkMs: number }> {
  const started = performance.now();
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  let bytesBefore = 0;
  const checked: Checked[] = [];
  for (const file of files) {
    checked.push(
      await checkFile(file.name, file, keepBelow, (b) => onProgress('reading', bytesBefore + b, totalBytes)),
    );
    bytesBefore += file.size;
    onProgress('reading', bytesBefore, totalBytes);
  }
  const checkMs = performance.now() - started;

  const summary: ImportSummary & { checkMs: number } = { imported: 0, skipped: 0, rejected: 0, files: [], checkMs };
  let toWrite = 0;
  for (const c of checked) {
    summary.files.push({ name: c.name, rows: c.errors.length ? 0 : c.total, errors: c.errors });
    if (c.errors.length) summary.rejected += c.total;
    else toWrite += c.total;
  }
  let done = 0;
  let batch: OverrideRow[] = [];
  let lines: (string | undefined)[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const answer = await write(batch, lines);
    summary.imported += answer.imported;
    summary.skipped += answer.skipped;
    done += batch.length;
    batch = [];
    lines = [];
    onProgress('importing', done, toWrite);
  };
  onProgress('importing', 0, toWrite);
  for (const c of checked) {
    if (c.errors.length) continue;
    if (c.rows) {
      for (const row of c.rows) {
        batch.push(row);
        lines.push(undefined);
        if (batch.length >= batchSize) await flush();
      }
      continue;
    }
    if (c.document) {
      // A big JSON document or CSV file: read again, its rows written as they come.
      const again = await readRowsFile(c.name, textChunks(c.file), async (rows) => {
        for (const row of rows) {
          batch.push(row);
          lines.push(undefined);
          if (batch.length >= batchSize) await flush();
        }
      });
      if (again.errors.length || again.total !== c.total)
        throw new Error(`${c.name} changed while it was being imported`);
      continue;
    }
    let n = 0;
    for await (const line of textLines(c.file)) {
      if (line.trim() === '') continue;
      n += 1;
      const again = checkLine(line, n);
      // A File is a snapshot: reading it again gives the same bytes, or fails.
      if ('error' in again) throw new Error(`${c.name} changed while it was being imported (row ${n})`);
      batch.push(again.row);
      lines.push(again.same ? line : undefined);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  return summary;
}

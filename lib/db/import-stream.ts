import { type ImportSummary, MAX_REPORTED_ERRORS } from './import';
import { readRowsFile } from './read-rows';
import type { OverrideRow } from './schema';
import { dayOf } from './summary';

/**
 * Importing export files in one pass, without holding a big file as one string: every format
 * streams through `readRowsFile` (./read-rows.ts, the reader the hand-over's imports use too),
 * which checks each row as it arrives, and checked rows are written batch by batch while the
 * reader goes on (one batch in flight), each row's text as the file spells it where it has one.
 * A file with one bad row imports nothing: what it wrote before the bad row was found is taken
 * back (`ImportTarget.undo`). Memory stays bounded whatever the file's size.
 *
 * Why one pass: a 1,000,000-row NDJSON file (about 850 MB) read twice, once to check and once
 * to write, spent 11 s and 17 s of a 55 s import in the two reads (bench:dashboard); read once,
 * with the writes running while the next rows are parsed, reading hides behind writing. A refused
 * file costs an undo instead: rare, and short when the bad row is near the top.
 *
 * CSV cells go through `fromCsvRecord`, which restores the texts the export guarded against
 * spreadsheet formulas (`restoreCsvText`). The dashboard runs this in a worker
 * (entrypoints/dashboard/import-worker.ts).
 */

/** A file's text, chunk by chunk as it streams in (UTF-8), reporting the bytes read. */
async function* textChunks(file: Blob, onBytes: (bytes: number) => void): AsyncGenerator<string> {
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
 * Where an import writes: a batch of checked rows at a time (the dashboard: `putImported`), and
 * how to take back what a file wrote when a later row of it is refused. `W` is what one write
 * says it stored, for `undo`.
 */
export interface ImportTarget<W> {
  write(rows: OverrideRow[], texts: (string | undefined)[]): Promise<{ imported: number; skipped: number; written: W }>;
  undo(written: readonly W[]): Promise<void>;
}

/** Progress: bytes of the files read so far, and rows written (imported or already present). */
export type StreamProgress = (progress: { bytes: number; totalBytes: number; rows: number }) => void;

/**
 * Rows written in one transaction, at least: a batch that has this many goes on to the end of its
 * UTC day (files come in time order), so most days of a big log are written in one transaction and
 * their summary day is packed and written once, not once per batch it spans (a generated
 * million-row log has up to 11,400 rows a day). The extension's memory grows with the batch (one is
 * parsed while the one before is written). Importing a million rows (bench:dashboard, one run each):
 * - 4,000 rows, not to a day's end, with the summary days kept between batches (`DayCache`):
 *   34.3–35.5 s at 324–325 MiB; 8,000 rows: 35.8 s at 355 MiB;
 * - to the day's end: 30.4 s at 403 MiB once each batch lets go of its rows as soon as their
 *   records are sent (`putImported`), 29.8–33.7 s at 781–950 MiB before;
 * - before the day cache: 4,000 rows 42.4 s at 455 MiB, 6,000 rows 36.5 s at 682 MiB.
 * @default 4000
 */
export const STREAM_BATCH = 4_000;

/** A day longer than this many batches is written in parts: memory stays bounded whatever the file. */
export const DAY_BATCH_LIMIT = 3;

/**
 * Reads every file once, writing the rows of each batch through `target` while the next batch is
 * read. A file with any invalid row imports nothing (what it wrote is undone) and is listed with
 * its first errors. `waitMs`: how long the reader waited for writes, the share of the import
 * bound by IndexedDB rather than by reading.
 */
export async function importFilesStreaming<W>(
  files: readonly File[],
  target: ImportTarget<W>,
  onProgress: StreamProgress = () => {},
  batchSize = STREAM_BATCH,
): Promise<ImportSummary & { waitMs: number }> {
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const summary: ImportSummary & { waitMs: number } = { imported: 0, skipped: 0, rejected: 0, files: [], waitMs: 0 };
  let bytesBefore = 0;
  for (const file of files) {
    const written: W[] = [];
    const counts = { imported: 0, skipped: 0 };
    let bytesRead = 0;
    let refused = false;
    let pending: Promise<void> | null = null;
    let batch: OverrideRow[] = [];
    let texts: (string | undefined)[] = [];
    let lastDay = Number.NaN;
    const settle = async () => {
      if (!pending) return;
      const waited = performance.now();
      try {
        await pending;
      } finally {
        summary.waitMs += performance.now() - waited;
        pending = null;
      }
    };
    const flush = async () => {
      await settle();
      if (refused || batch.length === 0) return;
      const rows = batch;
      const rowTexts = texts;
      batch = [];
      texts = [];
      pending = target.write(rows, rowTexts).then((answer) => {
        written.push(answer.written);
        counts.imported += answer.imported;
        counts.skipped += answer.skipped;
        onProgress({
          bytes: bytesBefore + bytesRead,
          totalBytes,
          rows: summary.imported + summary.skipped + counts.imported + counts.skipped,
        });
      });
      // Awaited at the next flush; marked handled here so a failed write is not reported early.
      pending.catch(() => {});
    };
    let check: Awaited<ReturnType<typeof readRowsFile>>;
    try {
      check = await readRowsFile(
        file.name,
        textChunks(file, (b) => {
          bytesRead = b;
        }),
        async (rows, _first, rowTexts) => {
          if (refused) return;
          for (const [i, row] of rows.entries()) {
            // A full batch goes on to the end of its UTC day (see STREAM_BATCH), up to a limit.
            const day = dayOf(row.decidedAt);
            if (batch.length >= batchSize && (day !== lastDay || batch.length >= batchSize * DAY_BATCH_LIMIT)) {
              await flush();
            }
            lastDay = day;
            batch.push(row);
            texts.push(rowTexts[i]);
          }
        },
        // The first refused row: nothing more of this file is written; reading goes on, to count
        // its rows and list its first errors.
        () => {
          refused = true;
        },
      );
      if (check.errors.length) refused = true;
      await flush();
      await settle();
    } catch (error) {
      // A write failed (the disk is full) or the file could not be read: take this file back whole.
      await settle().catch(() => {});
      if (written.length) await target.undo(written);
      throw error;
    }
    bytesBefore += file.size;
    if (refused) {
      if (written.length) await target.undo(written);
      summary.rejected += check.total;
      summary.files.push({ name: file.name, rows: 0, errors: check.errors.slice(0, MAX_REPORTED_ERRORS) });
    } else {
      summary.imported += counts.imported;
      summary.skipped += counts.skipped;
      summary.files.push({ name: file.name, rows: check.total, errors: [] });
    }
    onProgress({ bytes: bytesBefore, totalBytes, rows: summary.imported + summary.skipped });
  }
  return summary;
}

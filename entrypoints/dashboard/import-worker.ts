/**
 * The dashboard's import worker: reads, checks and writes the files a lead picked
 * (lib/db/import-stream.ts) off the page's main thread, into the same database the page reads.
 * A 1,000,000-row NDJSON file (about 850 MB) is read line by line, never as one string.
 */
import { openDatabase } from '@/lib/db/database';
import type { ImportSummary } from '@/lib/db/import';
import type { PrivacyMode } from '@/lib/settings/schema';
import { importIntoLog } from './import-into-log';

/** Page → worker: the files to import. */
export interface ImportRequest {
  files: File[];
  /** This browser's privacy mode: imported rows are kept under the stricter of it and their own (`protectImportedRow`). */
  privacy: PrivacyMode;
}

/** Worker → page: progress (at most every 250 ms), then the summary or the error. */
export type ImportReply =
  | { type: 'progress'; phase: 'reading' | 'importing'; done: number; total: number }
  | { type: 'done'; summary: ImportSummary; checkMs: number }
  | { type: 'failed'; error: string };

const db = openDatabase();

addEventListener('message', async (event: MessageEvent<ImportRequest>) => {
  const post = (reply: ImportReply) => postMessage(reply);
  let last = 0;
  try {
    const { checkMs, ...summary } = await importIntoLog(
      db,
      event.data.files,
      event.data.privacy,
      (phase, done, total) => {
        const now = performance.now();
        if (now - last < 250 && done < total) return;
        last = now;
        post({ type: 'progress', phase, done, total });
      },
    );
    post({ type: 'done', summary, checkMs });
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
});

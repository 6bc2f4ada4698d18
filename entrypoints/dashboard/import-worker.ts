/**
 * The dashboard's import worker: reads, checks and writes the files a lead picked
 * (lib/db/import-stream.ts) off the page's main thread, into the same database the page reads.
 * A 1,000,000-row NDJSON file (about 850 MB) is read line by line, never as one string.
 */
import { openDatabase } from '@/lib/db/database';
import type { ImportSummary } from '@/lib/db/import';
import type { StreamProgress } from '@/lib/db/import-stream';
import type { PrivacyMode } from '@/lib/settings/schema';
import { importIntoLog } from './import-into-log';

/**
 * Page → worker: the files to import, sent at once, then this browser's privacy mode once the
 * page has read its settings (imported rows are kept under the stricter of it and their own,
 * `protectImportedRow`). Reading starts with the files; the first write waits for the mode.
 */
export type ImportRequest = { type: 'files'; files: File[] } | { type: 'privacy'; privacy: PrivacyMode };

/** Worker → page: progress (at most every 250 ms), then the summary or the error. */
export type ImportReply =
  | ({ type: 'progress' } & Parameters<StreamProgress>[0])
  | { type: 'done'; summary: ImportSummary; waitMs: number }
  | { type: 'failed'; error: string };

const db = openDatabase();
let setPrivacy: (mode: PrivacyMode) => void = () => {};
const privacy = new Promise<PrivacyMode>((resolve) => {
  setPrivacy = resolve;
});

addEventListener('message', async (event: MessageEvent<ImportRequest>) => {
  if (event.data.type === 'privacy') {
    setPrivacy(event.data.privacy);
    return;
  }
  const post = (reply: ImportReply) => postMessage(reply);
  let last = 0;
  try {
    const { waitMs, ...summary } = await importIntoLog(db, event.data.files, privacy, (progress) => {
      const now = performance.now();
      if (now - last < 250) return;
      last = now;
      post({ type: 'progress', ...progress });
    });
    post({ type: 'done', summary, waitMs });
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
});

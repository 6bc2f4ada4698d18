import type { ReplyGuardDb } from '@/lib/db/database';
import { importFilesStreaming, type StreamProgress } from '@/lib/db/import-stream';
import { putImported, undoImported } from '@/lib/db/imported';
import { DayCache } from '@/lib/db/summary-writes';
import { redactPii } from '@/lib/engine/pii';
import { protectImportBatch } from '@/lib/overrides/privacy';
import type { PrivacyMode } from '@/lib/settings/schema';

/**
 * Reads, checks and writes export files into the log as they stream in (lib/db/import-stream.ts),
 * kept under this browser's privacy mode (`protectImportBatch`). The import worker runs it; the
 * page runs it itself only where no module worker starts.
 *
 * `privacy` may still be on its way (the worker gets it in a message of its own): reading starts
 * at once and the first write waits for it. Reading the settings of a browser just started can
 * take two seconds (`storage.managed`, measured in bench:dashboard).
 *
 * Each batch keeps the summary days it wrote for the next (`DayCache`): files come in time order,
 * so the next batch mostly goes on with the same day.
 */
export function importIntoLog(
  db: ReplyGuardDb,
  files: readonly File[],
  privacy: PrivacyMode | Promise<PrivacyMode>,
  onProgress?: StreamProgress,
): ReturnType<typeof importFilesStreaming> {
  const days = new DayCache();
  return importFilesStreaming(
    files,
    {
      async write(rows, texts) {
        const mode = await privacy;
        const batch = protectImportBatch(rows, texts, mode, redactPii);
        return putImported(db, batch.rows, undefined, batch.lines, days);
      },
      undo: (written) => {
        days.aborted();
        return undoImported(db, written);
      },
    },
    onProgress,
  );
}

import type { ReplyGuardDb } from '@/lib/db/database';
import { importFilesStreaming, type StreamProgress } from '@/lib/db/import-stream';
import { putImported } from '@/lib/db/imported';
import { redactPii } from '@/lib/engine/pii';
import { protectImportBatch } from '@/lib/overrides/privacy';
import type { PrivacyMode } from '@/lib/settings/schema';

/**
 * Reads, checks and writes export files into the log as they stream in (lib/db/import-stream.ts),
 * kept under this browser's privacy mode (`protectImportBatch`). The import worker runs it; the
 * page runs it itself only where no module worker starts.
 */
export function importIntoLog(
  db: ReplyGuardDb,
  files: readonly File[],
  privacy: PrivacyMode,
  onProgress?: StreamProgress,
): ReturnType<typeof importFilesStreaming> {
  return importFilesStreaming(
    files,
    (rows, lines) => {
      const batch = protectImportBatch(rows, lines, privacy, redactPii);
      return putImported(db, batch.rows, undefined, batch.lines);
    },
    onProgress,
  );
}

import type { HandoverExport, HandoverInfo } from '@/components/dashboard/HandoverPanel';
import { auditFileName } from '@/lib/audit/audit-file';
import { installIdentity } from '@/lib/audit/install-key';
import type { ReplyGuardDb } from '@/lib/db/database';
import { type ExportFormat, exportFileName } from '@/lib/db/export-formats';
import { putImported } from '@/lib/db/imported';
import type { RowRef } from '@/lib/db/queries';
import { redactPii } from '@/lib/engine/pii';
import { AGE_SUFFIX, type Encryption } from '@/lib/handover/age';
import { type FileResult, type ImportProgress, type ImportSource, importSources } from '@/lib/handover/import-files';
import { exportFromLog } from '@/lib/handover/log-export';
import { forgetTeamKey, importTeamKey, teamKeys } from '@/lib/handover/team-keys';
import { protectImportedRow } from '@/lib/overrides/privacy';
import { loadEffectiveSettings } from '@/lib/settings/storage';

/**
 * The dashboard's hand-over: exports with their audit file, encrypted to the team's keys from
 * policy or with a passphrase (age), and imports of such files with a result per file. Loaded
 * when the lead opens the hand-over panel, so age and the verifier are not part of the first render.
 */

/** A sink that keeps what is written as the parts of a Blob (never one string). */
function blobSink(type: string): { sink: WritableStream<Uint8Array>; blob(): Blob } {
  const parts: BlobPart[] = [];
  return {
    sink: new WritableStream<Uint8Array>({
      write(chunk) {
        parts.push(new Uint8Array(chunk));
      },
    }),
    blob: () => new Blob(parts, { type }),
  };
}

/** What the panel shows before anything is done: policy's recipients and the team keys held. */
export async function handoverInfo(db: ReplyGuardDb): Promise<HandoverInfo> {
  const [{ settings }, keys] = await Promise.all([loadEffectiveSettings(), teamKeys(db)]);
  return { recipients: settings.handoverRecipients, teamKeys: keys.map((k) => k.recipient) };
}

/** Writes an export of `refs` and its audit file, encrypted when policy or the passphrase says so. */
export async function exportWithAudit(
  db: ReplyGuardDb,
  refs: readonly RowRef[],
  format: ExportFormat,
  passphrase: string,
): Promise<HandoverExport> {
  const { settings } = await loadEffectiveSettings();
  const encryption: Encryption | null = settings.handoverRecipients.length
    ? { recipients: settings.handoverRecipients }
    : passphrase
      ? { passphrase }
      : null;
  const type = encryption ? 'application/octet-stream' : 'text/plain';
  const rows = blobSink(type);
  const audit = blobSink(type);
  const name = exportFileName(format);
  const result = await exportFromLog(db, {
    refs,
    format,
    name,
    rowsSink: rows.sink,
    auditSink: audit.sink,
    encryption,
    agents: [settings.agentLabel],
  });
  const suffix = encryption ? AGE_SUFFIX : '';
  return {
    rows: result.rows,
    encryptedWith: encryption ? ('recipients' in encryption ? 'team-keys' : 'passphrase') : null,
    files: [
      { name: name + suffix, blob: rows.blob() },
      { name: auditFileName(name) + suffix, blob: audit.blob() },
    ],
  };
}

/** A picked file as an import source, read as a stream. */
const fileSource = (f: File): ImportSource => ({
  path: f.webkitRelativePath || f.name,
  name: f.name,
  size: f.size,
  lastModified: f.lastModified,
  open: async () => f.stream() as ReadableStream<Uint8Array>,
});

/**
 * Imports files (encrypted or not, with or without audit files): each checked whole (decrypted,
 * every row, its audit file) before anything is written, under this browser's privacy mode.
 */
export async function importHandover(
  db: ReplyGuardDb,
  files: readonly File[],
  passphrase: string,
  onProgress: (p: ImportProgress) => void,
  onFile: (r: FileResult) => void,
): Promise<FileResult[]> {
  const [{ settings }, keys] = await Promise.all([loadEffectiveSettings(), teamKeys(db)]);
  return importSources(files.map(fileSource), {
    db,
    write: (rows) => putImported(db, rows),
    protect: (r) => protectImportedRow(r, settings.privacyMode, redactPii),
    identity: () => installIdentity(db),
    keys: { identities: keys.map((k) => k.key), passphrases: passphrase ? [passphrase] : [] },
    onProgress,
    onFile,
  });
}

export async function addTeamKey(db: ReplyGuardDb, text: string): Promise<string> {
  return (await importTeamKey(db, text)).recipient;
}

export const removeTeamKey = forgetTeamKey;

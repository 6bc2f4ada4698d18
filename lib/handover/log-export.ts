import { type InstallIdentity, installIdentity } from '../audit/install-key';
import { loadLogView } from '../audit/log-view';
import type { ReplyGuardDb } from '../db/database';
import type { ExportFormat } from '../db/export-formats';
import { type RowRef, rowsById } from '../db/queries';
import type { OverrideRow } from '../db/schema';
import { dayOf } from '../db/summary';
import type { Encryption } from './age';
import { encrypter } from './age';
import { type ExportAudit, type ExportResult, writeExport } from './export-files';

/**
 * Exports from this browser's log: full rows read a few thousand at a time, with the audit file
 * of the log's chains. The dashboard's export buttons and the scheduled hand-over both use it.
 */

/** Rows read per step of an export. */
export const EXPORT_BATCH = 2_000;

/** Full rows of `refs`, in their order, a batch at a time (rows no longer stored are left out). */
export async function* rowsInBatches(
  db: ReplyGuardDb,
  refs: readonly RowRef[],
  size = EXPORT_BATCH,
): AsyncGenerator<OverrideRow[]> {
  for (let i = 0; i < refs.length; i += size) {
    const found = await rowsById(db, refs.slice(i, i + size));
    const rows = found.filter((r): r is OverrideRow => r !== undefined);
    if (rows.length) yield rows;
  }
}

/** Which of these rows are stored, by the summary's id lists of their days. */
async function storedIds(db: ReplyGuardDb, refs: readonly { id: string; t: number }[]): Promise<Set<string>> {
  const wanted = new Set(refs.map((r) => r.id));
  const days = [...new Set(refs.map((r) => dayOf(r.t)))];
  const found = new Set<string>();
  for (const chunk of await db.summary.bulkGet(days)) {
    if (!chunk) continue;
    for (const id of chunk.ids.split('\n')) if (wanted.has(id)) found.add(id);
  }
  return found;
}

/** What an export's audit file needs from this log. */
export async function logAudit(
  db: ReplyGuardDb,
  self: InstallIdentity,
  agents: readonly string[],
): Promise<ExportAudit> {
  const { view } = await loadLogView(db, self);
  const cp = await db.checkpoints.toCollection().last();
  return {
    signer: self,
    signerAgents: agents,
    view,
    cutoff: cp?.cutoff ?? null,
    inLog: (refs) => storedIds(db, refs),
  };
}

export interface LogExport {
  refs: readonly RowRef[];
  format: ExportFormat;
  /** The rows file's name, before any `.age`. */
  name: string;
  rowsSink: WritableStream<Uint8Array>;
  auditSink: WritableStream<Uint8Array>;
  encryption: Encryption | null;
  /** This install's agent label(s), for the audit file. */
  agents: readonly string[];
  onRows?: (written: number) => void;
}

/** Writes an export of `refs` from this log, with its audit file, encrypted when asked. */
export async function exportFromLog(db: ReplyGuardDb, job: LogExport): Promise<ExportResult> {
  const self = await installIdentity(db);
  return writeExport({
    rows: rowsInBatches(db, job.refs),
    format: job.format,
    name: job.name,
    rowsSink: job.rowsSink,
    auditSink: job.auditSink,
    audit: await logAudit(db, self, job.agents),
    encrypt: job.encryption ? encrypter(job.encryption) : undefined,
    onRows: job.onRows,
  });
}

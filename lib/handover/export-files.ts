import { type AuditFileInput, auditFileLines, auditFileName } from '../audit/audit-file';
import type { ExportFormat } from '../db/export-formats';
import { exportChunks } from '../db/export-stream';
import type { OverrideRow } from '../db/schema';
import { streamOf } from './streams';

/** What the audit file of an export needs besides the rows (lib/audit/audit-file.ts). */
export type ExportAudit = Omit<AuditFileInput, 'positions' | 'rowsFile' | 'exportId' | 'exportedAt'>;

/** Encrypts a byte stream (lib/handover/age.ts), or leaves it as it is. */
export type Encrypt = (plain: ReadableStream<Uint8Array>) => Promise<ReadableStream<Uint8Array>>;

export interface ExportJob {
  /** The log's rows, in the order they go into the file, batch by batch. */
  rows: AsyncIterable<readonly OverrideRow[]>;
  format: ExportFormat;
  /** The rows file's name as written (before any `.age`): the audit file names it. */
  name: string;
  rowsSink: WritableStream<Uint8Array>;
  /** Where the audit file goes; with `audit`, or no audit file. */
  auditSink?: WritableStream<Uint8Array>;
  audit?: ExportAudit;
  encrypt?: Encrypt;
  exportedAt?: Date;
  exportId?: string;
  /** Rows written so far, as they are written. */
  onRows?: (written: number) => void;
}

export interface ExportResult {
  rows: number;
  exportId: string;
  /** The audit file's name (before any `.age`), when one was written. */
  auditName: string | null;
}

/**
 * Writes an export as it reads the log: the rows file, streamed batch by batch (and encrypted as
 * it goes, when asked), then its audit file. Neither is ever held whole.
 */
export async function writeExport(job: ExportJob): Promise<ExportResult> {
  const exportedAt = job.exportedAt ?? new Date();
  const exportId = job.exportId ?? crypto.randomUUID();
  const positions = new Map<string, number>();
  async function* counted(): AsyncGenerator<readonly OverrideRow[]> {
    for await (const batch of job.rows) {
      for (const r of batch) positions.set(r.id, positions.size);
      job.onRows?.(positions.size);
      yield batch;
    }
  }
  const seal = (s: ReadableStream<Uint8Array>) => (job.encrypt ? job.encrypt(s) : Promise.resolve(s));
  await (await seal(streamOf(exportChunks(counted(), job.format, exportedAt)))).pipeTo(job.rowsSink);
  if (!job.audit || !job.auditSink) return { rows: positions.size, exportId, auditName: null };
  const lines = auditFileLines({
    ...job.audit,
    exportId,
    exportedAt,
    positions,
    rowsFile: { file: job.name, format: job.format, count: positions.size },
  });
  await (await seal(streamOf(lines))).pipeTo(job.auditSink);
  return { rows: positions.size, exportId, auditName: auditFileName(job.name) };
}

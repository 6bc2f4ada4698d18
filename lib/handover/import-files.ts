import { toHex } from '../audit/bytes';
import { canonicalRow } from '../audit/canonical';
import { FileAudit } from '../audit/file-audit';
import { ChunkedHasher } from '../audit/hasher';
import type { InstallIdentity } from '../audit/install-key';
import { describeProblem, PROBLEM_LEVEL } from '../audit/problems';
import { rememberInstall, segmentRecord } from '../audit/segments';
import { type AuditReport, installNamer } from '../audit/verify';
import type { ReplyGuardDb } from '../db/database';
import { IMPORT_BATCH, type RowError } from '../db/import';
import type { ImportResult } from '../db/imported';
import { readRowsFile } from '../db/read-rows';
import type { OverrideRow } from '../db/schema';
import type { DecryptKeys } from './age';
import { AGE_SUFFIX } from './age';
import { type FileMeta, knownByContent, knownByMeta, rememberFile } from './fingerprints';
import { FileProblem, openText, readProblem } from './open-file';
import { linesOf } from './streams';

/**
 * Imports many files at once (a folder, or files dropped together) one after another, each read
 * as a stream: checked whole first (every row, the audit file, the decryption) and written only
 * then, so a refused, undecryptable, cut-short or altered file imports nothing. Each file gets a
 * line in the result: imported, skipped (and why) or refused (and why), with its audit verdict.
 */

/** A file to import: a `File`, a file in a picked folder, a file on disk in the CLI. */
export interface ImportSource extends FileMeta {
  /** Where it is inside what was picked (`team/ana/2025-05-01.ndjson`), for the result table. */
  path: string;
  open(): Promise<ReadableStream<Uint8Array>>;
}

/** What an import did with one file. */
export interface FileResult {
  path: string;
  status: 'imported' | 'skipped' | 'refused' | 'partial';
  /** Why it was skipped, refused or only partly stored; null when imported. */
  reason: string | null;
  /** Rows the file holds (for a skipped file, as counted when it was imported). */
  rows: number;
  imported: number;
  duplicates: number;
  errors: RowError[];
  /** How it was encrypted, or null. */
  encrypted: string | null;
  /** Its audit file's name and verdict, or null without one. */
  audit: FileAuditResult | null;
  ms: number;
}

/** An audit verdict, with its problems already in words (the page and the CLI show them as they are). */
export interface FileAuditResult {
  file: string;
  status: AuditReport['status'];
  /** Who signed: agent labels and short install ids. */
  signers: string[];
  problems: { level: 'tamper' | 'warning' | 'info'; text: string }[];
  report: AuditReport;
}

export interface ImportProgress {
  /** Index of the file being read (from 0) and how many there are. */
  file: number;
  files: number;
  path: string;
  phase: 'checking' | 'writing';
  /** Work done and to do, in bytes read (each file is read to check it, then to write it). */
  done: number;
  total: number;
  /** Rows written so far, all files. */
  rows: number;
}

export interface ImportDeps {
  db: ReplyGuardDb;
  /** Writes checked rows (the dashboard: `putImported`). */
  write(rows: OverrideRow[]): Promise<ImportResult>;
  /** This install, which signs the imported events it keeps. */
  identity(): Promise<InstallIdentity>;
  keys: DecryptKeys;
  /**
   * Applies this browser's privacy mode to an imported row (the merge with the privacy work
   * passes it); a row it changes is marked, so verification knows its texts were masked after
   * they were checked. @default rows as they are
   */
  protect?: (row: OverrideRow) => OverrideRow;
  /**
   * Files up to this size are read once and kept in memory until written; larger ones are read
   * a second time to write them, so a million-row file never sits in memory.
   * @default 128 MiB
   */
  keepBytes?: number;
  onProgress?(progress: ImportProgress): void;
  onFile?(result: FileResult): void;
}

/** Names a folder walk imports; anything else in a folder is listed as not an export. */
const EXPORT_NAME = /\.(ndjson|jsonl|json|csv)(\.gz)?$/i;
const AUDIT_NAME = /\.audit$/i;

/** A rows file and, when it came with one, its audit file. */
export interface Group {
  rows: ImportSource;
  audit: ImportSource | null;
}

const plainName = (path: string): string =>
  path.toLowerCase().endsWith(AGE_SUFFIX) ? path.slice(0, -AGE_SUFFIX.length) : path;

/** Pairs rows files with their audit files; what is neither is reported, not read. */
export function groupSources(sources: readonly ImportSource[]): { groups: Group[]; others: ImportSource[] } {
  const audits = new Map<string, ImportSource>();
  const rest: ImportSource[] = [];
  for (const s of sources) {
    const plain = plainName(s.path);
    if (AUDIT_NAME.test(plain)) audits.set(plain.slice(0, -'.audit'.length), s);
    else rest.push(s);
  }
  const groups: Group[] = [];
  const others: ImportSource[] = [];
  for (const s of rest) {
    const plain = plainName(s.path);
    if (!EXPORT_NAME.test(plain) && sources.length > 1) {
      others.push(s);
      continue;
    }
    groups.push({ rows: s, audit: audits.get(plain) ?? null });
    audits.delete(plain);
  }
  others.push(...audits.values());
  return { groups, others };
}

const MiB = 1 << 20;

/** Imports files one by one; returns a result per file, in the order given (then the files it did not read). */
export async function importSources(sources: readonly ImportSource[], deps: ImportDeps): Promise<FileResult[]> {
  const { groups, others } = groupSources(sources);
  const total = groups.reduce((n, g) => n + 2 * (g.rows.size + (g.audit?.size ?? 0)), 0);
  let base = 0;
  let rowsWritten = 0;
  const results: FileResult[] = [];
  for (const [index, group] of groups.entries()) {
    const progress = (phase: ImportProgress['phase'], done: number) =>
      deps.onProgress?.({
        file: index,
        files: groups.length,
        path: group.rows.path,
        phase,
        done: Math.min(total, base + done),
        total,
        rows: rowsWritten,
      });
    const result = await importGroup(group, deps, progress, (n) => {
      rowsWritten += n;
    });
    base += 2 * (group.rows.size + (group.audit?.size ?? 0));
    results.push(result);
    deps.onFile?.(result);
  }
  for (const s of others) {
    const audit = AUDIT_NAME.test(plainName(s.path));
    const result: FileResult = {
      ...empty(s.path),
      status: 'skipped',
      reason: audit
        ? 'an audit file without its rows file'
        : 'not an export file (ReplyGuard reads .ndjson, .json, .csv and their .age and .gz forms)',
    };
    results.push(result);
    deps.onFile?.(result);
  }
  return results;
}

function empty(path: string): FileResult {
  return {
    path,
    status: 'imported',
    reason: null,
    rows: 0,
    imported: 0,
    duplicates: 0,
    errors: [],
    encrypted: null,
    audit: null,
    ms: 0,
  };
}

/** Reads and checks an audit file (decrypting it when it is encrypted). */
export async function readAudit(source: ImportSource, keys: DecryptKeys): Promise<FileAudit> {
  const { text } = await openText(() => source.open(), { keys });
  return FileAudit.read(linesOf(text), source.path);
}

/** An audit report with its problems in words. */
export function auditResult(file: string, fa: FileAudit, report: AuditReport): FileAuditResult {
  const who = installNamer(fa.file.view);
  return {
    file,
    status: report.status,
    signers: report.installs.map((i) => who(i.install)),
    problems: report.problems.map((p) => ({ level: PROBLEM_LEVEL[p.id], text: describeProblem(p, who) })),
    report,
  };
}

async function importGroup(
  group: Group,
  deps: ImportDeps,
  progress: (phase: ImportProgress['phase'], done: number) => void,
  onWritten: (n: number) => void,
): Promise<FileResult> {
  const started = performance.now();
  const { rows: source } = group;
  const result = empty(source.path);
  const finish = (patch: Partial<FileResult>): FileResult => ({ ...result, ...patch, ms: performance.now() - started });
  const refuse = (message: string) => finish({ status: 'refused', reason: message, errors: [{ row: 0, message }] });

  const before = await knownByMeta(deps.db, source);
  if (before) {
    return finish({
      status: 'skipped',
      rows: before.rows,
      duplicates: before.rows,
      reason: `already imported on ${new Date(before.importedAt).toISOString().slice(0, 10)} (same name, size and time)`,
    });
  }

  let audit: FileAudit | null = null;
  if (group.audit) {
    try {
      audit = await readAudit(group.audit, deps.keys);
    } catch (error) {
      return refuse(`its audit file ${group.audit.path} cannot be read: ${readProblem(error, 0)}`);
    }
    const exportId = audit.file.header?.exportId;
    const seen = exportId ? await knownByContent(deps.db, [`export:${exportId}`]) : undefined;
    if (seen) {
      return finish({
        status: 'skipped',
        rows: seen.rows,
        duplicates: seen.rows,
        reason: `already imported as ${seen.name} (the same export)`,
      });
    }
  }
  const auditBytes = group.audit?.size ?? 0;

  // Pass 1: read and check everything; keep the rows of a small file.
  const keep = source.size <= (deps.keepBytes ?? 128 * MiB);
  const kept: OverrideRow[] = [];
  const hasher = new ChunkedHasher();
  let read = 0;
  let opened: Awaited<ReturnType<typeof openText>>['opened'];
  let check: Awaited<ReturnType<typeof readRowsFile>>;
  try {
    const text = await openText(() => source.open(), {
      keys: deps.keys,
      onRaw: (chunk) => {
        hasher.update(chunk);
        read += chunk.length;
        progress('checking', auditBytes + read);
      },
    });
    opened = text.opened;
    result.encrypted = text.encryptedWith;
    check = await readRowsFile(source.path, text.text, async (rows) => {
      if (keep) for (const r of rows) kept.push(r);
      if (audit) await audit.addRows(rows);
    });
  } catch (error) {
    return refuse(readProblem(error, read));
  }
  result.rows = check.total;
  if (check.errors.length) {
    return finish({
      status: 'refused',
      reason: 'invalid rows: fix them and import the file again',
      errors: check.errors,
    });
  }
  const fingerprint = `sha256:${toHex(await hasher.digest())}`;
  const same = await knownByContent(deps.db, [fingerprint]);
  if (same) {
    return finish({
      status: 'skipped',
      duplicates: check.total,
      reason: `already imported as ${same.name} (the same content)`,
    });
  }
  const report = audit?.report() ?? null;
  if (audit && report) result.audit = auditResult(group.audit?.path ?? '', audit, report);

  // Pass 2: write, in batches, what pass 1 accepted.
  const masked = new Set<string>();
  let pending: OverrideRow[] = [];
  let writtenRows = 0;
  const flush = async () => {
    if (!pending.length) return;
    const batch = deps.protect
      ? pending.map((r) => {
          const p = (deps.protect as (row: OverrideRow) => OverrideRow)(r);
          if (canonicalRow(p) !== canonicalRow(r)) masked.add(r.id);
          return p;
        })
      : pending;
    pending = [];
    const answer = await deps.write(batch);
    result.imported += answer.imported;
    result.duplicates += answer.skipped;
    writtenRows += batch.length;
    onWritten(answer.imported);
  };
  const add = async (rows: readonly OverrideRow[]) => {
    for (const r of rows) {
      pending.push(r);
      if (pending.length >= IMPORT_BATCH) await flush();
    }
  };
  const size = source.size;
  try {
    if (keep) {
      for (let i = 0; i < kept.length; i += IMPORT_BATCH) {
        await add(kept.slice(i, i + IMPORT_BATCH));
        progress('writing', auditBytes * 2 + size + Math.round((size * (i + IMPORT_BATCH)) / Math.max(1, kept.length)));
      }
      await flush();
    } else {
      let again = 0;
      const text = await openText(
        () => source.open(),
        {
          keys: deps.keys,
          onRaw: (chunk) => {
            again += chunk.length;
            progress('writing', auditBytes * 2 + size + again);
          },
        },
        opened,
      );
      const second = await readRowsFile(source.path, text.text, add);
      await flush();
      if (second.valid !== check.valid || second.errors.length)
        throw new FileProblem('the file changed while it was imported');
    }
  } catch (error) {
    return finish({
      status: 'partial',
      reason: `${readProblem(error, 0)}; ${writtenRows.toLocaleString('en')} of its ${check.total.toLocaleString('en')} rows were stored: import it again to finish`,
    });
  }

  // The audit trail of what was imported: the events (signed by this install) and the keys.
  if (audit) {
    const importer = await deps.identity();
    for (const block of audit.file.view.blocks) {
      const record = await segmentRecord(
        block,
        block.ids.filter((id) => masked.has(id)),
        importer,
      );
      await deps.db.segments.add(record);
    }
    for (const info of audit.file.view.installs.values()) {
      const checkpoints = audit.file.view.checkpoints.filter((c) => c.install === info.id);
      await rememberInstall(deps.db, { ...info, checkpoints });
    }
  }
  const keys = [fingerprint, ...(audit?.file.header ? [`export:${audit.file.header.exportId}`] : [])];
  await rememberFile(deps.db, keys, source, { rows: check.total, imported: result.imported });
  return finish({ status: 'imported' });
}

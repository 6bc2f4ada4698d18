import type { RowError } from '../db/import';
import { readRowsFile } from '../db/read-rows';
import type { DecryptKeys } from './age';
import { auditResult, type FileAuditResult, groupSources, type ImportSource, readAudit } from './import-files';
import { openText, readProblem } from './open-file';

/** What verifying one export (without importing it) found. */
export interface VerifiedFile {
  path: string;
  /** The audit verdict, `no-audit` when the file came without an audit file, `unreadable` when it could not be read. */
  status: FileAuditResult['status'] | 'unreadable';
  reason: string | null;
  rows: number;
  errors: RowError[];
  encrypted: string | null;
  audit: FileAuditResult | null;
}

/**
 * Verifies exports against their audit files without importing anything: what `npm run verify`
 * runs, and the same code the dashboard's import runs before it writes.
 */
export async function verifySources(
  sources: readonly ImportSource[],
  keys: DecryptKeys,
  onFile: (result: VerifiedFile) => void = () => {},
): Promise<VerifiedFile[]> {
  const { groups, others } = groupSources(sources);
  const out: VerifiedFile[] = [];
  const push = (r: VerifiedFile) => {
    out.push(r);
    onFile(r);
  };
  for (const { rows, audit } of groups) {
    const base: VerifiedFile = {
      path: rows.path,
      status: 'no-audit',
      reason: null,
      rows: 0,
      errors: [],
      encrypted: null,
      audit: null,
    };
    let fa: Awaited<ReturnType<typeof readAudit>> | null = null;
    if (audit) {
      try {
        fa = await readAudit(audit, keys);
      } catch (error) {
        push({
          ...base,
          status: 'unreadable',
          reason: `its audit file ${audit.path} cannot be read: ${readProblem(error, 0)}`,
        });
        continue;
      }
    }
    let read = 0;
    try {
      const onRaw = (c: Uint8Array) => {
        read += c.length;
      };
      const text = await openText(() => rows.open(), { keys, onRaw });
      base.encrypted = text.encryptedWith;
      const check = await readRowsFile(rows.path, text.text, async (batch) => {
        if (fa) await fa.addRows(batch);
      });
      base.rows = check.total;
      base.errors = check.errors;
    } catch (error) {
      push({ ...base, status: 'unreadable', reason: readProblem(error, read) });
      continue;
    }
    if (!fa) {
      push({
        ...base,
        reason: 'no audit file came with it (an export from before version 3, or its .audit file is missing)',
      });
      continue;
    }
    const result = auditResult(audit?.path ?? '', fa, fa.report());
    push({
      ...base,
      status: result.status,
      audit: result,
      reason: base.errors.length ? 'some rows are not valid export rows' : null,
    });
  }
  for (const s of others) {
    push({
      path: s.path,
      status: 'unreadable',
      reason: 'not an export file, or an audit file without its rows file',
      rows: 0,
      errors: [],
      encrypted: null,
      audit: null,
    });
  }
  return out;
}

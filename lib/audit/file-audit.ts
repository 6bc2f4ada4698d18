import type { OverrideRow } from '../db/schema';
import { type AuditFile, readAuditFile } from './audit-file';
import { rowDigests } from './canonical';
import { type AuditReport, AuditVerifier } from './verify';

/**
 * Verifies one export against its audit file while the rows stream past: read the audit file
 * first (`FileAudit.read`: its chains and signatures are checked then), feed the rows batch by
 * batch in file order, then ask for the report. Used by the dashboard's import and the CLI.
 */
export class FileAudit {
  readonly file: AuditFile;
  readonly #verifier: AuditVerifier;

  private constructor(file: AuditFile, verifier: AuditVerifier) {
    this.file = file;
    this.#verifier = verifier;
  }

  static async read(lines: AsyncIterable<string>, source: string): Promise<FileAudit> {
    const file = await readAuditFile(lines, source);
    const verifier = new AuditVerifier(file.view, { retentionBy: file.header?.signer ?? null, ordered: true });
    await verifier.checkChains();
    if (!file.trailer.ok) verifier.addProblem({ id: 'audit-file-altered', detail: file.trailer.detail });
    if (file.errors.length) {
      verifier.addProblem({
        id: 'audit-file-altered',
        detail: `unreadable lines (${file.errors.slice(0, 3).join('; ')})`,
      });
    }
    return new FileAudit(file, verifier);
  }

  /** The next rows of the file, in file order. */
  async addRows(rows: readonly OverrideRow[]): Promise<void> {
    const digests = await rowDigests(rows);
    this.#verifier.addRows(rows.map((r, i) => ({ id: r.id, digest: digests[i] as Uint8Array })));
  }

  report(): AuditReport {
    return this.#verifier.report();
  }
}

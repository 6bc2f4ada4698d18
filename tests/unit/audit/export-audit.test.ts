import { describe, expect, it } from 'vitest';
import { FileAudit } from '@/lib/audit/file-audit';
import { installIdentity } from '@/lib/audit/install-key';
import { createChainSigner } from '@/lib/audit/live-chain';
import { loadLogView } from '@/lib/audit/log-view';
import { describeProblem } from '@/lib/audit/problems';
import { installNamer } from '@/lib/audit/verify';
import { purgeExpired } from '@/lib/background/retention';
import type { ExportFormat } from '@/lib/db/export-formats';
import { inBatches } from '@/lib/db/export-stream';
import { applyEvents, putOverrides } from '@/lib/db/overrides';
import { readRowsFile } from '@/lib/db/read-rows';
import type { OverrideRow } from '@/lib/db/schema';
import { writeExport } from '@/lib/handover/export-files';
import { linesOf } from '@/lib/handover/streams';
import { freshDatabases, row } from '../../fixtures/rows';

const freshDb = freshDatabases('export-audit');
const NOW = Date.UTC(2025, 4, 20, 12);

async function liveLog(n: number) {
  const db = freshDb();
  const self = await installIdentity(db);
  const chain = { install: self.idBytes, now: () => NOW };
  const signer = createChainSigner(db, async () => self);
  const rows = Array.from({ length: n }, (_, i) =>
    row({ id: `r${i}`, agent: 'ana', decidedAt: NOW - (n - i) * 3_600_000, note: i % 4 ? null : `note ${i}` }),
  );
  for (const r of rows) {
    await putOverrides(db, [r], chain);
    await signer.sign();
  }
  return { db, self, chain, signer, rows };
}

/** A sink that keeps what is written, as text. */
function textSink() {
  const parts: Uint8Array[] = [];
  const decoder = new TextDecoder();
  return {
    writable: new WritableStream<Uint8Array>({ write: (c) => void parts.push(c) }),
    text: () => parts.map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode(),
  };
}

/** Exports `rows` (as the log stores them) with the log's audit file. */
async function exportWithAudit(
  log: Awaited<ReturnType<typeof liveLog>>,
  rows: OverrideRow[],
  format: ExportFormat = 'ndjson',
) {
  const { db, self } = log;
  const { view } = await loadLogView(db, self);
  const rowsOut = textSink();
  const auditOut = textSink();
  const cp = await db.checkpoints.toCollection().last();
  await writeExport({
    rows: inBatches(rows, 3),
    format,
    name: `ana.${format}`,
    rowsSink: rowsOut.writable,
    auditSink: auditOut.writable,
    audit: {
      signer: self,
      signerAgents: ['ana'],
      view,
      cutoff: cp?.cutoff ?? null,
      inLog: async (refs) => {
        const found = await db.overrides.bulkGet(refs.map((r) => r.id));
        return new Set(found.flatMap((r) => (r ? [r.id] : [])));
      },
      stride: 4,
    },
  });
  return { rows: rowsOut.text(), audit: auditOut.text() };
}

async function verify(name: string, rows: string, audit: string) {
  const fa = await FileAudit.read(linesOf([audit]), `${name}.audit`);
  const check = await readRowsFile(name, [rows], (batch) => fa.addRows(batch));
  return { check, report: fa.report() };
}

const problemIds = (r: Awaited<ReturnType<typeof verify>>['report']) =>
  r.problems.map((p) => ('row' in p ? `${p.id}:${p.row}` : p.id));

describe('an export with its audit file', () => {
  it('verifies, naming the install and how far its signature reaches', async () => {
    const log = await liveLog(10);
    const files = await exportWithAudit(log, log.rows);
    const audit = files.audit.trim().split('\n');
    expect(JSON.parse(audit[0] as string)).toMatchObject({
      format: 'replyguard-audit',
      version: 3,
      signer: log.self.id,
    });
    const { check, report } = await verify('ana.ndjson', files.rows, files.audit);
    expect(check.errors).toEqual([]);
    expect(report.status).toBe('verified');
    expect(report.rows).toEqual({ checked: 10, verified: 10, uncovered: 0 });
    expect(report.installs).toEqual([
      expect.objectContaining({ install: log.self.id, agents: ['ana'], events: 10, signedThrough: 10, rows: 10 }),
    ]);
    // Sparse signatures: events 1, 5, 9 (one every 4) and the last, not all ten.
    expect(audit.filter((l) => l.startsWith('{"signed"')).map((l) => JSON.parse(l).signed.seq)).toEqual([1, 5, 9, 10]);
  });

  for (const format of ['csv', 'json'] as const) {
    it(`verifies a ${format} export the same way`, async () => {
      const log = await liveLog(5);
      const files = await exportWithAudit(log, log.rows, format);
      expect((await verify(`ana.${format}`, files.rows, files.audit)).report.status).toBe('verified');
    });
  }

  it('names a row edited in the file', async () => {
    const log = await liveLog(6);
    const files = await exportWithAudit(log, log.rows);
    const edited = files.rows.replace(/("id":"r3".*?"outcome":)"accepted"/, '$1"rejected"');
    expect(edited).not.toBe(files.rows);
    const { report } = await verify('ana.ndjson', edited, files.audit);
    expect(report.status).toBe('tampered');
    expect(problemIds(report)).toEqual(['row-changed:r3']);
  });

  it('names rows deleted from the file', async () => {
    const log = await liveLog(6);
    const files = await exportWithAudit(log, log.rows);
    const lines = files.rows.trimEnd().split('\n');
    const kept = lines.filter((l) => !l.includes('"id":"r1"') && !l.includes('"id":"r4"'));
    const { report } = await verify('ana.ndjson', `${kept.join('\n')}\n`, files.audit);
    expect(problemIds(report).sort()).toEqual(['row-removed:r1', 'row-removed:r4']);
  });

  it('names rows moved in the file', async () => {
    const log = await liveLog(6);
    const files = await exportWithAudit(log, log.rows);
    const lines = files.rows.trimEnd().split('\n');
    const moved = [lines[0], lines[1], lines[4], lines[2], lines[3], lines[5]] as string[];
    const { report } = await verify('ana.ndjson', `${moved.join('\n')}\n`, files.audit);
    expect(report.problems).toEqual([{ id: 'rows-reordered', rows: [{ row: 'r4', line: 3, expected: 5 }] }]);
    const who = installNamer(new FileAuditNames(log.self.id));
    expect(describeProblem(report.problems[0] as (typeof report.problems)[0], who)).toBe(
      'Rows were reordered: r4 (line 3, written as line 5).',
    );
  });

  it('verifies a filtered export: the rows it left out are accounted for', async () => {
    const log = await liveLog(8);
    const files = await exportWithAudit(
      log,
      log.rows.filter((_, i) => i % 3 === 0),
    );
    const { report } = await verify('ana.ndjson', files.rows, files.audit);
    expect(report.status).toBe('verified');
    expect(report.rows.verified).toBe(3);
  });

  it('verifies a reason given later, and an export after retention purged the oldest rows', async () => {
    const log = await liveLog(8);
    await applyEvents(log.db, [{ kind: 'reason', id: 'x', seq: 1, overrideId: 'r6', reason: 'policy', note: null }], {
      chain: log.chain,
    });
    await purgeExpired(log.db, 5 / 24, NOW, log.chain);
    await log.signer.sign();
    const stored = await log.db.overrides.orderBy('decidedAt').toArray();
    expect(stored.map((r) => r.id)).toEqual(['r3', 'r4', 'r5', 'r6', 'r7']);
    const files = await exportWithAudit(log, stored);
    const { report } = await verify('ana.ndjson', files.rows, files.audit);
    expect(report.status).toBe('verified');
    expect(report.rows.verified).toBe(5);
  });

  it('catches an audit file edited by hand, or cut short', async () => {
    const log = await liveLog(6);
    const files = await exportWithAudit(log, log.rows);
    const lines = files.audit.trimEnd().split('\n');
    // Re-point row r2's event at the digest of row r3: the rows no longer match and the chain breaks.
    const i2 = lines.findIndex((l) => l.includes('"r2"'));
    const i3 = lines.findIndex((l) => l.includes('"r3"'));
    const d3 = (JSON.parse(lines[i3] as string) as unknown[])[4];
    const e2 = JSON.parse(lines[i2] as string) as unknown[];
    e2[4] = d3;
    lines[i2] = JSON.stringify(e2);
    const edited = await verify('ana.ndjson', files.rows, `${lines.join('\n')}\n`);
    expect(problemIds(edited.report)).toEqual(
      expect.arrayContaining(['audit-file-altered', 'signature-mismatch', 'row-changed:r2']),
    );
    const cut = await verify('ana.ndjson', files.rows, files.audit.slice(0, files.audit.lastIndexOf('{"end"')));
    expect(cut.report.problems).toContainEqual({
      id: 'audit-file-altered',
      detail: 'its closing signature is missing (the file is cut short)',
    });
  });

  it('says rows without an audit trail are uncovered, not tampered', async () => {
    const log = await liveLog(3);
    const files = await exportWithAudit(log, log.rows);
    const extra = `${files.rows}${JSON.stringify(row({ id: 'demo-1' }))}\n`;
    const { report } = await verify('ana.ndjson', extra, files.audit);
    expect(report.status).toBe('verified');
    expect(report.problems).toEqual([{ id: 'rows-uncovered', count: 1, sample: ['demo-1'] }]);
  });
});

/** The names `installNamer` needs, for a message test. */
class FileAuditNames {
  installs = new Map<string, { id: string; publicKey: never; agents: string[] }>();
  constructor(id: string) {
    this.installs.set(id, { id, publicKey: undefined as never, agents: ['ana'] });
  }
}

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportRows } from '@/lib/db/export';
import { exportChunks, inBatches } from '@/lib/db/export-stream';
import { importFilesStreaming, isNdjson, textLines } from '@/lib/db/import-stream';
import { putImported } from '@/lib/db/imported';
import { rowsById } from '@/lib/db/queries';
import type { OverrideRow } from '@/lib/db/schema';
import { generateHistory } from '@/lib/demo/history';
import { redactPii } from '@/lib/engine/pii';
import { protectImportBatch } from '@/lib/overrides/privacy';
import { FORMULA_CELLS, SENSITIVE_NOTE, SENSITIVE_PARTS } from '../../fixtures/hostile';
import { freshDatabases, liveRow, row } from '../../fixtures/rows';

const rows = generateHistory({ seed: 3, days: 10, agents: ['ana', 'bo'], perAgentDay: 20 });
const ndjson = (xs: readonly OverrideRow[]) => exportRows(xs, 'ndjson');

/** A write that remembers what it got, skipping ids seen before (as putImported does). */
function recorder() {
  const seen = new Set<string>();
  const batches: OverrideRow[][] = [];
  const write = async (batch: OverrideRow[]) => {
    batches.push(batch);
    let imported = 0;
    for (const r of batch) {
      if (!seen.has(r.id)) imported += 1;
      seen.add(r.id);
    }
    return { imported, skipped: batch.length - imported };
  };
  return { seen, batches, write };
}

describe('streaming import', () => {
  it('splits a stream into lines across chunk edges, with CRLF and a BOM', async () => {
    const text = '\uFEFF{"a":1}\r\n{"b":2}\n\n{"c":3}';
    const lines: string[] = [];
    for await (const l of textLines(new Blob([text.slice(0, 5), text.slice(5, 12), text.slice(12)]))) lines.push(l);
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '', '{"c":3}']);
  });

  it('tells NDJSON from a JSON document and CSV', async () => {
    expect(await isNdjson(new Blob([ndjson(rows.slice(0, 2))]))).toBe(true);
    expect(await isNdjson(new Blob([exportRows(rows.slice(0, 2), 'json')]))).toBe(false);
    expect(await isNdjson(new Blob([exportRows(rows.slice(0, 2), 'csv')]))).toBe(false);
  });

  for (const keepBelow of [Number.POSITIVE_INFINITY, 0]) {
    const mode = keepBelow ? 'read once' : 'read twice';
    it(`imports every row of valid files in batches, counting repeats (${mode})`, async () => {
      const r = recorder();
      const files = [
        new File([ndjson(rows.slice(0, 300))], 'a.ndjson'),
        new File([ndjson(rows.slice(250))], 'b.ndjson'),
        new File([exportRows(rows.slice(0, 10), 'json')], 'c.json'),
        // JSON documents and CSV stream too (never read as one string), twice when big.
        new File([exportRows(rows.slice(300, 320), 'csv')], 'd.csv'),
      ];
      const summary = await importFilesStreaming(files, r.write, undefined, 100, keepBelow);
      expect(summary.imported).toBe(rows.length);
      expect(summary.skipped).toBe(50 + 10 + 20);
      expect(summary.rejected).toBe(0);
      expect(r.batches.every((b) => b.length <= 100)).toBe(true);
      expect([...r.seen].sort()).toEqual(rows.map((x) => x.id).sort());
    });

    it(`refuses a file with one bad row whole and names it (${mode})`, async () => {
      const r = recorder();
      const lines = ndjson(rows.slice(0, 200)).split('\n');
      lines[150] = lines[150]?.replace('"outcome":"', '"outcome":"maybe-') ?? '';
      lines[20] = '{not json';
      const summary = await importFilesStreaming(
        [new File([lines.join('\n')], 'bad.ndjson'), new File([ndjson(rows.slice(300, 310))], 'good.ndjson')],
        r.write,
        undefined,
        100,
        keepBelow,
      );
      expect(summary.imported).toBe(10);
      expect(summary.rejected).toBe(200);
      const bad = summary.files.find((f) => f.name === 'bad.ndjson');
      expect(bad?.errors.map((e) => e.row)).toEqual([21, 151]);
      expect(bad?.errors[1]?.message).toMatch(/outcome/);
      expect([...r.seen].every((id) => rows.slice(300, 310).some((x) => x.id === id))).toBe(true);
    });
  }

  it('keeps imported rows under the browser’s privacy mode, as the import worker writes them (issue 14)', async () => {
    const db = freshDatabases('import-stream-privacy')();
    const loose = liveRow({ id: 'loose', privacy: 'full', sentText: 'Mail ana.petrova@example.com' });
    const note = liveRow({ id: 'note', privacy: 'redacted', reason: 'other', note: SENSITIVE_NOTE });
    const plain = liveRow({ id: 'plain', privacy: 'redacted', sentText: 'Thanks, see you soon.' });
    const file = new File([ndjson([loose, note, plain])], 'team.ndjson');
    // keepBelow 0: read twice, as a big file is, so the rows come with their file texts.
    const summary = await importFilesStreaming(
      [file],
      (batch, lines) => {
        const safe = protectImportBatch(batch, lines, 'redacted', redactPii);
        // A row the mode left alone keeps its file text; a changed one is serialised again.
        expect(safe.lines.map((l) => l !== undefined)).toEqual([false, false, true]);
        return putImported(db, safe.rows, undefined, safe.lines);
      },
      undefined,
      undefined,
      0,
    );
    expect(summary.imported).toBe(3);
    const [a, b, c] = await rowsById(db, [loose, note, plain]);
    expect(a).toMatchObject({ privacy: 'redacted', sentText: 'Mail [EMAIL]' });
    for (const part of SENSITIVE_PARTS) expect(b?.note, part).not.toContain(part);
    expect(c).toEqual(plain);
  });

  it('refuses a CSV or JSON file with one bad row whole, without reading it as one string', async () => {
    const csv = exportRows(rows.slice(0, 30), 'csv').split('\n');
    csv[5] = csv[5]?.replace(/accepted|edited|rejected|escalated/, 'maybe') ?? '';
    const json = exportRows(rows.slice(30, 40), 'json').replace('"outcome":', '"outcome":42,"x":');
    const r = recorder();
    const files = [new File([csv.join('\n')], 'bad.csv'), new File([json], 'bad.json')];
    for (const f of files) f.text = () => Promise.reject(new Error('read whole'));
    const summary = await importFilesStreaming(files, r.write, undefined, 100, 0);
    expect(summary.imported).toBe(0);
    expect(summary.rejected).toBe(40);
    expect(summary.files.map((f) => [f.name, f.rows, f.errors.length > 0])).toEqual([
      ['bad.csv', 0, true],
      ['bad.json', 0, true],
    ]);
    expect(summary.files[0]?.errors[0]?.row).toBe(5);
  });

  it('restores the texts a CSV export guarded against spreadsheet formulas', async () => {
    const hostile = FORMULA_CELLS.map((text, i) =>
      row({ id: `f${i}`, agent: text, reason: 'other', note: text, privacy: 'full', sentText: text }),
    );
    const { write, batches } = recorder();
    const summary = await importFilesStreaming([new File([exportRows(hostile, 'csv')], 'team.csv')], write);
    expect(summary.files[0]?.errors).toEqual([]);
    expect(batches.flat()).toEqual(hostile);
  });

  it('imports a JSON export written one row per line (the streamed export) as a document, not NDJSON', async () => {
    const some = rows.slice(0, 30);
    const chunks: string[] = [];
    for await (const c of exportChunks(inBatches(some, 7), 'json')) chunks.push(c);
    const file = new File(chunks, 'team.json');
    expect(await isNdjson(file)).toBe(false);
    const { write, batches } = recorder();
    const summary = await importFilesStreaming([file], write);
    expect(summary).toMatchObject({ imported: some.length, rejected: 0 });
    expect(batches.flat()).toEqual(some);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportRows } from '@/lib/db/export';
import { exportChunks, inBatches } from '@/lib/db/export-stream';
import { DAY_BATCH_LIMIT, type ImportTarget, importFilesStreaming } from '@/lib/db/import-stream';
import { putImported, undoImported } from '@/lib/db/imported';
import { rowsById } from '@/lib/db/queries';
import type { OverrideRow } from '@/lib/db/schema';
import { dayOf } from '@/lib/db/summary';
import { generateHistory } from '@/lib/demo/history';
import { redactPii } from '@/lib/engine/pii';
import { protectImportBatch } from '@/lib/overrides/privacy';
import { FORMULA_CELLS, SENSITIVE_NOTE, SENSITIVE_PARTS } from '../../fixtures/hostile';
import { freshDatabases, liveRow, row } from '../../fixtures/rows';

const rows = generateHistory({ seed: 3, days: 10, agents: ['ana', 'bo'], perAgentDay: 20 });
const ndjson = (xs: readonly OverrideRow[]) => exportRows(xs, 'ndjson');
/** A file that streams in parts of 100 lines, as a big file arrives chunk by chunk. */
const streamed = (lines: readonly string[], name: string) =>
  new File(
    Array.from(
      { length: Math.ceil(lines.length / 100) },
      (_, i) => `${lines.slice(i * 100, i * 100 + 100).join('\n')}\n`,
    ),
    name,
  );
const rowCount = (lines: readonly string[]) => lines.filter((l) => l.trim() !== '').length;

/** A target that remembers what it got, skipping ids seen before (as putImported does), and can undo. */
function recorder() {
  const seen = new Set<string>();
  const batches: OverrideRow[][] = [];
  const texts: (string | undefined)[][] = [];
  let undone = 0;
  const target: ImportTarget<string[]> = {
    async write(batch, rowTexts) {
      batches.push(batch);
      texts.push(rowTexts);
      const fresh = batch.filter((r) => !seen.has(r.id)).map((r) => r.id);
      for (const id of fresh) seen.add(id);
      return { imported: fresh.length, skipped: batch.length - fresh.length, written: fresh };
    },
    async undo(written) {
      for (const id of written.flat()) seen.delete(id);
      undone += 1;
    },
  };
  return { seen, batches, texts, target, undone: () => undone };
}

describe('streaming import', () => {
  it('imports every row of valid files in batches, counting repeats, in every format', async () => {
    const r = recorder();
    const files = [
      new File([ndjson(rows.slice(0, 300))], 'a.ndjson'),
      new File([ndjson(rows.slice(250))], 'b.ndjson'),
      new File([exportRows(rows.slice(0, 10), 'json')], 'c.json'),
      new File([exportRows(rows.slice(300, 320), 'csv')], 'd.csv'),
    ];
    const progress: number[] = [];
    const summary = await importFilesStreaming(files, r.target, (p) => progress.push(p.bytes), 100);
    expect(summary).toMatchObject({ imported: rows.length, skipped: 50 + 10 + 20, rejected: 0 });
    expect(summary.files.map((f) => f.rows)).toEqual([300, rows.length - 250, 10, 20]);
    expect(r.batches.every((b) => b.length <= 100 * DAY_BATCH_LIMIT)).toBe(true);
    expect([...r.seen].sort()).toEqual(rows.map((x) => x.id).sort());
    expect(progress.at(-1)).toBe(files.reduce((n, f) => n + f.size, 0));
    expect(r.undone()).toBe(0);
  });

  it('writes a full batch on to the end of its UTC day, and a day longer than the limit in parts', async () => {
    // 40 rows a day over ten days, in time order, as exports are written.
    const r = recorder();
    await importFilesStreaming([new File([ndjson(rows)], 'team.ndjson')], r.target, undefined, 50);
    const day = (x: OverrideRow | undefined) => dayOf((x as OverrideRow).decidedAt);
    for (const [i, b] of r.batches.slice(0, -1).entries()) {
      expect(b.length).toBeGreaterThanOrEqual(50);
      // A batch ends where a day does: the next one starts on another day.
      expect(day(b.at(-1))).not.toBe(day(r.batches[i + 1]?.[0]));
    }
    expect(r.batches.flat()).toEqual(rows);
    // One long day: parts of the limit's size.
    const long = rows.map((x, i) => ({ ...x, decidedAt: (rows[0] as OverrideRow).decidedAt + i }));
    const parts = recorder();
    await importFilesStreaming([new File([ndjson(long)], 'day.ndjson')], parts.target, undefined, 20);
    expect(parts.batches.map((b) => b.length)).toEqual([
      ...Array(Math.floor(long.length / (20 * DAY_BATCH_LIMIT))).fill(20 * DAY_BATCH_LIMIT),
      ...(long.length % (20 * DAY_BATCH_LIMIT) ? [long.length % (20 * DAY_BATCH_LIMIT)] : []),
    ]);
  });

  it('hands each NDJSON and JSON row its text as the file spells it, and none to an upgraded or CSV row', async () => {
    const r = recorder();
    const some = rows.slice(0, 3);
    const v1 = JSON.stringify({ ...some[2], source: undefined, suggestionWords: undefined });
    const lines = [...some.slice(0, 2).map((x) => JSON.stringify(x)), v1];
    await importFilesStreaming(
      [
        new File([lines.join('\r\n')], 'a.ndjson'),
        new File([exportRows(rows.slice(3, 5), 'json')], 'b.json'),
        new File([exportRows(rows.slice(5, 7), 'csv')], 'c.csv'),
      ],
      r.target,
    );
    const [a, b, c] = r.texts;
    expect(a?.slice(0, 2).map((t) => JSON.parse(t ?? 'null'))).toEqual(some.slice(0, 2));
    expect(a?.[2]).toBeUndefined();
    expect(b?.map((t) => JSON.parse(t ?? 'null'))).toEqual(rows.slice(3, 5));
    expect(c).toEqual([undefined, undefined]);
  });

  it('refuses a file with one bad row whole, taking back what it wrote, and names the rows', async () => {
    const r = recorder();
    // The file streams in parts, so batches are written before the line 1,501 is read.
    const lines = Array.from({ length: 5 }, () => ndjson(rows).split('\n')).flat();
    lines[1500] = lines[1500]?.replace('"outcome":"', '"outcome":"maybe-') ?? '';
    lines[1700] = '{not json';
    const summary = await importFilesStreaming(
      [streamed(lines, 'bad.ndjson'), new File([ndjson(rows.slice(300, 310))], 'good.ndjson')],
      r.target,
      undefined,
      50,
    );
    expect(summary).toMatchObject({ imported: 10, skipped: 0, rejected: rowCount(lines) });
    const bad = summary.files.find((f) => f.name === 'bad.ndjson');
    expect(bad?.errors.map((e) => e.row)).toEqual([rowCount(lines.slice(0, 1501)), rowCount(lines.slice(0, 1701))]);
    expect(bad?.errors[0]?.message).toMatch(/outcome/);
    expect(r.batches.length).toBeGreaterThan(2);
    expect(r.undone()).toBe(1);
    expect([...r.seen].sort()).toEqual(
      rows
        .slice(300, 310)
        .map((x) => x.id)
        .sort(),
    );
  });

  it('takes a file back whole when a write fails, and says why', async () => {
    const r = recorder();
    let writes = 0;
    const failing: ImportTarget<string[]> = {
      write: (batch, texts) =>
        ++writes === 3 ? Promise.reject(new Error('the disk is full')) : r.target.write(batch, texts),
      undo: r.target.undo,
    };
    await expect(
      importFilesStreaming([new File([ndjson(rows.slice(0, 300))], 'a.ndjson')], failing, undefined, 50),
    ).rejects.toThrow('the disk is full');
    expect(r.seen.size).toBe(0);
  });

  it('takes back a refused file’s rows from a real database: records and summary', async () => {
    const db = freshDatabases('import-stream-undo')();
    const target: ImportTarget<number[]> = {
      write: (batch, texts) => putImported(db, batch, undefined, texts),
      undo: (written) => undoImported(db, written),
    };
    // Some of the file's rows are already stored: the undo must leave those.
    await putImported(db, rows.slice(0, 20));
    const lines = [
      ...ndjson(rows).split('\n'),
      ...Array.from({ length: 4 }, () => ndjson(rows.slice(0, 300)).split('\n')).flat(),
    ];
    lines[1500] = lines[1500]?.replace('"decidedAt":', '"decidedAt":"soon","x":') ?? '';
    const written: number[][] = [];
    const summary = await importFilesStreaming(
      [streamed(lines, 'bad.ndjson')],
      {
        async write(b, t) {
          const answer = await target.write(b, t);
          written.push(answer.written);
          return answer;
        },
        undo: target.undo,
      },
      undefined,
      60,
    );
    expect(summary).toMatchObject({ imported: 0, rejected: rowCount(lines) });
    expect(written.flat().length).toBeGreaterThan(0);
    expect(await db.imported.count()).toBe(1);
    const stored = await rowsById(db, rows.slice(0, 300));
    expect(stored.filter(Boolean).map((x) => x?.id)).toEqual(rows.slice(0, 20).map((x) => x.id));
    const summaryRows = (await db.dayTotals.toArray()).reduce((n, d) => n + d.rows, 0);
    expect(summaryRows).toBe(20);
    // The same file, fixed, imports what is missing.
    const again = await importFilesStreaming([new File([ndjson(rows.slice(0, 300))], 'fixed.ndjson')], target);
    expect(again).toMatchObject({ imported: 280, skipped: 20 });
    expect((await rowsById(db, rows.slice(0, 300))).every(Boolean)).toBe(true);
  });

  it('keeps imported rows under the browser’s privacy mode, as the import worker writes them (issue 14)', async () => {
    const db = freshDatabases('import-stream-privacy')();
    const loose = liveRow({ id: 'loose', privacy: 'full', sentText: 'Mail ana.petrova@example.com' });
    const note = liveRow({ id: 'note', privacy: 'redacted', reason: 'other', note: SENSITIVE_NOTE });
    const plain = liveRow({ id: 'plain', privacy: 'redacted', sentText: 'Thanks, see you soon.' });
    const file = new File([ndjson([loose, note, plain])], 'team.ndjson');
    const summary = await importFilesStreaming([file], {
      write(batch, lines) {
        const safe = protectImportBatch(batch, lines, 'redacted', redactPii);
        // A row the mode left alone keeps its file text; a changed one is serialised again.
        expect(safe.lines.map((l) => l !== undefined)).toEqual([false, false, true]);
        return putImported(db, safe.rows, undefined, safe.lines);
      },
      undo: (written) => undoImported(db, written),
    });
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
    const summary = await importFilesStreaming(files, r.target, undefined, 2);
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
    const { target, batches } = recorder();
    const summary = await importFilesStreaming([new File([exportRows(hostile, 'csv')], 'team.csv')], target);
    expect(summary.files[0]?.errors).toEqual([]);
    expect(batches.flat()).toEqual(hostile);
  });

  it('imports a JSON export written one row per line (the streamed export) as a document, not NDJSON', async () => {
    const some = rows.slice(0, 30);
    const chunks: string[] = [];
    for await (const c of exportChunks(inBatches(some, 7), 'json')) chunks.push(c);
    const file = new File(chunks, 'team.json');
    const { target, batches } = recorder();
    const summary = await importFilesStreaming([file], target);
    expect(summary).toMatchObject({ imported: some.length, rejected: 0 });
    expect(batches.flat()).toEqual(some);
  });
});

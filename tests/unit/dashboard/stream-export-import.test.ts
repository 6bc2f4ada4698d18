import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportRows } from '@/lib/db/export';
import { exportChunks, inBatches } from '@/lib/db/export-stream';
import { checkItem } from '@/lib/db/import';
import { ExportReader, parseExportFile } from '@/lib/db/read-export';
import type { OverrideRow } from '@/lib/db/schema';
import { row } from '../../fixtures/rows';

/** Rows with quotes, commas, line breaks (LF and CRLF), emoji and every nullable field set and unset. */
function awkward(n: number): OverrideRow[] {
  return Array.from({ length: n }, (_, i) =>
    row({
      id: `aw-${i}`,
      agent: i % 3 ? 'ana' : '',
      outcome: (['accepted', 'edited', 'rejected', 'escalated'] as const)[i % 4],
      reason: i % 4 === 2 ? 'tone' : null,
      note: i % 5 === 0 ? `said "no", then,\nwell, ${'x'.repeat(i)}` : null,
      similarity: (i % 7) / 7,
      privacy: 'full',
      suggestionText: i % 2 ? `Hi ${i}, thanks!\r\nBest, "AI" — 🙂 [ ] { } \\ ,` : null,
      sentText: i % 3 ? 'ok, {"not": "json"}' : null,
      findings:
        i % 2
          ? [
              {
                rule: 'tone-cheerful',
                category: 'tone',
                severity: 'warning',
                fingerprint: `f${i}`,
                dismissed: i % 4 === 1,
              },
            ]
          : [],
      customer:
        i % 2
          ? {
              sentiment: { label: 'negative', score: -0.25 },
              sarcasm: { likely: true, score: 0.5 },
              escalation: { likely: false, kinds: [] },
            }
          : null,
    }),
  );
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

/** Reads a file split into chunks at the given cut points, the way a stream delivers it. */
function readInChunks(name: string, file: string, cuts: number[]) {
  const reader = new ExportReader(name);
  const points = [...new Set(cuts.map((c) => c % (file.length + 1)))].sort((a, b) => a - b);
  const batches = [];
  let at = 0;
  for (const p of [...points, file.length]) {
    batches.push(reader.push(file.slice(at, p)));
    at = p;
  }
  batches.push(reader.end());
  const rows: OverrideRow[] = [];
  const errors: { row: number; message: string }[] = [];
  for (const b of batches) {
    errors.push(...b.errors);
    b.items.forEach((item, i) => {
      // A record that is not JSON has its error in the batch already.
      if (item === undefined) return;
      const checked = checkItem(item);
      if ('row' in checked) rows.push(checked.row);
      else errors.push({ row: b.firstRow + i, message: checked.error });
    });
  }
  return { format: reader.format, rows, errors };
}

const expected = (rows: OverrideRow[], format: string) =>
  format === 'csv' ? rows.map((r) => ({ ...r, note: r.note === '' ? null : r.note })) : rows;

describe('a streamed export', () => {
  it('is byte for byte the one-shot export for NDJSON and CSV, whatever the batch size', async () => {
    const rows = awkward(23);
    for (const format of ['ndjson', 'csv'] as const) {
      for (const size of [1, 4, 23, 100]) {
        expect(await text(exportChunks(inBatches(rows, size), format))).toBe(exportRows(rows, format));
      }
    }
  });

  it('writes a JSON document one row per line that JSON.parse reads whole', async () => {
    const rows = awkward(9);
    const at = new Date('2026-02-03T04:05:06Z');
    const doc = await text(exportChunks(inBatches(rows, 4), 'json', at));
    expect(doc.split('\n')[0]).toBe(
      '{"$schema":"https://replyguard.dev/schemas/override-export.v3.json","format":"replyguard-overrides","version":3,"exportedAt":"2026-02-03T04:05:06.000Z","rows":[',
    );
    expect(JSON.parse(doc)).toEqual({ ...JSON.parse(exportRows(rows, 'json', at)), rows });
  });

  it('writes a header-only CSV and an empty JSON document for no rows', async () => {
    expect(await text(exportChunks(inBatches([], 10), 'csv'))).toMatch(/^id,shownAt,decidedAt,/);
    expect(JSON.parse(await text(exportChunks(inBatches([], 10), 'json'))).rows).toEqual([]);
    expect(await text(exportChunks(inBatches([], 10), 'ndjson'))).toBe('');
  });
});

describe('a streamed import', () => {
  const rows = awkward(17);
  const files = async () => ({
    'streamed.ndjson': await text(exportChunks(inBatches(rows, 5), 'ndjson')),
    'streamed.csv': await text(exportChunks(inBatches(rows, 5), 'csv')),
    'streamed.json': await text(exportChunks(inBatches(rows, 5), 'json')),
    'one-line.json': exportRows(rows, 'json'),
    'pretty.json': JSON.stringify(JSON.parse(exportRows(rows, 'json')), null, 2),
    'bare.json': JSON.stringify(rows),
    'crlf.ndjson': `\uFEFF${rows.map((r) => JSON.stringify(r)).join('\r\n')}\r\n`,
  });

  it('reads every format the same whole or cut anywhere into chunks', async () => {
    const all = await files();
    for (const [name, file] of Object.entries(all)) {
      const format = name.endsWith('.csv') ? 'csv' : name.endsWith('.ndjson') ? 'ndjson' : 'json';
      const whole = readInChunks(name, file, []);
      expect(whole.errors, name).toEqual([]);
      expect(whole.format, name).toBe(format);
      expect(whole.rows, name).toEqual(expected(rows, format));
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
          const split = readInChunks(name, file, cuts);
          expect(split.errors).toEqual([]);
          expect(split.rows).toEqual(whole.rows);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('reads chunks of one character (every state crosses a boundary)', async () => {
    const all = await files();
    for (const name of ['streamed.json', 'pretty.json', 'streamed.csv', 'crlf.ndjson']) {
      const file = all[name as keyof typeof all];
      const cuts = Array.from({ length: file.length }, (_, i) => i);
      expect(readInChunks(name, file, cuts).rows, name).toHaveLength(rows.length);
    }
  });

  it('names a file cut short, in each format', async () => {
    const all = await files();
    const cut = (s: string) => s.slice(0, Math.floor(s.length * 0.6));
    expect(readInChunks('x.ndjson', cut(all['streamed.ndjson']), [100]).errors.at(-1)?.message).toMatch(
      /ends in the middle of this row: it is cut short/,
    );
    expect(readInChunks('x.json', cut(all['streamed.json']), [100]).errors.at(-1)?.message).toMatch(
      /ends in the middle of the JSON document, after \d+ rows: it is cut short/,
    );
    const csv = all['streamed.csv'];
    const inQuote = csv.indexOf('"said');
    expect(readInChunks('x.csv', csv.slice(0, inQuote + 8), [50]).errors.map((e) => e.message)).toContain(
      'CSV: a quoted cell never closes: the file is cut short',
    );
  });

  it('says an empty file is empty, and a JSON document without rows is not an export', () => {
    expect(parseExportFile('empty.ndjson', '  \n\n').errors).toEqual([{ row: 0, message: 'the file is empty' }]);
    expect(
      parseExportFile('x.json', '{\n  "format": "replyguard-overrides",\n  "version": 3\n}').errors[0]?.message,
    ).toMatch(/not a ReplyGuard export: it has no "rows" list/);
    expect(
      parseExportFile('x.json', '{\n  "format": "something-else",\n  "version": 3, "exportedAt": "x",\n "rows": []\n}')
        .errors[0]?.message,
    ).toMatch(/not a ReplyGuard export: format/);
  });

  it('names the broken rows of a multi-line document and of NDJSON whose first line is broken', () => {
    const lines = exportRows(rows.slice(0, 3), 'ndjson').trimEnd().split('\n');
    const parsed = parseExportFile('b.ndjson', ['{"id": "half', ...lines].join('\n'));
    expect(parsed.format).toBe('ndjson');
    expect(parsed.errors).toEqual([{ row: 1, message: 'not valid JSON' }]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportRows } from '@/lib/db/export';
import { exportFileName } from '@/lib/db/export-formats';
import { EXPORT_SCHEMA_ID, EXPORT_SCHEMA_VERSION, exportJsonSchema } from '@/lib/db/export-schema';
import { importParsedFiles } from '@/lib/db/import';
import { putImported } from '@/lib/db/imported';
import { allOverridesByTime } from '@/lib/db/queries';
import { parseExportFile } from '@/lib/db/read-export';
import type { OverrideRow } from '@/lib/db/schema';
import { freshDatabases, row } from '../../fixtures/rows';

const freshDb = freshDatabases('export');

/** Rows with every awkward value a CSV or JSON writer can get wrong. */
function awkwardRows(): OverrideRow[] {
  return [
    row({
      agent: 'ana',
      outcome: 'edited',
      reason: 'other',
      note: 'said "no", then, well,\nchanged it',
      similarity: 0.8125,
      editSize: 17,
      privacy: 'full',
      suggestionText: 'Hi, thanks!\r\nBest, "AI"',
      sentText: 'Hi — thanks 🙂 ; best',
      findings: [{ rule: 'tone-cheerful', category: 'tone', severity: 'warning', fingerprint: 'x1', dismissed: true }],
      customer: {
        sentiment: { label: 'negative', score: -0.75 },
        sarcasm: { likely: true, score: 0.9 },
        escalation: { likely: true, kinds: ['manager', 'cancel'] },
      },
    }),
    row({ agent: '', helpdesk: 'intercom', outcome: 'rejected', reason: 'tone', note: null }),
    row({ agent: 'bo', outcome: 'accepted', note: '' }),
  ];
}

describe('export then import', () => {
  for (const format of ['csv', 'json', 'ndjson'] as const) {
    it(`round-trips every field through ${format}`, () => {
      const rows = awkwardRows();
      const text = exportRows(rows, format);
      const parsed = parseExportFile(`team.${format}`, text);
      expect(parsed.errors).toEqual([]);
      expect(parsed.format).toBe(format);
      // CSV has no null/empty distinction for text: an empty note comes back as null (documented).
      const expected = format === 'csv' ? rows.map((r) => ({ ...r, note: r.note === '' ? null : r.note })) : rows;
      expect(parsed.rows).toEqual(expected);
    });
  }

  it('writes RFC 4180 CSV: header row, CRLF, quotes doubled', () => {
    const text = exportRows(awkwardRows(), 'csv');
    expect(text.startsWith('id,shownAt,decidedAt,helpdesk,')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain('"said ""no"", then, well,\nchanged it"');
  });

  it('labels JSON exports with the schema id and version', () => {
    const doc = JSON.parse(exportRows([], 'json', new Date(0)));
    expect(doc).toMatchObject({
      $schema: EXPORT_SCHEMA_ID,
      format: 'replyguard-overrides',
      version: EXPORT_SCHEMA_VERSION,
    });
    expect(exportFileName('ndjson', new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe(
      'replyguard-overrides-2026-01-02T030405.ndjson',
    );
  });
});

describe('a version 1 export (before suggestion sources)', () => {
  const legacy = (r: OverrideRow) => {
    const { source: _s, suggestionWords: _w, ...rest } = r;
    return rest;
  };
  const asV2 = (r: OverrideRow) => ({ ...r, source: 'ai-control', suggestionWords: null });

  it('imports its JSON and NDJSON rows as AI-control suggestions of unknown size', () => {
    const rows = awkwardRows();
    const json = JSON.stringify({
      format: 'replyguard-overrides',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      rows: rows.map(legacy),
    });
    expect(parseExportFile('old.json', json)).toMatchObject({ errors: [], rows: rows.map(asV2) });
    const ndjson = rows.map((r) => JSON.stringify(legacy(r))).join('\n');
    expect(parseExportFile('old.ndjson', ndjson)).toMatchObject({ errors: [], rows: rows.map(asV2) });
  });

  it('imports its CSV, whose header has no source columns', () => {
    const rows = awkwardRows().map((r) => ({ ...r, note: r.note === '' ? null : r.note }));
    const lines = exportRows(rows, 'csv').split('\r\n');
    // Version 1 wrote the same columns without the last two.
    const v1 = Papa.unparse(
      Papa.parse<string[]>(lines.join('\r\n')).data.map((cells) => cells.slice(0, -2)),
      { newline: '\r\n' },
    );
    const parsed = parseExportFile('old.csv', v1);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual(rows.map(asV2));
  });

  it('still refuses a version 2 row that lacks one of the two', () => {
    const { suggestionWords: _, ...half } = awkwardRows()[0] as OverrideRow;
    expect(parseExportFile('half.ndjson', JSON.stringify(half)).errors[0]?.message).toMatch(/suggestionWords/);
  });
});

describe('a corrupt file', () => {
  it('is refused whole, naming each bad row and why (NDJSON)', () => {
    const [a, b, c] = awkwardRows().map((r) => JSON.stringify(r)) as [string, string, string];
    const text = [a, '{"id": "half', b.replace('"rejected"', '"deleted"'), c].join('\n');
    const parsed = parseExportFile('bad.ndjson', text);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => e.row)).toEqual([2, 3]);
    expect(parsed.errors[0]?.message).toBe('not valid JSON');
    expect(parsed.errors[1]?.message).toMatch(/^outcome: /);
  });

  it('is refused whole in CSV, with data row numbers', () => {
    const text = exportRows(awkwardRows(), 'csv').replace(',0.8125,', ',1.5,');
    const parsed = parseExportFile('bad.csv', text);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([{ row: 1, message: expect.stringMatching(/^similarity: /) }]);
  });

  it('names a JSON file that is not an export at all', () => {
    expect(parseExportFile('x.json', '{"hello": 1}').errors[0]?.message).toMatch(/not a ReplyGuard export/);
    expect(parseExportFile('x.json', '{oops').errors[0]?.message).toBe('not valid JSON');
    expect(parseExportFile('x.csv', 'a,b\n1,2').errors[0]?.message).toMatch(/CSV header lacks id/);
  });
});

describe('import into the imported table', () => {
  it('imports new rows, skips known ids and keeps agent labels', async () => {
    const db = freshDb();
    const rows = awkwardRows();
    expect(await putImported(db, rows)).toMatchObject({ imported: 3, skipped: 0 });
    expect(await putImported(db, [...rows, row({ agent: 'cy' })])).toMatchObject({ imported: 1, skipped: 3 });
    expect((await allOverridesByTime(db)).map((r) => r.agent).sort()).toEqual(['', 'ana', 'bo', 'cy']);
  });

  it('sends files in batches with progress and sums the answers; refused files count as rejected', async () => {
    const db = freshDb();
    const good = parseExportFile(
      'a.json',
      exportRows(
        Array.from({ length: 10 }, () => row()),
        'json',
      ),
    );
    const dup = parseExportFile('b.ndjson', exportRows(good.rows.slice(0, 4), 'ndjson'));
    const bad = parseExportFile('c.ndjson', `${JSON.stringify(row())}\n{"id":1}\n`);
    const progress: number[] = [];
    const summary = await importParsedFiles(
      [good, dup, bad],
      (rows) => putImported(db, rows),
      (done) => progress.push(done),
      3,
    );
    expect(summary).toMatchObject({ imported: 10, skipped: 4, rejected: 2 });
    expect(summary.files.map((f) => f.errors.length)).toEqual([0, 0, 1]);
    expect(progress).toEqual([0, 3, 6, 9, 12, 14]);
    expect(await allOverridesByTime(db)).toHaveLength(10);
  });
});

describe('the committed JSON Schema', () => {
  it('is generated from the zod schema (UPDATE_EXPORT_SCHEMA=1 rewrites it; then run biome on it)', () => {
    const schema = exportJsonSchema();
    expect(schema.$id).toBe(EXPORT_SCHEMA_ID);
    expect(schema.version).toBe(EXPORT_SCHEMA_VERSION);
    const file = path.resolve(import.meta.dirname, '../../../lib/db/export-schema.json');
    if (process.env.UPDATE_EXPORT_SCHEMA === '1') writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
    // Compared as data: Biome formats the committed file.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schema);
  });
});

describe('allOverridesByTime', () => {
  it('returns every row, oldest decision first, whatever the id order', async () => {
    const db = freshDb();
    await putImported(db, [
      row({ id: 'c', decidedAt: 10 }),
      row({ id: 'a', decidedAt: 30 }),
      row({ id: 'b', decidedAt: 20 }),
    ]);
    expect((await allOverridesByTime(db)).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
});

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportRows } from '@/lib/db/export';
import { parseExportFile } from '@/lib/db/read-export';
import type { OverrideRow } from '@/lib/db/schema';
import { FORMULA_CELLS, FORMULA_STARTS } from '../../fixtures/hostile';
import { row } from '../../fixtures/rows';

/** A row with `text` in every free-text column. */
const hostileRow = (text: string): OverrideRow =>
  row({
    agent: text,
    helpdesk: text,
    ticketHash: text,
    reason: 'other',
    note: text,
    privacy: 'full',
    suggestionText: text,
    sentText: text,
  });

/**
 * Issue 14, case 5: a CSV export opened in a spreadsheet must not run anything. The file is read
 * back the way a spreadsheet reads it (RFC 4180 cells, quotes removed) and no cell may start
 * like a formula; importing it again still gives the rows exactly.
 */
describe('CSV export and formula injection (hostile corpus)', () => {
  const rows = FORMULA_CELLS.map(hostileRow);
  const csv = exportRows(rows, 'csv');

  it('writes no cell a spreadsheet would read as a formula', () => {
    const cells = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true }).data.flat();
    expect(cells.length).toBeGreaterThan(FORMULA_CELLS.length * 17);
    const formulas = cells.filter((cell) => FORMULA_STARTS.test(cell));
    expect(formulas).toEqual([]);
  });

  it('neutralises with a leading apostrophe that an import of the same file takes off again', () => {
    const parsed = parseExportFile('team.csv', csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual(rows);
  });

  it('leaves ordinary text alone', () => {
    const plain = [hostileRow('Thanks, Ana – see you soon'), hostileRow('a=b, 1+1 and e-mail@example.com')];
    const text = exportRows(plain, 'csv');
    expect(text).not.toContain("'");
    expect(parseExportFile('plain.csv', text).rows).toEqual(plain);
  });
});

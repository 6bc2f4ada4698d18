import { checkItem, MAX_REPORTED_ERRORS, type RowError } from './import';
import { ExportReader, type FileFormat } from './read-export';
import type { OverrideRow } from './schema';

/** What reading a rows file found. */
export interface RowsFileCheck {
  format: FileFormat | null;
  /** Records in the file, valid or not. */
  total: number;
  /** Valid rows. */
  valid: number;
  /** Problems, sorted by row (row 0: the whole file), at most `MAX_REPORTED_ERRORS`. */
  errors: RowError[];
}

/**
 * Reads a rows file from its text chunks, checks every record against the export schema, and
 * hands the valid rows to `onRows` batch by batch (in file order, with the data row number of
 * the first, and `texts[i]`: `rows[i]`'s JSON text as the file spells it, where the format has
 * one and the row is exactly what it says, not upgraded from an older export version). Nothing is
 * kept here: the caller decides (the import writes as it reads, the verifier keeps digests only).
 * `onProblem` is called at each problem found, as soon as it is found (the import stops writing).
 */
export async function readRowsFile(
  name: string,
  text: AsyncIterable<string> | Iterable<string>,
  onRows: (rows: OverrideRow[], firstRow: number, texts: (string | undefined)[]) => void | Promise<void>,
  onProblem: () => void = () => {},
): Promise<RowsFileCheck> {
  const reader = new ExportReader(name);
  const errors: RowError[] = [];
  let total = 0;
  let valid = 0;
  const take = async (batch: ReturnType<ExportReader['push']>) => {
    if (batch.errors.length) onProblem();
    for (const e of batch.errors) if (errors.length < MAX_REPORTED_ERRORS * 2) errors.push(e);
    const rows: OverrideRow[] = [];
    const texts: (string | undefined)[] = [];
    let first = -1;
    batch.items.forEach((raw, i) => {
      total += 1;
      if (raw === undefined) return;
      const checked = checkItem(raw);
      if ('row' in checked) {
        if (first < 0) first = batch.firstRow + i;
        rows.push(checked.row);
        texts.push(checked.row === raw ? batch.texts?.[i] : undefined);
      } else {
        onProblem();
        if (errors.length < MAX_REPORTED_ERRORS * 2) errors.push({ row: batch.firstRow + i, message: checked.error });
      }
    });
    valid += rows.length;
    if (rows.length) await onRows(rows, first, texts);
  };
  for await (const chunk of text) await take(reader.push(chunk));
  await take(reader.end());
  if (total === 0 && errors.length === 0) errors.push({ row: 0, message: 'no rows in the file' });
  errors.sort((a, b) => a.row - b.row);
  return { format: reader.format, total, valid, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
}

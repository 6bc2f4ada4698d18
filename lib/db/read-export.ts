import Papa from 'papaparse';
import { EXPORT_FORMAT, exportDocumentSchema } from './export-schema';
import {
  checkItem,
  csvHeaderProblem,
  fromCsvRecord,
  issueText,
  MAX_REPORTED_ERRORS,
  type ParsedFile,
  type RowError,
} from './import';
import type { OverrideRow } from './schema';

/**
 * Reads an export file as it streams in, text chunk by text chunk, and hands out its records in
 * batches: no file is ever held as one string (a 1,000,000-row NDJSON export is about 800 MB; V8
 * cannot make a string that long, and reading one made the dashboard misread the file as CSV).
 *
 * The format comes from the content, not the name: a JSON document (`{"format": …, "rows": [`,
 * over any number of lines, or a bare array), NDJSON (one row per line), or CSV (RFC 4180, header
 * row). Records come out as parsed JSON values (CSV: cells turned back into values by
 * `fromCsvRecord`), for `checkItem` to judge; a record that is not even JSON comes out as
 * `undefined` with its error.
 */

export type FileFormat = 'json' | 'ndjson' | 'csv';

export interface RecordBatch {
  /** Records in file order; `undefined` where a record is not valid JSON (its error is in `errors`). */
  items: unknown[];
  /** Data row number (from 1) of `items[0]`. */
  firstRow: number;
  /** Problems found in this part of the file; row 0 means the whole file. */
  errors: RowError[];
  /**
   * Each record's JSON text as the file spells it (`texts[i]` is `items[i]`'s), where the format
   * has one (NDJSON lines, JSON document elements): an import stores a row's text as it is
   * instead of serialising the parsed row again.
   */
  texts?: string[];
}

const NEWLINE = 10;
const QUOTE = 34;

/** Reads NDJSON line by line. */
class NdjsonReader {
  #rest = '';
  #row = 0;

  push(text: string, end: boolean): RecordBatch {
    const all = this.#rest + text;
    const cut = end ? all.length : all.lastIndexOf('\n') + 1;
    this.#rest = all.slice(cut);
    const items: unknown[] = [];
    const texts: string[] = [];
    const errors: RowError[] = [];
    const firstRow = this.#row + 1;
    let at = 0;
    while (at < cut) {
      let nl = all.indexOf('\n', at);
      if (nl < 0 || nl > cut) nl = cut;
      const line = all.slice(at, nl);
      at = nl + 1;
      if (line.trim() === '') continue;
      this.#row += 1;
      texts.push(line);
      try {
        items.push(JSON.parse(line));
      } catch {
        items.push(undefined);
        const last = end && at >= cut && !all.endsWith('\n');
        errors.push({
          row: this.#row,
          message: last
            ? 'not valid JSON (the file ends in the middle of this row: it is cut short)'
            : 'not valid JSON',
        });
      }
    }
    return { items, firstRow, errors, texts };
  }
}

/**
 * Reads a JSON document without holding it: walks the text once, keeping only the header (what
 * is outside the `rows` array) and the row being read. Elements of `rows` (or of a bare top-level
 * array) are parsed one by one.
 */
class JsonDocumentReader {
  #depth = 0;
  #inString = false;
  #escape = false;
  /** Elements are at this depth: 2 inside `{"rows": [`, 1 in a bare array. */
  readonly #elementDepth: number;
  #inRows: boolean;
  #rowsDone = false;
  #header: string[] = [];
  #element: string[] = [];
  #inElement = false;
  /** The last string closed at depth 1 (a key, when a colon follows) and the key being read. */
  #string: string[] = [];
  #lastString: string | null = null;
  #key: string | null = null;
  #row = 0;
  #bare: boolean;

  constructor(bare: boolean) {
    this.#bare = bare;
    this.#elementDepth = bare ? 1 : 2;
    this.#inRows = bare;
  }

  push(text: string, end: boolean): RecordBatch {
    const items: unknown[] = [];
    const texts: string[] = [];
    const errors: RowError[] = [];
    const firstRow = this.#row + 1;
    const emit = (piece: string) => {
      this.#element.push(piece);
      const t = this.#element.join('').trim();
      this.#element = [];
      this.#inElement = false;
      if (t === '') return;
      this.#row += 1;
      texts.push(t);
      try {
        items.push(JSON.parse(t));
      } catch {
        items.push(undefined);
        errors.push({ row: this.#row, message: 'not valid JSON' });
      }
    };
    let elementStart = this.#inElement ? 0 : -1;
    let headerStart = this.#inRows ? -1 : 0;
    let stringStart = this.#inString && this.#depth === 1 && !this.#inRows ? 0 : -1;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      if (this.#inString) {
        // Jump to the next quote or backslash: most of a row is text.
        let j = i;
        if (!this.#escape) {
          const q = text.indexOf('"', i);
          const b = text.indexOf('\\', i);
          j = q < 0 ? (b < 0 ? n : b) : b < 0 ? q : Math.min(q, b);
          if (j >= n) {
            i = n;
            break;
          }
        }
        const c = text.charCodeAt(j);
        if (this.#escape) this.#escape = false;
        else if (c === 92) this.#escape = true;
        else if (c === QUOTE) {
          this.#inString = false;
          if (stringStart >= 0) {
            this.#string.push(text.slice(stringStart, j));
            this.#lastString = this.#string.join('');
            this.#string = [];
            stringStart = -1;
          }
        }
        i = j;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.#inString = true;
        if (this.#depth === 1 && !this.#inRows) stringStart = i + 1;
        if (this.#inRows && this.#depth === this.#elementDepth && !this.#inElement) {
          this.#inElement = true;
          elementStart = i;
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === NEWLINE) continue;
      if (c === 58 /* : */ && this.#depth === 1 && !this.#inRows) {
        this.#key = this.#lastString;
        continue;
      }
      if (c === 123 /* { */ || c === 91 /* [ */) {
        if (this.#inRows && this.#depth === this.#elementDepth && !this.#inElement) {
          this.#inElement = true;
          elementStart = i;
        }
        this.#depth += 1;
        if (!this.#bare && c === 91 && this.#depth === 2 && this.#key === 'rows' && !this.#rowsDone) {
          this.#inRows = true;
          this.#header.push(text.slice(headerStart, i + 1));
          headerStart = -1;
        }
        continue;
      }
      if (c === 125 /* } */ || c === 93 /* ] */) {
        if (this.#inRows && this.#depth === this.#elementDepth && this.#inElement) {
          emit(text.slice(elementStart, i));
          elementStart = -1;
        }
        this.#depth -= 1;
        if (this.#inRows && this.#depth === this.#elementDepth - 1) {
          // The rows array (or the bare array) closed.
          this.#inRows = false;
          this.#rowsDone = true;
          if (!this.#bare) headerStart = i;
        }
        continue;
      }
      if (c === 44 /* , */ && this.#inRows && this.#depth === this.#elementDepth) {
        if (this.#inElement) emit(text.slice(elementStart, i));
        elementStart = -1;
        continue;
      }
      if (this.#inRows && this.#depth === this.#elementDepth && !this.#inElement) {
        // A number, true, false or null as an element.
        this.#inElement = true;
        elementStart = i;
      }
    }
    if (this.#inElement && elementStart >= 0) this.#element.push(text.slice(elementStart));
    if (stringStart >= 0 && this.#inString) this.#string.push(text.slice(stringStart));
    if (headerStart >= 0) this.#header.push(text.slice(headerStart));
    if (end) {
      if (this.#depth !== 0 || this.#inString) {
        errors.push({
          row: 0,
          message: `the file ends in the middle of the JSON document, after ${this.#row.toLocaleString('en')} rows: it is cut short`,
        });
      } else if (!this.#bare) {
        const problem = this.#headerProblem();
        if (problem) errors.push({ row: 0, message: problem });
      }
    }
    return { items, firstRow, errors, texts };
  }

  #headerProblem(): string | null {
    let doc: unknown;
    try {
      doc = JSON.parse(this.#header.join(''));
    } catch {
      return 'not valid JSON';
    }
    if (!this.#rowsDone) return 'not a ReplyGuard export: it has no "rows" list';
    const parsed = exportDocumentSchema.safeParse(doc);
    return parsed.success ? null : `not a ReplyGuard export: ${issueText(parsed.error)}`;
  }
}

/** Reads CSV in blocks that end at a record boundary (a line end outside quotes), each through papaparse. */
class CsvReader {
  #rest = '';
  #quotes = 0;
  /** Found in the first block (papaparse guesses it), then kept: a later block must not guess differently. */
  #delimiter: string | undefined;
  #fields: string[] | null = null;
  #row = 0;

  push(text: string, end: boolean): RecordBatch {
    const scanFrom = this.#rest.length;
    const all = this.#rest + text;
    let cut = -1;
    let odd = this.#quotes % 2 === 1;
    for (let i = scanFrom; i < all.length; i++) {
      const c = all.charCodeAt(i);
      if (c === QUOTE) odd = !odd;
      else if (c === NEWLINE && !odd) cut = i + 1;
    }
    if (end) cut = all.length;
    const items: unknown[] = [];
    const errors: RowError[] = [];
    if (cut < 0) {
      this.#rest = all;
      this.#quotes = odd ? 1 : 0;
      return { items, firstRow: this.#row + 1, errors };
    }
    const block = all.slice(0, cut);
    this.#rest = all.slice(cut);
    // Quotes after the cut: count them again next time from the start of what is left.
    let restQuotes = 0;
    for (let i = 0; i < this.#rest.length; i++) if (this.#rest.charCodeAt(i) === QUOTE) restQuotes += 1;
    this.#quotes = restQuotes;
    const result = Papa.parse<string[]>(block, { skipEmptyLines: true, delimiter: this.#delimiter });
    this.#delimiter ??= result.meta.delimiter;
    let records = result.data;
    const offset = this.#fields ? this.#row : -1;
    for (const e of result.errors) errors.push({ row: offset + (e.row ?? 0) + 1, message: `CSV: ${e.message}` });
    if (!this.#fields && records.length) {
      this.#fields = records[0] as string[];
      records = records.slice(1);
      const problem = csvHeaderProblem(this.#fields);
      if (problem) errors.push({ row: 0, message: problem });
    }
    const firstRow = this.#row + 1;
    const fields = this.#fields ?? [];
    for (const cells of records) {
      this.#row += 1;
      if (cells.length !== fields.length) {
        errors.push({
          row: this.#row,
          message: `CSV: ${cells.length < fields.length ? 'Too few' : 'Too many'} fields: expected ${fields.length} fields but parsed ${cells.length}`,
        });
      }
      const record: Record<string, string> = {};
      fields.forEach((f, i) => {
        record[f] = cells[i] ?? '';
      });
      items.push(fromCsvRecord(record));
    }
    if (end && odd) {
      errors.push({ row: this.#row, message: 'CSV: a quoted cell never closes: the file is cut short' });
    }
    return { items, firstRow, errors };
  }
}

/**
 * Reads one export file from its text, chunk by chunk: `push` each chunk as it arrives, then
 * `end`. Each call returns the records it completed. `format` is known once the first
 * characters (or, for `{`, the first two lines) have arrived.
 */
export class ExportReader {
  readonly #name: string;
  #format: FileFormat | null = null;
  #reader: NdjsonReader | JsonDocumentReader | CsvReader | null = null;
  #pending = '';
  /** Line ends in `#pending` (counted chunk by chunk, so a long first line is not rescanned). */
  #lines = 0;
  #started = false;

  constructor(name: string) {
    this.#name = name;
  }

  get format(): FileFormat | null {
    return this.#format;
  }

  push(text: string): RecordBatch {
    return this.#feed(text, false);
  }

  end(): RecordBatch {
    const batch = this.#feed('', true);
    if (this.#format === null) batch.errors.push({ row: 0, message: 'the file is empty' });
    return batch;
  }

  #feed(text: string, end: boolean): RecordBatch {
    if (this.#reader) return this.#reader.push(text, end);
    // Until the format is known, wait (cheaply: a string rope) for the first two line ends.
    if (this.#started && this.#pending[0] === '{' && !end && this.#lines < 2) {
      this.#pending += text;
      for (let i = text.indexOf('\n'); i >= 0 && this.#lines < 2; i = text.indexOf('\n', i + 1)) this.#lines += 1;
      if (this.#lines < 2) return { items: [], firstRow: 1, errors: [] };
      text = '';
    }
    let all = this.#pending + text;
    if (!this.#started) {
      all = all.replace(/^\uFEFF/, '');
      const start = all.search(/\S/);
      if (start < 0) {
        this.#pending = all;
        return { items: [], firstRow: 1, errors: [] };
      }
      all = all.slice(start);
      this.#started = true;
    }
    const decided = this.#decide(all, end);
    if (!decided) {
      this.#pending = all;
      this.#lines = 0;
      for (let i = all.indexOf('\n'); i >= 0 && this.#lines < 2; i = all.indexOf('\n', i + 1)) this.#lines += 1;
      return { items: [], firstRow: 1, errors: [] };
    }
    this.#pending = '';
    return decided;
  }

  /** Chooses the format from the text so far; null when it needs more. */
  #decide(all: string, end: boolean): RecordBatch | null {
    const first = all[0];
    if (first === '[') return this.#use('json', new JsonDocumentReader(true), all, end);
    if (first !== '{') return this.#use('csv', new CsvReader(), all, end);
    const nl1 = all.indexOf('\n');
    if (nl1 < 0 && !end) return null;
    const line1 = nl1 < 0 ? all : all.slice(0, nl1);
    const one = parseOrNull(line1);
    const rest = nl1 < 0 ? '' : all.slice(nl1 + 1);
    const alone = rest.trim() === '' && end;
    if (one !== undefined && alone) return this.#single(one, all);
    if (one === undefined && alone) {
      // One line that is not JSON: a broken file, whichever format it meant to be.
      const json = /\.json$/i.test(this.#name);
      this.#format = json ? 'json' : 'ndjson';
      return {
        items: json ? [] : [undefined],
        firstRow: 1,
        errors: [{ row: json ? 0 : 1, message: 'not valid JSON' }],
      };
    }
    if (one !== undefined && !isDocument(one)) return this.#use('ndjson', new NdjsonReader(), all, end);
    if (one !== undefined) return this.#use('json', new JsonDocumentReader(false), all, end);
    // The first line is not JSON on its own: a document over several lines, or NDJSON whose first
    // row is broken. The second line tells.
    const nl2 = rest.indexOf('\n');
    if (nl2 < 0 && !end) return null;
    const line2 = (nl2 < 0 ? rest : rest.slice(0, nl2)).trim();
    if (line2 === '') {
      if (/\.json$/i.test(this.#name) || !end) return this.#use('json', new JsonDocumentReader(false), all, end);
      return this.#use('ndjson', new NdjsonReader(), all, end);
    }
    const two = parseOrNull(line2);
    if (two !== undefined && typeof two === 'object' && two !== null && !Array.isArray(two)) {
      return this.#use('ndjson', new NdjsonReader(), all, end);
    }
    return this.#use('json', new JsonDocumentReader(false), all, end);
  }

  #use(format: FileFormat, reader: NdjsonReader | JsonDocumentReader | CsvReader, all: string, end: boolean) {
    this.#format = format;
    this.#reader = reader;
    return reader.push(all, end);
  }

  /** A file of one JSON value: a whole document, or one NDJSON row. */
  #single(value: unknown, all: string): RecordBatch {
    if (isDocument(value) || /\.json$/i.test(this.#name)) {
      const parsed = exportDocumentSchema.safeParse(value);
      if (parsed.success || isDocument(value)) return this.#use('json', new JsonDocumentReader(false), all, true);
      this.#format = 'json';
      return {
        items: [],
        firstRow: 1,
        errors: [{ row: 0, message: `not a ReplyGuard export: ${issueText(parsed.error)}` }],
      };
    }
    return this.#use('ndjson', new NdjsonReader(), all, true);
  }
}

const parseOrNull = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** A JSON value that is an export document rather than a row. */
function isDocument(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return o.format === EXPORT_FORMAT || Array.isArray(o.rows);
}

/**
 * Parses and validates one export file held as text (tests, small files): the same reader and
 * row check as a streamed import. Every row is checked; any error means the file imports
 * nothing, so a merge never ends up half-done.
 */
export function parseExportFile(name: string, text: string): ParsedFile {
  const reader = new ExportReader(name);
  const batches = [reader.push(text), reader.end()];
  const rows: OverrideRow[] = [];
  const errors: RowError[] = [];
  let total = 0;
  for (const batch of batches) {
    errors.push(...batch.errors);
    batch.items.forEach((raw, i) => {
      total += 1;
      if (raw === undefined) return;
      const checked = checkItem(raw);
      if ('row' in checked) rows.push(checked.row);
      else errors.push({ row: batch.firstRow + i, message: checked.error });
    });
  }
  if (total === 0 && errors.length === 0) errors.push({ row: 0, message: 'no rows in the file' });
  errors.sort((a, b) => a.row - b.row);
  return {
    name,
    format: reader.format ?? 'csv',
    rows: errors.length ? [] : rows,
    total,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
  };
}

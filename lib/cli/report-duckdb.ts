import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { FIGURE_QUERIES, type Query, type ReportSql, sqlString } from '../report/figures';

/**
 * Running the report's SQL on DuckDB, embedded in this process (no server): reads export files
 * (NDJSON lines, Parquet with the export schema) as the relation `rg_rows` the base SQL starts from.
 */

/** The report's SQL files, read from lib/report/sql (the DuckDB base and the portable figures). */
export function loadReportSql(): ReportSql {
  const read = (name: string) => readFileSync(new URL(`../report/sql/${name}.sql`, import.meta.url), 'utf8');
  const sql = { base: read('base/duckdb') } as ReportSql;
  for (const name of FIGURE_QUERIES) sql[name] = read(name);
  return sql;
}

/** The export schema's fields the figures read, as DuckDB types (NDJSON: read by name, the rest ignored). */
const NDJSON_COLUMNS = `{
  id: 'VARCHAR', shownAt: 'BIGINT', decidedAt: 'BIGINT', helpdesk: 'VARCHAR', agent: 'VARCHAR',
  outcome: 'VARCHAR', reason: 'VARCHAR', similarity: 'DOUBLE', editSize: 'BIGINT', source: 'VARCHAR',
  findings: 'STRUCT(rule VARCHAR, category VARCHAR, severity VARCHAR, dismissed BOOLEAN)[]',
  customer: 'STRUCT(sentiment STRUCT(label VARCHAR, score DOUBLE), sarcasm STRUCT(likely BOOLEAN))'
}`;

const FIELDS = 'id, shownAt, decidedAt, helpdesk, agent, outcome, reason, similarity, editSize, source';

/**
 * The `rg_rows` view over the files: NDJSON through DuckDB's JSON reader with the columns above,
 * Parquet projected to the same nested types (a Parquet export carries every field of the schema).
 */
export function rowsViewSql(files: { ndjson: readonly string[]; parquet: readonly string[] }): string {
  const list = (xs: readonly string[]) => `[${xs.map(sqlString).join(', ')}]`;
  const parts: string[] = [];
  if (files.ndjson.length) {
    parts.push(
      `SELECT ${FIELDS}, findings, customer, filename AS file FROM read_ndjson(${list(files.ndjson)}, ` +
        `columns = ${NDJSON_COLUMNS}, filename = true, format = 'newline_delimited')`,
    );
  }
  if (files.parquet.length) {
    parts.push(
      `SELECT ${FIELDS},
        list_transform(findings, f -> {'rule': f.rule, 'category': f.category, 'severity': f.severity, 'dismissed': f.dismissed}) AS findings,
        CASE WHEN customer IS NULL THEN NULL ELSE {'sentiment': {'label': customer.sentiment.label, 'score': customer.sentiment.score}, 'sarcasm': {'likely': customer.sarcasm.likely}} END AS customer,
        filename AS file
      FROM read_parquet(${list(files.parquet)}, filename = true, union_by_name = true)`,
    );
  }
  if (!parts.length) throw new Error('no NDJSON or Parquet files to read');
  return `CREATE OR REPLACE TEMP VIEW rg_rows AS ${parts.join('\nUNION ALL BY NAME\n')}`;
}

/** Options of the embedded engine. */
export interface DuckDbOptions {
  /** DuckDB's memory limit: beyond it, sorts and tables spill to `tempDirectory`. @default '2GB' */
  memoryLimit?: string;
  /** Worker threads. @default DuckDB's own (one per core) */
  threads?: number;
  /** Where spilled data goes. @default DuckDB's own (`.tmp` beside a file database, none in memory) */
  tempDirectory?: string;
}

/** Opens an in-memory DuckDB and returns a `Query` on it, and a close. */
export async function openDuckDb(options: DuckDbOptions = {}): Promise<{ query: Query; close: () => void }> {
  // Row order is never relied on (every query orders what it returns): without it DuckDB reads and
  // builds tables in parallel pieces with less memory.
  const config: Record<string, string> = {
    memory_limit: options.memoryLimit ?? '2GB',
    preserve_insertion_order: 'false',
  };
  if (options.threads) config.threads = String(options.threads);
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  const query: Query = async (sql) => {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjects() as Record<string, unknown>[];
  };
  return {
    query,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

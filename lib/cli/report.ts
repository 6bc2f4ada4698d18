/**
 * `npm run report -- FOLDER_OR_FILES [options]`: the dashboard's figures over a team's export files,
 * computed by the SQL in lib/report/sql on DuckDB embedded in this process (no server). Writes a
 * terminal summary and an HTML page.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportFigures } from '../report/figures';
import { reportHtml, terminalSummary } from '../report/render';
import type { PeriodPreset } from '../stats/period';
import { loadReportSql, openDuckDb, rowsViewSql } from './report-duckdb';

const USAGE = `Usage: npm run report -- FOLDER_OR_FILE [...] [options]

Reads ReplyGuard exports (NDJSON: .ndjson/.jsonl; Parquet: .parquet; folders are searched
recursively), counts every event id once, and prints the dashboard's figures for a period:
headline figures, trends, rules and their false-alarm rates, breakdowns, drift.

Options:
  --period 7d|28d|90d|all   the period, ending with the newest event's day (default 28d)
  --tz ZONE                 IANA time zone of the local days (default: this machine's, ${Intl.DateTimeFormat().resolvedOptions().timeZone})
  --out FILE                where the HTML page goes (default replyguard-report.html)
  --json FILE               also write the figures as JSON
  --memory SIZE             DuckDB memory limit; beyond it DuckDB spills to disk (default 2GB)
  --threads N               DuckDB threads (default: one per core)
  --help                    show this help`;

interface Options {
  inputs: string[];
  preset: PeriodPreset;
  tz: string;
  out: string;
  json: string | null;
  memory: string;
  threads: number | undefined;
}

function parseArgs(argv: readonly string[]): Options | { exit: number; message: string } {
  const o: Options = {
    inputs: [],
    preset: '28d',
    tz: process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    out: 'replyguard-report.html',
    json: null,
    memory: '2GB',
    threads: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return { exit: 0, message: USAGE };
    else if (a === '--period') {
      const p = value();
      if (!['7d', '28d', '90d', 'all'].includes(p))
        return { exit: 2, message: `--period: 7d, 28d, 90d or all, not ${p}` };
      o.preset = p as PeriodPreset;
    } else if (a === '--tz') o.tz = value();
    else if (a === '--out') o.out = value();
    else if (a === '--json') o.json = value();
    else if (a === '--memory') o.memory = value();
    else if (a === '--threads') o.threads = Number(value());
    else if (a.startsWith('--')) return { exit: 2, message: `unknown option ${a}\n\n${USAGE}` };
    else o.inputs.push(a);
  }
  if (!o.inputs.length) return { exit: 2, message: USAGE };
  try {
    new Intl.DateTimeFormat('en', { timeZone: o.tz });
  } catch {
    return { exit: 2, message: `--tz: not a time zone: ${o.tz}` };
  }
  return o;
}

/** The export files under the inputs, sorted by path (the first file of a repeated id wins). */
export function exportFiles(inputs: readonly string[]): {
  ndjson: string[];
  parquet: string[];
  skipped: string[];
  bytes: number;
} {
  const found = { ndjson: [] as string[], parquet: [] as string[], skipped: [] as string[], bytes: 0 };
  const visit = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
      return;
    }
    if (/\.(ndjson|jsonl)$/i.test(p)) found.ndjson.push(p);
    else if (/\.parquet$/i.test(p)) found.parquet.push(p);
    else {
      found.skipped.push(p);
      return;
    }
    found.bytes += s.size;
  };
  for (const input of inputs) visit(path.resolve(input));
  found.ndjson.sort();
  found.parquet.sort();
  return found;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if ('exit' in parsed) {
    (parsed.exit ? console.error : console.log)(parsed.message);
    return parsed.exit;
  }
  // Local days and period bounds follow this zone, in the SQL and in Date alike.
  process.env.TZ = parsed.tz;
  const started = performance.now();
  const files = exportFiles(parsed.inputs);
  for (const f of files.skipped) {
    console.error(
      `skipped ${f}: not NDJSON (.ndjson, .jsonl) or Parquet (an encrypted export must be decrypted first)`,
    );
  }
  const count = files.ndjson.length + files.parquet.length;
  if (!count) {
    console.error('no export files found');
    return 2;
  }
  const duck = await openDuckDb({ memoryLimit: parsed.memory, threads: parsed.threads, tempDirectory: os.tmpdir() });
  try {
    await duck.query(rowsViewSql(files));
    const figures = await reportFigures(duck.query, loadReportSql(), { tz: parsed.tz, preset: parsed.preset });
    const meta = {
      files: count,
      bytes: files.bytes,
      tz: parsed.tz,
      preset: parsed.preset,
      engine: 'DuckDB (embedded)',
      ms: performance.now() - started,
    };
    writeFileSync(parsed.out, reportHtml(figures, meta));
    if (parsed.json) writeFileSync(parsed.json, JSON.stringify({ meta, figures }, null, 1));
    console.log(terminalSummary(figures, meta));
    console.log(`\nHTML report: ${path.resolve(parsed.out)}`);
    return 0;
  } finally {
    duck.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`report failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

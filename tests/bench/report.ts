/**
 * `npm run bench:report`: the SQL report (`npm run report`, DuckDB embedded) over a team's exports at
 * organisation scale: by default 10,000,000 rows in 200 NDJSON files (one agent's export each,
 * every field, texts kept as the `redacted` privacy mode keeps them). Goal: the report in 60 s or
 * less on the 2-core development machine, memory bounded (DuckDB's memory limit; it spills beyond).
 *
 * The files are generated once into the system's temporary folder and reused by later runs (the
 * generation is not the figure). The report runs as its own process, timed from start to exit;
 * its peak resident memory is read from /proc while it runs.
 *
 * Flags: --rows N (10,000,000), --files N (200), --memory SIZE (DuckDB limit, 2GB), --threads N,
 * --period P (28d), --dir DIR (where the files go), --generate-only (write the files, run nothing),
 * --clean (delete the files afterwards).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAgentFile } from './report-data';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const ROWS = Number(flag('rows', '10000000'));
const FILES = Number(flag('files', '200'));
const MEMORY = flag('memory', '2GB');
const THREADS = flag('threads', '');
const PERIOD = flag('period', '28d');
const GOAL_S = 60;
const DAYS = 180;
/** A fixed end, so the generated files and the figures are the same on every run. */
const END = Date.UTC(2026, 10, 30, 18);
const dir = flag('dir', path.join(os.tmpdir(), `replyguard-bench-report-v1-${ROWS}-${FILES}`));

async function generate(): Promise<{ bytes: number; ms: number; reused: boolean }> {
  const marker = `${dir}.complete.json`;
  if (existsSync(marker)) return { ...JSON.parse(readFileSync(marker, 'utf8')), ms: 0, reused: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  let bytes = 0;
  for (let f = 0; f < FILES; f++) {
    const rows = Math.floor(ROWS / FILES) + (f < ROWS % FILES ? 1 : 0);
    const agent = `agent-${String(f + 1).padStart(3, '0')}`;
    bytes += await writeAgentFile(path.join(dir, `${agent}.ndjson`), {
      seed: 1000 + f,
      agent,
      rows,
      days: DAYS,
      end: END,
      driftDays: 14,
    });
    if ((f + 1) % 20 === 0) process.stdout.write(`  generated ${f + 1} of ${FILES} files\n`);
  }
  writeFileSync(marker, JSON.stringify({ bytes }));
  return { bytes, ms: performance.now() - t0, reused: false };
}

/** Peak resident memory of a process so far (VmHWM), in bytes; 0 once it has gone. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function runReport(): Promise<{ ms: number; peak: number; stdout: string; figures: string }> {
  const out = path.join(os.tmpdir(), `replyguard-bench-report-${process.pid}`);
  const cli = [
    '--import',
    'tsx',
    path.join(root, 'lib/cli/report.ts'),
    dir,
    '--period',
    PERIOD,
    '--tz',
    'UTC',
    '--out',
    `${out}.html`,
    '--json',
    `${out}.json`,
    '--memory',
    MEMORY,
    ...(THREADS ? ['--threads', THREADS] : []),
  ];
  const t0 = performance.now();
  const child = spawn(process.execPath, cli, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  let peak = 0;
  const poll = setInterval(() => {
    peak = Math.max(peak, peakRss(child.pid as number));
  }, 100);
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(poll);
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`the report exited with ${code}`);
  return { ms, peak, stdout, figures: `${out}.json` };
}

async function main(): Promise<void> {
  console.log(`$ npm run bench:report -- --rows ${ROWS} --files ${FILES} --memory ${MEMORY}`);
  console.log(`Files: ${dir}`);
  const gen = await generate();
  console.log(
    gen.reused
      ? `Reusing ${FILES} generated files (${(gen.bytes / 1e9).toFixed(2)} GB).`
      : `Generated ${ROWS.toLocaleString('en')} rows in ${FILES} files (${(gen.bytes / 1e9).toFixed(2)} GB) in ${(gen.ms / 1000).toFixed(1)} s.`,
  );
  if (args.includes('--generate-only')) return;
  const loadBefore = os.loadavg();
  const r = await runReport();
  const loadAfter = os.loadavg();
  const { meta, figures } = JSON.parse(readFileSync(r.figures, 'utf8')) as {
    meta: { ms: number };
    figures: { extent: { events: number }; timings: Record<string, number> };
  };
  const s = r.ms / 1000;
  const rows = figures.extent.events;
  console.log(`\nReport over ${rows.toLocaleString('en')} rows in ${FILES} NDJSON files (DuckDB embedded)\n`);
  console.log('| measure | figure | goal | |');
  console.log('|---|---:|---:|---|');
  console.log(
    `| report, process start to exit (read, dedupe, every figure, HTML) | ${s.toFixed(1)} s | ${GOAL_S} s | ${s <= GOAL_S ? 'within goal' : 'OVER goal'} |`,
  );
  console.log(`| … of which the SQL and the page, inside the process | ${(meta.ms / 1000).toFixed(1)} s | | |`);
  for (const [k, v] of Object.entries(figures.timings)) {
    console.log(
      `| … query \`${k}\`${k === 'base' ? ' (read the files, one row per id)' : ''} | ${(v / 1000).toFixed(2)} s | | |`,
    );
  }
  console.log(
    `| throughput | ${Math.round(rows / s).toLocaleString('en')} rows/s, ${(gen.bytes / 1e6 / s).toFixed(0)} MB/s | | |`,
  );
  console.log(
    `| peak resident memory of the report process | ${(r.peak / 2 ** 20).toFixed(0)} MiB | DuckDB limit ${MEMORY} | |`,
  );
  console.log(
    `\nMachine: ${os.cpus().length} CPUs, load average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadAfter
      .map((l) => l.toFixed(1))
      .join(' ')} (figures on a loaded machine are slower than on an idle one).`,
  );
  console.log(`\n${r.stdout.split('\n').slice(0, 2).join('\n')}`);
  rmSync(r.figures, { force: true });
  if (args.includes('--clean')) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.complete.json`, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

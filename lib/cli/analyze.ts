/**
 * The analysis CLI (DESIGN.md, "Analysis CLI"):
 *
 *   npm run --silent analyze -- --jsonl [FILE ...] < input.jsonl
 *
 * Reads JSON Lines from the files given (or stdin, also as "-"), writes one JSON line per
 * input line, in order, on stdout. A bad line gets an error on stderr naming the file and
 * line number; the other lines still run, and the exit code is 1. Blank lines are skipped.
 *
 * `npm run analyze` runs the JavaScript bundle `scripts/build-cli.mjs` writes at install time
 * (build/cli/analyze.mjs), so no TypeScript is compiled when it starts. Small inputs run on the
 * main thread. Past `PARALLEL_AFTER` lines the rest goes to one worker thread per core, in
 * numbered batches; results are written in input order whatever order the workers finish in.
 * On a terminal, a long run prints its progress on stderr.
 */
import { createReadStream, readFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { RulePack } from '../engine/packs/types';
import { formatPackErrors, parsePack } from '../engine/packs/validate';
import { analyzeLine } from './analyze-line';
import { loadModelsFromDisk } from './load-models';

const USAGE = `Usage: npm run --silent analyze -- --jsonl [--rules FILE] [--threads N] [FILE ...]

Reads JSON Lines (stdin, or the files given; "-" is stdin) and writes one JSON line per
input line on stdout, in order.

Input line (every field but "id" optional):
  {"id": "t1", "customer": ["oldest", "latest"], "agent": ["earlier replies"], "reply": "AI draft"}
Output line:
  {"id": "t1", "customer": {"sentiment": {...}, "sarcasm": {...}, "escalation": {...}} | null, "findings": [...]}

Options:
  --jsonl        JSON Lines in and out (the only format; accepted for clarity)
  --rules FILE   apply a team rule pack (JSON or YAML; repeatable). An invalid pack is reported
                 entry by entry and nothing runs (exit code 2)
  --threads N    worker threads for large inputs (default: one per core; 0 = main thread only)
  --help         show this help

Bad lines are reported on stderr with their line number; the rest still run (exit code 1).`;

/** Below this many lines the main thread does the work: starting workers costs more than it saves. */
const PARALLEL_AFTER = 2000;
/** Lines per message to a worker: large enough that messaging is noise, small enough to keep order cheap. */
const BATCH_LINES = 500;
/** Batches in flight per worker before reading pauses (bounds memory on a huge input). */
const IN_FLIGHT_PER_WORKER = 4;
/** Progress is shown on a terminal once a run has taken this long. */
const PROGRESS_AFTER_MS = 1500;

interface Options {
  files: string[];
  /** Rule pack texts (validated), re-parsed by each worker. */
  packTexts: string[];
  packs: RulePack[];
  threads: number;
}

function parseArgs(argv: readonly string[]): Options | { exit: number } {
  const files: string[] = [];
  const packs: RulePack[] = [];
  const packTexts: string[] = [];
  let threads = Math.max(1, os.availableParallelism());
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return { exit: 0 };
    }
    if (arg === '--jsonl') continue;
    if (arg === '--threads' || arg.startsWith('--threads=')) {
      const value = Number(arg === '--threads' ? argv[++i] : arg.slice('--threads='.length));
      if (!Number.isInteger(value) || value < 0) {
        process.stderr.write('analyze: --threads needs a whole number (0 = main thread only)\n');
        return { exit: 2 };
      }
      threads = value;
      continue;
    }
    if (arg === '--rules' || arg.startsWith('--rules=')) {
      const file = arg === '--rules' ? argv[++i] : arg.slice('--rules='.length);
      if (!file) {
        process.stderr.write('analyze: --rules needs a file name\n');
        return { exit: 2 };
      }
      let text: string;
      try {
        text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      } catch (err) {
        process.stderr.write(`analyze: cannot read rule pack ${file}: ${(err as Error).message}\n`);
        return { exit: 2 };
      }
      const result = parsePack(text);
      if (!result.ok) {
        const lines = formatPackErrors(result.errors).replace(/^/gm, `  ${file}: `);
        process.stderr.write(`analyze: invalid rule pack, nothing applied:\n${lines}\n`);
        return { exit: 2 };
      }
      packs.push(result.pack);
      packTexts.push(text);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`analyze: unknown option ${arg}\n\n${USAGE}\n`);
      return { exit: 2 };
    }
    files.push(arg);
  }
  return { files: files.length > 0 ? files : ['-'], packs, packTexts, threads };
}

/** One line's result, as a worker sends it back: output text, or an error to report. */
type LineOut = { out: string } | { error: string };

function runLine(line: string, packs: readonly RulePack[]): LineOut {
  const result = analyzeLine(line, packs.length > 0 ? { packs } : undefined);
  return result.ok ? { out: `${JSON.stringify(result.output)}\n` } : { error: result.error };
}

interface Batch {
  label: string;
  /** Line numbers (1-based, in their file) of `lines`. */
  numbers: number[];
  lines: string[];
}

/** Writes results in input order, by batch sequence number, whatever order they arrive in. */
class OrderedWriter {
  private next = 0;
  private readonly waiting = new Map<number, { batch: Batch; results: LineOut[] }>();
  failed = 0;
  done = 0;

  put(seq: number, batch: Batch, results: LineOut[]): void {
    this.waiting.set(seq, { batch, results });
    let chunk = '';
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.next++;
      ready.results.forEach((r, i) => {
        if ('out' in r) chunk += r.out;
        else {
          this.failed++;
          process.stderr.write(`analyze: ${ready.batch.label} line ${ready.batch.numbers[i]}: ${r.error}\n`);
        }
      });
      this.done += ready.results.length;
    }
    if (chunk) process.stdout.write(chunk);
  }
}

/** Progress on stderr, only on a terminal and only for runs long enough to need it. */
function progress(writer: OrderedWriter): { stop(): void } {
  if (!process.stderr.isTTY) return { stop() {} };
  const start = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    const seconds = (Date.now() - start) / 1000;
    if (seconds * 1000 < PROGRESS_AFTER_MS) return;
    shown = true;
    const rate = Math.round(writer.done / seconds).toLocaleString('en');
    process.stderr.write(`\ranalyze: ${writer.done.toLocaleString('en')} lines, ${rate} lines/s`);
  }, 250);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (shown) process.stderr.write('\n');
    },
  };
}

/** A pool of workers fed numbered batches; `null` when threads are off. */
class Pool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Batch>();
  private nextWorker = 0;
  private wake: (() => void) | null = null;

  constructor(
    count: number,
    packTexts: readonly string[],
    private readonly writer: OrderedWriter,
  ) {
    const file = fileURLToPath(import.meta.url);
    for (let i = 0; i < count; i++) {
      const worker = new Worker(file, { workerData: { packTexts } });
      worker.on('message', (m: { seq: number; results: LineOut[] }) => {
        const batch = this.pending.get(m.seq) as Batch;
        this.pending.delete(m.seq);
        this.writer.put(m.seq, batch, m.results);
        this.wake?.();
      });
      worker.on('error', (err) => {
        process.stderr.write(`analyze: a worker failed: ${err.message}\n`);
        process.exit(2);
      });
      this.workers.push(worker);
    }
  }

  /** Sends batch number `seq` (numbered by the caller, main-thread batches included) to a worker. */
  async send(seq: number, batch: Batch): Promise<void> {
    while (this.pending.size >= this.workers.length * IN_FLIGHT_PER_WORKER) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    this.pending.set(seq, batch);
    const worker = this.workers[this.nextWorker++ % this.workers.length] as Worker;
    worker.postMessage({ seq, lines: batch.lines });
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if ('exit' in options) return options.exit;
  loadModelsFromDisk();
  const writer = new OrderedWriter();
  const shown = progress(writer);
  let pool: Pool | null = null;
  /** Batch numbers, one sequence for the main thread's batches and the workers' alike. */
  let nextSeq = 0;
  let total = 0;
  let readFailures = 0;
  const runHere = (batch: Batch) => {
    writer.put(
      nextSeq++,
      batch,
      batch.lines.map((l) => runLine(l, options.packs)),
    );
  };
  for (const source of options.files) {
    const label = source === '-' ? 'stdin' : source;
    const input = source === '-' ? process.stdin : createReadStream(source, { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    let batch: Batch = { label, numbers: [], lines: [] };
    const flush = async () => {
      if (batch.lines.length === 0) return;
      const full = batch;
      batch = { label, numbers: [], lines: [] };
      if (!pool && total >= PARALLEL_AFTER && options.threads > 0) {
        pool = new Pool(options.threads, options.packTexts, writer);
      }
      if (pool) await pool.send(nextSeq++, full);
      else runHere(full);
    };
    let n = 0;
    try {
      for await (const raw of lines) {
        n++;
        const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
        if (line.trim() === '') continue;
        batch.numbers.push(n);
        batch.lines.push(line);
        total++;
        if (batch.lines.length >= BATCH_LINES) await flush();
      }
      await flush();
    } catch (err) {
      process.stderr.write(`analyze: cannot read ${label}: ${(err as Error).message}\n`);
      readFailures++;
    }
  }
  if (pool) await (pool as Pool).drain();
  shown.stop();
  return writer.failed + readFailures > 0 ? 1 : 0;
}

function workerMain(): void {
  loadModelsFromDisk();
  const packs: RulePack[] = [];
  for (const text of (workerData as { packTexts: string[] }).packTexts) {
    const result = parsePack(text);
    if (result.ok) packs.push(result.pack);
  }
  parentPort?.on('message', (m: { seq: number; lines: string[] }) => {
    parentPort?.postMessage({ seq: m.seq, results: m.lines.map((l) => runLine(l, packs)) });
  });
}

if (isMainThread) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`analyze: ${(err as Error).message}\n`);
      process.exitCode = 2;
    },
  );
} else {
  workerMain();
}

/**
 * The analysis CLI (DESIGN.md, "Analysis CLI"):
 *
 *   npm run --silent analyze -- --jsonl [FILE ...] < input.jsonl
 *
 * Reads JSON Lines from the files given (or stdin, also as "-"), writes one JSON line per
 * input line, in order, on stdout. A bad line gets an error on stderr naming the file and
 * line number; the other lines still run, and the exit code is 1. Blank lines are skipped.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RulePack } from '../engine/packs/types';
import { formatPackErrors, parsePack } from '../engine/packs/validate';
import { analyzeLine } from './analyze-line';

const USAGE = `Usage: npm run --silent analyze -- --jsonl [--rules FILE] [FILE ...]

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
  --help         show this help

Bad lines are reported on stderr with their line number; the rest still run (exit code 1).`;

interface Options {
  files: string[];
  /** Validated rule packs from --rules. */
  packs: RulePack[];
}

function parseArgs(argv: readonly string[]): Options | { exit: number } {
  const files: string[] = [];
  const packs: RulePack[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return { exit: 0 };
    }
    if (arg === '--jsonl') continue;
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
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`analyze: unknown option ${arg}\n\n${USAGE}\n`);
      return { exit: 2 };
    }
    files.push(arg);
  }
  return { files: files.length > 0 ? files : ['-'], packs };
}

async function run(source: string, write: (s: string) => void, packs: readonly RulePack[]): Promise<number> {
  const label = source === '-' ? 'stdin' : source;
  const input = source === '-' ? process.stdin : createReadStream(source, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let failed = 0;
  let n = 0;
  try {
    for await (const raw of lines) {
      n++;
      const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const result = analyzeLine(line, packs.length > 0 ? { packs } : undefined);
      if (result.ok) write(`${JSON.stringify(result.output)}\n`);
      else {
        failed++;
        process.stderr.write(`analyze: ${label} line ${n}: ${result.error}\n`);
      }
    }
  } catch (err) {
    process.stderr.write(`analyze: cannot read ${label}: ${(err as Error).message}\n`);
    return failed + 1;
  }
  return failed;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if ('exit' in options) return options.exit;
  let failed = 0;
  const write = (s: string) => {
    process.stdout.write(s);
  };
  for (const file of options.files) failed += await run(file, write, options.packs);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`analyze: ${(err as Error).message}\n`);
    process.exitCode = 2;
  },
);

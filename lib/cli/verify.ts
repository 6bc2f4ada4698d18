/**
 * The audit CLI:
 *
 *   npm run --silent verify -- [--identity FILE] [--passphrase-file FILE] [--json] FILE_OR_FOLDER ...
 *
 * Verifies ReplyGuard exports against their audit files (`<export>.audit`, paired by name, also
 * in folders, also encrypted `.age`) without importing anything, with the same code the dashboard
 * runs: which rows were changed, removed or moved, and which installs signed what. Exit code 0
 * when every export verifies, 1 when one was tampered with, 2 when one could not be read or had
 * no audit file.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { DecryptKeys } from '../handover/age';
import type { ImportSource } from '../handover/import-files';
import { identityFrom } from '../handover/team-keys';
import { type VerifiedFile, verifySources } from '../handover/verify-files';

const USAGE = `Usage: npm run --silent verify -- [options] FILE_OR_FOLDER ...

Verifies ReplyGuard exports against their audit files (<export>.audit beside each export, paired
by name; folders are searched; encrypted .age files are decrypted with the options below). Says
which rows were changed, removed or reordered and which installs signed them. Imports nothing.

Options:
  --identity FILE         an age private key file (AGE-SECRET-KEY-1…), for files encrypted to a team key (repeatable)
  --passphrase-file FILE  a file holding the passphrase of passphrase-encrypted exports (first line)
  --json                  one JSON object per export on stdout instead of text
  --help                  show this help

Exit code: 0 every export verified; 1 an export was tampered with; 2 an export could not be read or had no audit file.`;

interface Options {
  paths: string[];
  keys: DecryptKeys;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options | { exit: number } {
  const paths: string[] = [];
  const identities: string[] = [];
  const passphrases: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return { exit: 0 };
    }
    if (arg === '--json') json = true;
    else if (arg === '--identity' || arg === '--passphrase-file') {
      const file = argv[++i];
      if (!file) {
        process.stderr.write(`verify: ${arg} needs a file name\n`);
        return { exit: 2 };
      }
      try {
        const text = readFileSync(file, 'utf8');
        if (arg === '--identity') identities.push(identityFrom(text));
        else passphrases.push(text.split(/\r?\n/)[0] ?? '');
      } catch (error) {
        process.stderr.write(`verify: cannot use ${file}: ${(error as Error).message}\n`);
        return { exit: 2 };
      }
    } else if (arg.startsWith('-')) {
      process.stderr.write(`verify: unknown option ${arg}\n${USAGE}\n`);
      return { exit: 2 };
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return { exit: 2 };
  }
  return { paths, keys: { identities, passphrases }, json };
}

/** A file on disk as an import source. */
async function fileSource(file: string, shown: string): Promise<ImportSource> {
  const s = await stat(file);
  return {
    path: shown,
    name: path.basename(file),
    size: s.size,
    lastModified: s.mtimeMs,
    open: async () => Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>,
  };
}

async function sourcesOf(paths: readonly string[]): Promise<ImportSource[]> {
  const out: ImportSource[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (!s.isDirectory()) {
      out.push(await fileSource(p, p));
      continue;
    }
    const entries = await readdir(p, { recursive: true, withFileTypes: true });
    for (const e of entries) {
      if (!e.isFile() || e.name.startsWith('.')) continue;
      const full = path.join(e.parentPath, e.name);
      out.push(await fileSource(full, path.join(p, path.relative(p, full))));
    }
  }
  return out;
}

function printText(r: VerifiedFile): void {
  const head = {
    verified: 'verified',
    tampered: 'TAMPERED',
    warnings: 'verified, with warnings',
    'no-audit': 'not verified (no audit file)',
    unreadable: 'NOT READ',
  }[r.status];
  const extra = [
    r.rows ? `${r.rows.toLocaleString('en')} rows` : '',
    r.encrypted ? `encrypted with ${r.encrypted}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  process.stdout.write(`${r.path}: ${head}${extra ? ` (${extra})` : ''}\n`);
  if (r.reason) process.stdout.write(`  ${r.reason}\n`);
  for (const e of r.errors.slice(0, 10)) process.stdout.write(`  row ${e.row}: ${e.message}\n`);
  if (!r.audit) return;
  r.audit.report.installs.forEach((i, k) => {
    const signed =
      i.signedThrough === null
        ? 'no valid signature'
        : `signed through event ${i.signedThrough}${i.signedAt ? ` (${new Date(i.signedAt).toISOString()})` : ''}`;
    process.stdout.write(
      `  signed by ${r.audit?.signers[k]}: ${i.rows.toLocaleString('en')} rows, events ${i.firstSeq ?? '–'}–${i.lastSeq ?? '–'}, ${signed}\n`,
    );
  });
  for (const p of r.audit.problems)
    process.stdout.write(`  ${p.level === 'tamper' ? '✗' : p.level === 'warning' ? '!' : '·'} ${p.text}\n`);
  const more = Object.values(r.audit.report.counts).reduce((a, b) => a + (b ?? 0), 0) - r.audit.problems.length;
  if (more > 0) process.stdout.write(`  … and ${more} more problems\n`);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if ('exit' in options) return options.exit;
  let sources: ImportSource[];
  try {
    sources = await sourcesOf(options.paths);
  } catch (error) {
    process.stderr.write(`verify: ${(error as Error).message}\n`);
    return 2;
  }
  const results = await verifySources(sources, options.keys, (r) => {
    if (options.json) {
      const { audit, ...rest } = r;
      process.stdout.write(
        `${JSON.stringify({ ...rest, audit: audit && { ...audit, report: undefined, counts: audit.report.counts, installs: audit.report.installs } })}\n`,
      );
    } else printText(r);
  });
  if (results.some((r) => r.status === 'tampered')) return 1;
  if (results.some((r) => r.status === 'unreadable' || r.status === 'no-audit')) return 2;
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`verify: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);

/**
 * Rule pack cost: how long validating a pack takes, and the first check and a one-keystroke
 * re-check of a reply with the pack applied, for packs of a given number of entries.
 *
 *   npm run bench:packs                        # 600, 3,000 and 20,000 entries and a pack at every limit, one process each
 *   npm run bench:packs -- --entries 600       # one size
 *   npm run bench:packs -- --entries 20000 --phrase-chars 200 --check-only
 *
 * Generated packs, no datasets: entry i is a banned phrase of about `--phrase-chars` characters
 * (words that appear nowhere else) with one text it must flag and one it must pass. Each size runs
 * in its own process, killed after `--timeout` seconds (default 300), so a pack that takes
 * minutes is reported as such instead of stalling the run. `--entries max` is the pack at every
 * limit (tests/fixtures/packs.ts, `maxSizePack`). Packs over the limits are refused by validation
 * and never reach the engine in the extension; their check times here are the engine's cost had
 * they been applied.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { validatePack } from '../../lib/engine/packs';
import { checkReply } from '../../lib/engine/rules/check-reply';
import { createReplyChecker } from '../../lib/engine/rules/reply-checker';
import { generatedPack, maxSizePack } from '../fixtures/packs';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const REPLY = `Hi Sam,\n\n${'Thanks for waiting, we are looking into your order and will write back today. '.repeat(40)}\n\nBest regards`;

function runOne(entries: number | 'max', phraseChars: number, checkOnly: boolean): void {
  const pack = entries === 'max' ? maxSizePack() : generatedPack(entries, phraseChars);
  const bytes = JSON.stringify(pack).length;
  let validateMs: number | null = null;
  let verdict = '';
  if (!checkOnly) {
    const t = performance.now();
    const result = validatePack(pack);
    validateMs = performance.now() - t;
    verdict = result.ok ? 'valid' : `refused: ${result.errors[0]?.path}: ${result.errors[0]?.message}`;
  }
  const ctx = { reply: REPLY, customer: null, customerMessages: [], agent: [] };
  const t1 = performance.now();
  checkReply(ctx, { packs: [pack] });
  const firstMs = performance.now() - t1;
  const checker = createReplyChecker();
  const options = { packs: [pack] };
  checker.check(ctx, options);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const reply = `${REPLY.slice(0, 200)}${String.fromCharCode(97 + (i % 26))}${REPLY.slice(200)}`;
    const t = performance.now();
    checker.check({ ...ctx, reply }, options);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p99 = samples[Math.floor(samples.length * 0.99)] ?? 0;
  const p50 = samples[Math.floor(samples.length * 0.5)] ?? 0;
  const mb = (process.memoryUsage().rss / 1e6).toFixed(0);
  console.log(
    JSON.stringify({
      entries: pack.phrases?.length ?? 0,
      phrases: (pack.phrases ?? []).reduce((n, e) => n + e.phrases.length, 0),
      phraseChars: pack.phrases?.[0]?.phrases[0]?.length ?? 0,
      packKB: Math.round(bytes / 1024),
      validateMs: validateMs === null ? null : Math.round(validateMs),
      verdict,
      firstCheckMs: Math.round(firstMs),
      keystrokeP50Ms: Number(p50.toFixed(3)),
      keystrokeP99Ms: Number(p99.toFixed(2)),
      rssMB: Number(mb),
    }),
  );
}

const one = arg('--entries');
const phraseChars = Number(arg('--phrase-chars') ?? 24);
const checkOnly = args.includes('--check-only');
if (one) {
  runOne(one === 'max' ? 'max' : Number(one), phraseChars, checkOnly);
} else {
  const timeout = Number(arg('--timeout') ?? 300) * 1000;
  const self = fileURLToPath(import.meta.url);
  for (const entries of ['600', '3000', '20000', 'max']) {
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', self, '--entries', entries, '--phrase-chars', String(phraseChars)],
      { encoding: 'utf8', timeout },
    );
    if (run.status === 0) process.stdout.write(run.stdout);
    else
      console.log(
        JSON.stringify({
          entries,
          phraseChars,
          killedAfterMs: Date.now() - started,
          signal: run.signal,
          stderr: run.stderr.slice(-300),
        }),
      );
  }
}

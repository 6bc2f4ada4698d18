/**
 * `npm run bench:db`: how fast the override log writes through the real path, in Debian's
 * Chromium with the production build: content script (isolated world) → runtime message →
 * background service worker → Dexie → IndexedDB.
 *
 * Prints rows/second for single-event messages (an agent's decisions one by one) and for the
 * outbox's batches, and the time to bulk-insert 100,000 live rows, one record each. (Imported
 * team histories take another path, many rows per record: `npm run bench:dashboard` measures it.)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OverrideRow } from '../../lib/db/schema';
import { launchWithExtension } from '../fixtures/browser';
import { startFixtureServer } from '../fixtures/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(root, process.env.REPLYGUARD_OUT_DIR || '.output');

function row(i: number, prefix: string): OverrideRow {
  return {
    id: `${prefix}-${i}`,
    shownAt: 1_700_000_000_000 + i * 1000,
    decidedAt: 1_700_000_000_000 + i * 1000 + 4000,
    helpdesk: 'zendesk',
    ticketHash: 'a'.repeat(64),
    agent: 'bench',
    outcome: 'edited',
    shape: 'draft-in-composer',
    source: 'ai-control',
    suggestionWords: 42,
    reason: 'tone',
    note: null,
    similarity: 0.82,
    editSize: 31,
    findings: [
      {
        rule: 'refund-promise',
        category: 'commitment',
        severity: 'warning',
        fingerprint: 'abcd1234',
        dismissed: false,
      },
    ],
    customer: {
      sentiment: { label: 'negative', score: -0.6 },
      sarcasm: { likely: true, score: 0.8 },
      escalation: { likely: false, kinds: [] },
    },
    privacy: 'redacted',
    suggestionText: 'Hi [NAME], we are sorry for the delay. Your refund is on its way.',
    sentText: 'Hi, we are sorry for the delay. The billing team will look at a refund today.',
  };
}

async function main(): Promise<void> {
  console.log('$ npm run bench:db');
  execFileSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const server = await startFixtureServer({ assetsDir: path.join(outDir, 'fixtures') });
  const { context, userDataDir } = await launchWithExtension({
    extensionDir: path.join(outDir, 'chrome-mv3'),
    fixturePort: server.port,
    headless: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const worlds: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
      if (c.name === 'ReplyGuard') worlds.push(c.id);
    });
    await cdp.send('Runtime.enable');
    await page.goto('https://acme.zendesk.com/agent/tickets/1002');
    await page.locator('replyguard-overlay [data-rg-customer]').waitFor();
    const contextId = worlds.at(-1);
    if (contextId === undefined) throw new Error("the content script's isolated world was not found");

    /** Runs `body` in the content script's world, where `chrome.runtime.sendMessage` reaches the background. */
    const inContentScript = async <T>(body: string, arg: unknown): Promise<T> => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId,
        expression: `(async (arg) => { ${body} })(${JSON.stringify(arg)})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    };

    const send = `
      const started = performance.now();
      for (const batch of arg.batches) {
        const events = batch.map((row, i) => ({ kind: 'override', id: row.id, seq: i, row }));
        const answer = await chrome.runtime.sendMessage(arg.type === 'events'
          ? { type: 'content→background:record-events', events }
          : { type: 'content→background:record-overrides', rows: batch });
        if (!answer || answer.error) throw new Error(answer ? answer.error : 'no answer');
      }
      return performance.now() - started;`;

    const batches = (count: number, size: number, prefix: string) =>
      Array.from({ length: Math.ceil(count / size) }, (_, b) =>
        Array.from({ length: Math.min(size, count - b * size) }, (_, i) => row(b * size + i, prefix)),
      );

    // Warm up the worker and the database.
    await inContentScript(send, { type: 'events', batches: batches(200, 50, 'warm') });

    const results: Array<[string, number, number]> = [];
    const single = 2_000;
    const singleMs = await inContentScript<number>(send, { type: 'events', batches: batches(single, 1, 'single') });
    results.push(['one event per message (agent decisions)', single, singleMs]);
    const batched = 20_000;
    const batchedMs = await inContentScript<number>(send, {
      type: 'events',
      batches: batches(batched, 200, 'batched'),
    });
    results.push(['outbox batches of 200 events', batched, batchedMs]);
    const bulk = 100_000;
    const bulkMs = await inContentScript<number>(send, { type: 'rows', batches: batches(bulk, 1_000, 'bulk') });
    results.push(['bulk insert, 1,000 rows per message', bulk, bulkMs]);

    console.log('\nOverride log writes through content script → background → IndexedDB (Chromium, production build)\n');
    console.log('| path | rows | time | rows/s |');
    console.log('|---|---:|---:|---:|');
    for (const [name, rows, ms] of results) {
      console.log(
        `| ${name} | ${rows.toLocaleString('en')} | ${(ms / 1000).toFixed(2)} s | ${Math.round((rows / ms) * 1000).toLocaleString('en')} |`,
      );
    }
    console.log(
      `\nBulk insert of 100,000 live rows, one record each: ${(bulkMs / 1000).toFixed(2)} s (dashboard imports store many rows per record instead: see bench:dashboard).`,
    );
  } finally {
    await context.close();
    await server.close();
    await import('node:fs/promises').then((fs) => fs.rm(userDataDir, { recursive: true, force: true }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

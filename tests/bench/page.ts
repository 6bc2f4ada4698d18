/**
 * `npm run bench:page`: the extension on the demo Zendesk ticket in Debian's Chromium (production
 * build), against DESIGN.md's page budgets:
 * - keystroke → updated highlights, p95 < 16 ms with a 500-word composer;
 * - no long task over 50 ms caused by the extension while typing 1,000 characters (compared
 *   with the same typing in a profile without the extension);
 * - content script ≤ 150 KB gzip, start-up ≤ 30 ms;
 * - on a long ticket (200 messages, one a 1 MB paste), keystroke → highlights p95 within 1.2× the
 *   editor alone, and no long task over 50 ms of ours while typing.
 * The keystroke figure is also taken with a rule pack at every limit installed (1,000 entries,
 * 5,000 phrases, about 1 MB: lib/engine/packs/limits.ts), which must stay within the same budget.
 *
 * Latency is timed from the page: a keydown listener registered first notes the time, and a
 * MutationObserver sees the overlay host's repaint revision (`data-rg-revision`) change.
 *
 * Start-up is the interval the content script's `main()` takes, from its first line until the
 * controller has started (settings read, overlay mounted, the first scan of the ticket and check
 * of the composer done), read from its User Timing marks. It does not include evaluating the
 * script, which is traced separately (CDP `EvaluateScript` of content-scripts/helpdesk.js:
 * compile plus top-level run) in a second browser, since tracing slows the page. The first load
 * after the browser starts is reported on its own: the code cache is cold, and the browser's
 * managed storage (enterprise policy) is still starting up; on a fresh profile the content script
 * waits for it, so is the first load after a restart on the same profile, where the background's
 * copy of the policy from the last session lets it start at once.
 *
 * `--no-build` reuses the build in REPLYGUARD_OUT_DIR.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { PACK_LIMITS } from '../../lib/engine/packs/limits';
import { chromiumPath, launchWithExtension } from '../fixtures/browser';
import { maxSizePack } from '../fixtures/packs';
import { type FixtureServer, startFixtureServer } from '../fixtures/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(root, process.env.REPLYGUARD_OUT_DIR || '.output');
const TICKET = 'https://acme.zendesk.com/agent/tickets/1001';
/** 200 messages, one of them a 1 MB paste (tests/fixtures/tickets.ts). */
const LONG_TICKET = 'https://acme.zendesk.com/agent/tickets/1004';
/** Page loads timed for start-up; the first one comes right after the browser started. */
const LOADS = 8;

/** A 500-word reply with the kinds of spans the rules look at, repeated into paragraphs. */
function longReply(words: number): string {
  const sentences = [
    'Thank you for your patience while we looked into the crash on the invoices tab.',
    'Our engineers traced it to the latest release and a fix is being tested right now.',
    'We guarantee this will be fixed within the hour and I have issued a full refund.',
    'In the meantime you can export invoices from the web app under Settings and Billing.',
    'If anything else comes up, reply to this message and the same team will pick it up.',
  ];
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const s = sentences[i % sentences.length] ?? '';
    out.push(s);
    count += s.split(' ').length;
    if (i % 4 === 3) out.push('\n\n');
  }
  return out.join(' ').replace(/ \n\n /g, '\n\n');
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function prepareComposer(page: Page, ticket = TICKET): Promise<void> {
  await page.goto(ticket);
  await page.waitForSelector('body[data-fixture-ready]');
  await page.evaluate((text) => {
    (window as unknown as { fixture: { setComposerText(t: string): void } }).fixture.setComposerText(text);
  }, longReply(500));
  const composer = page.locator('[data-test-id="omnicomposer-rich-text-ckeditor"]');
  await composer.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.waitForTimeout(500);
}

/** Types `text` and returns per-keystroke latencies to the overlay's repaint (ms), and long tasks seen. */
async function typeAndMeasure(page: Page, text: string, withExtension: boolean) {
  await page.evaluate((ext) => {
    const w = window as unknown as { bench: { latencies: number[]; longTasks: number[]; pending: number | null } };
    w.bench = { latencies: [], longTasks: [], pending: null };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    window.addEventListener(
      'keydown',
      () => {
        w.bench.pending = performance.now();
      },
      true,
    );
    if (!ext) {
      // Without the extension: keystroke → the editor's own DOM update, the floor we add to.
      const editable = document.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]');
      if (!editable) throw new Error('composer missing');
      new MutationObserver(() => {
        if (w.bench.pending === null) return;
        w.bench.latencies.push(performance.now() - w.bench.pending);
        w.bench.pending = null;
      }).observe(editable, { childList: true, subtree: true, characterData: true });
      return;
    }
    const host = document.querySelector('replyguard-overlay');
    if (!host) throw new Error('overlay missing');
    new MutationObserver(() => {
      if (w.bench.pending === null) return;
      w.bench.latencies.push(performance.now() - w.bench.pending);
      w.bench.pending = null;
    }).observe(host, { attributes: true, attributeFilter: ['data-rg-revision'] });
  }, withExtension);
  await page.keyboard.type(text, { delay: 15 });
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { bench: { latencies: number[]; longTasks: number[] } }).bench);
}

/** Where one start-up went, from the content script's User Timing marks (ms since `main()` began). */
interface Startup {
  total: number;
  /** main() → the overlay's panel in its shadow root (React's first commit, after main() returned). */
  panel: number;
  settings: number;
  overlay: number;
  controller: number;
}

/**
 * Notes (as `window.rgPanelAt`) when the overlay's panel first appears in its shadow root, seen
 * from the page: the end of start-up as the agent sees it. A string, not a function: tsx would
 * wrap named inner functions in a helper the page does not have. It observes the document
 * itself, since init scripts run before there is a documentElement.
 */
const WATCH_FOR_PANEL = `
new MutationObserver((_, outer) => {
  const shadow = document.querySelector('replyguard-overlay')?.shadowRoot;
  if (!shadow) return;
  outer.disconnect();
  const seen = () => {
    if (!shadow.querySelector('.rg-panel, .rg-pill')) return false;
    window.rgPanelAt = performance.now();
    return true;
  };
  if (!seen()) {
    new MutationObserver((__, inner) => {
      if (seen()) inner.disconnect();
    }).observe(shadow, { childList: true, subtree: true });
  }
}).observe(document, { childList: true, subtree: true });
`;

/** Loads the ticket and reads the content script's start-up marks. */
async function loadAndTimeStartup(page: Page): Promise<Startup> {
  await page.goto(TICKET);
  await page.waitForFunction(() => document.querySelector('replyguard-overlay')?.hasAttribute('data-rg-startup-ms'));
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  const at = (name: string) => {
    const t = marks[`replyguard:${name}`];
    if (t === undefined) throw new Error(`start-up mark replyguard:${name} missing`);
    return t;
  };
  const main = at('main');
  const total = Number(await page.locator('replyguard-overlay').getAttribute('data-rg-startup-ms'));
  await page.waitForFunction(() => (window as unknown as { rgPanelAt?: number }).rgPanelAt !== undefined);
  const panelAt = await page.evaluate(() => (window as unknown as { rgPanelAt: number }).rgPanelAt);
  return {
    total,
    panel: panelAt - main,
    settings: at('settings-read') - main,
    overlay: at('overlay-mounted') - at('settings-read'),
    controller: at('started') - at('overlay-mounted'),
  };
}

/** Loads the ticket `loads` times under a CDP trace and returns the content script's evaluation time per load. */
async function traceScriptEvaluation(context: BrowserContext, loads: number): Promise<number[]> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const out: number[] = [];
  for (let i = 0; i < loads; i++) {
    /** Trace events as Chromium reports them (the protocol types them loosely). */
    type TraceEvent = { name: string; dur?: number; args?: { data?: { url?: string } } };
    const events: TraceEvent[] = [];
    const onData = (e: { value: object[] }) => {
      events.push(...(e.value as TraceEvent[]));
    };
    cdp.on('Tracing.dataCollected', onData);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline'] },
      transferMode: 'ReportEvents',
    });
    await page.goto(TICKET);
    await page.waitForFunction(() => document.querySelector('replyguard-overlay')?.hasAttribute('data-rg-startup-ms'));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    const evaluation = events.filter(
      (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/content-scripts/helpdesk.js'),
    );
    if (evaluation.length !== 1)
      throw new Error(`expected one evaluation of the content script, saw ${evaluation.length}`);
    out.push((evaluation[0]?.dur ?? Number.NaN) / 1000);
  }
  await cdp.detach();
  return out;
}

const median = (values: number[]) => percentile(values, 50);

/** The same typing in a fresh profile whose settings hold a pack at every limit. */
async function typeWithMaxPack(port: number, text: string) {
  const browser = await launchWithExtension({
    extensionDir: path.join(outDir, 'chrome-mv3'),
    fixturePort: port,
    headless: true,
  });
  const pack = maxSizePack();
  try {
    const setup = await browser.context.newPage();
    await setup.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await setup.evaluate(
      async (rulePacks) => {
        const local = (globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void> } } } })
          .chrome.storage.local;
        await local.set({ settings: { rulePacks } });
      },
      [pack],
    );
    await setup.close();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await prepareComposer(page);
    await page.locator('replyguard-overlay [data-rg-finding]').first().waitFor();
    const result = await typeAndMeasure(page, text, true);
    const entries = (pack.phrases ?? []).length;
    const phrases = (pack.phrases ?? []).reduce((n, e) => n + e.phrases.length, 0);
    return { ...result, entries, phrases, kb: JSON.stringify(pack).length / 1024 };
  } finally {
    await browser.context.close();
    await rm(browser.userDataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const noBuild = process.argv.includes('--no-build');
  console.log(`$ npm run bench:page${noBuild ? ' -- --no-build' : ''}`);
  if (!noBuild) {
    execFileSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const script = await readFile(path.join(outDir, 'chrome-mv3', 'content-scripts', 'helpdesk.js'));
  const server: FixtureServer = await startFixtureServer({ assetsDir: path.join(outDir, 'fixtures') });
  const typed = 'We are sorry about the crash, and a specialist will call you back today. '.repeat(14).slice(0, 1000);

  try {
    // With the extension.
    const ext = await launchWithExtension({
      extensionDir: path.join(outDir, 'chrome-mv3'),
      fixturePort: server.port,
      headless: true,
    });
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    const startups: Startup[] = [];
    await ext.context.addInitScript(WATCH_FOR_PANEL);
    for (let i = 0; i < LOADS; i++) startups.push(await loadAndTimeStartup(page));
    await prepareComposer(page);
    await page.locator('replyguard-overlay [data-rg-finding]').first().waitFor();
    const withExt = await typeAndMeasure(page, typed, true);
    // A long ticket: 200 messages, one a 1 MB paste. Its customer reading may take the
    // background a while; typing is measured once the findings are up.
    await prepareComposer(page, LONG_TICKET);
    await page.locator('replyguard-overlay [data-rg-finding]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000);
    const longWithExt = await typeAndMeasure(page, typed, true);
    await ext.context.close();
    // The browser started again on the same profile, as an agent's day begins: the background
    // kept a copy of the policy in the last session, so the tab need not wait for Chrome's
    // managed storage, which answers about 2 s late right after the browser starts.
    const again = await launchWithExtension({
      extensionDir: path.join(outDir, 'chrome-mv3'),
      fixturePort: server.port,
      headless: true,
      userDataDir: ext.userDataDir,
    });
    await again.context.addInitScript(WATCH_FOR_PANEL);
    const restarted = await loadAndTimeStartup(again.context.pages()[0] ?? (await again.context.newPage()));
    await again.context.close();
    await rm(ext.userDataDir, { recursive: true, force: true });

    // Script evaluation, traced in a fresh browser so its first load is a cold one too.
    const traced = await launchWithExtension({
      extensionDir: path.join(outDir, 'chrome-mv3'),
      fixturePort: server.port,
      headless: true,
    });
    const evaluations = await traceScriptEvaluation(traced.context, LOADS);
    await traced.context.close();
    await rm(traced.userDataDir, { recursive: true, force: true });

    // The same typing without the extension, to tell the editor's own long tasks from ours.
    const plain = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        `--host-resolver-rules=MAP *.zendesk.com 127.0.0.1:${server.port}, MAP * ~NOTFOUND`,
        '--ignore-certificate-errors',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
      ],
    });
    const plainPage = await plain.newPage({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 860 } });
    await prepareComposer(plainPage);
    const without = await typeAndMeasure(plainPage, typed, false);
    await prepareComposer(plainPage, LONG_TICKET);
    const longWithout = await typeAndMeasure(plainPage, typed, false);
    await plain.close();

    const packed = await typeWithMaxPack(server.port, typed);
    if (packed.entries !== PACK_LIMITS.entries) throw new Error('the max-size pack is not at the entry limit');

    const lat = withExt.latencies;
    const [cold, ...warm] = startups;
    if (!cold) throw new Error('no start-up measured');
    const [coldEval, ...warmEval] = evaluations;
    const warmTotals = warm.map((s) => s.total);
    const part = (key: keyof Startup) => median(warm.map((s) => s[key])).toFixed(1);
    const rows: Array<[string, string, string, string]> = [
      [
        'keystroke → highlights, 500-word composer',
        `p50 ${percentile(lat, 50).toFixed(2)} ms · p95 ${percentile(lat, 95).toFixed(2)} ms · max ${Math.max(...lat).toFixed(2)} ms (${lat.length} keys)`,
        'p95 < 16 ms',
        percentile(lat, 95) < 16 ? 'ok' : 'OVER',
      ],
      [
        `keystroke → highlights, 500-word composer, max-size rule pack (${packed.entries} entries, ${packed.phrases} phrases, ${packed.kb.toFixed(0)} KB)`,
        `p50 ${percentile(packed.latencies, 50).toFixed(2)} ms · p95 ${percentile(packed.latencies, 95).toFixed(2)} ms · max ${Math.max(...packed.latencies).toFixed(2)} ms (${packed.latencies.length} keys); long tasks ${packed.longTasks.length} (max ${Math.max(0, ...packed.longTasks).toFixed(0)} ms)`,
        'p95 < 16 ms',
        percentile(packed.latencies, 95) < 16 ? 'ok' : 'OVER',
      ],
      [
        'keystroke → editor DOM update, without the extension',
        `p50 ${percentile(without.latencies, 50).toFixed(2)} ms · p95 ${percentile(without.latencies, 95).toFixed(2)} ms (${without.latencies.length} keys)`,
        '(baseline: CKEditor alone)',
        '',
      ],
      [
        'long tasks typing 1,000 chars, with extension',
        `${withExt.longTasks.length} (max ${Math.max(0, ...withExt.longTasks).toFixed(0)} ms)`,
        'none > 50 ms caused by us',
        '',
      ],
      [
        'long tasks typing 1,000 chars, without extension',
        `${without.longTasks.length} (max ${Math.max(0, ...without.longTasks).toFixed(0)} ms)`,
        '(baseline)',
        withExt.longTasks.filter((d) => d > 50).length <= without.longTasks.filter((d) => d > 50).length
          ? 'ok'
          : 'OVER',
      ],
      [
        'long ticket (200 messages, one of 1 MB): keystroke → highlights',
        `p50 ${percentile(longWithExt.latencies, 50).toFixed(2)} ms · p95 ${percentile(longWithExt.latencies, 95).toFixed(2)} ms (${longWithExt.latencies.length} keys); CKEditor alone p95 ${percentile(longWithout.latencies, 95).toFixed(2)} ms`,
        'p95 ≤ 1.2 × the editor alone',
        percentile(longWithExt.latencies, 95) <= 1.2 * percentile(longWithout.latencies, 95) ? 'ok' : 'OVER',
      ],
      [
        'long ticket: long tasks typing 1,000 chars',
        `with extension ${longWithExt.longTasks.filter((d) => d > 50).length} over 50 ms (max ${Math.max(0, ...longWithExt.longTasks).toFixed(0)} ms) · without ${longWithout.longTasks.filter((d) => d > 50).length} (max ${Math.max(0, ...longWithout.longTasks).toFixed(0)} ms)`,
        'none > 50 ms caused by us',
        longWithExt.longTasks.filter((d) => d > 50).length <= longWithout.longTasks.filter((d) => d > 50).length
          ? 'ok'
          : 'OVER',
      ],
      [
        'content script size',
        `${(script.length / 1024).toFixed(1)} KB raw · ${(gzipSync(script).length / 1024).toFixed(1)} KB gzip`,
        '≤ 150 KB gzip',
        gzipSync(script).length <= 150 * 1024 ? 'ok' : 'OVER',
      ],
      [
        'content script start-up: main() → controller started',
        `median ${median(warmTotals).toFixed(1)} ms · max ${Math.max(...warmTotals).toFixed(1)} ms (${warm.length} loads after the first); of the median parts: settings read ${part('settings')} · overlay built and mounted ${part('overlay')} · first scan and check ${part('controller')} ms`,
        '≤ 30 ms',
        median(warmTotals) <= 30 ? 'ok' : 'OVER',
      ],
      [
        'the same, first load after the browser started',
        `${cold.total.toFixed(1)} ms: settings read ${cold.settings.toFixed(1)} · overlay ${cold.overlay.toFixed(1)} · first scan and check ${cold.controller.toFixed(1)} ms`,
        '(cold code cache; the browser itself still starting)',
        '',
      ],
      [
        'the same, first load after the browser started again on the same profile',
        `${restarted.total.toFixed(1)} ms: settings read ${restarted.settings.toFixed(1)} · overlay ${restarted.overlay.toFixed(1)} · first scan and check ${restarted.controller.toFixed(1)} ms`,
        '(the policy copy from the last session; code cache warm)',
        '',
      ],
      [
        'main() → the overlay panel in the page (React commit)',
        `median ${part('panel')} ms · max ${Math.max(...warm.map((s) => s.panel)).toFixed(1)} ms (${warm.length} loads after the first) · first load ${cold.panel.toFixed(1)} ms`,
        '(what the agent waits for)',
        '',
      ],
      [
        'content script evaluation (compile + top-level run, CDP trace)',
        `first load ${(coldEval ?? Number.NaN).toFixed(1)} ms · later loads median ${median(warmEval).toFixed(1)} ms, max ${Math.max(...warmEval).toFixed(1)} ms (${warmEval.length} loads)`,
        '(before main(); not in the start-up figure)',
        '',
      ],
    ];
    console.log('\nReplyGuard on the demo Zendesk ticket (CKEditor 5), headless Chromium, production build\n');
    console.log(
      `machine load average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (2 cores; figures are sensitive to other processes)\n`,
    );
    console.log('| measure | figure | budget | |');
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

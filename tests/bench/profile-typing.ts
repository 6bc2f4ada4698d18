/**
 * `npm run bench:profile -- [TICKET]`: where the content script's time goes while an agent types,
 * for finding what a keystroke costs beyond the editor (it found the overlay measuring every control
 * of a long ticket at each composer resize). Loads the production build in `.output` on a demo
 * Zendesk ticket (default 1004: 200 messages, one of 1 MB), fills the composer with a long reply,
 * samples the page's CPU (CDP Profiler, 0.1 ms) while 365 characters are typed, and prints the time
 * spent under `helpdesk.js` by leaf function and the innermost of our functions above it, then the
 * whole page's self time by script. Build first (`npm run build`); figures vary with machine load.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../fixtures/browser';
import { startFixtureServer } from '../fixtures/server';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(root, process.env.REPLYGUARD_OUT_DIR || '.output');
const ticket = process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? '1004';
const REPLY =
  'Thank you for your patience. We guarantee this will be fixed within the hour and I have issued a full refund. ';
const TYPED = 'We are sorry about the crash, and a specialist will call you back today. '.repeat(5);

const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);
const add = <K>(m: Map<K, number>, key: K, us: number) => m.set(key, (m.get(key) ?? 0) + us);
const where = (f: CallFrame) => `${f.functionName || '(anonymous)'}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

async function main(): Promise<void> {
  const server = await startFixtureServer({ assetsDir: path.join(outDir, 'fixtures') });
  const ext = await launchWithExtension({
    extensionDir: path.join(outDir, 'chrome-mv3'),
    fixturePort: server.port,
    headless: true,
  });
  try {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(`https://acme.zendesk.com/agent/tickets/${ticket}`);
    await page.waitForSelector('body[data-fixture-ready]');
    await page.evaluate(
      (text) => (window as unknown as { fixture: { setComposerText(t: string): void } }).fixture.setComposerText(text),
      REPLY.repeat(30),
    );
    await page.locator('[data-test-id="omnicomposer-rich-text-ckeditor"]').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.locator('replyguard-overlay [data-rg-finding]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.keyboard.type(TYPED, { delay: 15 });
    await page.waitForTimeout(300);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };

    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => {
      add(self, id, profile.timeDeltas[i] ?? 0);
    });

    const ours = new Map<string, number>();
    const byScript = new Map<string, number>();
    let oursTotal = 0;
    for (const [id, us] of self) {
      const leaf = byId.get(id)?.callFrame;
      if (!leaf) continue;
      add(byScript, leaf.url.replace(/^.*\//, '') || leaf.functionName, us);
      let cur: number | undefined = id;
      while (cur !== undefined && !byId.get(cur)?.callFrame.url.endsWith('helpdesk.js')) cur = parent.get(cur);
      const inner = cur === undefined ? undefined : byId.get(cur)?.callFrame;
      if (!inner) continue;
      oursTotal += us;
      add(ours, `${leaf.url ? where(leaf) : `${leaf.functionName} [native]`} <- ${where(inner)}`, us);
    }
    console.log(`$ npm run bench:profile -- ${ticket}`);
    console.log(
      `typing ${TYPED.length} characters on ticket ${ticket}; time under helpdesk.js: ${(oursTotal / 1000).toFixed(1)} ms`,
    );
    console.log('\n      ms  leaf <- innermost function of ours (minified names, line:column of helpdesk.js)');
    for (const [k, v] of top(ours, 25)) console.log(`${ms(v)}  ${k}`);
    console.log('\n      ms  self time by script');
    for (const [k, v] of top(byScript, 12)) console.log(`${ms(v)}  ${k}`);
  } finally {
    await ext.context.close();
    await rm(ext.userDataDir, { recursive: true, force: true });
    await server.close();
  }
}

await main();

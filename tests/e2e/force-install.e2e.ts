import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { extensionIdFromPublicKey, publicKeyBase64, readPrivateKey } from '../../lib/deploy/crx';
import { chromiumPath } from '../fixtures/browser';

/**
 * Issue 13, item 5, as an admin deploys it: `npm run build:org` makes the organisation's package
 * for two custom helpdesk domains (https, and a plain-http intranet address with a port); Chromium
 * force-installs the packed CRX from an update manifest served on loopback (ExtensionSettings,
 * `force_installed` + `update_url`) with the same policy file listing the domains for the
 * extension's id (3rdparty managed storage); and ReplyGuard runs on both domains with no prompt
 * and no reload, including in a tab that was open before the extension arrived.
 *
 * Chromium on Linux reads policy only from /etc/chromium/policies/managed, for every Chromium on
 * the machine, so this needs root. The file exists only while this test runs, under a name of its
 * own, behind a lock that parallel runs of this test wait on. Its update URL names a host that
 * only this test's Chromium resolves, so any other Chromium started meanwhile installs nothing.
 */

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'replyguard-force-install-test.json');
const LOCK = path.join(os.tmpdir(), 'replyguard-force-install-test.lock');
const root = path.resolve(import.meta.dirname, '../..');
const canWritePolicy = process.platform === 'linux' && process.getuid?.() === 0;

const HTTPS_HOST = 'help.acme-freescout.com';
const HTTP_HOST = 'intranet.acme-freescout.test';
const TICKET_PATH = '/conversation/1001';

/** Takes the machine-wide lock, waiting (up to 3 min) for another run of this test; a dead holder's lock is taken over. */
async function lock(): Promise<() => Promise<void>> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await writeFile(LOCK, String(process.pid), { flag: 'wx' });
      return () => rm(LOCK, { force: true });
    } catch {
      const holder = Number(await readFile(LOCK, 'utf8').catch(() => '0'));
      let alive = false;
      try {
        alive = holder > 0 && process.kill(holder, 0);
      } catch {
        alive = false;
      }
      if (!alive) await rm(LOCK, { force: true });
      else if (Date.now() > deadline) throw new Error(`another run (pid ${holder}) holds ${LOCK}`);
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

if (!canWritePolicy) {
  console.warn(`force-install.e2e.ts skipped: writing Chromium's machine policy (${POLICY_DIR}) needs root on Linux.`);
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

describe.skipIf(!canWritePolicy)('force-install by policy (organisation build)', () => {
  let tmp: string;
  let release: (() => Promise<void>) | undefined;
  let context: BrowserContext | undefined;
  const servers: http.Server[] = [];
  /** The update server holds the CRX until the test lets it go, so a tab can be open before the install. */
  let letCrxGo: () => void = () => {};
  const crxGate = new Promise<void>((resolve) => {
    letCrxGo = resolve;
  });
  const served: string[] = [];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'replyguard-org-'));
  });

  afterAll(async () => {
    letCrxGo();
    await rm(POLICY_FILE, { force: true });
    await release?.();
    await context?.close().catch(() => {});
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('installs with no prompt and runs on the custom domains, in a tab opened before the install too', async () => {
    // The update server, under a host name only this test's Chromium maps to it.
    const updateHost = `rg-updates-${process.pid}-${randomBytes(3).toString('hex')}.test`;
    const out = path.join(tmp, 'out');
    const updates = http.createServer(async (req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
      served.push(name);
      if (name.endsWith('.crx')) await crxGate;
      try {
        const body = await readFile(path.join(out, path.basename(name)));
        res.writeHead(200, {
          'content-type': name.endsWith('.crx') ? 'application/x-chrome-extension' : 'application/xml',
        });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    servers.push(updates);
    const updatePort = await listen(updates);

    // The plain-http intranet helpdesk: the demo's FreeScout page, passed through from the fixture server.
    const fixturePort = inject('fixturePort');
    const intranet = http.createServer((req, res) => {
      const upstream = https.request(
        {
          host: '127.0.0.1',
          port: fixturePort,
          path: req.url,
          headers: { host: HTTPS_HOST },
          rejectUnauthorized: false,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end();
    });
    servers.push(intranet);
    const intranetPort = await listen(intranet);

    // The admin's one command. The key is a throwaway one: the id follows from it.
    const keyFile = path.join(tmp, 'org.pem');
    const { stdout } = await promisify(execFile)(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      [
        'lib/cli/build-org.ts',
        '--hosts',
        `https://${HTTPS_HOST},http://${HTTP_HOST}:8080`,
        '--key',
        keyFile,
        '--new-key',
        '--base-url',
        `http://${updateHost}:${updatePort}/`,
        '--out',
        out,
      ],
      { cwd: root, timeout: 180_000 },
    );
    const id = extensionIdFromPublicKey(publicKeyBase64(readPrivateKey(await readFile(keyFile, 'utf8'))));
    expect(stdout).toContain(`Extension id: ${id}`);
    expect(stdout).toContain('Plain http');
    expect(stdout).toContain('The port (8080) is not part of the pattern');
    const built = JSON.parse(await readFile(path.join(out, 'chrome-mv3', 'manifest.json'), 'utf8'));
    expect(built.host_permissions).toEqual(
      expect.arrayContaining([`https://${HTTPS_HOST}/*`, `http://${HTTP_HOST}/*`]),
    );
    const { ExtensionSettings } = JSON.parse(await readFile(path.join(out, 'extension-settings.json'), 'utf8'));

    release = await lock();
    await mkdir(POLICY_DIR, { recursive: true });
    await writeFile(
      POLICY_FILE,
      JSON.stringify({
        ExtensionSettings,
        // Chrome's default keeps DevTools (so Playwright) off the pages of force-installed
        // extensions; the test reads the options page, so it allows them. Not part of a deployment.
        DeveloperToolsAvailability: 1,
        '3rdparty': {
          extensions: {
            [id]: {
              customHelpdesks: [
                { pattern: `https://${HTTPS_HOST}/*`, adapter: 'freescout' },
                { pattern: `http://${HTTP_HOST}/*`, adapter: 'freescout' },
              ],
            },
          },
        },
      }),
    );

    const rules = [
      `MAP ${HTTPS_HOST} 127.0.0.1:${fixturePort}`,
      `MAP ${HTTP_HOST} 127.0.0.1:${intranetPort}`,
      `MAP ${updateHost} 127.0.0.1:${updatePort}`,
      'EXCLUDE localhost',
      'MAP * ~NOTFOUND',
    ].join(', ');
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: chromiumPath(),
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 860 },
      // Playwright's defaults switch extensions off, and --disable-background-networking stops the
      // extension updater that performs policy installs. Nothing leaves the machine: every host
      // but the three above is unresolvable.
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
      args: [
        `--host-resolver-rules=${rules}`,
        '--ignore-certificate-errors',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
      ],
    });

    // An agent's helpdesk tab, open before ReplyGuard arrives.
    const early = context.pages()[0] ?? (await context.newPage());
    await early.goto(`https://${HTTPS_HOST}${TICKET_PATH}`);
    await early.waitForSelector('body[data-fixture-ready]');
    await expect.poll(() => served.some((s) => s.startsWith('update.xml')), { timeout: 30_000 }).toBe(true);
    expect(await early.locator('replyguard-overlay').count()).toBe(0);

    letCrxGo();
    // No reload, no click: the installed extension starts in the open tab.
    await early.locator('replyguard-overlay [data-rg-customer]').waitFor({ timeout: 45_000 });

    // A new tab on the plain-http intranet address, on a port the pattern does not name.
    const later = await context.newPage();
    await later.goto(`http://${HTTP_HOST}:8080${TICKET_PATH}`);
    await later.waitForSelector('body[data-fixture-ready]');
    await later.locator('replyguard-overlay [data-rg-customer]').waitFor({ timeout: 30_000 });

    // Installed by the policy, with both hosts granted and nothing left to ask for.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const state = await options.evaluate(async (patterns) => {
      const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return {
        installType: (await c.management.getSelf()).installType,
        granted: await c.permissions.contains({ origins: patterns }),
      };
    }, built.host_permissions.slice(-2) as string[]);
    expect(state).toEqual({ installType: 'admin', granted: true });
    // The options page lists both domains, granted, the http one with its warning, and no button to press.
    await options.locator(`[data-rg-domain="http://${HTTP_HOST}/*"][data-rg-granted="true"]`).waitFor();
    await options.locator(`[data-rg-domain="https://${HTTPS_HOST}/*"][data-rg-granted="true"]`).waitFor();
    await options.locator(`[data-rg-domain="http://${HTTP_HOST}/*"] [data-rg-http-warning]`).waitFor();
    expect(await options.getByRole('button', { name: 'Grant access' }).count()).toBe(0);
    await screenshot(options, 'force-install-options');
  }, 300_000);
});

/** Keeps a picture of what the admin's agents see, next to the other e2e screenshots. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(root, 'test-results');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The slice of the extension API this test calls from an extension page. */
interface ChromeApi {
  management: { getSelf(): Promise<{ installType: string }> };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
}

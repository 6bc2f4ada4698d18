import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { FREESCOUT_HOST, type FreeScoutServer, freescoutRelease, startFreeScout } from './harness';

const root = path.resolve(import.meta.dirname, '../..');

/** What the FreeScout end-to-end tests get; null when the release is not beside the checkout. */
export interface FreeScoutContext {
  url: string;
  host: string;
  port: number;
  /** The organisation build (FreeScout's host granted at install), unpacked. */
  extensionDir: string;
  extensionId: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    freescout: FreeScoutContext | null;
  }
}

let server: FreeScoutServer | undefined;

/**
 * Starts the real FreeScout (installing its Debian packages when missing) and builds ReplyGuard
 * as an admin deploying it there would: the organisation build with FreeScout's host, so it runs
 * there with no prompt. Without `../shared/helpdesks/freescout` the tests skip and say why.
 */
export async function setup(project: TestProject): Promise<void> {
  if (!freescoutRelease()) {
    console.warn(
      '\n[test:freescout] skipped: no FreeScout release in ../shared/helpdesks/freescout (set REPLYGUARD_FREESCOUT_DIR to use another folder).\n',
    );
    project.provide('freescout', null);
    return;
  }
  const t0 = Date.now();
  server = await startFreeScout({ log: (line) => console.log(`[freescout +${Date.now() - t0} ms] ${line}`) });
  const out = path.resolve(root, process.env.REPLYGUARD_FREESCOUT_OUT ?? '.output-freescout');
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'replyguard-org-key-'));
  const log = execFileSync(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [
      'lib/cli/build-org.ts',
      '--hosts',
      `https://${FREESCOUT_HOST}`,
      '--key',
      path.join(keyDir, 'org.pem'),
      '--new-key',
      '--base-url',
      'https://updates.acme-support.com/replyguard/',
      '--out',
      out,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const id = /Extension id: ([a-p]{32})/.exec(log)?.[1];
  if (!id) throw new Error(`build:org printed no extension id:\n${log}`);
  const manifest = JSON.parse(readFileSync(path.join(out, 'chrome-mv3', 'manifest.json'), 'utf8'));
  console.log(`[freescout] organisation build ${id}, host permissions ${manifest.host_permissions.at(-1)}`);
  project.provide('freescout', {
    url: server.url,
    host: server.host,
    port: server.port,
    extensionDir: path.join(out, 'chrome-mv3'),
    extensionId: id,
  });
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { extensionIdFromPublicKey } from '../../lib/deploy/crx';

/**
 * Issue 13: after `npm run zip`, `.output/chrome-mv3` had lost its manifest `key`, so the unpacked
 * extension's id changed and policies written for the documented id stopped applying. This runs
 * the real zip script with the unpacked build the other end-to-end tests use as the dev folder,
 * and checks that folder is untouched (same bytes, same key, same id) while the store packages,
 * built in their own folder, carry no key.
 */
const root = path.resolve(import.meta.dirname, '../..');
const DOCUMENTED_ID = 'goicafbopgmglpknogenjjonlofpnpji';

async function manifestBytes(dir: string): Promise<string | null> {
  const file = path.join(dir, 'manifest.json');
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

describe('store packages (npm run zip)', () => {
  it('leave the unpacked build and its id alone, and carry no key themselves', async () => {
    const devDir = inject('extensionDir');
    const defaultDevDir = path.join(root, '.output', 'chrome-mv3');
    const before = await manifestBytes(devDir);
    const defaultBefore = await manifestBytes(defaultDevDir);
    expect(before).not.toBeNull();
    expect(extensionIdFromPublicKey(JSON.parse(before as string).key)).toBe(DOCUMENTED_ID);

    await promisify(execFile)('npm', ['run', '--silent', 'zip'], {
      cwd: root,
      timeout: 240_000,
      // The dev folder the e2e build uses (.output in CI); the store folder is left at its default.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        REPLYGUARD_OUT_DIR: path.dirname(devDir),
        REPLYGUARD_STORE_OUT_DIR: '',
      },
    });

    expect(await manifestBytes(devDir)).toBe(before);
    expect(await manifestBytes(defaultDevDir)).toBe(defaultBefore);

    const storeDir = path.join(root, '.output-store');
    const zips = (await readdir(storeDir)).filter((f) => f.endsWith('.zip'));
    const chromeZip = zips.find((f) => f.endsWith('-chrome.zip'));
    expect(chromeZip).toBeDefined();
    expect(zips.some((f) => f.endsWith('-firefox.zip'))).toBe(true);
    expect(zips.some((f) => f.endsWith('-sources.zip'))).toBe(true);
    const packed = unzipSync(await readFile(path.join(storeDir, chromeZip as string)));
    const manifest = JSON.parse(new TextDecoder().decode(packed['manifest.json']));
    expect(manifest.name).toBe('ReplyGuard');
    expect(manifest.key).toBeUndefined();
  }, 300_000);
});

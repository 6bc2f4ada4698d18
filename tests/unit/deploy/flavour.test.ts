import { describe, expect, it } from 'vitest';
import { buildFlavour, PROJECT_CHROMIUM_KEY } from '@/lib/deploy/flavour';

const ORG_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAorg';
const root = '/repo';

describe('build flavours', () => {
  it('dev builds keep the project key, in .output or REPLYGUARD_OUT_DIR', () => {
    expect(buildFlavour({}, root)).toMatchObject({ kind: 'dev', outDir: '.output', chromiumKey: PROJECT_CHROMIUM_KEY });
    expect(buildFlavour({ REPLYGUARD_OUT_DIR: '.output-dep' }, root)).toMatchObject({
      outDir: '.output-dep',
      chromiumKey: PROJECT_CHROMIUM_KEY,
    });
  });

  it('store builds carry no key and never share a folder with a dev build', () => {
    expect(buildFlavour({ REPLYGUARD_STORE: '1' }, root)).toMatchObject({
      kind: 'store',
      outDir: '.output-store',
      chromiumKey: undefined,
    });
    expect(buildFlavour({ REPLYGUARD_STORE: '1', REPLYGUARD_OUT_DIR: '.output-dep' }, root).outDir).toBe(
      '.output-store',
    );
    for (const env of [
      { REPLYGUARD_STORE: '1', REPLYGUARD_STORE_OUT_DIR: '.output' },
      { REPLYGUARD_STORE: '1', REPLYGUARD_STORE_OUT_DIR: './.output/' },
      { REPLYGUARD_STORE: '1', REPLYGUARD_STORE_OUT_DIR: '/repo/.output' },
      { REPLYGUARD_STORE: '1', REPLYGUARD_OUT_DIR: 'x', REPLYGUARD_STORE_OUT_DIR: 'x' },
    ]) {
      expect(() => buildFlavour(env, root), JSON.stringify(env)).toThrow(/its id must never change/);
    }
  });

  it('organisation builds need their own key and folder, and take only canonical patterns', () => {
    const env = {
      REPLYGUARD_ORG_KEY: ORG_KEY,
      REPLYGUARD_ORG_HOSTS: JSON.stringify(['https://help.acme.com/*', 'http://intranet.acme.local/*']),
      REPLYGUARD_ORG_OUT_DIR: '/tmp/org',
    };
    expect(buildFlavour(env, root)).toMatchObject({
      kind: 'org',
      outDir: '/tmp/org',
      chromiumKey: ORG_KEY,
      extraHosts: ['https://help.acme.com/*', 'http://intranet.acme.local/*'],
    });
    expect(() => buildFlavour({ ...env, REPLYGUARD_ORG_OUT_DIR: '.output' }, root)).toThrow(/never change/);
    expect(() => buildFlavour({ ...env, REPLYGUARD_ORG_OUT_DIR: undefined }, root)).toThrow(/own output folder/);
    expect(() => buildFlavour({ ...env, REPLYGUARD_ORG_KEY: PROJECT_CHROMIUM_KEY }, root)).toThrow(/own public key/);
    expect(() => buildFlavour({ ...env, REPLYGUARD_ORG_HOSTS: '["https://help.acme.com:8443/*"]' }, root)).toThrow(
      /match patterns/,
    );
    expect(() => buildFlavour({ ...env, REPLYGUARD_STORE: '1' }, root)).toThrow(/set one/);
  });
});

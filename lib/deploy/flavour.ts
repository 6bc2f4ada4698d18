import path from 'node:path';
import { isHelpdeskPattern } from '../settings/custom-helpdesks';

/**
 * Which package a build makes, read from the environment by wxt.config.ts. Three flavours:
 *
 * - **dev** (`npm run build`, the tests, the demo, the benchmarks): the unpacked build in
 *   `REPLYGUARD_OUT_DIR` (default `.output`), carrying the project's public key so its id is
 *   always `goicafbopgmglpknogenjjonlofpnpji`, the id the policy examples name.
 * - **store** (`npm run zip`, `REPLYGUARD_STORE=1`): no `key` (the Chrome Web Store refuses one
 *   and assigns its own id), built in its own folder (`REPLYGUARD_STORE_OUT_DIR`, default
 *   `.output-store`).
 * - **org** (`npm run build:org`, lib/cli/build-org.ts): an organisation's own package, with its
 *   custom helpdesk hosts as host permissions (granted at install, no prompt) and the
 *   organisation's own public key, built in the folder the admin names.
 *
 * A store or org build never writes into the dev folder: a dev folder without the project key
 * would load with another id, and every policy written for the documented id would stop applying.
 */

/** The public half of ReplyGuard's key (base64 DER SubjectPublicKeyInfo); the private key is not in the repository. */
export const PROJECT_CHROMIUM_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyraWka/egoTaxQTvLSt6Fqedxa3LQ1hqwScbVoxRUO5bcSNW7EpqcmVh3SPEmlSaNXOiwHWT6/vuVO0q8ONIv7V2//jAbV6Mmudgtrmq5jYiKAbCiM3U/oagR8dx2er2M5ZHoardq3y07qUiXg8dVP3ivV5rR8lK6Bt1Y+NZSGLlgokw4bBuPw5a043dLW7bndw1RoIqEVw9/m8GU8mZ+FjpuJH6nTCCRQXXRaQiT+K74fMAyl0x3H60T++Ohfs6Zyt3cpwjRBswYvcvnJr+FhSiJfab17QYYojRL0SbR2qkdOKxni5aew3hkjmVKbp9jJ+0u91nKtO6/oQaqK+wHQIDAQAB';

/** Firefox's id for ReplyGuard's own packages (dev and AMO). */
export const PROJECT_GECKO_ID = 'replyguard@replyguard.dev';

/** The environment variables a flavour is read from. */
export interface FlavourEnv {
  REPLYGUARD_OUT_DIR?: string;
  REPLYGUARD_STORE?: string;
  REPLYGUARD_STORE_OUT_DIR?: string;
  /** JSON list of canonical custom-domain patterns (set by build:org). */
  REPLYGUARD_ORG_HOSTS?: string;
  /** The organisation's public key, base64 DER SubjectPublicKeyInfo (set by build:org). */
  REPLYGUARD_ORG_KEY?: string;
  REPLYGUARD_ORG_OUT_DIR?: string;
  /** The organisation's Firefox add-on id (its own: AMO signs an id for one account only). */
  REPLYGUARD_ORG_GECKO_ID?: string;
  /** Chrome's four-part version for an org rebuild, so browsers take the new package. */
  REPLYGUARD_ORG_VERSION?: string;
  [name: string]: string | undefined;
}

/** What wxt.config.ts needs to know about the build. */
export interface BuildFlavour {
  kind: 'dev' | 'store' | 'org';
  /** WXT's output folder (relative to the repository or absolute). */
  outDir: string;
  /** The manifest `key` for Chromium, or undefined for none. */
  chromiumKey: string | undefined;
  /** Host permissions beyond the built-in helpdesks (org builds). */
  extraHosts: string[];
  geckoId: string;
  /** A manifest version override (org rebuilds), or undefined for package.json's. */
  version: string | undefined;
}

const same = (a: string, b: string, root: string) => path.resolve(root, a) === path.resolve(root, b);

/** Reads the flavour from the environment; throws with what to change when the combination is unsafe. */
export function buildFlavour(env: FlavourEnv, root = process.cwd()): BuildFlavour {
  const devOut = env.REPLYGUARD_OUT_DIR || '.output';
  const store = env.REPLYGUARD_STORE === '1';
  const org = env.REPLYGUARD_ORG_KEY !== undefined || env.REPLYGUARD_ORG_HOSTS !== undefined;
  if (store && org) throw new Error('REPLYGUARD_STORE and REPLYGUARD_ORG_* are two different packages: set one.');
  if (!store && !org) {
    return {
      kind: 'dev',
      outDir: devOut,
      chromiumKey: PROJECT_CHROMIUM_KEY,
      extraHosts: [],
      geckoId: PROJECT_GECKO_ID,
      version: undefined,
    };
  }
  const outDir = store ? env.REPLYGUARD_STORE_OUT_DIR || '.output-store' : env.REPLYGUARD_ORG_OUT_DIR;
  if (!outDir) throw new Error('An organisation build needs its own output folder (REPLYGUARD_ORG_OUT_DIR).');
  for (const other of new Set([devOut, '.output'])) {
    if (same(outDir, other, root)) {
      throw new Error(
        `A ${store ? 'store' : 'organisation'} build cannot go into ${other}: that folder holds the unpacked build with ReplyGuard's own key, and its id must never change. Choose another output folder.`,
      );
    }
  }
  if (store) {
    return {
      kind: 'store',
      outDir,
      chromiumKey: undefined,
      extraHosts: [],
      geckoId: PROJECT_GECKO_ID,
      version: undefined,
    };
  }
  const key = env.REPLYGUARD_ORG_KEY;
  if (!key || key === PROJECT_CHROMIUM_KEY) {
    throw new Error("An organisation build needs the organisation's own public key (REPLYGUARD_ORG_KEY).");
  }
  const hosts: unknown = JSON.parse(env.REPLYGUARD_ORG_HOSTS || '[]');
  if (!Array.isArray(hosts) || !hosts.every((h) => typeof h === 'string' && isHelpdeskPattern(h))) {
    throw new Error(
      'REPLYGUARD_ORG_HOSTS must be a JSON list of custom-domain match patterns (npm run build:org makes it).',
    );
  }
  return {
    kind: 'org',
    outDir,
    chromiumKey: key,
    extraHosts: hosts,
    geckoId: env.REPLYGUARD_ORG_GECKO_ID || PROJECT_GECKO_ID,
    version: env.REPLYGUARD_ORG_VERSION || undefined,
  };
}

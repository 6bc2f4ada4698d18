import { sha256 } from '@noble/hashes/sha2.js';
import type { ReplyGuardDb } from '../db/database';
import { asBuffer, concat, fromB64, toHex, utf8 } from './bytes';
import { INSTALL_ID_BYTES } from './chain';

/**
 * The install's signing key for the audit trail: ECDSA P-256 (WebCrypto, in every browser
 * ReplyGuard runs in and in Node for the CLI). The private key is made non-extractable, once,
 * and kept in IndexedDB as a `CryptoKey`: the extension's scripts can sign with it, nobody can
 * read it out, and it never leaves with an export. The public key travels in every export.
 */

/** `keys` table names of the pair. */
export const SIGNING_KEY_NAME = 'audit-signing';
export const VERIFY_KEY_NAME = 'audit-verify';

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The public half as exports carry it. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** An install: who signs a chain. */
export interface InstallIdentity {
  /** 32 hex digits: the first 16 bytes of a hash of the public key, so it cannot be claimed with another key. */
  id: string;
  idBytes: Uint8Array;
  publicJwk: PublicJwk;
  signingKey: CryptoKey;
}

/** The install id a public key stands for. */
export function installIdOf(jwk: PublicJwk): Uint8Array {
  const point = concat(Uint8Array.of(4), fromB64(jwk.x), fromB64(jwk.y));
  return sha256(concat(utf8('replyguard/install/v1\n'), point)).slice(0, INSTALL_ID_BYTES);
}

async function publicJwkOf(key: CryptoKey): Promise<PublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', key);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('not a P-256 public key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

async function identityOf(signingKey: CryptoKey, verifyKey: CryptoKey): Promise<InstallIdentity> {
  const publicJwk = await publicJwkOf(verifyKey);
  const idBytes = installIdOf(publicJwk);
  return { id: toHex(idBytes), idBytes, publicJwk, signingKey };
}

/**
 * This install's identity, made at the first call (the background calls it when it starts) and
 * read back afterwards. Callers racing at the first start all get the pair that was stored.
 */
export async function installIdentity(db: ReplyGuardDb): Promise<InstallIdentity> {
  const [signing, verify] = await db.keys.bulkGet([SIGNING_KEY_NAME, VERIFY_KEY_NAME]);
  if (signing && verify) return identityOf(signing.key, verify.key);
  const pair = (await crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify'])) as CryptoKeyPair;
  const stored = await db.transaction('rw', db.keys, async () => {
    const [s, v] = await db.keys.bulkGet([SIGNING_KEY_NAME, VERIFY_KEY_NAME]);
    if (s && v) return { signing: s.key, verify: v.key };
    const createdAt = Date.now();
    await db.keys.bulkPut([
      { name: SIGNING_KEY_NAME, key: pair.privateKey, createdAt },
      { name: VERIFY_KEY_NAME, key: pair.publicKey, createdAt },
    ]);
    return { signing: pair.privateKey, verify: pair.publicKey };
  });
  return identityOf(stored.signing, stored.verify);
}

/** Signs a statement (./chain.ts) with the install's key: 64 bytes (r ‖ s). */
export async function sign(identity: InstallIdentity, statement: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(SIGN, identity.signingKey, asBuffer(statement)));
}

/** A verifier for one install's statements, from the public key an export carries. */
export interface InstallVerifier {
  id: string;
  idBytes: Uint8Array;
  publicJwk: PublicJwk;
  verify(statement: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

/** Checks that `jwk` is a P-256 public key and returns its verifier; the id is derived, never taken on trust. */
export async function installVerifier(jwk: PublicJwk): Promise<InstallVerifier> {
  const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, ECDSA, true, [
    'verify',
  ]);
  const idBytes = installIdOf(jwk);
  return {
    id: toHex(idBytes),
    idBytes,
    publicJwk: jwk,
    verify: async (statement, signature) => {
      if (signature.length !== 64) return false;
      return crypto.subtle.verify(SIGN, key, asBuffer(signature), asBuffer(statement));
    },
  };
}

import { bech32 } from '@scure/base';
import { identityToRecipient } from 'age-encryption';
import type { ReplyGuardDb } from '../db/database';

/**
 * The team's private keys a lead's dashboard decrypts hand-over files with. An age identity
 * (`AGE-SECRET-KEY-1…`) is turned into a WebCrypto X25519 key made non-extractable, and only that
 * is stored (IndexedDB `keys`, under `age:<recipient>`): the page can decrypt with it, nobody can
 * read it back out. The lead keeps the identity text itself somewhere safe (a password manager):
 * it is the only copy.
 */

const PREFIX = 'age:';

/** A stored team key: its public recipient (what the admin puts in policy) and the key. */
export interface TeamKey {
  recipient: string;
  key: CryptoKey;
  createdAt: number;
}

/** The PKCS #8 wrapping of a raw X25519 private key (RFC 8410). */
const PKCS8_X25519 = Uint8Array.of(
  0x30,
  0x2e,
  0x02,
  0x01,
  0x00,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x6e,
  0x04,
  0x22,
  0x04,
  0x20,
);

/** Reads an identity text (a line `AGE-SECRET-KEY-1…`, comments allowed, as age-keygen writes it). */
export function identityFrom(text: string): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.startsWith('AGE-SECRET-KEY-'));
  if (!line) throw new Error('no age private key (a line starting AGE-SECRET-KEY-1) in what was given');
  if (line.startsWith('AGE-SECRET-KEY-PQ-')) {
    throw new Error(
      'post-quantum keys cannot be kept non-extractable in the browser yet: use an X25519 key (age-keygen without -pq)',
    );
  }
  return line;
}

/** Stores a team key from its identity text; returns it (the text itself is not kept). */
export async function importTeamKey(db: ReplyGuardDb, text: string): Promise<TeamKey> {
  const identity = identityFrom(text);
  let scalar: Uint8Array;
  try {
    const decoded = bech32.decode(identity.toLowerCase() as `${string}1${string}`, 1000);
    scalar = bech32.fromWords(decoded.words);
    if (decoded.prefix !== 'age-secret-key-' || scalar.length !== 32) throw new Error('not 32 bytes');
  } catch {
    throw new Error('this is not a valid age private key (checksum or length wrong)');
  }
  const pkcs8 = new Uint8Array(PKCS8_X25519.length + 32);
  pkcs8.set(PKCS8_X25519);
  pkcs8.set(scalar, PKCS8_X25519.length);
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, ['deriveBits']);
  scalar.fill(0);
  const recipient = await identityToRecipient(identity);
  const createdAt = Date.now();
  await db.keys.put({ name: `${PREFIX}${recipient}`, key, createdAt });
  return { recipient, key, createdAt };
}

/** Every team key this dashboard holds. */
export async function teamKeys(db: ReplyGuardDb): Promise<TeamKey[]> {
  const records = await db.keys.where('name').startsWith(PREFIX).toArray();
  return records.map((r) => ({ recipient: r.name.slice(PREFIX.length), key: r.key, createdAt: r.createdAt }));
}

export async function forgetTeamKey(db: ReplyGuardDb, recipient: string): Promise<void> {
  await db.keys.delete(`${PREFIX}${recipient}`);
}

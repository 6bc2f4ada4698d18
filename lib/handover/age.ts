import { Decrypter, Encrypter, type Identity } from 'age-encryption';
import type { Encrypt } from './export-files';
import { peek } from './streams';

/**
 * Encrypted hand-over in the age format (https://age-encryption.org/v1), through its TypeScript
 * implementation `age-encryption` (by the format's author; see the README for why this library).
 * age encrypts a random file key to each recipient (an X25519 public key `age1…`, or a
 * passphrase through scrypt) and the file in 64 KiB chunks (ChaCha20-Poly1305, STREAM), each
 * authenticated and the last one marked, so a file cut short or altered anywhere fails, and a
 * stream never needs the whole file.
 */

/** The first bytes of a binary age file. */
export const AGE_MAGIC = 'age-encryption.org/v1\n';
/** The first line of an ASCII-armored age file. */
export const AGE_ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----';
/** The suffix an encrypted file's name gets. */
export const AGE_SUFFIX = '.age';

/** How an export is encrypted: to public keys (policy), or with a passphrase (typed by the agent). */
export type Encryption = { recipients: readonly string[] } | { passphrase: string; workFactor?: number };

/** A recipient string the library accepts, checked before anything is written. */
export const isRecipient = (s: string): boolean =>
  /^age1[02-9ac-hj-np-z]{20,}$/.test(s) || /^age1(pq|tag|tagpq)1/.test(s);

/** A stream encrypter for an export (lib/handover/export-files.ts). */
export function encrypter(encryption: Encryption): Encrypt {
  return async (plain) => {
    const e = new Encrypter();
    if ('passphrase' in encryption) {
      e.setPassphrase(encryption.passphrase);
      if (encryption.workFactor) e.setScryptWorkFactor(encryption.workFactor);
    } else {
      if (encryption.recipients.length === 0) throw new Error('no recipient to encrypt to');
      for (const r of encryption.recipients) e.addRecipient(r);
    }
    return e.encrypt(plain);
  };
}

/** What a dashboard can open encrypted files with. */
export interface DecryptKeys {
  /** Private keys: `AGE-SECRET-KEY-1…` strings or X25519 `CryptoKey`s (kept non-extractable). */
  identities: readonly (string | CryptoKey)[];
  passphrases: readonly string[];
}

/** Why an encrypted file cannot be opened; `code` lets the page ask for what is missing. */
export class EncryptedFileError extends Error {
  constructor(
    readonly code: 'needs-key' | 'needs-passphrase' | 'wrong-key' | 'wrong-passphrase' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'EncryptedFileError';
  }
}

/** The stanza types of an age header (`X25519`, `scrypt`, `mlkem768x25519`, …) and its bytes. */
export function parseAgeHeader(head: Uint8Array): { types: string[]; header: Uint8Array } | null {
  const text = new TextDecoder('latin1').decode(head);
  if (!text.startsWith(AGE_MAGIC)) return null;
  const end = text.indexOf('\n---');
  if (end < 0) return null;
  const macEnd = text.indexOf('\n', end + 4);
  if (macEnd < 0) return null;
  const types = [...text.slice(0, end).matchAll(/^-> (\S+)/gm)].map((m) => m[1] as string);
  return { types, header: head.slice(0, macEnd + 1) };
}

/** An age file's header reads within this many bytes (a post-quantum stanza is about 1.6 KB). */
const HEADER_MAX = 64 * 1024;

/** An opened encrypted file: its plaintext, as many times as it is read, without unwrapping the key again. */
export interface OpenedFile {
  /** `passphrase` or `key` (and which kind of key). */
  encryptedWith: string;
  decrypt(cipher: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>>;
}

/**
 * Opens an age file's header with the dashboard's keys: the file key, or an `EncryptedFileError`
 * that says exactly what is missing or wrong. The file key is kept for the reads that follow
 * (an import reads a large file twice; scrypt runs once).
 */
export async function openEncrypted(cipher: ReadableStream<Uint8Array>, keys: DecryptKeys): Promise<OpenedFile> {
  const { head, stream } = await peek(cipher, HEADER_MAX);
  await stream.cancel().catch(() => {});
  const parsed = parseAgeHeader(head);
  if (!parsed) throw new EncryptedFileError('damaged', "the encrypted file's header is damaged or cut short");
  const byPassphrase = parsed.types.includes('scrypt');
  if (byPassphrase && keys.passphrases.length === 0) {
    throw new EncryptedFileError(
      'needs-passphrase',
      'it is encrypted with a passphrase: enter the passphrase and import it again',
    );
  }
  if (!byPassphrase && keys.identities.length === 0) {
    throw new EncryptedFileError(
      'needs-key',
      `it is encrypted to a team key (${describeTypes(parsed.types)}) and this dashboard holds none: import the team's private key`,
    );
  }
  const d = new Decrypter();
  if (byPassphrase) for (const p of keys.passphrases) d.addPassphrase(p);
  else for (const k of keys.identities) d.addIdentity(k);
  let fileKey: Uint8Array;
  try {
    fileKey = await d.decryptHeader(parsed.header);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/no identity matched/.test(message)) {
      throw byPassphrase
        ? new EncryptedFileError('wrong-passphrase', 'the passphrase is wrong')
        : new EncryptedFileError(
            'wrong-key',
            `it is encrypted to another key (${describeTypes(parsed.types)}): none of this dashboard's keys opens it`,
          );
    }
    throw new EncryptedFileError('damaged', `the encrypted file's header is damaged (${message})`);
  }
  const cached: Identity = { unwrapFileKey: () => fileKey };
  return {
    encryptedWith: byPassphrase ? 'a passphrase' : `a team key (${describeTypes(parsed.types)})`,
    async decrypt(again) {
      const dd = new Decrypter();
      dd.addIdentity(cached);
      return dd.decrypt(again);
    },
  };
}

function describeTypes(types: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([t, n]) => (n > 1 ? `${n} × ${t}` : t)).join(', ');
}

/**
 * What a failure while reading decrypted bytes means: age authenticates every 64 KiB chunk and
 * marks the last one, so a file cut short or changed fails here, at the chunk where it differs.
 */
export function decryptionProblem(error: unknown, bytesRead: number): string | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid tag|final chunk|ciphertext|invalid header HMAC|tag/i.test(message)) {
    return `the encrypted file is cut short or was altered: it fails authentication after about ${bytesRead.toLocaleString('en')} bytes`;
  }
  return null;
}

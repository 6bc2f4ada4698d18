import { AGE_ARMOR, AGE_MAGIC, type DecryptKeys, decryptionProblem, EncryptedFileError, openEncrypted } from './age';
import { chunksOf, peek, tap } from './streams';

/**
 * Opens a file for reading as text, whatever it turns out to be: plain UTF-8 (or UTF-16 with a
 * byte order mark), gzip, or age-encrypted; and when it cannot be read, says why in words a lead
 * can act on, instead of misreading it (an 800 MB NDJSON file read into one string came back
 * empty and was "parsed" as a CSV without a header).
 */

/** A file that cannot be read, and why. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

/** A file opened as text. */
export interface OpenedText {
  text: AsyncIterable<string>;
  /** How it was encrypted (`a passphrase`, `a team key (X25519)`), or null. */
  encryptedWith: string | null;
  compressed: boolean;
}

export interface OpenOptions {
  keys: DecryptKeys;
  /** Sees every raw byte as it is read (fingerprint, progress). */
  onRaw?: (chunk: Uint8Array) => void;
}

const bytesEqual = (head: Uint8Array, text: string): boolean => {
  if (head.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (head[i] !== text.charCodeAt(i)) return false;
  return true;
};

/** What a read failure means, in words. */
export function readProblem(error: unknown, bytesRead: number): string {
  if (error instanceof FileProblem || error instanceof EncryptedFileError) return error.message;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NotReadableError')
    return 'the file could not be read: it changed, moved or was deleted after it was picked';
  if (name === 'NotFoundError') return 'the file is gone: it was moved or deleted after it was picked';
  if (name === 'NotAllowedError') return 'the browser no longer allows reading this folder: choose it again';
  const crypto = decryptionProblem(error, bytesRead);
  if (crypto) return crypto;
  if (error instanceof TypeError && /encoded data|decode|invalid/i.test(message)) {
    return `not UTF-8 text: a byte sequence after about ${bytesRead.toLocaleString('en')} bytes is not UTF-8 (save the file as UTF-8)`;
  }
  return `the file could not be read: ${message}`;
}

async function* decode(bytes: ReadableStream<Uint8Array>, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  for await (const chunk of chunksOf(bytes)) {
    const t = decoder.decode(chunk, { stream: true });
    if (t) yield t;
  }
  const t = decoder.decode();
  if (t) yield t;
}

/**
 * Opens a file from its byte stream. `reopen` gives a fresh stream of the same file: an age
 * header is read from one, the content from another.
 */
export async function openText(
  reopen: () => Promise<ReadableStream<Uint8Array>>,
  options: OpenOptions,
  opened?: { decrypt(s: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>>; encryptedWith: string },
): Promise<OpenedText & { opened: typeof opened }> {
  let raw = await reopen();
  if (options.onRaw) raw = raw.pipeThrough(tap(options.onRaw));
  let { head, stream } = await peek(raw, 1024);
  if (head.length === 0) throw new FileProblem('the file is empty');
  let encryptedWith: string | null = null;
  if (bytesEqual(head, AGE_MAGIC)) {
    opened ??= await openEncrypted(await reopen(), options.keys);
    encryptedWith = opened.encryptedWith;
    ({ head, stream } = await peek(await opened.decrypt(stream), 1024));
    if (head.length === 0) throw new FileProblem('the file is empty (encrypted)');
  } else if (bytesEqual(head, AGE_ARMOR)) {
    throw new FileProblem('it is an ASCII-armored age file: decrypt it, or encrypt it again without --armor');
  }
  let compressed = false;
  if (head[0] === 0x1f && head[1] === 0x8b) {
    compressed = true;
    const gunzip = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
    ({ head, stream } = await peek(stream.pipeThrough(gunzip), 1024));
  }
  if (bytesEqual(head, 'PK\u0003\u0004'))
    throw new FileProblem('it is a ZIP archive: unzip it and import the files inside');
  let encoding = 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  else if (head.includes(0)) throw new FileProblem('it is not a text file (it holds binary data)');
  return { text: decode(stream, encoding), encryptedWith, compressed, opened };
}

import { base64urlnopad, hex } from '@scure/base';

/**
 * Byte helpers for the audit trail: the same functions in the extension and in the Node CLI
 * (`npm run verify`), so both hash and sign exactly the same bytes.
 */

const encoder = new TextEncoder();

/** UTF-8 bytes of a text. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** One byte array from several. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An unsigned integer as 8 bytes, big-endian: times and sequence numbers in hashed and signed statements. */
export function u64(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number ≥ 0: ${n}`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n));
  return out;
}

/** Base64url without padding, as the export's audit file writes digests, links and signatures. */
export const toB64 = (bytes: Uint8Array): string => base64urlnopad.encode(bytes);

/** The bytes of a base64url text; throws on anything else. */
export const fromB64 = (text: string): Uint8Array => base64urlnopad.decode(text);

export const toHex = (bytes: Uint8Array): string => hex.encode(bytes);
export const fromHex = (text: string): Uint8Array => hex.decode(text);

/** Whether two byte arrays hold the same bytes. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A byte array WebCrypto accepts as `BufferSource` whatever the TypeScript lib's view of the buffer. */
export const asBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : (bytes.slice().buffer as ArrayBuffer);

import { sha256 } from '@noble/hashes/sha2.js';
import { asBuffer, concat, u64, utf8 } from './bytes';

/** Bytes per block: big enough that WebCrypto's per-call cost vanishes, small enough to stream. */
export const HASH_BLOCK = 1 << 20;

/**
 * A SHA-256 fingerprint of a stream of any length, computed as it passes: every 1 MiB block is
 * hashed by WebCrypto (native, off the main thread; WebCrypto has no incremental digest), and the
 * fingerprint is the SHA-256 of the block digests and the length. Blocks are cut at fixed byte
 * offsets, so the same bytes give the same fingerprint however they arrive.
 */
export class ChunkedHasher {
  #pending: Uint8Array[] = [];
  #pendingSize = 0;
  #blocks: Promise<ArrayBuffer>[] = [];
  #total = 0;

  update(bytes: Uint8Array): void {
    this.#total += bytes.length;
    let rest = bytes;
    while (this.#pendingSize + rest.length >= HASH_BLOCK) {
      const take = HASH_BLOCK - this.#pendingSize;
      this.#pending.push(rest.subarray(0, take));
      rest = rest.subarray(take);
      this.#flush();
    }
    if (rest.length) {
      // Keep a copy: the caller may reuse its buffer.
      this.#pending.push(rest.slice());
      this.#pendingSize += rest.length;
    }
  }

  #flush(): void {
    const block = concat(...this.#pending);
    this.#pending = [];
    this.#pendingSize = 0;
    this.#blocks.push(crypto.subtle.digest('SHA-256', asBuffer(block)));
  }

  /** Bytes seen so far. */
  get size(): number {
    return this.#total;
  }

  async digest(): Promise<Uint8Array> {
    if (this.#pendingSize) this.#flush();
    const blocks = (await Promise.all(this.#blocks)).map((b) => new Uint8Array(b));
    return sha256(concat(utf8('replyguard/chunked-sha256/v1\n'), u64(this.#total), ...blocks));
  }
}

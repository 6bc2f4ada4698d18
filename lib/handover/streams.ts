/**
 * Web Streams helpers shared by the dashboard (files, folder handles, downloads) and the Node CLI
 * (`Readable.toWeb`): exports and imports pass through these in chunks, never as one string.
 */

const encoder = new TextEncoder();

/** A byte stream from text chunks (an export being written), pulled one chunk at a time. */
export function streamOf(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await it.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
    },
    async cancel(reason) {
      await it.return?.(reason);
    },
  });
}

/** The chunks of a stream, as an async iterable (Chromium's streams are not iterable everywhere). */
export async function* chunksOf<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The first `n` bytes of a stream (fewer if it is shorter) and a stream of all its bytes, the
 * head included: what a file is (encrypted, compressed, text) is read from its first bytes.
 */
export async function peek(
  stream: ReadableStream<Uint8Array>,
  n: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.length;
  }
  const head = new Uint8Array(Math.min(size, n));
  let at = 0;
  for (const c of seen) {
    if (at >= head.length) break;
    const take = c.subarray(0, head.length - at);
    head.set(take, at);
    at += take.length;
  }
  const replay = seen.slice();
  const rest = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = replay.shift();
      if (next) {
        controller.enqueue(next);
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      const r = await reader.read();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream: rest };
}

/** Counts the bytes that pass (progress and error positions). */
export function countBytes(onBytes: (total: number) => void): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.length;
      onBytes(total);
      controller.enqueue(chunk);
    },
  });
}

/** Runs `fn` on every chunk that passes (a fingerprint as the file is read). */
export function tap(fn: (chunk: Uint8Array) => void): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      fn(chunk);
      controller.enqueue(chunk);
    },
  });
}

/**
 * A sink that keeps what is written as a list of small Blobs, then one Blob of them: the browser
 * stores Blob bytes outside the JavaScript heap (on disk when they are large), so an 800 MB export
 * never becomes one string (V8 caps a string at about 512 MB: "Invalid string length").
 */
export function blobSink(type: string): { writable: WritableStream<Uint8Array>; blob(): Blob } {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  const flush = () => {
    if (pendingSize === 0) return;
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingSize = 0;
  };
  return {
    writable: new WritableStream<Uint8Array>({
      write(chunk) {
        pending.push(chunk);
        pendingSize += chunk.length;
        // Group small chunks so the Blob list stays short; a few MB per part.
        if (pendingSize >= 4 << 20) flush();
      },
      close: flush,
    }),
    blob: () => {
      flush();
      return new Blob(parts, { type });
    },
  };
}

/** Text lines (without their line end) from text chunks. */
export async function* linesOf(text: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of text) {
    const all = rest + chunk;
    let at = 0;
    for (let nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', at)) {
      yield all.slice(at, nl).replace(/\r$/, '');
      at = nl + 1;
    }
    rest = all.slice(at);
  }
  if (rest !== '') yield rest.replace(/\r$/, '');
}

/** Text from a byte stream (UTF-8, a bad byte sequence is an error, never a replacement character). */
export async function* textOf(bytes: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunksOf(bytes)) {
    const t = decoder.decode(chunk, { stream: true });
    if (t) yield t;
  }
  const t = decoder.decode();
  if (t) yield t;
}

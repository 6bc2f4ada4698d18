import type { LogEvent } from './events';

/**
 * Where waiting events live until the background confirms them. One entry per event (not one
 * list), so two tabs never overwrite each other's queue; a tab that finds another tab's events
 * may deliver them too, which is harmless because writes are idempotent by id.
 */
export interface OutboxStore {
  loadAll(): Promise<LogEvent[]>;
  put(event: LogEvent): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

export interface OutboxOptions {
  store: OutboxStore;
  /** Delivers events to the background; resolves once they are written. */
  deliver(events: LogEvent[]): Promise<unknown>;
  /** A delivery failed (e.g. the service worker was stopped, or storage is full). */
  onError?(error: unknown): void;
  /** Everything waiting was delivered. */
  onDrained?(): void;
  /** @default [250, 500, 1000, 2000, 5000, 10000] ms between retries */
  backoff?: readonly number[];
  /** A delivery that has not answered by then is treated as failed and retried. @default 10000 */
  timeoutMs?: number;
  /** @default 200 events per message */
  batchSize?: number;
  signal?: AbortSignal;
}

/**
 * Events wait here, persisted, until the background confirms the write; a failed or unanswered
 * delivery (service worker stopped mid-write) is retried with back-off.
 */
export class Outbox {
  readonly #opts: OutboxOptions;
  readonly #pending = new Map<string, LogEvent>();
  readonly #loaded: Promise<void>;
  #flushing: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #attempt = 0;

  constructor(options: OutboxOptions) {
    this.#opts = options;
    this.#loaded = this.#adoptStored();
    options.signal?.addEventListener('abort', () => {
      if (this.#timer) clearTimeout(this.#timer);
    });
  }

  get size(): number {
    return this.#pending.size;
  }

  /** Persists the event first, then tries to deliver it. */
  async add(event: LogEvent): Promise<void> {
    this.#pending.set(event.id, event);
    await this.#opts.store.put(event);
    await this.flush();
  }

  /** Sends everything pending; a call during a delivery schedules one more round. */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    this.#flushing = (async () => {
      do {
        this.#again = false;
        await this.#flushOnce();
      } while (this.#again && this.#timer === null);
    })().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  async #adoptStored(): Promise<void> {
    try {
      for (const event of await this.#opts.store.loadAll()) this.#pending.set(event.id, event);
      if (this.#pending.size > 0) void this.flush();
    } catch (error) {
      this.#opts.onError?.(error);
    }
  }

  async #flushOnce(): Promise<void> {
    await this.#loaded;
    const size = this.#opts.batchSize ?? 200;
    while (this.#pending.size > 0 && !this.#opts.signal?.aborted) {
      const batch = [...this.#pending.values()].sort((a, b) => a.seq - b.seq).slice(0, size);
      try {
        await withTimeout(this.#opts.deliver(batch), this.#opts.timeoutMs ?? 10_000);
      } catch (error) {
        this.#opts.onError?.(error);
        this.#scheduleRetry();
        return;
      }
      for (const e of batch) this.#pending.delete(e.id);
      this.#attempt = 0;
      await this.#opts.store.remove(batch.map((e) => e.id)).catch((error: unknown) => this.#opts.onError?.(error));
    }
    if (this.#pending.size === 0) this.#opts.onDrained?.();
  }

  #scheduleRetry(): void {
    if (this.#timer || this.#opts.signal?.aborted) return;
    const backoff = this.#opts.backoff ?? [250, 500, 1000, 2000, 5000, 10000];
    const delay = backoff[Math.min(this.#attempt, backoff.length - 1)] ?? 10_000;
    this.#attempt += 1;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, delay);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the background within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

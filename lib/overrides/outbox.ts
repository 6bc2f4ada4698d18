import type { OverrideRow } from '../db/schema';

/** Where the outbox keeps rows until the background confirms them (storage.local in the extension). */
export interface OutboxStore {
  load(): Promise<OverrideRow[]>;
  save(rows: OverrideRow[]): Promise<void>;
}

export interface OutboxOptions {
  store: OutboxStore;
  /** Delivers rows to the background; resolves once they are written. */
  deliver(rows: OverrideRow[]): Promise<unknown>;
  /** Called when a delivery fails, e.g. to show "not saved yet". */
  onError?(error: unknown): void;
  /** @default [500, 1000, 2000, 5000, 10000] ms between retries */
  backoff?: readonly number[];
  signal?: AbortSignal;
}

/**
 * Rows wait here, persisted, until the background confirms the write; a failed or unanswered
 * delivery (service worker stopped) is retried with back-off. Rows carry their id from creation,
 * so a delivery that succeeded but whose answer was lost is harmless to repeat.
 */
export class Outbox {
  readonly #opts: OutboxOptions;
  #pending: OverrideRow[] = [];
  #loaded: Promise<void>;
  #flushing: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #attempt = 0;

  constructor(options: OutboxOptions) {
    this.#opts = options;
    this.#loaded = options.store.load().then(
      (rows) => {
        this.#pending = [...rows, ...this.#pending];
        if (this.#pending.length > 0) void this.flush();
      },
      (error) => options.onError?.(error),
    );
    options.signal?.addEventListener('abort', () => {
      if (this.#timer) clearTimeout(this.#timer);
    });
  }

  get size(): number {
    return this.#pending.length;
  }

  async add(row: OverrideRow): Promise<void> {
    await this.#loaded;
    this.#pending.push(row);
    await this.#opts.store.save(this.#pending);
    await this.flush();
  }

  /** Sends everything pending; concurrent calls share one delivery. */
  flush(): Promise<void> {
    this.#flushing ??= this.#flushOnce().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  async #flushOnce(): Promise<void> {
    await this.#loaded;
    if (this.#pending.length === 0 || this.#opts.signal?.aborted) return;
    const batch = this.#pending.slice();
    try {
      await this.#opts.deliver(batch);
      const sent = new Set(batch.map((r) => r.id));
      this.#pending = this.#pending.filter((r) => !sent.has(r.id));
      await this.#opts.store.save(this.#pending);
      this.#attempt = 0;
    } catch (error) {
      this.#opts.onError?.(error);
      this.#scheduleRetry();
    }
  }

  #scheduleRetry(): void {
    if (this.#timer || this.#opts.signal?.aborted) return;
    const backoff = this.#opts.backoff ?? [500, 1000, 2000, 5000, 10000];
    const delay = backoff[Math.min(this.#attempt, backoff.length - 1)] ?? 10000;
    this.#attempt += 1;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, delay);
  }
}

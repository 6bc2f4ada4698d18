/**
 * Writes per tab, as a token bucket: a tab may send `capacity` events at once (an outbox catching
 * up after the service worker was stopped) and `perSecond` more each second. A content script
 * delivers one event per decision, so only a script gone wrong (or a page that found a way to
 * drive it) reaches the limit; its writes are refused with an error, which makes a real outbox
 * back off and retry, so nothing is lost.
 */
export interface WriteLimiterOptions {
  /** @default 1000 */
  capacity?: number;
  /** @default 20 */
  perSecond?: number;
  /** @default Date.now */
  now?: () => number;
}

export class WriteLimiter {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #buckets = new Map<number, { tokens: number; at: number }>();

  constructor(options: WriteLimiterOptions = {}) {
    this.#capacity = options.capacity ?? 1000;
    this.#perMs = (options.perSecond ?? 20) / 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Takes `count` writes from the tab's budget; false (and nothing taken) when it has not that many. */
  take(tabId: number, count: number): boolean {
    const now = this.#now();
    const bucket = this.#buckets.get(tabId) ?? { tokens: this.#capacity, at: now };
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    this.#buckets.set(tabId, bucket);
    if (count > bucket.tokens) return false;
    bucket.tokens -= count;
    return true;
  }

  /** Forgets a closed tab. */
  forget(tabId: number): void {
    this.#buckets.delete(tabId);
  }
}

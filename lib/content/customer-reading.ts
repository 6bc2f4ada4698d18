import type { CustomerSignals } from '../engine/types';
import type { CustomerReading } from '../overlay/overlay-store';
import { sleep, withTimeout } from './timing';

export interface CustomerReaderOptions {
  /** Asks for a reading of the messages (the background, in the extension). */
  analyzeCustomer(messages: string[]): Promise<CustomerSignals | null>;
  /** Waits before each retry; once they are used up the reading is `unavailable`. */
  retryDelays: readonly number[];
  /** An attempt that has not answered by then counts as failed. */
  timeoutMs: number;
  /** After the reading was unavailable, a page change this much later asks again. */
  retryAfterUnavailableMs: number;
  signal: AbortSignal;
  /** The reading in force changed (an answer, or its absence): re-check and repaint. Wrapped by the caller's guard. */
  onChange(): void;
}

/**
 * The reading of the customer's messages in force for the open ticket: asked once per change of
 * the messages (never per keystroke), retried with back-off while the background starts up, and
 * kept on screen while a newer question is out so highlights that depend on it do not flicker.
 * An answer to an older question (another ticket, messages changed since) is dropped.
 */
export class CustomerReader {
  readonly #opts: CustomerReaderOptions;
  /** The reading in force, and the texts it describes (its cue offsets point into them). */
  customer: CustomerSignals | null = null;
  texts: string[] = [];
  state: CustomerReading = 'none';
  /** The messages as last seen on the page (what the reply rules read). */
  current: string[] = [];
  #asked: { texts: readonly string[]; enabled: boolean } | null = null;
  #seq = 0;
  #unavailableAt = 0;

  constructor(options: CustomerReaderOptions) {
    this.#opts = options;
  }

  /** Called on every read of the page with the customer's messages; asks only when they changed. */
  update(texts: string[], enabled: boolean, now: number): void {
    // Compared message by message: a long ticket's texts are the same strings from read to read
    // (lib/hosts/text-cache.ts), so this costs nothing, where joining them copied megabytes.
    if (!this.#asked || this.#asked.enabled !== enabled || !sameTexts(this.#asked.texts, texts)) {
      this.#asked = { texts, enabled };
      this.current = texts;
      if (enabled && texts.length > 0) this.#ask(texts);
      else {
        this.#seq++;
        this.customer = null;
        this.texts = texts;
        this.state = 'none';
      }
    } else if (this.state === 'unavailable' && now - this.#unavailableAt > this.#opts.retryAfterUnavailableMs) {
      this.#ask(texts);
    }
  }

  /** Another ticket: nothing read yet, and answers still on their way are stale. */
  reset(): void {
    this.#asked = null;
    this.current = [];
    this.customer = null;
    this.texts = [];
    this.state = 'none';
    this.#seq++;
  }

  #apply(seq: number, texts: string[], result: CustomerSignals | null, outcome: 'ready' | 'unavailable'): void {
    if (seq !== this.#seq || this.#opts.signal.aborted) return;
    this.customer = result;
    this.texts = texts;
    this.state = outcome === 'ready' && !result ? 'none' : outcome;
    if (outcome === 'unavailable') this.#unavailableAt = Date.now();
    this.#opts.onChange();
  }

  #ask(texts: string[]): void {
    const seq = ++this.#seq;
    if (this.state !== 'ready') this.state = 'pending';
    const { retryDelays, timeoutMs, signal } = this.#opts;
    void (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await withTimeout(this.#opts.analyzeCustomer(texts), timeoutMs, signal);
          this.#apply(seq, texts, result, 'ready');
          return;
        } catch {
          const wait = retryDelays[attempt];
          if (seq !== this.#seq || signal.aborted) return;
          if (wait === undefined) {
            this.#apply(seq, texts, null, 'unavailable');
            return;
          }
          await sleep(wait, signal);
          if (seq !== this.#seq || signal.aborted) return;
        }
      }
    })();
  }
}

/** Same messages, in the same order. */
export function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The content script's side of keyed ticket hashes: the key lives in the background, so the
 * page asks it (`content→background:ticket-hash`) before a row is queued. The ticket id travels
 * in that message only, never into storage.local. A background that does not answer (stopped
 * mid-update) is asked again with back-off while the tab lives; answers are kept per ticket.
 */
export interface TicketHasherOptions {
  ask(helpdesk: string, ticketId: string): Promise<string>;
  /** @default [250, 1000, 2000, 5000, 10000] ms between attempts (the last one repeats) */
  backoff?: readonly number[];
  signal?: AbortSignal;
}

/** Keeps at most this many tickets' hashes: an agent's day, not a history. */
const KEEP = 200;

export function createTicketHasher(
  options: TicketHasherOptions,
): (helpdesk: string, ticketId: string) => Promise<string> {
  const known = new Map<string, Promise<string>>();
  const backoff = options.backoff ?? [250, 1000, 2000, 5000, 10000];
  const attempt = async (helpdesk: string, ticketId: string): Promise<string> => {
    for (let n = 0; ; n++) {
      try {
        const hash = await options.ask(helpdesk, ticketId);
        if (/^[0-9a-f]{64}$/.test(hash)) return hash;
        throw new Error('the background answered no ticket hash');
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const wait = backoff[Math.min(n, backoff.length - 1)] ?? 10_000;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
  return (helpdesk, ticketId) => {
    const key = `${helpdesk}\u0000${ticketId}`;
    let hash = known.get(key);
    if (!hash) {
      hash = attempt(helpdesk, ticketId);
      hash.catch(() => known.delete(key));
      if (known.size >= KEEP) known.delete(known.keys().next().value as string);
      known.set(key, hash);
    }
    return hash;
  };
}

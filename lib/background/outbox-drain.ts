import type { LogEvent } from '../overrides/events';

/** Where content scripts keep events until the background confirms them (lib/overrides/outbox.ts). */
export const OUTBOX_PREFIX = 'outbox:';

/**
 * A live page delivers its events within milliseconds; one still waiting after this long belongs
 * to a page that went away before it could (a send that made the helpdesk navigate: the page
 * stored the decision in its last moment).
 * @default 3000
 */
export const ORPHAN_AFTER_MS = 3_000;

/** The slice of `storage.local` the drain uses. */
export interface OutboxStorage {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Writes the events that pages left in their outbox without delivering them, then removes them.
 * Another helpdesk tab's outbox would deliver them too when it next loads, but an agent may have
 * no other tab open: the background does not wait for one. Writes are idempotent by event id, so
 * a page delivering the same events at the same moment changes nothing.
 * @returns how many events were written
 */
export async function drainOrphanedOutbox(
  storage: OutboxStorage,
  apply: (events: LogEvent[]) => Promise<unknown>,
  now: number,
  minAgeMs: number = ORPHAN_AFTER_MS,
): Promise<number> {
  const all = await storage.get(null);
  const orphans = Object.entries(all)
    .filter(([key, value]) => key.startsWith(OUTBOX_PREFIX) && isOld(value, now, minAgeMs))
    .map(([key, value]) => [key, value as LogEvent] as const)
    .sort((a, b) => a[1].seq - b[1].seq);
  if (orphans.length === 0) return 0;
  await apply(orphans.map(([, event]) => event));
  await storage.remove(orphans.map(([key]) => key));
  return orphans.length;
}

/** Events carry `seq`, microseconds since the epoch when they were made (lib/overrides/events.ts). */
function isOld(value: unknown, now: number, minAgeMs: number): boolean {
  const seq = (value as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' && seq / 1000 <= now - minAgeMs;
}

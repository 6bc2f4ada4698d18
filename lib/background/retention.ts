import type { ChainContext } from '../audit/live-chain';
import type { ReplyGuardDb } from '../db/database';
import { purgeOlderThan } from '../db/overrides';

const DAY_MS = 86_400_000;

/** Name of the alarm that runs the purge; alarms survive the service worker being stopped. */
export const RETENTION_ALARM = 'replyguard-retention-purge';

/** How often the purge runs. Rows may outlive their period by at most this much. */
export const RETENTION_PERIOD_MINUTES = 360;

/**
 * Deletes rows decided more than `days` days before `now`; with a chain context, leaves a
 * retention checkpoint in the audit chain. @returns how many were deleted
 */
export function purgeExpired(db: ReplyGuardDb, days: number, now: number, chain?: ChainContext): Promise<number> {
  if (!Number.isFinite(days) || days <= 0) return Promise.resolve(0);
  return purgeOlderThan(db, now - days * DAY_MS, chain);
}

import type { ReplyGuardDb } from '../db/database';
import { purgeOlderThan } from '../db/overrides';
import { purgeVerdicts } from '../db/reviews';

const DAY_MS = 86_400_000;

/** Name of the alarm that runs the purge; alarms survive the service worker being stopped. */
export const RETENTION_ALARM = 'replyguard-retention-purge';

/** How often the purge runs. Rows may outlive their period by at most this much. */
export const RETENTION_PERIOD_MINUTES = 360;

/** Deletes rows decided more than `days` days before `now`. @returns how many were deleted */
export function purgeExpired(db: ReplyGuardDb, days: number, now: number): Promise<number> {
  if (!Number.isFinite(days) || days <= 0) return Promise.resolve(0);
  const cutoff = now - days * DAY_MS;
  // A lead's verdicts go with the rows they judge (their own table, their own transaction).
  return purgeOlderThan(db, cutoff).then(async (n) => {
    await purgeVerdicts(db, cutoff);
    return n;
  });
}

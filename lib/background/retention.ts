import type { ChainContext } from '../audit/live-chain';
import type { ReplyGuardDb } from '../db/database';
import { purgeOlderThan } from '../db/overrides';
import { purgeVerdicts } from '../db/reviews';
import { latestTime } from '../db/schema';

const DAY_MS = 86_400_000;

/** Name of the alarm that runs the purge; alarms survive the service worker being stopped. */
export const RETENTION_ALARM = 'replyguard-retention-purge';

/** How often the purge runs. Rows may outlive their period by at most this much. */
export const RETENTION_PERIOD_MINUTES = 360;

/**
 * Deletes rows decided more than `days` days before `now`, and rows dated more than a day after
 * it (`latestTime`: no check lets such a row in now, but an older version stored what it was
 * given). With a chain context, leaves a retention checkpoint in the audit chain.
 * @returns how many were deleted
 */
export function purgeExpired(db: ReplyGuardDb, days: number, now: number, chain?: ChainContext): Promise<number> {
  if (!Number.isFinite(days) || days <= 0) return Promise.resolve(0);
  const cutoff = now - days * DAY_MS;
  // A lead's verdicts go with the rows they judge (their own table, their own transaction).
  return purgeOlderThan(db, cutoff, latestTime(now), chain).then(async (n) => {
    await purgeVerdicts(db, cutoff);
    return n;
  });
}

/** The slice of `browser.alarms` the schedule uses (tests pass a fake). */
export interface AlarmApi {
  get(name: string): Promise<{ name: string } | undefined>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): void | Promise<void>;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

/**
 * Runs `purge` every `RETENTION_PERIOD_MINUTES`, first a minute after install. The alarm is
 * created only when missing: the service worker starts many times a day, and re-creating the
 * alarm at each start would push its first run back every time, so it might never run.
 */
export async function scheduleRetention(alarms: AlarmApi, purge: () => Promise<unknown>): Promise<void> {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void purge();
  });
  if (!(await alarms.get(RETENTION_ALARM))) {
    await alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: RETENTION_PERIOD_MINUTES });
  }
}

import type { ReplyGuardDb } from '../db/database';
import { type HandoverRun, handoverDue, runHandover } from '../handover/folder';
import { handoverStatus } from '../handover/state';
import type { Settings } from '../settings/schema';
import type { AlarmApi } from './retention';

/**
 * The scheduled hand-over (issue 17.1): the background writes this browser's new rows to the
 * folder the agent chose, once a day or a week as the settings (or the policy) say. An alarm
 * wakes the service worker every `HANDOVER_CHECK_MINUTES`; the folder is written when the
 * schedule is due (lib/handover/folder.ts `handoverDue`), so a browser closed at the hour of the
 * write catches up when it next runs. A run that could not write (no folder chosen, the browser
 * asks again for the folder) is shown on the toolbar icon, and tried again at the next alarm.
 */

export const HANDOVER_ALARM = 'replyguard-handover';
export const HANDOVER_CHECK_MINUTES = 30;

/** Runs the hand-over when the schedule calls for one; null when it is off or not due. */
export async function scheduledHandover(
  db: ReplyGuardDb,
  settings: Settings,
  now: number,
  folder?: FileSystemDirectoryHandle,
): Promise<HandoverRun | null> {
  if (settings.handoverSchedule === 'off') return null;
  const status = await handoverStatus(db);
  if (!handoverDue(settings.handoverSchedule, status.lastWrittenAt, now)) return null;
  return runHandover(db, settings, { now, ...(folder ? { folder } : {}) });
}

/** The slice of `browser.action` that shows a hand-over problem on the toolbar icon. */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

/** Shows a run's problem on the toolbar icon ("!" and the reason as its tooltip), or clears it. */
export async function showHandoverRun(action: BadgeApi, run: HandoverRun | null): Promise<void> {
  if (run === null) return;
  if (run.problem) {
    await action.setBadgeBackgroundColor({ color: '#b45309' });
    await action.setBadgeText({ text: '!' });
    await action.setTitle({ title: `ReplyGuard: the hand-over is waiting: ${run.problem}` });
  } else {
    await action.setBadgeText({ text: '' });
    await action.setTitle({ title: 'ReplyGuard' });
  }
}

/**
 * Checks the schedule every `HANDOVER_CHECK_MINUTES`, first a minute after the service worker
 * starts. Like the retention alarm, created only when missing, so frequent starts never push it back.
 */
export async function scheduleHandover(alarms: AlarmApi, check: () => Promise<unknown>): Promise<void> {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HANDOVER_ALARM) void check();
  });
  if (!(await alarms.get(HANDOVER_ALARM))) {
    await alarms.create(HANDOVER_ALARM, { delayInMinutes: 1, periodInMinutes: HANDOVER_CHECK_MINUTES });
  }
}

/**
 * The background's hand-over: one run at a time (the alarm and a "Write now" never write the same
 * rows twice), each shown on the toolbar icon. `force` writes whatever is new now, due or not.
 */
export function createHandover(
  db: ReplyGuardDb,
  deps: { settings: () => Promise<Settings>; now: () => number; action: BadgeApi },
): (force: boolean) => Promise<HandoverRun | null> {
  let queue: Promise<unknown> = Promise.resolve();
  return (force) => {
    const run = queue.then(async () => {
      const settings = await deps.settings();
      const result = force
        ? await runHandover(db, settings, { now: deps.now() })
        : await scheduledHandover(db, settings, deps.now());
      await showHandoverRun(deps.action, result).catch(() => {});
      return result;
    });
    queue = run.catch(() => {});
    return run;
  };
}

import { auditFileName } from '../audit/audit-file';
import { installIdentity } from '../audit/install-key';
import type { ReplyGuardDb } from '../db/database';
import type { OverrideRow } from '../db/schema';
import type { Settings } from '../settings/schema';
import { AGE_SUFFIX } from './age';
import { exportFromLog } from './log-export';
import { handoverFolder, handoverStatus, setHandoverStatus } from './state';

/**
 * The hand-over: this browser's new rows, written on a schedule to the folder the agent chose
 * once (a team share, a synced folder), for the lead to import the whole folder.
 *
 * Where it runs: the folder is picked with `showDirectoryPicker` in an extension page (a click),
 * and its handle kept in IndexedDB. The background service worker writes to it when the schedule
 * says so (Chromium exposes `FileSystemHandle` and `createWritable` to service workers; measured
 * in Chromium 156), but only while the browser still grants the extension access to the folder:
 * after a restart Chromium asks again, unless the agent chose "Allow on every visit" (Chrome 122+).
 * Then the write waits, the toolbar icon shows "!", and the options page's "Allow again" (a click,
 * which `requestPermission` needs) lets it go on. Firefox has no File System Access API.
 */

/** What one hand-over did. */
export interface HandoverRun {
  /** Files written (rows file, audit file), or none. */
  written: string[];
  rows: number;
  /** Why nothing was written, in words the agent can act on; null when it worked or there was nothing new. */
  problem: string | null;
  needsPermission: boolean;
}

const DAY = 86_400_000;

/** Whether the schedule calls for a hand-over now: once per local day (daily), or after seven days (weekly). */
export function handoverDue(
  schedule: Settings['handoverSchedule'],
  lastWrittenAt: number | null,
  now: number,
): boolean {
  if (schedule === 'off') return false;
  if (lastWrittenAt === null) return true;
  if (schedule === 'weekly') return now - lastWrittenAt >= 7 * DAY - 60_000;
  return new Date(lastWrittenAt).toDateString() !== new Date(now).toDateString();
}

/** A file name that sorts by time and says whose it is: `replyguard-ana-20250520-1200.ndjson`. */
export function handoverFileName(agent: string, install: string, now: Date): string {
  const who =
    agent
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || install.slice(0, 8);
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15).replace('T', '-');
  return `replyguard-${who}-${stamp}.ndjson`;
}

/** The browser's access to the folder: `granted`, `prompt` (ask again with a click) or `denied`. */
export async function folderAccess(handle: FileSystemDirectoryHandle): Promise<PermissionState> {
  const h = handle as FileSystemDirectoryHandle & {
    queryPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
  };
  return h.queryPermission ? h.queryPermission({ mode: 'readwrite' }) : 'granted';
}

/**
 * Writes the rows whose chain events came after the last hand-over (new rows, and rows with a
 * reason given since) to the folder, with their audit file, encrypted to the team keys when
 * the settings name any. The status records how far it got, so the next run goes on from there.
 */
export async function runHandover(
  db: ReplyGuardDb,
  settings: Settings,
  options: {
    now?: number;
    /** The folder to write to. @default the one the agent chose (IndexedDB) */
    folder?: FileSystemDirectoryHandle;
  } = {},
): Promise<HandoverRun> {
  const now = options.now ?? Date.now();
  const fail = async (problem: string, needsPermission = false): Promise<HandoverRun> => {
    await setHandoverStatus(db, { problem, needsPermission });
    return { written: [], rows: 0, problem, needsPermission };
  };
  const handle = options.folder ?? (await handoverFolder(db))?.handle;
  if (!handle) return fail('choose a hand-over folder in ReplyGuard’s options first');
  const access = await folderAccess(handle);
  if (access !== 'granted') {
    return fail(
      'the browser asks again for access to the hand-over folder: open ReplyGuard’s options and click “Allow again”',
      true,
    );
  }
  const status = await handoverStatus(db);
  const events = await db.chain.where('seq').above(status.lastSeq).toArray();
  const head = events.at(-1)?.seq ?? status.lastSeq;
  const ids = [...new Set(events.map((e) => e.id))];
  const rows = (await db.overrides.bulkGet(ids)).filter((r): r is OverrideRow => r !== undefined);
  if (rows.length === 0) {
    await setHandoverStatus(db, { lastSeq: head, problem: null, needsPermission: false });
    return { written: [], rows: 0, problem: null, needsPermission: false };
  }
  rows.sort((a, b) => a.decidedAt - b.decidedAt);
  const self = await installIdentity(db);
  const name = handoverFileName(settings.agentLabel, self.id, new Date(now));
  const encrypted = settings.handoverRecipients.length > 0;
  const suffix = encrypted ? AGE_SUFFIX : '';
  const names = [name + suffix, auditFileName(name) + suffix];
  try {
    const [rowsFile, auditFile] = await Promise.all(names.map((n) => handle.getFileHandle(n, { create: true })));
    // createWritable writes to a temporary file that replaces the target only when closed: a
    // reader of the folder never sees half a file.
    const [rowsSink, auditSink] = await Promise.all([
      (rowsFile as FileSystemFileHandle).createWritable(),
      (auditFile as FileSystemFileHandle).createWritable(),
    ]);
    await exportFromLog(db, {
      refs: rows,
      format: 'ndjson',
      name,
      rowsSink,
      auditSink,
      encryption: encrypted ? { recipients: settings.handoverRecipients } : null,
      agents: [settings.agentLabel],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const denied =
      error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
    return fail(
      denied
        ? 'the browser no longer lets ReplyGuard write to the hand-over folder: open the options and click “Allow again”'
        : `the hand-over could not be written: ${message}`,
      denied,
    );
  }
  await setHandoverStatus(db, {
    lastSeq: head,
    lastWrittenAt: now,
    lastFile: names[0] as string,
    problem: null,
    needsPermission: false,
  });
  return { written: names, rows: rows.length, problem: null, needsPermission: false };
}

import type { ReplyGuardDb } from '../db/database';

/**
 * The hand-over's state in IndexedDB: the folder the agent chose (a `FileSystemDirectoryHandle`,
 * which only IndexedDB can keep) and how the last scheduled write went.
 */
export type HandoverRecord = HandoverFolder | HandoverStatus;

/** The folder exports are written to. */
export interface HandoverFolder {
  name: 'folder';
  handle: FileSystemDirectoryHandle;
  chosenAt: number;
}

/** How the hand-over stands: what was written last and what stopped it. */
export interface HandoverStatus {
  name: 'status';
  /** When the last file was written (epoch ms), or null before the first. */
  lastWrittenAt: number | null;
  /** The last chain event handed over: the next file starts after it. */
  lastSeq: number;
  /** Name of the last rows file written. */
  lastFile: string | null;
  /** Why the last attempt wrote nothing, in words an agent can act on; null when it worked. */
  problem: string | null;
  /** True when the browser needs the agent to allow the folder again (a click in ReplyGuard's page). */
  needsPermission: boolean;
  updatedAt: number;
}

export const IDLE_STATUS: HandoverStatus = {
  name: 'status',
  lastWrittenAt: null,
  lastSeq: 0,
  lastFile: null,
  problem: null,
  needsPermission: false,
  updatedAt: 0,
};

export async function handoverFolder(db: ReplyGuardDb): Promise<HandoverFolder | undefined> {
  return (await db.handover.get('folder')) as HandoverFolder | undefined;
}

export async function handoverStatus(db: ReplyGuardDb): Promise<HandoverStatus> {
  return ((await db.handover.get('status')) as HandoverStatus | undefined) ?? IDLE_STATUS;
}

export async function setHandoverStatus(db: ReplyGuardDb, patch: Partial<Omit<HandoverStatus, 'name'>>): Promise<void> {
  await db.transaction('rw', db.handover, async () => {
    const current = await handoverStatus(db);
    await db.handover.put({ ...current, ...patch, name: 'status', updatedAt: Date.now() });
  });
}

export async function chooseHandoverFolder(db: ReplyGuardDb, handle: FileSystemDirectoryHandle): Promise<void> {
  await db.handover.put({ name: 'folder', handle, chosenAt: Date.now() });
}

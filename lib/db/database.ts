import { Dexie, type EntityTable } from 'dexie';
import type { OverrideRow } from './schema';

export const DB_NAME = 'replyguard';

export type ReplyGuardDb = Dexie & {
  overrides: EntityTable<OverrideRow, 'id'>;
};

/**
 * Opens the extension's database. Only the background and the extension's own pages call this:
 * a content script would open it in the helpdesk site's origin, where no one else sees it.
 *
 * Schema history is append-only: never edit a shipped `version(n)`, add `version(n + 1)`.
 */
export function openDatabase(name: string = DB_NAME): ReplyGuardDb {
  const db = new Dexie(name) as ReplyGuardDb;
  db.version(1).stores({
    overrides: 'id, decidedAt, shownAt, helpdesk, agent, outcome, reason, ticketHash',
  });
  return db;
}

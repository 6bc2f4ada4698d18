import type { DayTotals } from './day-totals';

/**
 * The dashboard's first read, started while the page is still loading.
 *
 * At a million rows the day totals are about 2 MB, and IndexedDB hands them over in about 100 ms
 * here. Started from the page's main script, the read waited for that script and its imports
 * (Dexie among them) to load and run, then for the UI's chunk; started from a tiny script in the
 * page's head (entrypoints/dashboard-early.ts), it runs while they load. It uses IndexedDB
 * itself, not Dexie: no library to load first.
 *
 * It reads only a database at the schema version this build declares: any other (an update not
 * yet applied, a database not created yet) answers null and the page reads through Dexie as
 * before, which upgrades or creates it. The connection closes as soon as the read is done, so it
 * never holds up Dexie's upgrade.
 */

/** The extension's database (lib/db/database.ts opens it with Dexie). */
export const DB_NAME = 'replyguard';
/** The newest entry of `SCHEMA_VERSIONS`; a unit test keeps the two equal. */
export const LATEST_SCHEMA_VERSION = 10;

/** Where the early script leaves its read for the page's main script. */
export const EARLY_TOTALS_KEY = '__replyguardEarlyTotals';

declare global {
  interface Window {
    [EARLY_TOTALS_KEY]?: Promise<DayTotals[] | null>;
  }
}

/**
 * Every day's totals, read straight from IndexedDB; null when the database is not at this
 * build's schema version or cannot be read (the caller reads through Dexie then).
 */
export function readTotalsEarly(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<DayTotals[] | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: leave creating it to Dexie, which declares its stores.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      // Dexie stores version v as v × 10.
      if (db.version !== LATEST_SCHEMA_VERSION * 10 || !db.objectStoreNames.contains('dayTotals')) {
        db.close();
        resolve(null);
        return;
      }
      try {
        const read = db.transaction('dayTotals', 'readonly').objectStore('dayTotals').getAll();
        read.onsuccess = () => resolve(read.result as DayTotals[]);
        read.onerror = () => resolve(null);
      } catch {
        resolve(null);
      } finally {
        db.close();
      }
    };
  });
}

/** The early script's read, once: the page's later reads go through Dexie. */
export function takeEarlyTotals(): Promise<DayTotals[] | null> | null {
  const early = window[EARLY_TOTALS_KEY] ?? null;
  delete window[EARLY_TOTALS_KEY];
  return early;
}

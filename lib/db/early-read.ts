import type { DayDurations, DayTotals } from './day-totals';

/**
 * The dashboard's first read, started while the page is still loading: every day's totals, and
 * the decision times of the days the default period and the one before can span
 * (`EARLY_DURATION_DAYS`); the page's live query reads the rest of the times just after.
 *
 * At a million rows the day totals with every day's times were about 2.2 MB, and IndexedDB
 * handed them over in about 130 ms here; the totals and the period's times are about 1.4 MB. Started from the page's main script, the read waited for that script and its imports
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
export const LATEST_SCHEMA_VERSION = 11;

/** Where the early script leaves its read for the page's main script. */
export const EARLY_TOTALS_KEY = '__replyguardEarlyTotals';

/** A UTC day, as the summary counts days (`CHUNK_MS` in ./summary.ts, not imported: this file stays small). */
const DAY_MS = 86_400_000;

/**
 * Days back from today whose decision times the early read takes: the dashboard opens on the last
 * four weeks (`period: '28d'` in components/dashboard/store.ts) beside the four before, which
 * start at most 57 UTC days before today's (a local midnight is within 14 hours of UTC's, and the
 * period ends at most a day after today, at the newest decision a row may carry); one more for
 * good measure. A unit test holds this to the store's default period.
 */
export const EARLY_DURATION_DAYS = 58;

/** What the early read found. */
export interface EarlyTotals {
  /** Every day's totals. */
  totals: DayTotals[];
  /** The decision times of the days from `EARLY_DURATION_DAYS` before today's on. */
  durations: DayDurations[];
}

declare global {
  interface Window {
    [EARLY_TOTALS_KEY]?: Promise<EarlyTotals | null>;
  }
}

/**
 * Every day's totals and the recent days' decision times, read straight from IndexedDB in one
 * transaction; null when the database is not at this build's schema version or cannot be read
 * (the caller reads through Dexie then).
 */
export function readTotalsEarly(
  factory: IDBFactory = indexedDB,
  name = DB_NAME,
  now = Date.now(),
): Promise<EarlyTotals | null> {
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
      if (
        db.version !== LATEST_SCHEMA_VERSION * 10 ||
        !db.objectStoreNames.contains('dayTotals') ||
        !db.objectStoreNames.contains('dayDurations')
      ) {
        db.close();
        resolve(null);
        return;
      }
      try {
        const tx = db.transaction(['dayTotals', 'dayDurations'], 'readonly');
        const totals = readEach(tx.objectStore('dayTotals'), null);
        const from = Math.floor(now / DAY_MS) - EARLY_DURATION_DAYS;
        const durations = readEach(tx.objectStore('dayDurations'), IDBKeyRange.lowerBound(from));
        tx.oncomplete = () => resolve({ totals: totals() as DayTotals[], durations: durations() as DayDurations[] });
        tx.onerror = () => resolve(null);
        tx.onabort = () => resolve(null);
      } catch {
        resolve(null);
      } finally {
        db.close();
      }
    };
  });
}

/**
 * Every record of `store` in `range`, in key order, read one `get` per key after the keys
 * (`getAllKeys`): call the returned function once the transaction has completed.
 *
 * Why not `getAll`: in Chromium 156 it is several times slower over records of a few kilobytes.
 * `npm run bench:idb` (medians, this machine, two runs): 116 records of 15 KB (a million-row log's
 * decision times) 80 to 90 ms by `getAll` against 25 to 30 ms this way; 116 of 4 KB (its totals)
 * 27 to 35 against 22 to 28. In the
 * dashboard's trace the two `getAll`s took 92 ms of the browser's IndexedDB thread, on the first
 * render's longest path; this way the million-row first render went from 540 to 440 ms
 * (bench:dashboard --rows 1000000, runs of the two builds interleaved).
 */
export function readEach(store: IDBObjectStore, range: IDBKeyRange | null): () => unknown[] {
  const gets: IDBRequest[] = [];
  const keys = store.getAllKeys(range);
  keys.onsuccess = () => {
    for (const key of keys.result) gets.push(store.get(key));
  };
  return () => gets.map((g) => g.result);
}

/** The early script's read, once: the page's later reads go through Dexie. */
export function takeEarlyTotals(): Promise<EarlyTotals | null> | null {
  const early = window[EARLY_TOTALS_KEY] ?? null;
  delete window[EARLY_TOTALS_KEY];
  return early;
}

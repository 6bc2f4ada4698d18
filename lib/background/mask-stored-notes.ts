import type { ReplyGuardDb } from '../db/database';
import { rowsOf } from '../db/imported';
import type { OverrideRow } from '../db/schema';
import type { DayChunk } from '../db/summary';
import { protectText, type Redact, stricterMode } from '../overrides/privacy';
import type { PrivacyMode } from '../settings/schema';

/**
 * Reason notes stored before notes followed the privacy mode (issue 14) were kept as typed in
 * every mode. This masks them once, in the log and in its summary, under the stricter of each
 * row's mode and the browser's: masked in `redacted`, dropped in `none`. Masking is idempotent,
 * so running it again changes nothing. Runs in the background (it has the masking code; a schema
 * upgrade in the dashboard page would load it into the page's first render).
 * @returns how many notes changed
 */
export async function maskStoredNotes(db: ReplyGuardDb, mode: PrivacyMode, redact: Redact): Promise<number> {
  return db.transaction('rw', db.overrides, db.imported, db.summary, async () => {
    const changed = new Map<string, string | null>();
    const protect = (row: OverrideRow): boolean => {
      if (row.note === null) return false;
      const note = protectText(row.note, stricterMode(row.privacy, mode), redact);
      if (note === row.note) return false;
      row.note = note;
      changed.set(row.id, note);
      return true;
    };
    await db.overrides
      .filter((row) => row.note !== null)
      .modify((row) => {
        protect(row);
      });
    await db.imported.toCollection().modify((record) => {
      const rows = rowsOf(record);
      let any = false;
      for (const row of rows) if (protect(row)) any = true;
      if (any) record.rows = JSON.stringify(rows);
    });
    if (changed.size > 0) {
      await db.summary.toCollection().modify((day: DayChunk) => {
        const ids = day.ids ? day.ids.split('\n') : [];
        ids.forEach((id, i) => {
          if (changed.has(id)) day.note[i] = changed.get(id) ?? null;
        });
      });
    }
    return changed.size;
  });
}

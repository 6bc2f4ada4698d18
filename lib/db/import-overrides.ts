import { isOverrideRow } from './check-row';
import type { ReplyGuardDb } from './database';
import { overrideRowSchema } from './export-schema';
import { putImported } from './imported';
import type { OverrideRow } from './schema';

/** The export schema's verdict on a row the fast check refused. */
function parseRow(item: unknown): OverrideRow | null {
  const parsed = overrideRowSchema.safeParse(item);
  return parsed.success ? (parsed.data as OverrideRow) : null;
}

/**
 * The background's side: validates each row again (a message is not trusted to be well formed)
 * and adds the ones whose id is new to the `imported` table, in one transaction. The hand-written check passes the
 * rows a well-behaved page sends in a fraction of zod's time; anything it refuses is judged by
 * the export schema itself.
 */
export async function importOverrides(
  db: ReplyGuardDb,
  rows: readonly unknown[],
): Promise<{ imported: number; skipped: number; invalid: number }> {
  const valid: OverrideRow[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  let skipped = 0;
  for (const item of rows) {
    const r = isOverrideRow(item) ? item : parseRow(item);
    if (!r) invalid += 1;
    else if (seen.has(r.id)) skipped += 1;
    else {
      seen.add(r.id);
      valid.push(r);
    }
  }
  if (invalid) throw new Error(`${invalid} of ${rows.length} rows do not match the export schema; nothing imported`);
  // putImported skips the ids already stored, live or imported, found through the summary.
  const imported = await putImported(db, valid);
  return { imported, skipped: skipped + valid.length - imported, invalid };
}

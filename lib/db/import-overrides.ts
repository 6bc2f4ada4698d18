import type { ReplyGuardDb } from './database';
import { overrideRowSchema } from './export-schema';
import type { OverrideRow } from './schema';

/**
 * The background's side: validates each row again (a message is not trusted to be well formed)
 * and adds the ones whose id is new, in one transaction. `bulkAdd` with the duplicates caught
 * saves reading the ids first: a 100,000-row import is one write pass.
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
    const parsed = overrideRowSchema.safeParse(item);
    if (!parsed.success) invalid += 1;
    else if (seen.has(parsed.data.id)) skipped += 1;
    else {
      seen.add(parsed.data.id);
      valid.push(parsed.data as OverrideRow);
    }
  }
  if (invalid) throw new Error(`${invalid} of ${rows.length} rows do not match the export schema; nothing imported`);
  if (valid.length === 0) return { imported: 0, skipped, invalid };
  const duplicates = await db.transaction('rw', db.overrides, async () => {
    try {
      await db.overrides.bulkAdd(valid);
      return 0;
    } catch (error) {
      const failures = (error as { failures?: { name?: string }[] }).failures;
      if (!failures || failures.some((f) => f?.name !== 'ConstraintError')) throw error;
      return failures.filter(Boolean).length;
    }
  });
  return { imported: valid.length - duplicates, skipped: skipped + duplicates, invalid };
}

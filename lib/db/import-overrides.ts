import type { ReplyGuardDb } from './database';
import { overrideRowSchema } from './export-schema';
import { putOverrides } from './overrides';
import type { OverrideRow } from './schema';

/**
 * The background's side: validates each row again (a message is not trusted to be well formed)
 * and adds the ones whose id is new, in one transaction.
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
  // putOverrides adds in one pass and counts the ids already stored.
  const imported = await putOverrides(db, valid);
  return { imported, skipped: skipped + valid.length - imported, invalid };
}

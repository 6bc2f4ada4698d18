import type { ReplyGuardDb } from '../db/database';

/**
 * Files already imported. A lead imports the same hand-over folder again and again; a file seen
 * before is skipped by its name, size and modification time without reading it, and a copy under
 * another name by its content fingerprint once read, before anything is written.
 */
export interface ImportedFileRecord {
  /** The content fingerprint (`contentFingerprint`, hex), or `export:` and the export id of a v3 export. */
  key: string;
  /** `metaKey(…)`: name, size and modification time. */
  meta: string;
  name: string;
  size: number;
  importedAt: number;
  /** Rows the file held, and how many of them were new. */
  rows: number;
  imported: number;
}

/** What identifies a file without reading it. */
export interface FileMeta {
  name: string;
  size: number;
  lastModified: number;
}

export const metaKey = (f: FileMeta): string => `${f.name}\n${f.size}\n${f.lastModified}`;

/** The record of a file imported before under the same name, size and time, if any. */
export const knownByMeta = (db: ReplyGuardDb, f: FileMeta): Promise<ImportedFileRecord | undefined> =>
  db.importedFiles.where('meta').equals(metaKey(f)).first();

/** The record of a file with this content (or this export id) imported before, if any. */
export async function knownByContent(
  db: ReplyGuardDb,
  keys: readonly string[],
): Promise<ImportedFileRecord | undefined> {
  const found = await db.importedFiles.bulkGet([...keys]);
  return found.find((r) => r !== undefined);
}

/** Remembers a file once every row of it is stored. */
export async function rememberFile(
  db: ReplyGuardDb,
  keys: readonly string[],
  f: FileMeta,
  counts: { rows: number; imported: number },
): Promise<void> {
  const importedAt = Date.now();
  await db.importedFiles.bulkPut(
    keys.map((key) => ({ key, meta: metaKey(f), name: f.name, size: f.size, importedAt, ...counts })),
  );
}

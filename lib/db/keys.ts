import type { Transaction } from 'dexie';
import type { ImportedRecord } from './imported';
import type { OverrideRow } from './schema';

/**
 * Secrets of this install, one record each. A key is a WebCrypto `CryptoKey` made with
 * `extractable: false`: scripts of the extension can use it but never read its bytes, and it is
 * never exported with the log. (Anyone who copies the browser profile copies the key too; see
 * SECURITY.md, "a stolen profile".)
 */
export interface KeyRecord {
  /** What the key is for, e.g. `ticket-hash`. */
  name: string;
  key: CryptoKey;
  /** Epoch ms when the key was made. */
  createdAt: number;
}

/**
 * Schema upgrade (version 7): rows stored before held a plain SHA-256 of "helpdesk:ticket id",
 * which trying ticket numbers reverses in milliseconds. Each distinct old hash is replaced by a
 * random pseudonym, the same for every row that shared it, so old rows still group by ticket;
 * the table from old hash to pseudonym exists only during the upgrade. (An HMAC would need
 * WebCrypto, whose promises would end the upgrade's transaction.)
 */
export async function pseudonymiseTicketHashes(tx: Transaction): Promise<void> {
  const pseudonyms = new Map<string, string>();
  const pseudonym = (old: string): string => {
    if (old === '') return old;
    let p = pseudonyms.get(old);
    if (!p) {
      p = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
      pseudonyms.set(old, p);
    }
    return p;
  };
  await tx
    .table('overrides')
    .toCollection()
    .modify((row: OverrideRow) => {
      row.ticketHash = pseudonym(row.ticketHash);
    });
  await tx
    .table('imported')
    .toCollection()
    .modify((record: ImportedRecord) => {
      const rows = JSON.parse(record.rows) as OverrideRow[];
      for (const r of rows) r.ticketHash = pseudonym(r.ticketHash);
      record.rows = JSON.stringify(rows);
    });
}

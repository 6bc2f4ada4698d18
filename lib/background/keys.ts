import type { ReplyGuardDb } from '../db/database';

/**
 * Keyed ticket hashes (issue 14). A plain SHA-256 of "zendesk:1001" was reversed by trying ticket
 * numbers in 2 ms; an HMAC needs the key as well. The key is this install's own, made at first
 * use and kept non-extractable in IndexedDB, or, when the admin's policy sets `ticketIdSecret`,
 * one derived from that secret, so every agent of a team hashes a ticket the same way and a
 * lead's merged log still groups by ticket.
 */

/** The name of the install's ticket key in the `keys` table. */
export const TICKET_KEY_NAME = 'ticket-hash';

const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;

/**
 * The install's ticket key: made once, non-extractable, then read back. Callers racing at first
 * start all get the one key that was stored (the second maker's key is dropped).
 */
export async function installKey(db: ReplyGuardDb, name: string = TICKET_KEY_NAME): Promise<CryptoKey> {
  const stored = await db.keys.get(name);
  if (stored) return stored.key;
  const fresh = (await crypto.subtle.generateKey(HMAC, false, ['sign'])) as CryptoKey;
  return db.transaction('rw', db.keys, async () => {
    const again = await db.keys.get(name);
    if (again) return again.key;
    await db.keys.add({ name, key: fresh, createdAt: Date.now() });
    return fresh;
  });
}

/** The key every install of an organisation derives from the policy's `ticketIdSecret`. */
export function secretKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), HMAC, false, ['sign']);
}

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** Hashes ticket ids for stored rows. */
export interface TicketKeys {
  /**
   * 64 hex digits: HMAC-SHA-256 of the helpdesk and ticket id, under the organisation's secret
   * when there is one, else this install's key.
   */
  hash(helpdesk: string, ticketId: string, organisationSecret: string | null): Promise<string>;
}

/** Ticket hashing over a database's `keys` table; keys are loaded once and kept. */
export function createTicketKeys(db: ReplyGuardDb): TicketKeys {
  let own: Promise<CryptoKey> | null = null;
  const shared = new Map<string, Promise<CryptoKey>>();
  const keyFor = (secret: string | null): Promise<CryptoKey> => {
    if (secret === null) {
      own ??= installKey(db).catch((error: unknown) => {
        own = null;
        throw error;
      });
      return own;
    }
    let key = shared.get(secret);
    if (!key) {
      key = secretKey(secret);
      shared.clear();
      shared.set(secret, key);
    }
    return key;
  };
  return {
    async hash(helpdesk, ticketId, organisationSecret) {
      const key = await keyFor(organisationSecret);
      // The separator keeps "a" + "b:c" and "a:b" + "c" apart.
      const data = new TextEncoder().encode(`ticket\u0000${helpdesk}\u0000${ticketId}`);
      return hex(await crypto.subtle.sign('HMAC', key, data));
    },
  };
}

import { sha256 } from '@noble/hashes/sha2.js';
import type { OverrideRow } from '../db/schema';
import { asBuffer, utf8 } from './bytes';

/**
 * The bytes of a row that the audit trail hashes. Every writer and reader (the background, the
 * dashboard, the CLI, any format: JSON, NDJSON, CSV) must produce the same bytes for the same
 * row, so the form is fixed here, field by field, and versioned by its tag.
 */

/**
 * The fields of canonical form v1, in order. Frozen on purpose: a field added to `OverrideRow`
 * later must not change the digest of rows signed before it. A test fails when the row gains a
 * field this list does not name, so whoever adds one writes canonical form v2 (a new tag) and
 * keeps v1 for older rows.
 */
export const CANONICAL_V1_FIELDS = [
  'id',
  'shownAt',
  'decidedAt',
  'helpdesk',
  'ticketHash',
  'agent',
  'outcome',
  'shape',
  'reason',
  'note',
  'similarity',
  'editSize',
  'findings',
  'customer',
  'privacy',
  'suggestionText',
  'sentText',
  'source',
  'suggestionWords',
] as const satisfies readonly (keyof OverrideRow)[];

const TAG_V1 = 'replyguard/row/v1\n';

/** Texts CSV cannot tell apart from a missing value: an empty text and null hash the same. */
const nullableText = (v: string | null): string | null => (v === '' ? null : v);

/** The canonical text of a row (form v1): its values as one JSON array, nested objects as arrays in a fixed order. */
export function canonicalRow(row: OverrideRow): string {
  const c = row.customer;
  const values = [
    row.id,
    row.shownAt,
    row.decidedAt,
    row.helpdesk,
    row.ticketHash,
    row.agent,
    row.outcome,
    row.shape,
    row.reason,
    nullableText(row.note),
    row.similarity,
    row.editSize,
    row.findings.map((f) => [f.rule, f.category, f.severity, f.fingerprint, f.dismissed]),
    c === null
      ? null
      : [
          c.sentiment.label,
          c.sentiment.score,
          c.sarcasm.likely,
          c.sarcasm.score,
          c.escalation.likely,
          c.escalation.kinds,
        ],
    row.privacy,
    nullableText(row.suggestionText),
    nullableText(row.sentText),
    row.source,
    row.suggestionWords,
  ];
  return TAG_V1 + JSON.stringify(values);
}

/**
 * SHA-256 of a row's canonical form, synchronously: inside an IndexedDB transaction, where the
 * background appends to the chain, nothing asynchronous other than IndexedDB may be awaited.
 */
export const rowDigest = (row: OverrideRow): Uint8Array => sha256(utf8(canonicalRow(row)));

/**
 * SHA-256 of many rows' canonical forms with WebCrypto, which hashes off the main thread and
 * several times faster than JavaScript: what an import or a verification of thousands of rows uses.
 */
export async function rowDigests(rows: readonly OverrideRow[]): Promise<Uint8Array[]> {
  const out = await Promise.all(rows.map((r) => crypto.subtle.digest('SHA-256', asBuffer(utf8(canonicalRow(r))))));
  return out.map((b) => new Uint8Array(b));
}

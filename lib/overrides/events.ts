import type { OverrideReason, OverrideRow } from '../db/schema';
import type { PrivacyMode } from '../settings/schema';
import { protectText, type Redact } from './privacy';

/**
 * What the content script asks the background to write. Every event has an id made when it is
 * created, so a retried delivery is a no-op, and a sequence number so events stored apart (one
 * storage key each) are delivered in the order they happened.
 */
export type LogEvent =
  | { kind: 'override'; id: string; seq: number; row: OverrideRow }
  | { kind: 'reason'; id: string; seq: number; overrideId: string; reason: OverrideReason; note: string | null };

let lastSeq = 0;

/** Monotonic within a page, ordered across pages by time. */
export function nextSeq(now: number = Date.now()): number {
  lastSeq = Math.max(lastSeq + 1, now * 1000);
  return lastSeq;
}

export function overrideEvent(row: OverrideRow): LogEvent {
  return { kind: 'override', id: row.id, seq: nextSeq(), row };
}

/**
 * A reason given after the decision. The note is masked (or dropped) as the privacy mode says
 * right here, before the event is queued: the outbox lives in storage.local, on disk.
 */
export function reasonEvent(
  overrideId: string,
  reason: OverrideReason,
  note: string | null,
  keep: { privacy: PrivacyMode; redact: Redact },
): LogEvent {
  const kept = protectText(note, keep.privacy, keep.redact);
  return { kind: 'reason', id: `${overrideId}:reason`, seq: nextSeq(), overrideId, reason, note: kept };
}

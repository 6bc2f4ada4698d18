import { isOverrideRow } from '../db/check-row';
import { overrideRowSchema } from '../db/export-schema';
import { OVERRIDE_REASONS, type OverrideRow } from '../db/schema';
import { HELPDESKS } from '../hosts/helpdesks';
import type { RefusedEvent } from '../messaging/protocol';
import type { LogEvent } from '../overrides/events';

/**
 * What the background accepts from a content script's outbox. A message is data from a tab, so
 * each event is checked on its own before anything is written: the shape and time bounds of the
 * export schema (`isOverrideRow`), plus what only a live row can be held to (a keyed ticket hash,
 * hashed fingerprints, a known helpdesk, a short note). A bad event is refused with a reason
 * naming it; the good ones of the same message are written.
 */

/** Most events in one message: the outbox sends 200. */
export const MAX_EVENTS_PER_MESSAGE = 1000;
/** A reason note is typed in a 280-character field; masks can lengthen it a little. */
export const MAX_NOTE_CHARS = 1000;

export interface CheckedEvents {
  events: LogEvent[];
  refused: RefusedEvent[];
}

const HELPDESK_IDS: ReadonlySet<string> = new Set(HELPDESKS.map((h) => h.id));
const reasons: ReadonlySet<unknown> = new Set(OVERRIDE_REASONS);
/** HMAC-SHA-256 in hex (lib/background/keys.ts). */
const TICKET_HASH = /^[0-9a-f]{64}$/;
/** The engine's fingerprints: 16 hex digits (lib/engine/fingerprint.ts). */
const FINGERPRINT = /^[0-9a-f]{16}$/;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 200;

/** Why a row is not one the content script could have made, or null when it is. */
export function liveRowProblem(row: unknown, now: number): string | null {
  if (!isOverrideRow(row, now)) {
    const parsed = overrideRowSchema.safeParse(row);
    const issue = parsed.success ? null : parsed.error.issues[0];
    if (!issue) return 'is not an override row';
    return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
  }
  const r = row as OverrideRow;
  if (!TICKET_HASH.test(r.ticketHash)) return 'ticketHash: must be the keyed hash (64 hex digits)';
  if (!HELPDESK_IDS.has(r.helpdesk)) return 'helpdesk: not a helpdesk ReplyGuard knows';
  const badFinding = r.findings.findIndex((f) => !FINGERPRINT.test(f.fingerprint));
  if (badFinding >= 0) return `findings.${badFinding}.fingerprint: must be a fingerprint (16 hex digits)`;
  if (r.note !== null && r.note.length > MAX_NOTE_CHARS) return `note: longer than ${MAX_NOTE_CHARS} characters`;
  return null;
}

function eventProblem(e: Obj, now: number): string | null {
  if (!isId(e.id)) return 'id: must be text of 1 to 200 characters';
  if (typeof e.seq !== 'number' || !Number.isFinite(e.seq)) return 'seq: must be a number';
  if (e.kind === 'override') {
    const problem = liveRowProblem(e.row, now);
    if (problem) return `row ${problem}`;
    return (e.row as OverrideRow).id === e.id ? null : 'row id: must be the event id';
  }
  if (e.kind === 'reason') {
    if (!isId(e.overrideId)) return 'overrideId: must be a row id';
    if (!reasons.has(e.reason)) return `reason: must be one of ${OVERRIDE_REASONS.join(', ')}`;
    if (e.note !== null && (typeof e.note !== 'string' || e.note.length > MAX_NOTE_CHARS)) {
      return `note: must be null or text of at most ${MAX_NOTE_CHARS} characters`;
    }
    return null;
  }
  return 'kind: must be "override" or "reason"';
}

/** Splits what a message says are events into the ones to write and the ones refused. */
export function checkEvents(input: unknown, now: number): CheckedEvents {
  if (!Array.isArray(input)) throw new Error('record-events needs a list of events');
  if (input.length > MAX_EVENTS_PER_MESSAGE) {
    throw new Error(`record-events takes at most ${MAX_EVENTS_PER_MESSAGE} events per message`);
  }
  const events: LogEvent[] = [];
  const refused: RefusedEvent[] = [];
  input.forEach((e: unknown, i) => {
    const id = isObject(e) && isId(e.id) ? e.id : `#${i}`;
    const problem = isObject(e) ? eventProblem(e, now) : 'is not an event';
    if (problem) refused.push({ id, reason: problem });
    else events.push(e as LogEvent);
  });
  return { events, refused };
}

import type { OverrideRow } from '../db/schema';
import type { CustomerSignals } from '../engine/types';
import type { HandoverRun } from '../handover/folder';
import type { LogEvent } from '../overrides/events';

/** An event the background did not write, and why (lib/background/check-events.ts). */
export interface RefusedEvent {
  id: string;
  reason: string;
}

/** What the content script says about the tab it runs in; the popup shows it. */
export interface TabStatus {
  /** The recognised helpdesk, or null when no adapter matched. */
  helpdesk: string | null;
  /** The page's hostname, for "pause on this site". */
  host: string;
  state: 'active' | 'paused-by-user' | 'paused-error' | 'waiting' | 'switched-off';
  /** Why ReplyGuard is paused or waiting, in words an agent understands. */
  detail: string;
}

/**
 * Every message in the extension, by name. Names say who sends to whom, so a reader of the
 * background's switch knows which surface can ask for what.
 */
export interface Protocol {
  'content→background:record-overrides': {
    request: { rows: OverrideRow[] };
    response: { stored: number; refused: RefusedEvent[] };
  };
  /**
   * The outbox's events (new rows, reasons given later), in the order they were made. The
   * background checks each one, refuses the bad ones by id (they are not retried: the same event
   * would be refused again), and stores the rest under its own privacy mode.
   */
  'content→background:record-events': {
    request: { events: LogEvent[] };
    response: { stored: number; refused: RefusedEvent[] };
  };
  /**
   * The keyed hash a row stores instead of the ticket id (lib/background/keys.ts). The key stays
   * in the background; the content script asks before it queues a row, so neither the ticket id
   * nor an unkeyed hash of it is ever written to storage.local.
   */
  'content→background:ticket-hash': {
    request: { helpdesk: string; ticketId: string };
    response: { ticketHash: string };
  };
  'content→background:tab-status': {
    request: { status: TabStatus };
    response: { ok: true };
  };
  /**
   * Reads the customer's messages (sentiment, sarcasm, escalation), oldest first. It runs in the
   * background so the content script carries no language model: the customer side changes once
   * per message, not per keystroke. `customer` is `null` when there is no message.
   */
  'content→background:analyze-customer': {
    request: { messages: string[] };
    response: { customer: CustomerSignals | null };
  };
  /**
   * libphonenumber-js's metadata for the phone checks: 10 KB gzip that the content script's budget
   * cannot carry, asked for once at start-up (lib/engine/pii/phone.ts, `setPhoneMetadata`).
   */
  'content→background:phone-metadata': {
    request: Record<never, never>;
    response: { metadata: unknown };
  };
  /** Answered only to pages of the extension: the status names the ticket a tab shows. */
  'popup→background:tab-status': {
    request: { tabId: number };
    response: { status: TabStatus | null };
  };
  /**
   * The folder hand-over (lib/background/handover-schedule.ts): written now (`force`, the options
   * page's "Write now") or when the schedule is due. Answered to pages of the extension only;
   * `run` is null when the schedule is off or not due.
   */
  'options→background:handover': {
    request: { force: boolean };
    response: { run: HandoverRun | null };
  };
  'popup→background:today': {
    request: Record<never, never>;
    response: { seen: number; accepted: number; edited: number; rejected: number; escalated: number };
  };
}

export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];
export type Message<T extends MessageType = MessageType> = { [K in T]: { type: K } & Request<K> }[T];

/** Every message name; a name missing here is a type error, so no message is silently dropped. */
const KNOWN: { [K in MessageType]: true } = {
  'content→background:record-overrides': true,
  'content→background:record-events': true,
  'content→background:ticket-hash': true,
  'content→background:tab-status': true,
  'content→background:analyze-customer': true,
  'content→background:phone-metadata': true,
  'popup→background:tab-status': true,
  'popup→background:today': true,
  'options→background:handover': true,
};
const TYPES: ReadonlySet<string> = new Set(Object.keys(KNOWN));

/** Narrows anything received from `runtime.onMessage` to a message of ours. */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as string);
}

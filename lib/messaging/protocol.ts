import type { OverrideRow } from '../db/schema';
import type { CustomerSignals } from '../engine/types';
import type { LogEvent } from '../overrides/events';

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
    response: { stored: number };
  };
  /** The outbox's events (new rows, reasons given later), in the order they were made. */
  'content→background:record-events': {
    request: { events: LogEvent[] };
    response: { stored: number };
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
  'popup→background:tab-status': {
    request: { tabId: number };
    response: { status: TabStatus | null };
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
  'content→background:tab-status': true,
  'content→background:analyze-customer': true,
  'content→background:phone-metadata': true,
  'popup→background:tab-status': true,
  'popup→background:today': true,
};
const TYPES: ReadonlySet<string> = new Set(Object.keys(KNOWN));

/** Narrows anything received from `runtime.onMessage` to a message of ours. */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as string);
}

import type { SuggestionShape } from '../db/schema';
import type { HelpdeskId } from './helpdesks';

/** One message of the thread as the adapter found it. */
export interface ThreadMessage {
  element: Element;
  author: 'customer' | 'agent';
  text: string;
}

/** The AI suggestion currently offered, if the adapter can see one. */
export interface SuggestionSighting {
  shape: SuggestionShape;
  /** The element showing the suggestion (a card, panel answer or the composer itself). */
  element: Element;
  text: string;
}

/** A control that brings AI text into the composer, and the shape that text arrives in. */
export interface AiControl {
  element: Element;
  shape: SuggestionShape;
}

/** Everything an adapter reads from the active ticket: plain data plus the elements to anchor on. */
export interface HostSnapshot {
  helpdesk: HelpdeskId;
  ticketId: string;
  /** Customer and agent messages of the active ticket, oldest first. */
  thread: ThreadMessage[];
  /** The reply editor's editable element. */
  composer: Element;
  /** Buttons that send the reply. */
  sendControls: Element[];
  /** Controls that put AI text into the composer ("Use suggested reply", "Insert", "Enhance writing"...). */
  aiControls: AiControl[];
  /** Controls that throw an AI suggestion away ("Discard" on an AI card or editor). */
  discardControls: Element[];
  /** Controls that hand the ticket on: escalate, assign to another group, a handoff macro. */
  escalationControls: Element[];
  /** Controls that apply one of the helpdesk's macros or saved replies (names a suggestion's source). */
  macroControls?: Element[];
  /** AI text shown outside the composer (a card, a separate AI editor, a side-panel answer). */
  suggestion: SuggestionSighting | null;
  /** The customer's name as the helpdesk shows it (its customer card), when the adapter knows where; the grounding rules check greetings against it. */
  customerName?: string | null;
}

/** Why an adapter could not read the page; shown as "ReplyGuard is paused on this page". */
export interface HostProblem {
  problem: 'no-ticket' | 'no-composer' | 'no-thread';
  detail: string;
}

/**
 * One per helpdesk. Takes the document (or any root) as a parameter so it can be tested on
 * fixture pages; never writes to the page.
 */
/** Reads a message's text; the content script passes a cache (lib/hosts/text-cache.ts), tests may not. */
export interface TextReader {
  text(element: Element): string;
}

export interface HostAdapter {
  id: HelpdeskId;
  /** Whether this adapter handles the page at `url` (the content script already matched the host). */
  matches(url: URL): boolean;
  ticketId(url: URL): string | null;
  read(root: Document, url: URL, texts?: TextReader): HostSnapshot | HostProblem;
}

export function isProblem(value: HostSnapshot | HostProblem): value is HostProblem {
  return 'problem' in value;
}

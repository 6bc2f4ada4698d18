import type { Outcome, SuggestionShape, SuggestionSource } from '../db/schema';
import { compareTexts } from './similarity';

/** A suggestion being followed from the moment it was shown. */
export interface TrackedSuggestion {
  id: string;
  shape: SuggestionShape;
  /** How it reached the composer (or the AI card or panel that showed it). */
  source: SuggestionSource;
  /** Words it brought into the composer: what was inserted, not what the agent had typed around it. */
  words: number;
  /** The composer's text once it landed (or the card's text): the baseline the sent text is compared with. */
  text: string;
  shownAt: number;
}

/** A decided suggestion, ready to become an override row. */
export interface Decision {
  suggestion: TrackedSuggestion;
  outcome: Outcome;
  similarity: number;
  editSize: number;
  sentText: string | null;
  decidedAt: number;
}

/**
 * Follows one AI suggestion per ticket from "shown" to a confirmed outcome. Pure state: the
 * content-script controller feeds it page events and persists what it decides.
 */
export class SuggestionTracker {
  #current: TrackedSuggestion | null = null;

  get current(): TrackedSuggestion | null {
    return this.#current;
  }

  /** A new suggestion replaces one that was never decided (the agent asked again). */
  show(suggestion: TrackedSuggestion): void {
    this.#current = suggestion;
  }

  /**
   * The helpdesk confirmed a send of `sentText`: unchanged (ignoring white space) is `accepted`,
   * anything else that still shares text with the suggestion is `edited`, and a reply with
   * nothing of the suggestion left is `rejected` (the agent wrote their own).
   */
  sent(sentText: string, now: number): Decision | null {
    const suggestion = this.#current;
    if (!suggestion) return null;
    this.#current = null;
    const { similarity, editSize } = compareTexts(suggestion.text, sentText);
    const outcome: Outcome = editSize === 0 ? 'accepted' : similarity < REWRITTEN_BELOW ? 'rejected' : 'edited';
    return { suggestion, outcome, similarity, editSize, sentText, decidedAt: now };
  }

  /** The agent handed the ticket on (escalate, assign to another group, handoff macro) instead of sending. */
  escalated(now: number): Decision | null {
    const suggestion = this.#current;
    if (!suggestion) return null;
    this.#current = null;
    return { suggestion, outcome: 'escalated', similarity: 0, editSize: 0, sentText: null, decidedAt: now };
  }

  /** The suggestion was thrown away without a send. */
  discarded(now: number): Decision | null {
    const suggestion = this.#current;
    if (!suggestion) return null;
    this.#current = null;
    return { suggestion, outcome: 'rejected', similarity: 0, editSize: 0, sentText: null, decidedAt: now };
  }
}

/** Below this similarity a sent reply counts as the agent's own, not an edit of the suggestion. */
export const REWRITTEN_BELOW = 0.2;

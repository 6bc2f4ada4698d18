import type { SuggestionShape, SuggestionSource } from '../db/schema';
import { normalizeForCompare, similarity } from '../overrides/similarity';
import { type Decision, SuggestionTracker, type TrackedSuggestion } from '../overrides/tracker';
import type { DecisionContext } from '../overrides/types';

/**
 * Fewer words than this brought into the composer at once is not a suggestion: a name, an order
 * number, a link or a short phrase the agent pasted into their own reply. A drafted reply (AI,
 * macro, another tool) is longer; the shortest stock replies ("Thanks, your refund has been
 * processed today.") still reach it.
 * @default 6
 */
export const MIN_SUGGESTION_WORDS = 6;
/** A paste or drop counts for the change that lands this soon after it. */
const PASTE_WINDOW_MS = 1_000;
/** An AI answer may land long after its button was clicked (a model call takes 10 to 30 s). */
const AI_WINDOW_MS = 60_000;
/** A macro or saved reply applies at once. */
const MACRO_WINDOW_MS = 5_000;
/** Undo and redo bring back text the composer held before; they are never a new suggestion. */
const UNDO_WINDOW_MS = 1_000;
/**
 * For this long after the composer appears or the ticket changes, what lands in it without an AI
 * control, paste or macro is the helpdesk restoring a saved draft, not a new suggestion.
 */
const SETTLE_MS = 1_000;
/** Text cut from the composer and pasted back within this time is the agent moving their own text. */
const MOVE_WINDOW_MS = 60_000;
/** Characters the editor may add around a keystroke (auto-closing, smart punctuation). */
const TYPED_SLACK = 2;
/** A send is forgotten if the helpdesk has not carried it out by then (validation failed, undo used). */
export const SEND_CONFIRM_WINDOW_MS = 30_000;
/**
 * After a send, a composer that emptied (or went away) while the thread shows nothing new yet is
 * given this long for the thread to show the reply; after that the send counts as carried out
 * with the text the agent sent (some helpdesks move on to the next ticket).
 */
const SEND_SETTLE_MS = 2_000;
/** An insertion this close to a suggestion already followed is that suggestion being inserted. */
const SAME_SUGGESTION = 0.6;

/** Keeps the suggestion followed on a ticket across page loads of the same browser session. */
export interface SuggestionMemory {
  load(ticketKey: string): Promise<TrackedSuggestion | null>;
  save(ticketKey: string, suggestion: TrackedSuggestion | null): void;
}

export interface SuggestionFollowerOptions {
  /** A confirmed decision, with what the page showed when it was made. */
  onDecision(decision: Decision, context: DecisionContext): void;
  /** Asks to be looked at again after `ms` (a send waiting for the thread to show it). */
  wakeAfter(ms: number): void;
  memory?: SuggestionMemory;
  now?: () => number;
}

interface PendingSend {
  at: number;
  /** Agent messages in the thread when the agent pressed send. */
  agentCount: number;
  context: DecisionContext;
  /** The composer's text when the agent pressed send. */
  text: string;
  /** When the composer emptied or went away after the send. */
  emptiedAt: number | null;
}

/**
 * Following suggestions, however they land. Text that appears in the composer without being typed
 * key by key is a suggestion: an AI answer placed by a known control (even 30 s after it was
 * clicked), a paste or drop, a macro, or text the page put there through an editor API or a
 * framework that fires no input event. It works from what the composer's text does, and uses the
 * page's events only to tell typing from the rest and to name the source:
 *
 * - typing: trusted key presses (and IME compositions) account for what they insert; a change
 *   larger than the keys pressed since the last one was not typed;
 * - fewer than `MIN_SUGGESTION_WORDS` words is never a suggestion, nor is text cut from the
 *   composer and pasted back, undo and redo, or a draft the helpdesk restores when the composer
 *   opens;
 * - into a suggestion already followed, more text is an edit of it, unless it replaced most of it
 *   (the AI asked again, another draft pasted over it).
 *
 * A send is followed to its confirmation: the thread shows the reply and the composer empties;
 * or the composer empties, closes, or the page or ticket goes away right after the send without
 * the agent editing further (helpdesks that navigate after sending). Editing after pressing send
 * means it did not go (validation failed); nothing is decided then.
 */
export class SuggestionFollower {
  readonly #opts: SuggestionFollowerOptions;
  readonly #tracker = new SuggestionTracker();
  readonly #now: () => number;
  #ticketKey: string | null = null;
  /** The composer's text as last seen. */
  #text = '';
  #settledAt = 0;
  #typed = 0;
  #composing = false;
  #pasteAt = Number.NEGATIVE_INFINITY;
  #undoAt = Number.NEGATIVE_INFINITY;
  #macroAt = Number.NEGATIVE_INFINITY;
  #ai: { at: number; shape: SuggestionShape } | null = null;
  #removed: { text: string; at: number }[] = [];
  #lastSighting = '';
  #pending: PendingSend | null = null;

  constructor(options: SuggestionFollowerOptions) {
    this.#opts = options;
    this.#now = options.now ?? Date.now;
  }

  /** The suggestion being followed, if any. */
  get current(): TrackedSuggestion | null {
    return this.#tracker.current;
  }

  /** Whether a send is waiting for the helpdesk to carry it out. */
  get sending(): boolean {
    return this.#pending !== null;
  }

  /**
   * A ticket opened (or the composer was replaced): its current text is the baseline, and a
   * suggestion followed on it earlier in this browser session is picked up again.
   */
  openTicket(ticketKey: string, composerText: string): void {
    this.#ticketKey = ticketKey;
    this.composerAppeared(composerText);
    const memory = this.#opts.memory;
    if (!memory) return;
    void memory.load(ticketKey).then(
      (saved) => {
        if (!saved || this.#ticketKey !== ticketKey || this.#tracker.current) return;
        // Only if the draft is still there: the agent may have cleared it in another tab.
        if (this.#text.trim() && similarity(saved.text, this.#text) >= SAME_SUGGESTION) this.#tracker.show(saved);
      },
      () => {},
    );
  }

  /** A composer appeared with this text: what the helpdesk put there meanwhile is not a suggestion. */
  composerAppeared(text: string): void {
    this.#text = text;
    this.#typed = 0;
    this.#settledAt = this.#now() + SETTLE_MS;
  }

  /** A key pressed in the composer: a trusted printable key accounts for one typed character. */
  noteKey(event: KeyboardEvent): void {
    if (!event.isTrusted || event.ctrlKey || event.metaKey || event.isComposing) return;
    if (event.key.length === 1 || event.key === 'Enter' || event.key === 'Tab') this.#typed += 1;
  }

  /** IME compositions type whole words at once: what they commit counts as typed. */
  noteComposition(event: CompositionEvent): void {
    if (event.type === 'compositionstart') this.#composing = true;
    else if (event.type === 'compositionend') {
      this.#composing = false;
      this.#typed += event.data?.length ?? 0;
    }
  }

  /** `beforeinput` in the composer: names pastes, drops and undo that some editors handle without a paste event. */
  noteInput(event: InputEvent): void {
    const type = event.inputType;
    if (type === 'insertFromPaste' || type === 'insertFromPasteAsQuotation' || type === 'insertFromDrop') {
      this.#pasteAt = this.#now();
    } else if (type === 'historyUndo' || type === 'historyRedo') this.#undoAt = this.#now();
  }

  /** A paste or drop into the composer. */
  notePaste(): void {
    this.#pasteAt = this.#now();
  }

  /** A known AI control was used: what lands next (within a minute) came from it. */
  noteAiControl(shape: SuggestionShape): void {
    this.#ai = { at: this.#now(), shape };
  }

  /** One of the helpdesk's macros or saved replies was applied. */
  noteMacro(): void {
    this.#macroAt = this.#now();
  }

  /** The composer's text after a change (typing, an insertion, the helpdesk clearing it). */
  composerChanged(text: string): void {
    const prev = this.#text;
    if (text === prev) return;
    const now = this.#now();
    this.#text = text;
    const typed = this.#typed;
    this.#typed = 0;
    const pending = this.#pending;
    // Editing after pressing send: the send did not go (validation failed), the agent is fixing it.
    if (pending && text.trim() && similarity(pending.text, text) >= 0.5 && text !== pending.text) {
      this.#pending = null;
    }
    const { removed, inserted } = changedSpan(prev, text);
    if (removed.trim()) this.#remember(removed, now);

    const pasted = now - this.#pasteAt < PASTE_WINDOW_MS;
    const ai = this.#ai && now - this.#ai.at < AI_WINDOW_MS ? this.#ai : null;
    const macro = now - this.#macroAt < MACRO_WINDOW_MS;
    if (this.#composing || now - this.#undoAt < UNDO_WINDOW_MS) return;
    if (now < this.#settledAt && !pasted && !ai && !macro) return;
    const insertedChars = inserted.replace(/\s+/g, '').length;
    if (insertedChars === 0 || insertedChars <= typed + TYPED_SLACK) return;
    const words = countWords(inserted);
    // An AI rewrite of the agent's own text may change only a few words; anything else this small
    // is not a suggestion.
    if (words < MIN_SUGGESTION_WORDS && ai?.shape !== 'in-place-rewrite') return;
    if (!ai && this.#wasMoved(inserted, now)) return;

    const current = this.#tracker.current;
    if (current) {
      // A card or panel answer already followed, now inserted: it keeps its baseline and start time.
      if (current.shape !== 'draft-in-composer' && similarity(current.text, text) >= SAME_SUGGESTION) {
        if (ai) this.#ai = null;
        return;
      }
      const replacedMost = countWords(prev) < MIN_SUGGESTION_WORDS || removed.trim().length >= 0.5 * prev.trim().length;
      // More text added to the suggestion being edited is an edit of it.
      if (!replacedMost) return;
    }
    if (ai) this.#ai = null;
    const source: SuggestionSource = ai ? 'ai-control' : pasted ? 'paste' : macro ? 'macro' : 'insert';
    this.#start({
      id: crypto.randomUUID(),
      shape: ai?.shape ?? 'draft-in-composer',
      source,
      words,
      text,
      shownAt: now,
    });
  }

  /** AI text shown outside the composer (a card, a panel answer): followed from when it first appears. */
  sighting(suggestion: { shape: SuggestionShape; text: string } | null): void {
    const text = suggestion?.text.trim() ?? '';
    if (!suggestion || !text || text === this.#lastSighting) return;
    this.#lastSighting = text;
    const current = this.#tracker.current;
    if (current && similarity(current.text, text) >= SAME_SUGGESTION) return;
    this.#start({
      id: crypto.randomUUID(),
      shape: suggestion.shape,
      source: 'ai-control',
      words: countWords(text),
      text,
      shownAt: this.#now(),
    });
  }

  /** The agent pressed send (and the send-guard let it through). */
  sendAttempt(context: DecisionContext, agentCount: number): void {
    if (!this.#tracker.current) return;
    this.#pending = { at: this.#now(), agentCount, context, text: this.#text, emptiedAt: null };
  }

  /**
   * On every read of the page: a send waiting for confirmation is decided once the thread shows
   * the reply (with the text the thread shows) or the composer stays empty or closed.
   */
  followThread(agentTexts: readonly string[], composerPresent: boolean): void {
    const pending = this.#pending;
    if (!pending) return;
    const now = this.#now();
    if (now - pending.at > SEND_CONFIRM_WINDOW_MS) {
      this.#pending = null;
      return;
    }
    const empty = !composerPresent || this.#text.trim() === '';
    if (!empty) {
      pending.emptiedAt = null;
      return;
    }
    if (agentTexts.length > pending.agentCount) {
      this.#confirm(agentTexts[agentTexts.length - 1] ?? pending.text, now);
      return;
    }
    pending.emptiedAt ??= now;
    if (now - pending.emptiedAt >= SEND_SETTLE_MS) this.#confirm(pending.text, now);
    else this.#opts.wakeAfter(SEND_SETTLE_MS - (now - pending.emptiedAt) + 10);
  }

  /** The suggestion was thrown away (an AI card's or the composer's discard). */
  discarded(context: DecisionContext): void {
    this.#pending = null;
    this.#emit(this.#tracker.discarded(this.#now()), context);
  }

  /** The ticket was handed on (assigned elsewhere, escalated) instead of answered. */
  escalated(context: DecisionContext): void {
    this.#pending = null;
    this.#emit(this.#tracker.escalated(this.#now()), context);
  }

  /**
   * The agent moved to another ticket in the same page. A send pressed just before, with nothing
   * edited since, went (some helpdesks open the next ticket on send); otherwise a suggestion left
   * undecided is counted as thrown away.
   */
  leaveTicket(context: DecisionContext | null): void {
    const now = this.#now();
    if (!this.#confirmPending(now) && context) this.#emit(this.#tracker.discarded(now), context);
    this.#pending = null;
    this.#ticketKey = null;
    this.#lastSighting = '';
    this.#ai = null;
    this.#removed = [];
    this.#text = '';
  }

  /**
   * The page is going away (`pagehide`). A send pressed just before, with nothing edited since,
   * went: helpdesks like FreeScout leave the page once the server accepted the reply. Decided
   * here, synchronously; the caller must store it without waiting.
   */
  pageHidden(): void {
    this.#confirmPending(this.#now());
  }

  #confirmPending(now: number): boolean {
    const pending = this.#pending;
    if (!pending || now - pending.at > SEND_CONFIRM_WINDOW_MS) return false;
    // Unchanged since the send, or emptied by the helpdesk (it clears the composer once it took
    // the reply): an agent who opens the next ticket within the settle time still sent it.
    const emptied = this.#text.trim() === '' && pending.text.trim() !== '';
    if (pending.text !== this.#text && !emptied) return false;
    this.#confirm(pending.text, now);
    return true;
  }

  #confirm(sentText: string, now: number): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending) this.#emit(this.#tracker.sent(sentText, now), pending.context);
  }

  #start(suggestion: TrackedSuggestion): void {
    this.#tracker.show(suggestion);
    if (this.#ticketKey) this.#opts.memory?.save(this.#ticketKey, suggestion);
  }

  #emit(decision: Decision | null, context: DecisionContext): void {
    if (!decision) return;
    if (this.#ticketKey) this.#opts.memory?.save(this.#ticketKey, null);
    this.#opts.onDecision(decision, context);
  }

  #remember(removed: string, now: number): void {
    this.#removed = this.#removed.filter((r) => now - r.at < MOVE_WINDOW_MS);
    this.#removed.push({ text: normalizeForCompare(removed), at: now });
    if (this.#removed.length > 20) this.#removed.shift();
  }

  /** Text cut from the composer a moment ago and pasted back: the agent's own text moving. */
  #wasMoved(inserted: string, now: number): boolean {
    const text = normalizeForCompare(inserted);
    return this.#removed.some((r) => now - r.at < MOVE_WINDOW_MS && r.text.includes(text));
  }
}

/** Words in a text: runs of letters or digits (apostrophes and hyphens inside a word keep it whole). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** What changed between two texts: the part removed and the part inserted, between their common ends. */
export function changedSpan(before: string, after: string): { removed: string; inserted: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) {
    end++;
  }
  return { removed: before.slice(start, before.length - end), inserted: after.slice(start, after.length - end) };
}

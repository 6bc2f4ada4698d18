import type { SuggestionShape } from '../db/schema';
import { editableOf, isShown, queryFirstIn, shadowRoots } from './dom';
import type { HelpdeskId } from './helpdesks';
import { readText } from './query';
import type { AiControl, HostAdapter, HostSnapshot, SuggestionSighting, ThreadMessage } from './types';

/** Ordered fallbacks: the first selector that matches anything wins. */
export type Selectors = readonly string[];

/**
 * Where an adapter finds each part of a ticket. Every adapter exports one of these, so the unit
 * tests can pair each selector with the number of matches it has on that helpdesk's fixture.
 */
export interface AdapterSelectors {
  /**
   * The active ticket's container, for helpdesks that keep several tickets (tabs, tasks, panes)
   * in the DOM. The first shown match wins; without one the whole page is read.
   */
  scope?: Selectors;
  /** Thread items, oldest first in document order unless `order` says otherwise. */
  message: Selectors;
  /** The element inside an item whose text is the message; the item itself when none matches. */
  body?: Selectors;
  /** The reply editor; an `<iframe>` match is read through to its editable body. */
  composer: Selectors;
  send: Selectors;
  /** Controls that bring AI text into the composer, by the shape the text arrives in. */
  ai?: Partial<Record<SuggestionShape, Selectors>>;
  discard?: Selectors;
  escalation?: Selectors;
  /** Controls that apply a macro or saved reply (text they put in the composer has source `macro`). */
  macro?: Selectors;
  /** The customer's name in the helpdesk's customer card or ticket header. */
  customerName?: Selectors;
  /** AI text shown outside the composer (shapes 2 and 3); hidden matches are ignored. */
  suggestion?: Partial<Record<'separate-editor' | 'side-panel', Selectors>>;
}

/** What a selector-driven adapter needs besides its selectors. */
export interface SelectorAdapterSpec {
  id: HelpdeskId;
  matches(url: URL): boolean;
  ticketId(url: URL): string | null;
  selectors: AdapterSelectors;
  /** Who wrote a thread item; null for notes, system events and anything unknown (skipped). */
  author(item: Element): ThreadMessage['author'] | null;
  /** Also look inside open shadow roots (web-component UIs). @default false */
  deep?: boolean;
  /**
   * Thread order when the DOM is not oldest-first (FreeScout can show newest first): a sort key
   * per item, or null to keep document order for that item.
   */
  order?(item: Element): number | null;
  /** Accessible names that identify a send button when no selector matches (Chatwoot's "Send"). */
  sendLabels?: readonly string[];
}

const NO_TICKET = 'Open a ticket to check its replies.';
const NO_COMPOSER = 'ReplyGuard could not find the reply editor on this ticket.';

/**
 * Builds a `HostAdapter` from selectors. Most helpdesks differ only in where things are, so one
 * reading routine keeps every adapter to "selectors + who wrote what", and the generic adapter
 * (admin-configured selectors) is the same code.
 */
export function defineSelectorAdapter(spec: SelectorAdapterSpec): HostAdapter {
  const { selectors: s, deep = false } = spec;

  return {
    id: spec.id,
    matches: spec.matches,
    ticketId: spec.ticketId,
    read(root, url, texts) {
      // Shadow roots are found once per container and read: finding them walks the subtree, and
      // a read runs every few hundred milliseconds while the agent types.
      const shadowCache = new Map<ParentNode, ShadowRoot[]>();
      const shadowsOf = (node: ParentNode) => {
        const cached = shadowCache.get(node);
        if (cached) return cached;
        const found = shadowRoots(node);
        shadowCache.set(node, found);
        return found;
      };
      const all = (node: ParentNode, list: Selectors | undefined) =>
        list ? queryFirstIn(node, list, deep ? shadowsOf(node) : undefined).elements : [];

      const ticketId = spec.ticketId(url);
      if (!ticketId) return { problem: 'no-ticket', detail: NO_TICKET };
      const scope: ParentNode = (s.scope && all(root, s.scope).find(isShown)) || root;
      const composer = editableOf(all(scope, s.composer).find(isShown) ?? null);
      if (!composer) return { problem: 'no-composer', detail: NO_COMPOSER };

      const items = all(scope, s.message).map((element, index) => ({ element, index, key: spec.order?.(element) }));
      if (spec.order) items.sort((a, b) => (a.key ?? a.index) - (b.key ?? b.index) || a.index - b.index);
      const thread: ThreadMessage[] = [];
      for (const { element } of items) {
        const author = spec.author(element);
        if (!author) continue;
        const body = (s.body && all(element, s.body)[0]) || element;
        thread.push({ element: body, author, text: texts ? texts.text(body) : readText(body) });
      }

      const aiControls: AiControl[] = [];
      for (const [shape, list] of Object.entries(s.ai ?? {}) as [SuggestionShape, Selectors][]) {
        // A side panel sits beside the ticket, not in it: look page-wide when the pane has none.
        let found = all(scope, list);
        if (found.length === 0 && shape === 'side-panel' && scope !== root) found = all(root, list);
        for (const element of found.filter(isShown)) aiControls.push({ element, shape });
      }

      let suggestion: SuggestionSighting | null = null;
      for (const [shape, list] of Object.entries(s.suggestion ?? {}) as [SuggestionSighting['shape'], Selectors][]) {
        let found = all(scope, list);
        if (found.length === 0 && scope !== root) found = all(root, list);
        const element = found.find(isShown);
        const text = element ? readText(element) : '';
        if (element && text) {
          suggestion = { shape, element, text };
          break;
        }
      }

      let sendControls = all(scope, s.send);
      if (sendControls.length === 0 && spec.sendLabels) sendControls = buttonsNamed(scope, spec.sendLabels);

      const snapshot: HostSnapshot = {
        helpdesk: spec.id,
        ticketId,
        thread,
        composer,
        sendControls,
        aiControls,
        discardControls: all(scope, s.discard).filter(isShown),
        escalationControls: all(scope, s.escalation),
        macroControls: all(scope, s.macro),
        customerName: nameIn(
          s.customerName ? (all(scope, s.customerName)[0] ?? all(root, s.customerName)[0]) : undefined,
        ),
        suggestion,
      };
      return snapshot;
    },
  };
}

/** A name as the page shows it, or null when it does not look like one (empty, an e-mail address, too long). */
function nameIn(element: Element | undefined): string | null {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return text && text.length <= 80 && !text.includes('@') ? text : null;
}

/** Buttons whose accessible name (aria-label, else text) is one of `labels`, case-insensitive. */
export function buttonsNamed(root: ParentNode, labels: readonly string[]): Element[] {
  const wanted = new Set(labels.map((l) => l.toLowerCase()));
  return Array.from(root.querySelectorAll('button, [role="button"]')).filter((b) =>
    wanted.has((b.getAttribute('aria-label') ?? b.textContent ?? '').trim().toLowerCase()),
  );
}

/** Last path segment matching `pattern` (capture group 1), for ticket ids in URLs. */
export function pathId(pattern: RegExp): (url: URL) => string | null {
  return (url) => pattern.exec(url.pathname)?.[1] ?? null;
}

import { defineSelectorAdapter } from './selector-adapter';
import type { HostAdapter } from './types';

/**
 * Selectors an admin writes for a helpdesk ReplyGuard does not know. Each is one CSS selector
 * (a selector list with commas is fine).
 */
export interface GenericSelectors {
  customerMessage: string;
  agentMessage: string;
  /** The reply editor (contenteditable, textarea, or a same-origin iframe holding one). */
  composer: string;
  send: string;
  /** A control that puts AI text into the composer. */
  aiControl?: string;
  /**
   * Where the ticket id comes from: the last path segment, the last hash segment, or the text
   * (or `data-ticket-id` / value) of the element a selector finds. @default 'path'
   */
  ticketIdFrom?: 'path' | 'hash' | string;
}

function lastSegment(value: string): string | null {
  const parts = value.split(/[/#?]/).filter(Boolean);
  return parts.at(-1) ?? null;
}

/**
 * The adapter for an admin-configured helpdesk. It has no URL of its own: it runs where the
 * admin added the domain, so `matches` is always true and the registry uses it only there. A
 * ticket id taken from an element is read from the root given to `read`; `ticketId(url)` alone
 * can then only say null.
 */
export function createGenericAdapter(config: GenericSelectors): HostAdapter {
  const from = config.ticketIdFrom ?? 'path';
  let root: ParentNode | null = null;
  const ticketId = (url: URL): string | null => {
    if (from === 'path') return lastSegment(url.pathname);
    if (from === 'hash') return lastSegment(url.hash);
    const el = root?.querySelector(from);
    if (!el) return null;
    const value = el.getAttribute('data-ticket-id') ?? (el as HTMLInputElement).value ?? el.textContent ?? '';
    return value.trim().replace(/^#/, '') || null;
  };
  const inner = defineSelectorAdapter({
    id: 'generic',
    matches: () => true,
    ticketId,
    selectors: {
      message: [`${config.customerMessage}, ${config.agentMessage}`],
      composer: [config.composer],
      send: [config.send],
      ...(config.aiControl ? { ai: { 'draft-in-composer': [config.aiControl] } } : {}),
    },
    author: (item) =>
      item.matches(config.customerMessage) ? 'customer' : item.matches(config.agentMessage) ? 'agent' : null,
  });
  return {
    ...inner,
    read(doc, url, texts) {
      // An admin's selector that is not valid CSS: name it, rather than stepping aside with an
      // internal error. Five querySelector calls per read.
      for (const [field, selector] of Object.entries(config)) {
        if (typeof selector !== 'string' || (field === 'ticketIdFrom' && (selector === 'path' || selector === 'hash')))
          continue;
        try {
          doc.querySelector(selector);
        } catch {
          return {
            problem: 'no-composer',
            detail: `The ${field} selector set for this helpdesk is not valid CSS: ${selector}`,
          };
        }
      }
      root = doc;
      try {
        return inner.read(doc, url, texts);
      } finally {
        root = null;
      }
    },
  };
}

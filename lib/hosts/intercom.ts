import { defineSelectorAdapter } from './selector-adapter';
import type { ThreadMessage } from './types';

/**
 * Intercom Inbox. A ProseMirror composer; Copilot answers in a side panel with "Add to composer"
 * (shape 3). Class names moved from `inbox2__` to `inbox-2__` in 2026, so class selectors come
 * with both spellings and attribute fallbacks. Reportedly uses shadow DOM: reads open roots too.
 */
export const INTERCOM_SELECTORS = {
  // [guess] the open conversation's column; the inbox list beside it is not part of the ticket.
  scope: ['[data-conversation-stream]', '.inbox-2__conversation', '.inbox2__conversation'],
  // [code] legacy part groups carry a category; [guess] since 2026 an author type.
  message: ['[data-part-group-category]', '[data-author-type]'],
  // [code] message blocks render as interblocks; [guess] a body attribute.
  body: ['.intercom-interblocks', '[data-part-body]'],
  // [code] both composer generations; then any ProseMirror or rich textbox.
  composer: [
    '.embercom-prosemirror-composer .ProseMirror[contenteditable="true"]',
    '[data-conversation-reply-composer] .ProseMirror',
    '.ProseMirror[contenteditable="true"]',
    '[role="textbox"][contenteditable="true"]',
  ],
  // [guess] send is Cmd/Ctrl+Enter or this button.
  send: ['[data-test-id="composer-send-button"]', 'button[aria-label^="Send"]'],
  ai: {
    // [guess] Copilot panel's insert button.
    'side-panel': ['[data-test-id="copilot-add-to-composer"]', 'button[aria-label="Add to composer"]'],
  },
  suggestion: { 'side-panel': ['[data-test-id="copilot-answer"]', '[data-copilot-answer]'] },
  // [guess] handing over to another team or teammate.
  escalation: ['[data-test-id="assign-to-team"]', 'button[aria-label^="Assign"]'],
} as const;

const CATEGORY: Record<string, ThreadMessage['author']> = { '1': 'customer', '3': 'agent', '5': 'agent' };
const AUTHOR_TYPE: Record<string, ThreadMessage['author']> = {
  user: 'customer',
  lead: 'customer',
  contact: 'customer',
  admin: 'agent',
  teammate: 'agent',
  bot: 'agent',
};

export const intercom = defineSelectorAdapter({
  id: 'intercom',
  matches: (url) => url.hostname === 'app.intercom.com' && url.pathname.startsWith('/a/inbox'),
  ticketId: (url) => /\/conversations?\/(\d+)/.exec(url.pathname)?.[1] ?? null,
  selectors: INTERCOM_SELECTORS,
  deep: true,
  author(item) {
    const category = item.getAttribute('data-part-group-category');
    // Notes (category 2 and others) are internal: not part of the conversation.
    if (category !== null) return CATEGORY[category] ?? null;
    return AUTHOR_TYPE[item.getAttribute('data-author-type') ?? ''] ?? null;
  },
});

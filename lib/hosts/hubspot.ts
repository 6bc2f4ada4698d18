import { defineSelectorAdapter } from './selector-adapter';

/**
 * HubSpot help desk. HubSpot marks its UI with `data-test-id` / `data-selenium-test`; reply
 * recommendations show in the thread as a card with insert and dismiss (shape 2). Markup
 * unverified on a live portal: the specific ids are guesses, the fallbacks are generic.
 */
export const HUBSPOT_SELECTORS = {
  // [guess]
  message: ['[data-test-id="thread-message"]', '[data-selenium-test="thread-message"]'],
  body: ['[data-test-id="message-body"]'],
  composer: [
    '[data-test-id="rich-text-editor"] [contenteditable="true"]',
    '[data-selenium-test="composer"] [contenteditable="true"]',
    '[role="textbox"][contenteditable="true"]',
  ],
  send: ['[data-test-id="send-message-button"]', '[data-selenium-test="send-button"]'],
  ai: { 'separate-editor': ['[data-test-id="reply-recommendation-insert"]'] },
  discard: ['[data-test-id="reply-recommendation-dismiss"]'],
  suggestion: { 'separate-editor': ['[data-test-id="reply-recommendation-text"]'] },
  escalation: ['[data-test-id="escalate-ticket-button"]', '[data-selenium-test="ticket-owner-select"]'],
} as const;

export const hubspot = defineSelectorAdapter({
  id: 'hubspot',
  matches: (url) => url.hostname === 'app.hubspot.com' && url.pathname.startsWith('/help-desk/'),
  ticketId: (url) => /\/ticket\/(\d+)/.exec(url.pathname)?.[1] ?? null,
  selectors: HUBSPOT_SELECTORS,
  author(item) {
    // [guess] INCOMING = from the contact; comments (internal) have no direction.
    const direction = item.getAttribute('data-message-direction');
    if (direction === 'INCOMING') return 'customer';
    if (direction === 'OUTGOING') return 'agent';
    return null;
  },
});

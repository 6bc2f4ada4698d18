import { defineSelectorAdapter } from './selector-adapter';

/**
 * Freshdesk. Probably Froala, which can run inside an iframe: the composer is then the iframe
 * document's editable body. Freddy's article suggester answers in a side panel with an insert
 * button (shape 3). All markup unverified on a live tenant.
 */
export const FRESHDESK_SELECTORS = {
  // [guess] one conversation item per public reply, note or forward.
  message: ['[data-test-id="conversation-item"]', '.conversation-item'],
  // [guess]
  body: ['[data-test-id="conversation-body"]', '.conversation-body'],
  // [guess] Froala in iframe mode, then inline Froala, then any editable in the reply form.
  composer: [
    '[data-test-id="reply-editor"] iframe.fr-iframe',
    '.fr-element.fr-view[contenteditable="true"]',
    '[data-test-id="reply-editor"] [contenteditable="true"]',
  ],
  // [guess]
  send: ['[data-test-id="send-reply-button"]', 'button[data-test-id^="send"]'],
  ai: { 'side-panel': ['[data-test-id="freddy-insert-article"]', 'button[aria-label="Insert into reply"]'] },
  suggestion: { 'side-panel': ['[data-test-id="freddy-suggestion"]'] },
  // [guess] escalate action and the group field.
  escalation: ['[data-test-id="escalate-ticket"]', '[data-test-id="group-field"]'],
} as const;

export const freshdesk = defineSelectorAdapter({
  id: 'freshdesk',
  matches: (url) => url.hostname.endsWith('.freshdesk.com') && url.pathname.startsWith('/a/'),
  ticketId: (url) => /\/a\/tickets\/(\d+)/.exec(url.pathname)?.[1] ?? null,
  selectors: FRESHDESK_SELECTORS,
  author(item) {
    // [guess] requester vs agent; private notes are skipped.
    const type = item.getAttribute('data-author-type') ?? '';
    if (item.getAttribute('data-private') === 'true') return null;
    if (type === 'requester' || item.classList.contains('is-requester')) return 'customer';
    if (type === 'agent' || item.classList.contains('is-agent')) return 'agent';
    return null;
  },
});

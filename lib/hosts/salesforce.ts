import { defineSelectorAdapter } from './selector-adapter';

/**
 * Salesforce Service Cloud (Lightning console). Lightning web components put the feed and the
 * publisher in shadow roots, so every lookup pierces open roots; console tabs stay in the DOM,
 * so only the shown workspace tab is read. The email publisher is CKEditor 4 in an iframe
 * (old publisher), so the composer is that frame's editable body. Einstein reply
 * recommendations answer in the sidebar with an insert button (shape 3).
 */
export const SALESFORCE_SELECTORS = {
  // [guess] the active console workspace tab.
  scope: ['.oneWorkspace.active', '.windowViewMode-maximized.active', '.oneWorkspace:not([hidden])'],
  // [guess] case feed items; emails carry their direction.
  message: ['[data-email-direction]', 'article.cuf-feedElement'],
  body: ['.cuf-feedBody', '.feedBodyInner'],
  // [code, old] CKEditor 4 publisher frame; [guess] a rich text area editable.
  composer: ['iframe.cke_wysiwyg_frame', 'lightning-input-rich-text [contenteditable="true"]'],
  // [guess]
  send: ['button.cuf-publisherShareButton', 'button[title="Send"]'],
  ai: { 'side-panel': ['button[name="insertReplyRecommendation"]', 'button[title="Insert"]'] },
  suggestion: { 'side-panel': ['.replyRecommendation-text', '[data-recommendation-text]'] },
  // [guess] the Escalate quick action, the owner change.
  escalation: ['button[name="Case.Escalate"]', 'button[name="ChangeOwnerOne"]'],
} as const;

export const salesforce = defineSelectorAdapter({
  id: 'salesforce',
  matches: (url) =>
    (url.hostname.endsWith('.lightning.force.com') || url.hostname.endsWith('.my.salesforce.com')) &&
    url.pathname.startsWith('/lightning/'),
  ticketId: (url) => /\/lightning\/r\/Case\/([A-Za-z0-9]+)\//.exec(url.pathname)?.[1] ?? null,
  selectors: SALESFORCE_SELECTORS,
  deep: true,
  author(item) {
    const direction = item.getAttribute('data-email-direction');
    if (direction === 'incoming') return 'customer';
    if (direction === 'outgoing') return 'agent';
    return null; // internal posts, field changes
  },
});

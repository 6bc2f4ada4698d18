import { defineSelectorAdapter } from './selector-adapter';

/**
 * Front. Unverified markup: the composer is read as a plain `<textarea>` or a rich textbox,
 * inbound vs outbound messages by a direction attribute, and Copilot answers in a side panel
 * with an insert button (shape 3).
 */
export const FRONT_SELECTORS = {
  // [guess]
  message: ['[data-testid="message-item"]', '[data-message-direction]'],
  body: ['[data-testid="message-body"]'],
  composer: [
    'textarea[data-testid="composer-textarea"]',
    '[data-testid="composer"] [contenteditable="true"]',
    '[data-testid="composer"] textarea',
  ],
  send: ['[data-testid="send-button"]', 'button[aria-label="Send"]'],
  ai: { 'side-panel': ['[data-testid="copilot-insert"]', 'button[aria-label="Insert into reply"]'] },
  suggestion: { 'side-panel': ['[data-testid="copilot-answer"]'] },
  escalation: ['[data-testid="assign-teammate"]', '[data-testid="move-to-inbox"]'],
} as const;

export const front = defineSelectorAdapter({
  id: 'front',
  matches: (url) => url.hostname === 'app.frontapp.com',
  // /open/cnv_xxx, or /inboxes/.../cnv_xxx in the app's own routes.
  ticketId: (url) => /\/(cnv_[A-Za-z0-9]+)/.exec(url.pathname)?.[1] ?? null,
  selectors: FRONT_SELECTORS,
  author(item) {
    const direction = item.getAttribute('data-message-direction');
    if (direction === 'inbound') return 'customer';
    if (direction === 'outbound') return 'agent';
    return null; // comments are internal
  },
});

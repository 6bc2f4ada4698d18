import { defineSelectorAdapter } from './selector-adapter';

/**
 * Gorgias. Draft.js composer in `form#ticket-reply-editor`; messages have no role attribute,
 * only a hashed CSS-module class on the avatar, so the author is read from the module's local
 * name, which survives the hash. The AI agent's draft shows in the thread as a card with
 * "Copy to Editor" and "Discard" (shape 2). E-mail sends wait in an undo window: the controller
 * only counts a send once the message is in the thread.
 */
export const GORGIAS_SELECTORS = {
  // [src]
  message: ['div.ticket-message[data-testid^="ticket-message-"]', '.ticket-message'],
  // [guess]
  body: ['[class*="messageBody"]', '.ticket-message-body'],
  // [src]
  composer: [
    'form#ticket-reply-editor .public-DraftEditor-content',
    'form#ticket-reply-editor [contenteditable="true"]',
  ],
  send: ['#submit-button', '#submit-and-close-button'],
  ai: { 'separate-editor': ['[data-testid="ai-draft-copy-to-editor"]'] },
  discard: ['[data-testid="ai-draft-discard"]'],
  suggestion: { 'separate-editor': ['[data-testid="ai-draft-body"]'] },
  // [guess] assign to a team.
  escalation: ['[data-testid="assign-team-button"]', '[data-testid="team-assignee-select"]'],
} as const;

export const gorgias = defineSelectorAdapter({
  id: 'gorgias',
  matches: (url) => url.hostname.endsWith('.gorgias.com') && url.pathname.startsWith('/app/'),
  // /app/ticket/{id} or /app/views/{view}/{id}
  ticketId: (url) => /\/app\/(?:ticket|views\/\d+)\/(\d+)/.exec(url.pathname)?.[1] ?? null,
  selectors: GORGIAS_SELECTORS,
  author(item) {
    // [guess] notes carry the agent's avatar: skip them by their container's module class.
    if (item.matches('[class*="internalNote"]')) return null;
    // [guess] CSS modules keep the local name before the hash: "Avatar_agent__x1Y2z".
    if (item.querySelector('[class*="Avatar_agent"], [class*="avatarAgent"]')) return 'agent';
    if (item.querySelector('[class*="Avatar_customer"], [class*="avatarCustomer"]')) return 'customer';
    return null; // system events
  },
});

import { defineSelectorAdapter } from './selector-adapter';

/**
 * Chatwoot (cloud or self-hosted). ProseMirror composer in `.reply-box`; Copilot writes into its
 * own editor with Accept / Discard (shape 2) and can improve the agent's text in place (shape 4).
 * Messages are told apart by their variant, never by left/right alignment.
 */
export const CHATWOOT_SELECTORS = {
  // [src]
  message: ['[data-message-id]'],
  // [guess]
  body: ['[data-message-content]', '.message-text__wrap'],
  // [src]
  composer: ['.reply-box .ProseMirror[contenteditable="true"]', '.reply-box [contenteditable="true"]'],
  // [src] a button labelled "Send" (see sendLabels); [guess] a stable class.
  send: ['.reply-box button.send-button'],
  ai: {
    'separate-editor': ['[data-copilot="accept"]'],
    'in-place-rewrite': ['[data-copilot="improve"]'],
  },
  discard: ['[data-copilot="discard"]'],
  suggestion: { 'separate-editor': ['.copilot-editor .ProseMirror', '.copilot-editor'] },
  // [guess] team assignment in the conversation actions.
  escalation: ['[data-action="assign-team"]', '[aria-label="Assign team"]'],
} as const;

const CONVERSATION_PATH = /^\/app\/accounts\/\d+\/(?:.*\/)?conversations\/(\d+)/;

export const chatwoot = defineSelectorAdapter({
  id: 'chatwoot',
  // Self-hosted installs live on any domain: recognise the app by its route shape.
  matches: (url) => url.hostname === 'app.chatwoot.com' || CONVERSATION_PATH.test(url.pathname),
  ticketId: (url) => CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null,
  selectors: CHATWOOT_SELECTORS,
  sendLabels: ['Send'],
  author(item) {
    // [guess] variant names as in Chatwoot's message component: user, agent, bot, private, activity...
    const variant = item.getAttribute('data-message-variant');
    if (variant === 'user') return 'customer';
    if (variant === 'agent' || variant === 'bot' || variant === 'template') return 'agent';
    return null;
  },
});

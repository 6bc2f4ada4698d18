import { defineSelectorAdapter } from './selector-adapter';

/**
 * Help Scout. The old UI used Redactor (`.redactor_editor`) and `#sendBtn`; the current UI is
 * unverified, so the reply editor falls back to any editable in the reply form. AI drafts are
 * placed into the composer (shape 1).
 */
export const HELPSCOUT_SELECTORS = {
  // [guess] thread items carry their type: customer, message (agent reply), note, lineitem.
  message: ['[data-thread-type]', '.thread'],
  body: ['.thread-content', '.messageBody'],
  // [code, old UI] Redactor; [guess] current reply form.
  composer: ['.redactor_editor', '.redactor-editor', '[data-cy="reply-editor"] [contenteditable="true"]'],
  send: ['#sendBtn', '[data-cy="send-reply"]'],
  ai: { 'draft-in-composer': ['[data-cy="ai-draft-reply"]', 'button[aria-label="Draft a reply with AI"]'] },
  escalation: ['[data-cy="assign-button"]', '#assignBtn'],
} as const;

export const helpscout = defineSelectorAdapter({
  id: 'helpscout',
  matches: (url) => url.hostname === 'secure.helpscout.net',
  ticketId: (url) => /\/conversation\/(\d+)/.exec(url.pathname)?.[1] ?? null,
  selectors: HELPSCOUT_SELECTORS,
  author(item) {
    const type = item.getAttribute('data-thread-type') ?? '';
    if (type === 'customer' || item.classList.contains('customer')) return 'customer';
    if (type === 'message' || item.classList.contains('message')) return 'agent';
    return null;
  },
});

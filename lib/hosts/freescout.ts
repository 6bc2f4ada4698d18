import { defineSelectorAdapter } from './selector-adapter';

/**
 * FreeScout (self-hosted only). Summernote on `textarea#body`; threads can be shown newest
 * first, so they are put back in order by thread id. The AI module's "Use (as Draft)" puts its
 * text into the composer (shape 1).
 */
export const FREESCOUT_SELECTORS = {
  // [src]
  message: ['.thread'],
  body: ['.thread-content'],
  composer: ['form.form-reply .note-editable[contenteditable="true"]', 'form.form-reply .note-editable'],
  send: ['button.btn-reply-submit'],
  // [guess] the AI module's button.
  ai: { 'draft-in-composer': ['.ai-use-draft', '[data-ai-action="use-draft"]'] },
  // [guess] assignee and move-to-mailbox controls.
  escalation: ['.conv-assignee .dropdown-toggle', '[data-action="move-conversation"]'],
} as const;

const CONVERSATION_PATH = /^\/conversation\/(\d+)/;

export const freescout = defineSelectorAdapter({
  id: 'freescout',
  // Self-hosted: recognise the page by its route.
  matches: (url) => CONVERSATION_PATH.test(url.pathname),
  ticketId: (url) => CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null,
  selectors: FREESCOUT_SELECTORS,
  order(item) {
    // [guess] thread ids grow with time.
    const id = Number(item.getAttribute('data-thread-id'));
    return Number.isFinite(id) && id > 0 ? id : null;
  },
  author(item) {
    if (item.classList.contains('thread-type-customer')) return 'customer';
    if (item.classList.contains('thread-type-message')) return 'agent';
    return null; // notes, line items
  },
});

import { defineSelectorAdapter } from './selector-adapter';

/**
 * FreeScout (self-hosted only). Each selector is marked with what it was checked against:
 * [verified] on the FreeScout release in `../shared/helpdesks/freescout` (dist branch, commit
 * ab27725, 2026-08-15) by `npm run test:freescout`; [guess] not seen on a real install.
 *
 * What the real page does, and this adapter relies on: threads are listed newest first, each
 * `.thread.thread-type-{customer|message|note}` with `data-thread_id` (ids grow with time); the
 * reply form `form.form-reply` is on the page from the start inside a `.conv-reply-block` that
 * Bootstrap's `.hidden` keeps closed until the agent clicks Reply or Note; Summernote turns
 * `textarea#body` into `.note-editable`, with the signature (`#editor_signature`) outside it. The
 * same form sends a reply (`.btn-send-text`), adds a note (`.btn-add-note-text`) or forwards;
 * only the reply is a send to the customer. On success FreeScout leaves the page (back to the
 * folder, or reloads the conversation), so a send is confirmed as the page unloads.
 */
export const FREESCOUT_SELECTORS = {
  // [verified]
  message: ['.thread'],
  // [verified]
  body: ['.thread-content'],
  // [verified] (hidden until Reply is clicked: the adapter then reports no composer)
  composer: ['form.form-reply .note-editable[contenteditable="true"]', 'form.form-reply .note-editable'],
  // [verified] "Send Reply"; `.btn-reply-submit` alone also matches Add Note and Forward.
  send: ['form.form-reply button.btn-reply-submit.btn-send-text'],
  // [verified] Summernote's Discard in FreeScout's toolbar (throws the draft away).
  discard: ['form.form-reply .note-toolbar button[aria-label="Discard"]'],
  // [guess] FreeScout's AI modules are third-party; ReplyGuard follows their drafts by what lands
  // in the composer (source `insert` or `paste`), and names them `ai-control` when one of these matches.
  ai: { 'draft-in-composer': ['.ai-use-draft', '[data-ai-action="use-draft"]'] },
  // [verified] assigning the conversation to someone else from the assignee menu.
  escalation: ['ul.conv-user li:not(.active) a[data-user_id]'],
  // [verified] the customer card in the conversation's sidebar.
  customerName: ['.conv-customer-block .customer-name'],
  // [guess] the Saved Replies module's menu items.
  macro: ['.sr-dropdown a[data-saved-reply-id]', '[data-saved-reply-id]'],
} as const;

const CONVERSATION_PATH = /^\/conversation\/(\d+)/;

export const freescout = defineSelectorAdapter({
  id: 'freescout',
  // Self-hosted: recognise the page by its route.
  matches: (url) => CONVERSATION_PATH.test(url.pathname),
  ticketId: (url) => CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null,
  selectors: FREESCOUT_SELECTORS,
  order(item) {
    // [verified] FreeScout lists newest first; thread ids grow with time.
    const id = Number(item.getAttribute('data-thread_id'));
    return Number.isFinite(id) && id > 0 ? id : null;
  },
  author(item) {
    // [verified]
    if (item.classList.contains('thread-type-customer')) return 'customer';
    if (item.classList.contains('thread-type-message')) return 'agent';
    return null; // notes, line items
  },
});

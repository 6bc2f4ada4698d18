import { defineSelectorAdapter } from './selector-adapter';

/**
 * Zammad (classic UI, cloud or self-hosted). Hash routing (`#ticket/zoom/{id}`), open tickets
 * stay in the DOM as tasks, so only the active task is read. Plain contenteditable composer;
 * the AI text tools rewrite the agent's text in place (shape 4).
 */
export const ZAMMAD_SELECTORS = {
  // [src] the active task; [guess] the visible zoom.
  scope: ['.content.active', '.ticketZoom:not(.hide)'],
  // [src]
  message: ['.ticket-article-item'],
  // [guess]
  body: ['.textBubble-content', '.article-content'],
  // [src]
  composer: ['form.article-add .articleNewEdit-body[contenteditable][data-name="body"]', '.articleNewEdit-body'],
  send: ['button.js-submit'],
  // [guess] text tools in the editor toolbar.
  ai: { 'in-place-rewrite': ['.js-aiTextTools [data-type="improve"]', '[data-type="ai-improve"]'] },
  // [src] the group select in the ticket sidebar.
  escalation: ['select[name="group_id"]', '.js-escalate'],
} as const;

const ZOOM_HASH = /^#ticket\/zoom\/(\d+)/;

export const zammad = defineSelectorAdapter({
  id: 'zammad',
  // Self-hosted installs live on any domain: recognise the app by its hash route.
  matches: (url) => url.hostname.endsWith('.zammad.com') || ZOOM_HASH.test(url.hash),
  ticketId: (url) => ZOOM_HASH.exec(url.hash)?.[1] ?? null,
  selectors: ZAMMAD_SELECTORS,
  author(item) {
    if (item.classList.contains('is-internal')) return null;
    if (item.classList.contains('customer')) return 'customer';
    if (item.classList.contains('agent')) return 'agent';
    return null; // system
  },
});

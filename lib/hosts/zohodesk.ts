import { defineSelectorAdapter } from './selector-adapter';

/**
 * Zoho Desk. Unverified markup; Zia rewrites the agent's own text in place (shape 4), which the
 * controller sees as a large change right after the control was used.
 */
export const ZOHODESK_SELECTORS = {
  // [guess]
  message: ['[data-id="threadItem"]', '.zd-thread'],
  body: ['[data-id="threadContent"]', '.zd-thread__content'],
  composer: ['[data-id="replyEditor"] [contenteditable="true"]', '.ze_area[contenteditable="true"]'],
  send: ['[data-id="sendButton"]', 'button[data-title="Send"]'],
  ai: { 'in-place-rewrite': ['[data-id="ziaRephrase"]', 'button[aria-label^="Zia"]'] },
  escalation: ['[data-id="escalateTicket"]', '[data-id="departmentSelect"]'],
} as const;

export const zohodesk = defineSelectorAdapter({
  id: 'zohodesk',
  matches: (url) => /^desk\.zoho\.(com|eu|in|com\.au|jp|ca)$/.test(url.hostname) && url.pathname.startsWith('/agent/'),
  ticketId: (url) => /\/tickets\/details\/(\d+)/.exec(url.pathname)?.[1] ?? null,
  selectors: ZOHODESK_SELECTORS,
  author(item) {
    // [guess] incoming threads come from the contact; comments have no direction.
    const direction = item.getAttribute('data-direction');
    if (direction === 'in') return 'customer';
    if (direction === 'out') return 'agent';
    return null;
  },
});

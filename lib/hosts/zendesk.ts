import { queryFirst, queryOne, readText } from './query';
import type { HostAdapter, ThreadMessage } from './types';

/**
 * Zendesk Agent Workspace. Several tickets stay in the DOM at once, so everything is read inside
 * the active pane. Selectors from HELPDESKS.md ([code]: seen in public code for the live app).
 */
export const ZENDESK_SELECTORS = {
  activePane: ['.ticket-panes-grid-layout[data-is-active="true"]', '#main_panes > :not([hidden])'],
  item: ['article[data-test-id="omni-log-comment-item"]'],
  message: ['[data-test-id="omni-log-item-message"]'],
  body: ['[data-test-id="omni-log-message-content"] .zd-comment', '[data-test-id="omni-log-message-content"]'],
  composer: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"]',
    '[data-test-id="omnicomposer-plain-text-ckeditor"]',
    '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
  ],
  send: ['[data-test-id="submit_button-button"]'],
  // [guess] the suggested-first-reply control; paired with the fixture page.
  suggestedReply: ['[data-test-id="suggested-reply-apply"]'],
  enhanceWriting: ['[aria-label="Enhance writing"]'],
  // [guess] escalation shows up as a group change or an escalation macro.
  escalation: ['[data-test-id="ticket-escalate-tier2"]', '[data-test-id="ticket-fields-group-select"]'],
} as const;

const TICKET_PATH = /\/agent\/tickets\/(\d+)/;

export const zendesk: HostAdapter = {
  id: 'zendesk',
  matches: (url) => url.hostname.endsWith('.zendesk.com') && url.pathname.startsWith('/agent'),
  ticketId: (url) => TICKET_PATH.exec(url.pathname)?.[1] ?? null,
  read(root, url, texts) {
    const ticketId = this.ticketId(url);
    if (!ticketId) return { problem: 'no-ticket', detail: 'Open a ticket to check its replies.' };
    const pane = queryOne(root, ZENDESK_SELECTORS.activePane) ?? root;
    const composer = queryOne(pane, ZENDESK_SELECTORS.composer);
    if (!composer)
      return { problem: 'no-composer', detail: 'ReplyGuard could not find the reply editor on this ticket.' };

    const thread: ThreadMessage[] = [];
    for (const item of queryFirst(pane, ZENDESK_SELECTORS.item).elements) {
      const message = queryOne(item, ZENDESK_SELECTORS.message);
      const type = message?.getAttribute('type');
      if (type !== 'end-user' && type !== 'agent') continue; // internal notes are not part of the conversation
      const body = queryOne(item, ZENDESK_SELECTORS.body);
      if (!body) continue;
      thread.push({
        element: body,
        author: type === 'end-user' ? 'customer' : 'agent',
        text: texts ? texts.text(body) : readText(body),
      });
    }

    return {
      helpdesk: 'zendesk',
      ticketId,
      thread,
      composer,
      sendControls: queryFirst(pane, ZENDESK_SELECTORS.send).elements,
      aiControls: [
        ...queryFirst(pane, ZENDESK_SELECTORS.suggestedReply).elements.map((element) => ({
          element,
          shape: 'draft-in-composer' as const,
        })),
        ...queryFirst(pane, ZENDESK_SELECTORS.enhanceWriting).elements.map((element) => ({
          element,
          shape: 'in-place-rewrite' as const,
        })),
      ],
      discardControls: [],
      escalationControls: queryFirst(pane, ZENDESK_SELECTORS.escalation).elements,
      // The suggested first reply lands in the composer: the tracker sees it as a large insertion.
      suggestion: null,
    };
  },
};

import { findEmails } from '../pii';
import { defineRule } from './define-rule';

/** Shared team mailboxes are meant to be given out; a person's address is not. */
const ROLE_MAILBOX =
  /^(?:support|help|helpdesk|info|hello|contact|care|service|customerservice|billing|sales|team|privacy|dpo|legal|security|noreply|no-reply|feedback|returns|orders)@/i;

export default defineRule({
  meta: {
    id: 'pii-email',
    category: 'privacy',
    severity: 'warning',
    description:
      'A personal e-mail address in the reply. Warning, not critical: an address is often needed, but an AI draft may paste another customer’s address. Shared mailboxes such as support@ or billing@ are reported as info only.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      personal: 'Contains a personal e-mail address; check it belongs to this customer.',
      role: 'Contains a team mailbox address.',
    },
    examples: {
      flag: [
        { text: 'I have sent the invoice to jane.doe@example.com as requested.' },
        { text: 'Please ask Mark (mark.h@contoso.org) for the report.' },
        { text: 'I sent the invoice to josé.müller@exämple.de as requested.' },
      ],
      pass: [
        { text: 'You can reach us on our website at any time.' },
        { text: 'Send the photos via our contact form and we will take a look.' },
      ],
    },
  },
  check: ({ text }) =>
    findEmails(text).map((s) =>
      ROLE_MAILBOX.test(text.slice(s.start, s.end))
        ? { ...s, messageId: 'role', severity: 'info' }
        : { ...s, messageId: 'personal' },
    ),
});

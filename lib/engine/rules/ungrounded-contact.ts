import { findDetails, nearPhone, urlGrounded } from '../grounding';
import { defineRule, type RuleHit } from './define-rule';
import { indexFor } from './support/grounding-input';

export default defineRule({
  meta: {
    id: 'ungrounded-contact',
    category: 'accuracy',
    severity: 'info',
    description:
      'An e-mail address, phone number or link in the reply that appears nowhere in the ticket, the earlier replies or the team’s known facts (a link under a known page counts). Info: drafts invent plausible help-centre pages and support addresses. Warning when it is a near miss of one in the ticket (the same mailbox at another domain, a phone number one or two digits off): that is a typo that sends the customer to a stranger.',
    scope: 'segment',
    usesContext: true,
    messages: {
      email: 'The address {{text}} is not in the ticket or the team’s known facts.',
      emailNear: '{{text}} is close to, but not the same as, an address in the ticket.',
      phone: 'The number {{text}} is not in the ticket or the team’s known facts.',
      phoneNear: '{{text}} differs by a digit or two from a number in the ticket.',
      url: 'The link {{text}} is not in the ticket or the team’s known facts; check the page exists.',
    },
    examples: {
      flag: [
        {
          text: 'We have sent the invoice to jane.doe@exmaple.com.',
          customerMessages: ['Please send it to jane.doe@example.com.'],
        },
        {
          text: 'See https://help.acme.example/articles/returns-policy for details.',
          customerMessages: ['How do returns work?'],
        },
        { text: 'Call our billing team on (415) 555-2671.', customerMessages: ['Who can I call about billing?'] },
      ],
      pass: [
        {
          text: 'We have sent the invoice to jane.doe@example.com.',
          customerMessages: ['Please send it to jane.doe@example.com.'],
        },
        {
          text: 'See https://help.acme.example/articles/returns-policy for details.',
          customerMessages: ['How do returns work?'],
          packs: [{ id: 'facts', knownFacts: ['Help centre: https://help.acme.example/'] }],
        },
      ],
    },
  },
  check: (input) => {
    const { emails, phones, urls } = findDetails(input.text);
    if (emails.length === 0 && phones.length === 0 && urls.length === 0) return [];
    const index = indexFor(input);
    const out: RuleHit<'email' | 'emailNear' | 'phone' | 'phoneNear' | 'url'>[] = [];
    for (const e of emails) {
      if (index.emails.has(e.key)) continue;
      const [local, domain] = e.key.split('@');
      const near = index.emailParts.has(`${local}@`) || index.emailParts.has(`@${domain}`);
      out.push(
        near
          ? { start: e.start, end: e.end, messageId: 'emailNear', severity: 'warning' }
          : { start: e.start, end: e.end, messageId: 'email' },
      );
    }
    for (const p of phones) {
      if (index.phones.includes(p.key)) continue;
      out.push(
        nearPhone(p.key, index)
          ? { start: p.start, end: p.end, messageId: 'phoneNear', severity: 'warning' }
          : { start: p.start, end: p.end, messageId: 'phone' },
      );
    }
    for (const u of urls) {
      if (!urlGrounded(u.key, index)) out.push({ start: u.start, end: u.end, messageId: 'url' });
    }
    return out;
  },
});

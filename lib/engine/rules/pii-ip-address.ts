import { findIpAddresses } from '../pii';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'pii-ip-address',
    category: 'privacy',
    severity: 'warning',
    description:
      'An IPv4 or IPv6 address in the reply. Warning: IP addresses are personal data under GDPR and can reveal internal infrastructure; share them only when the customer needs them.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      ip: 'Contains an IP address; is it needed in this reply?',
    },
    examples: {
      flag: [
        { text: 'The login came from 203.0.113.42 last night.' },
        { text: 'Our server at 2001:db8::8a2e:370:7334 rejected the request.' },
      ],
      pass: [{ text: 'Please update to version 2.4.1 of the app.' }, { text: 'The meeting is at 10:30:00 tomorrow.' }],
    },
  },
  check: ({ text }) => findIpAddresses(text).map((s) => ({ ...s, messageId: 'ip' })),
});

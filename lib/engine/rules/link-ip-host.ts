import { defineRule } from './define-rule';
import { findLinks } from './support/urls';

const IP_HOST = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|0x[0-9a-f]+|\d{8,10})$/i;

export default defineRule({
  meta: {
    id: 'link-ip-host',
    category: 'link',
    severity: 'critical',
    description:
      'A link whose host is a bare IP address (http://203.0.113.5/login) rather than a domain. Critical: real company pages live on named domains; IP links are a classic phishing and malware pattern and bypass reputation checks.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      ip: 'The link points at a bare IP address ({{host}}); use the company domain.',
    },
    examples: {
      flag: [
        { text: 'Log in at http://203.0.113.5/login to confirm.' },
        { text: 'Download the fix from https://[2001:db8::1]/patch.zip' },
      ],
      pass: [
        { text: 'Log in at https://example.com/login to confirm.' },
        { text: 'Version 10.2.3.4 fixes the issue.' },
      ],
    },
  },
  check: ({ text }) =>
    findLinks(text)
      .filter((l) => IP_HOST.test(l.host))
      .map((l) => ({ start: l.start, end: l.end, messageId: 'ip', data: { host: l.host } })),
});

import { defineRule } from './define-rule';
import { findLinks } from './support/urls';

const SHORTENERS = new Set([
  'bit.ly',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  't.ly',
  's.id',
  'lnkd.in',
  'adf.ly',
  'shorte.st',
  'v.gd',
  'qr.net',
]);

export default defineRule({
  meta: {
    id: 'link-shortener',
    category: 'link',
    severity: 'warning',
    description:
      'A link through a URL shortener (bit.ly, tinyurl.com, t.co…). Warning: the customer cannot see where it leads, phishing uses the same services, and many mail filters block them; link to the real page.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      shortener: 'Shortened link ({{host}}) hides its destination; use the full address.',
    },
    examples: {
      flag: [
        { text: 'Reset your password here: https://bit.ly/3xYz12' },
        { text: 'Details at tinyurl.com/acme-refund.' },
      ],
      pass: [
        { text: 'Reset your password at https://example.com/account/reset.' },
        { text: 'We shipped it with UPS; it is a bit late.' },
      ],
    },
  },
  check: ({ text }) =>
    findLinks(text)
      .filter((l) => SHORTENERS.has(l.host.replace(/^www\./, '')))
      .map((l) => ({ start: l.start, end: l.end, messageId: 'shortener', data: { host: l.host } })),
});

import { defineRule } from './define-rule';
import { findLinks } from './support/urls';

/** Brands phishers imitate most; a host that looks like one without being it is suspicious. */
const BRANDS = [
  'paypal',
  'apple',
  'google',
  'microsoft',
  'amazon',
  'facebook',
  'instagram',
  'netflix',
  'stripe',
  'shopify',
  'zendesk',
  'intercom',
  'dropbox',
  'linkedin',
  'outlook',
  'office365',
  'icloud',
  'chase',
  'wellsfargo',
  'bankofamerica',
];

/** Characters swapped in look-alike names, folded to what they imitate. */
function skeleton(label: string): string {
  return label
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[0]/g, 'o')
    .replace(/[1|!]/g, 'l')
    .replace(/3/g, 'e')
    .replace(/4/g, 'a')
    .replace(/5/g, 's')
    .replace(/7/g, 't')
    .replace(/-/g, '');
}

function registrableLabel(host: string): string {
  const labels = host.split('.');
  const n = labels.length;
  const twoLevelTld = n >= 3 && /^(?:co|com|org|net|gov|ac)$/.test(labels[n - 2] ?? '');
  return labels[twoLevelTld ? n - 3 : n - 2] ?? '';
}

function reason(host: string, hasUserInfo: boolean): 'punycode' | 'userinfo' | 'brand' | null {
  if (hasUserInfo) return 'userinfo';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
  if (/(?:^|\.)xn--/.test(host) || /[^\x00-\x7f]/.test(host)) return 'punycode';
  const main = registrableLabel(host);
  if (!main || BRANDS.includes(main)) return null;
  if (BRANDS.includes(skeleton(main))) return 'brand';
  // A digit-swapped brand inside a compound name: "amaz0n-support".
  if (main.split('-').some((token) => token !== skeleton(token) && BRANDS.includes(skeleton(token)))) return 'brand';
  const sub = host.split('.').slice(0, -2);
  if (sub.some((label) => BRANDS.includes(label) || BRANDS.includes(skeleton(label)))) return 'brand';
  return null;
}

export default defineRule({
  meta: {
    id: 'link-lookalike-host',
    category: 'link',
    severity: 'critical',
    description:
      'A link whose host imitates another: punycode or non-ASCII letters (xn--pypal-4ve.com), digit swaps (paypa1.com), a brand as a subdomain of another domain (paypal.com.account-check.io), or user info before the host (https://paypal.com@evil.example). Critical: these are phishing patterns.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      punycode: 'The link host uses look-alike (non-ASCII or punycode) letters: {{host}}.',
      userinfo: 'The link hides its real host ({{host}}) behind user info before “@”.',
      brand: 'The link host {{host}} imitates a well-known brand.',
    },
    examples: {
      flag: [
        { text: 'Verify your account at https://paypa1.com/verify today.' },
        { text: 'Sign in at https://xn--pypal-4ve.com/login.' },
        { text: 'Go to https://paypal.com@evil.example/login to fix it.' },
        { text: 'Here is the link: https://amaz0n-support.com/login' },
      ],
      pass: [
        { text: 'Pay at https://www.paypal.com/invoice/123.' },
        { text: 'See https://help.example.com/articles/42.' },
      ],
    },
  },
  check: ({ text }) => {
    const out = [];
    for (const link of findLinks(text)) {
      if (!link.host) continue;
      const why = reason(link.host, link.hasUserInfo);
      if (why) out.push({ start: link.start, end: link.end, messageId: why, data: { host: link.host } });
    }
    return out;
  },
});

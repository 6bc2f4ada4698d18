import { defineRule } from './define-rule';
import { findLinks } from './support/urls';

export default defineRule({
  meta: {
    id: 'link-script-url',
    category: 'link',
    severity: 'critical',
    description:
      'A javascript:, vbscript: or data: URL in the reply. Critical: these run code or carry a hidden document when clicked, and no legitimate support reply needs one.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      script: 'A {{scheme}}: URL can run code or hide content; remove it.',
    },
    examples: {
      flag: [
        { text: 'Click javascript:alert(document.cookie) to fix it.' },
        { text: 'Open data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== in your browser.' },
      ],
      pass: [
        { text: 'Mobile data: 5 GB remaining this month.' },
        { text: 'Our JavaScript SDK is documented at https://example.com/docs.' },
      ],
    },
  },
  check: ({ text }) =>
    findLinks(text)
      .filter((l) => l.host === '' && l.scheme !== 'https')
      .map((l) => ({ start: l.start, end: l.end, messageId: 'script', data: { scheme: l.scheme } })),
});

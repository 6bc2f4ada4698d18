import { findSecrets } from '../pii';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'secret-token',
    category: 'privacy',
    severity: 'critical',
    description:
      'An API key, access token, JWT or private key block in the reply (known provider prefixes such as sk_live_, ghp_, AKIA, xoxb-; JWTs; PEM headers; bearer tokens). Critical: a leaked credential gives access to an account until it is revoked.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      secret: 'This looks like a credential (API key, token or private key); never send it in a reply.',
    },
    examples: {
      flag: [
        { text: 'Use the key sk_live_4eC39HqLyjWDarjtT1zdp7dc to connect.' },
        {
          text: 'Your token is eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
        },
      ],
      pass: [
        { text: 'You can create an API key under Settings, then Developers.' },
        { text: 'Never share your token with anyone, including us.' },
      ],
    },
  },
  check: ({ text }) => findSecrets(text).map((s) => ({ ...s, messageId: 'secret' })),
});

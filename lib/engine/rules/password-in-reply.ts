import { findPasswords } from '../pii';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'password-in-reply',
    category: 'privacy',
    severity: 'critical',
    description:
      'A password or PIN written out in the reply ("your temporary password is Welcome2024!"). Critical: support messages are stored and forwarded; send a reset link instead of a password.',
    scope: 'segment',
    usesContext: false,
    messages: {
      password: 'A password is written out in the reply; send a reset link instead.',
    },
    examples: {
      flag: [
        { text: 'Your temporary password is Welcome2024! and expires tomorrow.' },
        { text: 'Log in with password: "sunshine" and change it.' },
        { text: 'Your account is ready, pw: Summer2023! (change it after signing in).' },
      ],
      pass: [
        { text: 'Your password is case-sensitive, so check the caps lock key.' },
        { text: 'We have sent you a link to reset your password.' },
      ],
    },
  },
  check: ({ text }) => findPasswords(text).map((s) => ({ ...s, messageId: 'password' })),
});

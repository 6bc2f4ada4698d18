import { execAll } from '../pii/exec-all';
import { defineRule, type RuleHit } from './define-rule';
import { type SelfDescription, selfDescribed, type Title } from './support/self-described';

/** A title before a name: "Mr Jones", "Mrs. Lopez". */
const TITLED = /\b(Mr|Mrs|Ms|Miss|Mister|Missus|Sir)\b\.?[ \t]+(?=\p{Lu})/gu;
/** Addressing the customer as sir, ma'am, madam or "dear lady"; not "Dear Sir or Madam". */
const VOCATIVE = /\b(sir|ma'?am|madam|dear lady|dear gentleman)\b(?![ \t]*(?:or|\/)[ \t]*(?:madam|sir)\b)/gi;
const SIR_OR_MADAM = /\b(?:sir|madam)[ \t]*(?:or|\/)[ \t]*$/i;

type Assumed = 'female' | 'male' | 'married' | 'unmarried';

const ASSUMES: Record<string, Assumed> = {
  mr: 'male',
  mister: 'male',
  sir: 'male',
  'dear gentleman': 'male',
  ms: 'female',
  "ma'am": 'female',
  maam: 'female',
  madam: 'female',
  'dear lady': 'female',
  mrs: 'married',
  missus: 'married',
  miss: 'unmarried',
};

/** Did the customer describe themselves this way? */
function grounded(word: string, self: SelfDescription): boolean {
  const assumed = ASSUMES[word];
  if (!assumed) return true;
  if (assumed === 'married') return self.titles.has('mrs');
  if (assumed === 'unmarried') return self.titles.has('miss');
  if (word === 'sir' && self.titles.has('sir' as Title)) return true;
  return self.genders.has(assumed);
}

export default defineRule({
  meta: {
    id: 'bias-assumed-gender',
    category: 'bias',
    severity: 'warning',
    description:
      'The reply addresses the customer with a gendered title or form of address (Mr, Mrs, Ms, Miss, sir, ma’am, madam) that the customer never used of themselves. Warning: guessing gender (or marital status, with Mrs and Miss) from a first name or a writing style is often wrong and always noticed. “Dear Ms Smith” to a customer who signed “Ms Smith” passes, and so does “Dear Sir or Madam”.',
    scope: 'segment',
    usesContext: true,
    messages: {
      title:
        '“{{text}}” assumes the customer’s gender; they did not sign or introduce themselves this way. Use their name.',
      marital: '“{{text}}” assumes the customer’s marital status; use “Ms” or their name.',
      address: '“{{text}}” assumes the customer’s gender; address them by name instead.',
    },
    examples: {
      flag: [
        {
          text: 'Dear Mrs Taylor, the fix is in version 4.2.',
          customerMessages: ['The app logs me out every hour. Robin Taylor'],
        },
        { text: 'Thank you for your patience, sir.', customerMessages: ['Where is my refund?'] },
        {
          text: 'Dear Mrs Smith, the invoice is attached.',
          customerMessages: ['Please resend the invoice. Regards, Ms Smith'],
        },
      ],
      pass: [
        {
          text: 'Dear Ms Smith, the invoice is attached.',
          customerMessages: ['Please resend the invoice. Kind regards, Ms Smith'],
        },
        {
          text: 'Hello Mr Ito, the missing item ships today.',
          customerMessages: ['Hi, this is Mr. Ito. An item is missing from my order.'],
        },
        { text: 'Dear Sir or Madam, thank you for your letter.', customerMessages: ['I wrote to you last week.'] },
      ],
    },
  },
  check: ({ text, customerMessages }) => {
    const self = selfDescribed(customerMessages);
    const out: RuleHit<'title' | 'marital' | 'address'>[] = [];
    TITLED.lastIndex = 0;
    for (const m of execAll(TITLED, text)) {
      const word = (m[1] as string).toLowerCase();
      if (grounded(word, self)) continue;
      const start = m.index ?? 0;
      const married = ASSUMES[word] === 'married' || ASSUMES[word] === 'unmarried';
      // "Mrs" to a customer who signed "Ms" guesses marital status; with no title given, it guesses gender too.
      const messageId = married && self.genders.has('female') ? 'marital' : 'title';
      out.push({ start, end: start + (m[1] as string).length, messageId });
    }
    VOCATIVE.lastIndex = 0;
    for (const m of execAll(VOCATIVE, text)) {
      const start = m.index ?? 0;
      // "Sir Anthony" is a title handled above.
      if (out.some((h) => h.start === start)) continue;
      if (SIR_OR_MADAM.test(text.slice(Math.max(0, start - 12), start))) continue;
      const word = (m[1] as string).toLowerCase().replace(/\s+/g, ' ');
      if (grounded(word, self)) continue;
      out.push({ start, end: start + (m[0] as string).length, messageId: 'address' });
    }
    return out;
  },
});

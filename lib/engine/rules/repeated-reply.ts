import { defineRule } from './define-rule';
import { segmentText } from './segment';
import { words } from './support/match';

/** Sentences shorter than this, and courtesy lines, repeat legitimately. */
const MIN_WORDS = 6;
const COURTESY =
  /^(?:thanks?|thank you|hi|hello|hey|dear|best|kind regards|regards|cheers|sorry|we apologi[sz]e|i apologi[sz]e)\b/i;
const THRESHOLD = 0.7;

type Shingles = Set<string>;

function shingles(text: string): Shingles | null {
  const w = words(text);
  if (w.length < MIN_WORDS || COURTESY.test(text)) return null;
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

function jaccard(a: Shingles, b: Shingles): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Earlier replies' sentences, computed once per agent array (the checker keeps it stable). */
const earlierCache = new WeakMap<readonly string[], Shingles[]>();

function earlierSentences(agent: readonly string[]): Shingles[] {
  let cached = earlierCache.get(agent);
  if (!cached) {
    cached = [];
    for (const reply of agent.slice(-20)) {
      for (const seg of segmentText(reply)) {
        const s = shingles(seg.text);
        if (s) cached.push(s);
      }
    }
    earlierCache.set(agent, cached);
  }
  return cached;
}

export default defineRule({
  meta: {
    id: 'repeated-reply',
    category: 'repetition',
    severity: 'warning',
    description:
      'A sentence of the reply repeats, word for word or nearly (word-pair overlap of 70% or more), a sentence from an earlier agent reply in the same ticket. Warning: repeating the same answer tells the customer nobody read their last message. Short greetings and sign-offs are ignored.',
    scope: 'segment',
    usesContext: true,
    languages: 'any',
    messages: {
      repeated: 'Nearly repeats an earlier reply in this ticket; say something new or acknowledge it did not help.',
    },
    examples: {
      flag: [
        {
          text: 'Please clear your browser cache and cookies, then log in again.',
          agent: ['Hi! Please clear your browser cache and cookies and then log in again.'],
        },
        {
          text: 'Your parcel is with the courier and should arrive within three working days.',
          agent: ['Your parcel is with the courier and should arrive within three working days.'],
        },
      ],
      pass: [
        {
          text: 'Since clearing the cache did not help, I have asked our engineers to look at your account.',
          agent: ['Please clear your browser cache and cookies, then log in again.'],
        },
        { text: 'Thanks for your patience, we are on it.', agent: ['Thanks for your patience, we are on it.'] },
      ],
    },
  },
  check: ({ text, agent }) => {
    if (agent.length === 0) return [];
    const mine = shingles(text);
    if (!mine) return [];
    for (const earlier of earlierSentences(agent)) {
      if (jaccard(mine, earlier) >= THRESHOLD) return [{ start: 0, end: text.length, messageId: 'repeated' }];
    }
    return [];
  },
});

import { threadMemo } from './thread-memo';

/**
 * What the customer said about themselves, read from their own messages, so the bias rules can
 * tell an assumption from an echo: "Dear Ms Smith" to a customer who signed "Ms Smith" repeats
 * what she told us; to a customer who signed "Sam Smith" it guesses. Not a rule.
 */

/** Honorifics, lower-cased without the dot. */
export type Title = 'mr' | 'mrs' | 'ms' | 'miss' | 'mx' | 'dr' | 'sir' | 'dame' | 'lady' | 'lord' | 'prof';

export interface SelfDescription {
  /** Titles the customer used of themselves: in a signature, or after "this is", "I'm", "my name is". */
  titles: ReadonlySet<Title>;
  /** Gender the customer stated, from a title or words such as "I'm a mother". */
  genders: ReadonlySet<'female' | 'male'>;
  /** Every customer message, lower-cased and joined, for "did the customer mention X" tests. */
  text: string;
}

const TITLE_NAME = /\b(Mrs|Ms|Miss|Mx|Mr|Dr|Sir|Dame|Lady|Lord|Prof)\b\.?[ \t]+(?=\p{Lu})/gu;
/** Just before a signature or a self-introduction. */
const SELF_BEFORE =
  /(?:\b(?:regards|thanks|thank you|best|cheers|sincerely|yours|faithfully|truly|from|this is|it'?s|it is|i'?m|i am|my name is|name'?s|signed)\b[ \t,:]*|[-—–][ \t]*|^[ \t]*)$/i;

const FEMALE_TITLES: readonly Title[] = ['mrs', 'ms', 'miss', 'dame', 'lady'];
const MALE_TITLES: readonly Title[] = ['mr', 'sir', 'lord'];

const FEMALE_WORDS =
  /\b(?:i'?m|i am|as)(?: a| an| the| your)?(?: (?:single|working|new|young|old|elderly|proud|retired|stay[- ]at[- ]home))? (?:woman|lady|girl|mother|mum|mom|mummy|mommy|grandmother|grandma|granny|nan|wife|widow|daughter|sister|aunt|businesswoman|housewife)\b/;
const MALE_WORDS =
  /\b(?:i'?m|i am|as)(?: a| an| the| your)?(?: (?:single|working|new|young|old|elderly|proud|retired|stay[- ]at[- ]home))? (?:man|guy|gentleman|boy|father|dad|daddy|grandfather|grandpa|grandad|husband|widower|son|brother|uncle|businessman)\b/;

function describe(messages: readonly string[]): SelfDescription {
  const titles = new Set<Title>();
  const genders = new Set<'female' | 'male'>();
  for (const message of messages) {
    const lastLine = message.lastIndexOf('\n');
    TITLE_NAME.lastIndex = 0;
    for (let m = TITLE_NAME.exec(message); m !== null; m = TITLE_NAME.exec(message)) {
      const at = m.index;
      const inLastLine = at > lastLine && message.length - at < 80;
      const lineStart = message.lastIndexOf('\n', at) + 1;
      const before = message.slice(Math.max(lineStart, at - 24), at);
      if (!inLastLine && !SELF_BEFORE.test(before)) continue;
      const title = (m[1] as string).toLowerCase() as Title;
      titles.add(title);
      if (FEMALE_TITLES.includes(title)) genders.add('female');
      if (MALE_TITLES.includes(title)) genders.add('male');
    }
  }
  const text = messages
    .join('\n')
    .toLowerCase()
    .replace(/\u2019/g, "'");
  if (FEMALE_WORDS.test(text)) genders.add('female');
  if (MALE_WORDS.test(text)) genders.add('male');
  return { titles, genders, text };
}

/** The customer's self-description, computed once per thread. */
export const selfDescribed: (messages: readonly string[]) => SelfDescription = threadMemo((messages) =>
  describe(messages),
);

import { execAll } from '../pii/exec-all';

/**
 * The customer's name as the thread shows it (a signature, "my name is", the agent's earlier
 * "Hi Jane,"), and the name a reply greets. Names are compared as lower-cased words, so
 * "Dear Ms Smith" matches "Jane Smith" and "Hi Jane" matches "Jane Smith".
 */

const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?`;
const WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const NAME = String.raw`(?:${TITLE}\s+)?${WORD}(?:\s+(?:\p{Lu}\.\s+)?${WORD}){0,2}`;

/** Capitalised words that start greetings or signatures but are not names. */
const NOT_NAMES = new Set(
  [
    'there',
    'all',
    'everyone',
    'everybody',
    'team',
    'folks',
    'friend',
    'friends',
    'again',
    'customer',
    'client',
    'support',
    'sir',
    'madam',
    'guys',
    'you',
    'valued',
    'thanks',
    'thank',
    'regards',
    'best',
    'cheers',
    'sincerely',
    'hello',
    'hi',
    'hey',
    'dear',
    'kind',
    'warm',
    'yours',
    'sent',
    'order',
    'ticket',
    'please',
    'sorry',
    'ok',
    'okay',
    'yes',
    'no',
    'good',
    'great',
    'morning',
    'afternoon',
    'evening',
    'ps',
    'the',
    'and',
    'mr',
    'mrs',
    'ms',
    'miss',
    'mx',
    'dr',
    'prof',
    'dame',
  ].map((w) => w.toLowerCase()),
);

/** Case-insensitive words inside a case-sensitive pattern: with the `i` flag, `\p{Lu}` would match any letter. */
const ci = (words: string): string => words.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

const SIGN_OFF =
  /^(?:(?:kind|best|warm|many)\s+)?(?:regards|thanks|thank you|best|cheers|sincerely|yours(?: truly| sincerely| faithfully)?|br|thx|ta)\b[,.!]*\s*/i;
const SIGNATURE_LINE = new RegExp(String.raw`^[-—–~\s]*(${NAME})[\s.!]*$`, 'u');
const INLINE_SIGNATURE = new RegExp(
  String.raw`(?:${ci('(?:regards|thanks|thank you|cheers|best|sincerely)')}[,.!]?\s+|[-—–]\s*)(${NAME})[\s.!]*$`,
  'u',
);
/** A name alone after the last sentence of a one-line message: "It was due Monday. Jordan". */
const TRAILING_NAME = new RegExp(String.raw`[.!?][ \t]+(${NAME})[ \t]*$`, 'u');
const SELF_INTRO = new RegExp(
  String.raw`\b${ci("(?:my name is|my name's|this is|it's|it is|i am|i'm)")}\s+(${NAME})|(${NAME}) here\b`,
  'gu',
);
const GREETING = new RegExp(
  String.raw`^${ci('(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|thanks|thank you|many thanks)')}[,!]?\s+(${NAME})(?=\s*(?:[,!.:;\n—–-]|$))`,
  'u',
);

/** Lower-cased name words, without titles and non-names. */
export function nameWords(name: string): string[] {
  return name
    .replace(new RegExp(`^${TITLE}\\s+`), '')
    .split(/[\s.]+/)
    .map((w) => w.toLowerCase().replace(/[’']s$/, ''))
    .filter((w) => w.length > 1 && !NOT_NAMES.has(w));
}

function add(out: Set<string>, name: string | undefined): void {
  if (!name) return;
  const words = nameWords(name);
  // A "name" that is mostly non-names ("Order Status") is not one.
  if (words.length === 0 || words.length < name.split(/\s+/).length - 1) return;
  for (const w of words) out.add(w);
}

/** Name words from the customer's own messages: signatures and self-introductions. */
export function customerNameWords(messages: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const message of messages) {
    const lines = message
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // A role in brackets after a signature ("Ms. Alvarez (head of purchasing)") is not part of the name.
    const last = (lines[lines.length - 1] ?? '').replace(/\s*\([^()]*\)\s*$/, '');
    const before = lines[lines.length - 2] ?? '';
    if (lines.length > 1 && SIGN_OFF.test(before) && before.replace(SIGN_OFF, '') === '') {
      add(out, SIGNATURE_LINE.exec(last)?.[1]);
    } else if (lines.length > 1 && last.split(/\s+/).length <= 3) {
      add(out, SIGNATURE_LINE.exec(last)?.[1]);
    }
    add(out, INLINE_SIGNATURE.exec(last)?.[1]);
    add(out, TRAILING_NAME.exec(last)?.[1]);
    SELF_INTRO.lastIndex = 0;
    for (const m of execAll(SELF_INTRO, message)) add(out, m[1] ?? m[2]);
  }
  return out;
}

/** Name words the agent greeted the customer with in earlier replies. */
export function greetedNameWords(replies: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const reply of replies) add(out, greeting(reply.trimStart())?.name);
  return out;
}

/** The name a text opens with ("Hi Jane," → Jane), with its span. */
export function greeting(text: string): { start: number; end: number; name: string } | null {
  const m = GREETING.exec(text);
  if (!m) return null;
  const name = m[1] as string;
  if (nameWords(name).length === 0) return null;
  const start = (m.index ?? 0) + m[0].length - name.length;
  return { start, end: start + name.length, name };
}

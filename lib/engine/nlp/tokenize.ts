/**
 * A fast, allocation-light tokenizer for the hot path (every customer message, every
 * keystroke). compromise's tokenizer is richer but about 10x slower than our budget allows
 * per message, so it only runs where its sentence and contraction handling matters (see
 * `sentences.ts`). Offsets are UTF-16 code-unit offsets into the text, so spans can be
 * handed to the overlay and the CLI unchanged.
 */

/** What a token is; decides how the lexicon and the cue detectors read it. */
export type TokenKind = 'word' | 'number' | 'punct' | 'emoji' | 'emoticon' | 'hashtag' | 'mention' | 'url';

/** One token with its span. `norm` is the lookup form (lower case, straight apostrophe, elongation squashed). */
export interface Token {
  text: string;
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** All letters upper case and at least two of them ("GREAT"), a shouting cue. */
  caps: boolean;
  /** Letters repeated three or more times ("sooo"), an intensity cue. */
  elongated: boolean;
}

// One alternation, tried left to right at each position; order matters (URLs before words).
const TOKEN_RE = new RegExp(
  [
    String.raw`(https?:\/\/[^\s<>"]+|www\.[^\s<>"]+)`, // 1 url
    String.raw`(@[\p{L}\p{N}_]+)`, // 2 mention
    String.raw`(#[\p{L}\p{N}_]+)`, // 3 hashtag
    String.raw`((?:[:;=][-'^o]?[)(\]\[dDpP\/\\|*3]|<3|[)(][-']?[:;=]))(?![\p{L}\p{N}])`, // 4 emoticon
    String.raw`(\p{N}+(?:[.,:]\p{N}+)*(?:st|nd|rd|th|%|k|m|h|s)?)(?![\p{L}])`, // 5 number
    String.raw`([\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*)`, // 6 word
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic})*)`, // 7 emoji
    String.raw`([!?.]+|[^\s\p{L}\p{N}])`, // 8 punctuation runs and single symbols
  ].join('|'),
  'gu',
);

const KINDS: readonly TokenKind[] = ['url', 'mention', 'hashtag', 'emoticon', 'number', 'word', 'emoji', 'punct'];

const ELONGATION_RE = /(\p{L})\1{2,}/gu;
const HAS_ELONGATION_RE = /(\p{L})\1{2,}/u;

/** Lower-cases, straightens apostrophes and squashes "sooo" to "soo". */
export function normalizeWord(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(ELONGATION_RE, '$1$1');
}

function isCaps(text: string): boolean {
  if (text.length < 2) return false;
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/** Splits text into tokens; never throws, whatever the input (lone surrogates, RTL, zero-width marks). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let group = 1;
    while (group <= 8 && m[group] === undefined) group++;
    const kind = KINDS[group - 1] ?? 'punct';
    const raw = m[0];
    const word = kind === 'word';
    const norm = word || kind === 'hashtag' ? normalizeWord(raw) : raw.toLowerCase();
    tokens.push({
      text: raw,
      norm,
      start: m.index,
      end: m.index + raw.length,
      kind,
      caps: word && isCaps(raw),
      elongated: word && HAS_ELONGATION_RE.test(raw),
    });
  }
  return tokens;
}

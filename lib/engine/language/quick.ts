/**
 * A small language guesser for the content script, where every kilobyte counts (DESIGN.md: 150 KB
 * gzip for the whole script, and the maintained detectors cost 33–450 KB: README, "Languages").
 * It reads the writing system first (Arabic, Devanagari, Cyrillic, Han, …), then, for Latin text,
 * counts the function words of the languages ReplyGuard reads ("the", "und", "pero", "nahi"…).
 * A reply is a few sentences of careful prose, which is where function words are plentiful; it
 * says `confident: false` when the evidence is thin, and the background's detector (detect.ts,
 * the maintained library) decides those.
 */

/** A language guess: an ISO 639-1 code, or `und` when nothing can be said. */
export interface LanguageGuess {
  language: string;
  /** False when the text is too short or too mixed to be sure. */
  confident: boolean;
  /** How many function words backed a Latin-script guess (shared words count in part). */
  evidence?: number;
}

/** Function words that are frequent in one language and rare in the others listed. */
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en: "the and you your is are to of for with this that was have has not please we our will would can be it i my me thank thanks sorry just what when there they a an do how in on at it's i'm i've don't can't been but if or so get got had did still yes all any why where who could should which from about",
  de: 'und der die das ist nicht ich sie wir ein eine mit für auf den dem ihr ihre bitte danke wie bei noch auch sind haben wird kann mich mir uns schon aber',
  es: 'el la los las que y es no por para con una un su sus pero muy gracias como está hola nos lo le del al mi porque también todo esto',
  fr: 'le la les et est que pas pour vous nous une des du avec ce sur mais je suis merci votre vos bonjour très dans au aux mon cette ne il elle',
  it: 'il la che e non per con una sono di del della gli ma mi ti ci grazie questo molto anche come ho hai ha è perché tutto',
  pt: 'o a os que e não é para com uma um do da dos das em no na você obrigado obrigada mas muito se seu sua está isso meu minha',
  nl: 'de het een en is niet ik je wij we van voor met dat dit zijn bij ook maar u uw graag bedankt hebben kan',
  hi: 'hai hain nahi nahin kya mein bhi aur tha thi ho raha rahe rahi mujhe tum aap kyu kyun abhi bahut kuch yeh woh kaise kab sab hoga gaya diya kar karo karna hota hoti wala wali bhai yaar ji mat ko ki ke ka se',
};

const WORDS: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    for (const w of list.split(' ')) map.set(w, [...(map.get(w) ?? []), lang]);
  }
  return map;
})();

/** Writing systems that name one language on their own (or hand the choice to the library). */
const SCRIPTS: readonly [RegExp, string, boolean][] = [
  [/[\u0900-\u097F]/gu, 'hi', true],
  // Arabic script is also Persian and Urdu: confident only without their extra letters.
  [/[\u0600-\u06FF\u0750-\u077F]/gu, 'ar', true],
  [/[\u0590-\u05FF]/gu, 'he', true],
  [/[\u0370-\u03FF]/gu, 'el', true],
  [/[\u0E00-\u0E7F]/gu, 'th', true],
  [/[\uAC00-\uD7AF]/gu, 'ko', true],
  [/[\u3040-\u30FF]/gu, 'ja', true],
  [/[\u4E00-\u9FFF]/gu, 'zh', false],
  [/[\u0400-\u04FF]/gu, 'ru', false],
];
const NON_LATIN = /[\u0370-\u1FFF\u3040-\uD7AF]/u;
const PERSIAN_URDU = /[پچژگکیٹڈڑںھے]/u;
const LETTERS = /\p{L}+/gu;
const LATIN_WORD = /\p{L}+(?:'\p{L}+)?/gu;
const NOISE = /https?:\/\/\S+|www\.\S+|[^\s@]+@[^\s@]+|[@#][\p{L}\p{N}_]+/gu;
/**
 * Only the start of a text is read: two thousand characters settle a language, and a 1 MB paste
 * must cost no more than a letter.
 */
const MAX_CHARS = 2000;

/** Fewest function words before a Latin-script guess can be confident. */
const MIN_EVIDENCE = 2;

/**
 * The last text's answer: a reply is checked at every keystroke (twice: the language-mismatch rule
 * and the reply check), and past its first two thousand characters its start no longer changes.
 */
let last: { head: string; guess: Readonly<LanguageGuess> } | null = null;

/** Guesses the language of `text`; linear in its length, and free for the same start again. */
export function quickLanguage(text: string): Readonly<LanguageGuess> {
  const head = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  if (last?.head === head) return last.guess;
  const guess = Object.freeze(guessLanguage(head));
  last = { head, guess };
  return guess;
}

function guessLanguage(head: string): LanguageGuess {
  const clean = head.replace(NOISE, ' ');
  let letters = 0;
  for (const run of clean.match(LETTERS) ?? []) letters += run.length;
  if (letters === 0) return { language: 'und', confident: false };
  let best: [string, number, boolean] = ['und', 0, false];
  // Most text is Latin script: one test skips the per-script counts.
  if (NON_LATIN.test(clean)) {
    for (const [re, lang, sure] of SCRIPTS) {
      const n = clean.match(re)?.length ?? 0;
      if (n > best[1]) best = [lang, n, sure];
    }
  }
  if (best[1] > letters / 2) {
    const confident = best[2] && !(best[0] === 'ar' && PERSIAN_URDU.test(clean));
    return { language: best[0], confident };
  }
  const counts = new Map<string, number>();
  for (const w of clean.toLowerCase().replace(/’/g, "'").match(LATIN_WORD) ?? []) {
    const langs = WORDS.get(w);
    if (!langs) continue;
    // A word shared by several languages is weaker evidence for each.
    for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1 / langs.length);
  }
  let top = 'und';
  let first = 0;
  let second = 0;
  for (const [lang, n] of counts) {
    if (n > first) {
      second = first;
      first = n;
      top = lang;
    } else if (n > second) second = n;
  }
  if (first === 0) return { language: 'und', confident: false };
  const confident = first >= MIN_EVIDENCE && first >= 2 * second;
  return confident ? { language: top, confident } : { language: top, confident, evidence: first };
}

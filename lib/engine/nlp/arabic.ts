/**
 * Light Arabic normalisation for the hashed features (signals/features.ts, option `arabic`).
 * Arabic writes the same word many ways: with or without short-vowel marks (tashkeel), stretched
 * with tatweel ("جمـــيل"), with any of the alef forms (أ إ آ ا), final ى or ي, final ة or ه, and
 * with clitics glued to the front ("والخدمة" is "and the service"). A model fitted on under two
 * thousand tweets sees each spelling too rarely to learn it; folding the spellings together and
 * adding the word without its prefixes lets the forms share one weight.
 *
 * The prefixes are those of the light stemmers used in Arabic retrieval (Larkey et al.'s
 * "light10"): و, then the article with or without a preposition (ال وال بال كال فال لل).
 */

// Tashkeel (fathatan … sukun, and the marks after it up to U+065F), superscript alef, tatweel.
const MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const HAS_ARABIC = /[\u0600-\u06FF]/;

const FOLD: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ → ا
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u06CC': '\u064A', // Persian ی → ي
  '\u06A9': '\u0643', // Persian ک → ك
};
const FOLDED = /[\u0622\u0623\u0625\u0671\u0649\u0629\u06CC\u06A9]/g;

/** Articles with their prepositions, longest first (after folding, so ال is written with a bare alef). */
const ARTICLES = [
  '\u0648\u0627\u0644',
  '\u0628\u0627\u0644',
  '\u0643\u0627\u0644',
  '\u0641\u0627\u0644',
  '\u0627\u0644',
  '\u0644\u0644',
];
const WAW = '\u0648';

/** Whether the word has an Arabic letter (only those are normalised). */
export function isArabicWord(word: string): boolean {
  return HAS_ARABIC.test(word);
}

/** `word` without tashkeel and tatweel, with its alef, ya and ta-marbuta forms folded together. */
export function normaliseArabic(word: string): string {
  return word.replace(MARKS, '').replace(FOLDED, (c) => FOLD[c] ?? c);
}

/**
 * A normalised word without its clitic prefixes (a leading و, then an article), or the word itself
 * when nothing came off or too little would be left (at least two letters must stay, three after
 * the و alone: "ولد" is a word, not و + لد).
 */
export function stripArabicPrefixes(word: string): string {
  let w = word;
  if (w.startsWith(WAW) && w.length >= 4) w = w.slice(1);
  for (const article of ARTICLES) {
    if (w.startsWith(article) && w.length - article.length >= 2) {
      w = w.slice(article.length);
      break;
    }
  }
  return w;
}

import { Features, finalMix } from '../signals/features';
import { type LinearModel, linearProbabilities } from '../signals/linear-model';

/**
 * A small fitted language identifier for Latin-script text, for what the function words and
 * franc-min leave open: short informal messages ("Nayi h yr", "falto me acabar kkkkkk", "Passt
 * schon..."), which are most of what a customer types and where a trigram profile of whole
 * languages has too little to go on. A softmax model over hashed character n-grams and words,
 * fitted on tweets in the languages ReplyGuard has sentiment models for (tests/bench/fit-signals.ts,
 * `LANGUAGE_ID`), shipped as one table of the model blob (`language`, linear-model.ts). It knows
 * only those languages, so detect.ts asks it only when the others are unsure and takes its answer
 * only when it is sure.
 */

/** Name of the identifier in the model blob. */
export const LANGUAGE_MODEL = 'language';

/**
 * The languages the identifier is fitted on (its classes in the blob): the Latin-script ones with
 * a sentiment model of their own, and English.
 */
export const FITTED_LANGUAGES: ReadonlySet<string> = new Set(['en', 'de', 'es', 'fr', 'hi', 'it', 'pt']);

/** Only the start of a text is read: a few hundred characters settle a language. */
const MAX_CHARS = 400;
const NOISE = /https?:\/\/\S+|www\.\S+|[^\s@]+@[^\s@]+|[@#][\p{L}\p{N}_]+|\bhttp\b|\brt\b/gu;
const WORD = /\p{L}+/gu;
// Salts keep a word and the character gram with the same letters apart.
const WORD_SALT = 0x7f4a7c15;
const GRAM_SALT = 0x165667b1;

/**
 * The identifier's features of `text` into `out` (cleared first): each word, and each character
 * n-gram of "^word$" from one letter up to `grams` letters. Lower case; mentions, links, e-mail
 * addresses and hashtags are left out, as the other detectors leave them out: a hashtag names a
 * topic (a show, a party), and an identifier that learned topics would not carry over to customers.
 */
export function languageFeatures(text: string, grams: number, out: Features = new Features()): Features {
  out.length = 0;
  const head = (text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text).toLowerCase().replace(NOISE, ' ');
  for (const match of head.matchAll(WORD)) {
    const word = match[0];
    let h = WORD_SALT;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    out.push(finalMix(h));
    const length = word.length + 2;
    for (let start = 0; start < length; start++) {
      let g = GRAM_SALT;
      for (let n = 0; n < grams && start + n < length; n++) {
        const at = start + n;
        const code = at === 0 ? 0x5e : at === length - 1 ? 0x24 : word.charCodeAt(at - 1);
        g = Math.imul(g ^ code, 0x01000193);
        // "^" or "$" alone says nothing.
        if (n > 0 || (at > 0 && at < length - 1)) out.push(finalMix(g + n));
      }
    }
  }
  return out;
}

/** The identifier's answer: its most probable language and that probability. */
export interface FittedGuess {
  language: string;
  p: number;
}

const scratch = new Features(1024);

/** The most probable language of `text` by `model`; null when the text has no letters. */
export function fittedLanguage(model: LinearModel, text: string): FittedGuess | null {
  const features = languageFeatures(text, model.features.charGrams ?? 3, scratch);
  if (features.length === 0) return null;
  const p = linearProbabilities(model, features);
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  return { language: model.classes[best] as string, p: p[best] as number };
}

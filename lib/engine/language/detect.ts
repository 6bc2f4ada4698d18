import { franc } from 'franc-min';
import { type LanguageGuess, quickLanguage } from './quick';

/**
 * The language of a customer message, in the background: `quickLanguage` when its writing
 * system or function words settle it (most messages, at a few microseconds each), else
 * franc-min, a maintained trigram detector for 82 languages (README, "Languages": chosen over
 * tinyld, eld, lande, languagedetect and cld3-asm for its accuracy per kilobyte and its load time).
 * franc-min knows no romanised Hindi; the quick guesser's function words cover it.
 */

/** franc's ISO 639-3 codes → ISO 639-1, for the languages whose codes differ in more than length. */
const ISO3_TO_1: Readonly<Record<string, string>> = {
  eng: 'en',
  deu: 'de',
  spa: 'es',
  fra: 'fr',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  arb: 'ar',
  hin: 'hi',
  rus: 'ru',
  ukr: 'uk',
  pol: 'pl',
  tur: 'tr',
  swe: 'sv',
  dan: 'da',
  nob: 'no',
  fin: 'fi',
  ces: 'cs',
  slk: 'sk',
  ron: 'ro',
  hun: 'hu',
  ell: 'el',
  heb: 'he',
  jpn: 'ja',
  kor: 'ko',
  cmn: 'zh',
  ind: 'id',
  zlm: 'ms',
  vie: 'vi',
  tha: 'th',
  pes: 'fa',
  urd: 'ur',
  ben: 'bn',
  tam: 'ta',
  hrv: 'hr',
  srp: 'sr',
  bul: 'bg',
  cat: 'ca',
  tgl: 'tl',
};

/**
 * franc's answer on fewer letters is a guess (a short English message came out as Scots or
 * Tagalog often enough to draw false "wrong language" warnings), so it is taken only from this
 * many letters up, and only when the function words do not point elsewhere.
 */
const CONFIDENT_LETTERS = 40;

/** The language of one message; `und` when it cannot be told. */
export function detectLanguage(text: string): LanguageGuess {
  const quick = quickLanguage(text);
  if (quick.confident) return quick;
  const clean = text.replace(/https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu, ' ');
  let letters = 0;
  for (const run of clean.match(/\p{L}+/gu) ?? []) letters += run.length;
  // franc's answer on fewer letters would not be taken (below), so it is not asked: a fifth of a
  // batch's time went there.
  if (letters < CONFIDENT_LETTERS) return quick;
  const code = franc(clean, { minLength: CONFIDENT_LETTERS });
  const language = ISO3_TO_1[code];
  // franc reads short informal text as one of its rarer languages (Hausa, Sundanese…) more often
  // than such a customer writes in; the function words' weaker guess is the better bet then.
  if (language === undefined && quick.language !== 'und') return quick;
  if (code === 'und') return quick;
  // Trigrams and function words disagreeing is a sign of a text too short or mixed to call.
  const agrees = quick.language === (language ?? code) || (quick.evidence ?? 0) < 1.5;
  return agrees ? { language: language ?? code, confident: true } : quick;
}

import { franc } from 'franc-min';
import type { LinearModel } from '../signals/linear-model';
import { shippedModel } from '../signals/models';
import { FITTED_LANGUAGES, type FittedGuess, fittedLanguage, LANGUAGE_MODEL } from './fitted';
import { type LanguageGuess, quickLanguage } from './quick';

/**
 * The language of a customer message, in the background: `quickLanguage` when its writing
 * system or function words settle it (most messages, at a few microseconds each), else
 * franc-min, a maintained trigram detector for 82 languages (README, "Languages": chosen over
 * tinyld, eld, lande, languagedetect and cld3-asm for its accuracy per kilobyte and its load time),
 * and the fitted identifier (fitted.ts) for the short informal messages franc-min is not asked
 * about or reads as the wrong one of ReplyGuard's languages. Neither library knows romanised
 * Hindi; the function words and the identifier cover it.
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

/**
 * How the fitted identifier (fitted.ts) joins the others, chosen by cross-validation on train-ok
 * tweets and requests (`npx tsx tests/bench/fit-signals.ts --select=language-id`; its table is in
 * the comment of `LANGUAGE_ID` there).
 */
export interface FittedSettings {
  /** Its answer is taken, as confident, from this probability up. */
  sure: number;
  /**
   * When franc-min (82 languages) decides a long text: `first`, before the identifier (7
   * languages) is asked; `unknown`, first only when it names a language the identifier does not
   * know (Dutch, Polish…); `last`, only when the identifier is unsure.
   */
  franc: 'first' | 'unknown' | 'last';
  /**
   * When nothing is sure and the function words have no guess at all, the identifier's top
   * language is the guess from this probability up (not reported as confident, but it picks the
   * sentiment model, and only English is read for sarcasm); 1: never.
   */
  weak: number;
}

/** The shipped settings (see `FittedSettings`). */
export const FITTED: FittedSettings = { sure: 0.8, franc: 'unknown', weak: 1 };

const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;
const LATIN = /\p{Script=Latin}/gu;

/** What the detector reads of a message before it decides (`detectLanguage`). */
export interface LanguageEvidence {
  /** The writing system's or function words' guess. */
  quick: LanguageGuess;
  /** The text without links, mentions and hashtags. */
  clean: string;
  /** Letters in `clean`. */
  letters: number;
  /** Whether most of them are Latin script (the only script the fitted identifier reads). */
  latin: boolean;
}

/** The evidence of `text`; the quick guess alone settles most messages. */
export function languageEvidence(text: string): LanguageEvidence {
  const quick = quickLanguage(text);
  const clean = quick.confident ? text : text.replace(NOISE, ' ');
  let letters = 0;
  let latin = 0;
  if (!quick.confident) {
    for (const run of clean.match(/\p{L}+/gu) ?? []) letters += run.length;
    latin = clean.match(LATIN)?.length ?? 0;
  }
  return { quick, clean, letters, latin: latin * 2 > letters };
}

/**
 * The language of one message; `und` when it cannot be told. `model` is the fitted identifier
 * (the shipped one unless given; null: none), `settings` how far it is trusted.
 */
export function detectLanguage(
  text: string,
  model: LinearModel | null = shippedModel(LANGUAGE_MODEL),
  settings: FittedSettings = FITTED,
): LanguageGuess {
  const evidence = languageEvidence(text);
  if (evidence.quick.confident || evidence.letters === 0) return evidence.quick;
  return decideLanguage(
    evidence.quick,
    () => libraryLanguage(evidence),
    () => (model && evidence.latin ? fittedLanguage(model, text) : null),
    settings,
  );
}

/**
 * The decision on a message the quick guess did not settle, from franc-min's answer (`library`)
 * and the fitted identifier's (`fitted`), each asked only when needed.
 */
export function decideLanguage(
  quick: LanguageGuess,
  library: () => LanguageGuess | null,
  fitted: () => FittedGuess | null,
  settings: FittedSettings,
): LanguageGuess {
  let l: LanguageGuess | null | undefined;
  if (settings.franc !== 'last') {
    l = library();
    if (l && (settings.franc === 'first' || !FITTED_LANGUAGES.has(l.language))) return l;
  }
  const f = fitted();
  if (f && f.p >= settings.sure) return { language: f.language, confident: true };
  if (l === undefined) l = library();
  if (l) return l;
  return f && f.p >= settings.weak && quick.language === 'und' ? { language: f.language, confident: false } : quick;
}

/**
 * franc-min's answer on a text of at least `CONFIDENT_LETTERS` letters, checked against the
 * function words' weaker guess; null when there is none worth taking.
 */
export function libraryLanguage({ quick, clean, letters }: LanguageEvidence): LanguageGuess | null {
  // franc's answer on fewer letters would not be taken, so it is not asked: a fifth of a batch's
  // time went there.
  if (letters < CONFIDENT_LETTERS) return null;
  const code = franc(clean, { minLength: CONFIDENT_LETTERS });
  const language = ISO3_TO_1[code];
  // franc reads short informal text as one of its rarer languages (Hausa, Sundanese…) more often
  // than such a customer writes in; the function words' weaker guess is the better bet then.
  if (language === undefined && quick.language !== 'und') return null;
  if (code === 'und') return null;
  // Trigrams and function words disagreeing is a sign of a text too short or mixed to call.
  const agrees = quick.language === (language ?? code) || (quick.evidence ?? 0) < 1.5;
  return agrees ? { language: language ?? code, confident: true } : null;
}

/**
 * The fitted language identifier (lib/engine/language/fitted.ts): its training pool, its fit, and
 * the cross-validation that chooses its settings and how detect.ts trusts it. Train-ok data only:
 * XLM-T train for de, es, fr, hi, it, pt, and English from SemEval and Sentiment140 train tweets,
 * SST-2 train phrases and support requests (Bitext, Stanford politeness: what customers write). XLM-T test is never read here.
 */
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../../../lib/demo/random';
import {
  decideLanguage,
  FITTED,
  type FittedSettings,
  type LanguageEvidence,
  languageEvidence,
  libraryLanguage,
} from '../../../lib/engine/language/detect';
import {
  FITTED_LANGUAGES,
  type FittedGuess,
  fittedLanguage,
  languageFeatures,
} from '../../../lib/engine/language/fitted';
import { type LanguageGuess, quickLanguage } from '../../../lib/engine/language/quick';
import { Features } from '../../../lib/engine/signals/features';
import { type LinearModel, readBlob, writeBlob } from '../../../lib/engine/signals/linear-model';
import { bitext, politeness, semevalTrain, sentiment140Train, sst2Train, xlmtTrain } from '../datasets';
import { balance, type Example, type FitSettings, fitLinear, foldsOf, shuffle, toShipped } from './linear';

/** The identifier's classes: the Latin-script languages with a sentiment model, English first. */
export const LANGUAGE_ID_CLASSES = [...FITTED_LANGUAGES];

/** Settings of the identifier's fit. */
export interface LanguageIdSettings {
  /** Character n-grams from 1 letter up to this many. */
  grams: number;
  /** The table has 2^bits rows. */
  bits: number;
  /** Rows seen in fewer training texts stay zero (smaller to ship). */
  minDf: number;
  /** Weights are integers in [-levels, levels]. */
  levels: number;
  /**
   * Added to English's logit: most customers of an English helpdesk write English, and a short
   * English request ("refund status") has little to tell it from a German or Hinglish one.
   */
  englishBias: number;
  fit: FitSettings;
}

/**
 * English texts of each kind in the pool (samples, so English does not drown the others). Short
 * English ("Best service ever", "refund status") is what the identifier is most tempted to call
 * something else, so Sentiment140's short tweets and SST-2's phrases are in it too.
 */
const ENGLISH_TWEETS = 6000;
const ENGLISH_REQUESTS = 4000;
const ENGLISH_SHORT = 3000;

/** One text of the pool with its language (index into `LANGUAGE_ID_CLASSES`). */
export interface LanguageText {
  text: string;
  y: number;
  source: 'xlmt' | 'tweets' | 'requests' | 'phrases';
}

/**
 * The pool. XLM-T's Hindi set (SAIL-2015) holds English tweets too ("heavy rain over parts of ne
 * ..."), labelled Hindi: the ones the function words call English with confidence are left out,
 * so the identifier does not learn that plain English is Hindi.
 */
export function languageIdPool(dir: string): LanguageText[] {
  const pool: LanguageText[] = [];
  for (const r of xlmtTrain(dir)) {
    const y = LANGUAGE_ID_CLASSES.indexOf(r.lang);
    if (y < 0) continue;
    if (r.lang === 'hi') {
      const q = quickLanguage(r.text);
      if (q.confident && q.language === 'en') continue;
    }
    pool.push({ text: r.text, y, source: 'xlmt' });
  }
  const random = seededRandom(17);
  for (const r of shuffle(semevalTrain(dir), random).slice(0, ENGLISH_TWEETS))
    pool.push({ text: r.text, y: 0, source: 'tweets' });
  const requests = [...bitext(dir).map((r) => r.text), ...politeness(dir).map((r) => r.text)];
  for (const text of shuffle(requests, random).slice(0, ENGLISH_REQUESTS))
    pool.push({ text, y: 0, source: 'requests' });
  for (const r of shuffle(sentiment140Train(dir), random).slice(0, ENGLISH_SHORT))
    pool.push({ text: r.text, y: 0, source: 'tweets' });
  for (const r of shuffle(sst2Train(dir), random).slice(0, ENGLISH_SHORT))
    pool.push({ text: r.text, y: 0, source: 'phrases' });
  return pool;
}

function examplesOf(pool: readonly LanguageText[], grams: number): Example[] {
  const scratch = new Features(1024);
  const out = pool.map((t) => {
    const f = languageFeatures(t.text, grams, scratch).trimmed();
    return { ...f, y: t.y, weight: 1, polar: false };
  });
  balance(out, LANGUAGE_ID_CLASSES.length);
  return out;
}

/** The shipped form (header and table) of an identifier fitted on `pool`. */
export function fitLanguageId(
  pool: readonly LanguageText[],
  s: LanguageIdSettings,
  examples = examplesOf(pool, s.grams),
): ReturnType<typeof toShipped> {
  const model = fitLinear(examples, s.bits, s.minDf, LANGUAGE_ID_CLASSES.length, s.fit);
  return toShipped(
    model,
    LANGUAGE_ID_CLASSES,
    'XLM-T train (de, es, fr, hi, it, pt); SemEval and Sentiment140 train tweets, SST-2 train phrases, Bitext / Stanford politeness requests (en).',
    {
      levels: s.levels,
      reference: 'en',
      features: { charGrams: s.grams },
      bias: LANGUAGE_ID_CLASSES.map((l) => (l === 'en' ? s.englishBias : 0)),
    },
  );
}

/** The shipped model as the engine reads it. */
function asEngineModel(shipped: ReturnType<typeof toShipped>): LinearModel {
  return readBlob(writeBlob({ language: shipped })).get('language') as LinearModel;
}

/** A text's evidence and franc-min's answer, computed once for every setting compared. */
interface Prepared {
  text: string;
  y: number;
  source: LanguageText['source'];
  evidence: LanguageEvidence;
  library: LanguageGuess | null | undefined;
}

function prepare(pool: readonly LanguageText[]): Prepared[] {
  return pool.map((t) => ({ ...t, evidence: languageEvidence(t.text), library: undefined }));
}

/** The detector's answer on a prepared text, with the identifier's answer `fitted` (null: no identifier). */
function detect(t: Prepared, fitted: FittedGuess | null, settings: FittedSettings, withModel: boolean): LanguageGuess {
  const e = t.evidence;
  if (e.quick.confident || e.letters === 0) return e.quick;
  return decideLanguage(
    e.quick,
    () => {
      if (t.library === undefined) t.library = libraryLanguage(e);
      return t.library;
    },
    () => (withModel && e.latin ? fitted : null),
    settings,
  );
}

/** Per-class figures of one way of detecting, over held-out texts. */
export interface DetectionScore {
  /** Per language (XLM-T texts; English: tweets and requests): share whose guess is right (picks the right sentiment model). */
  routed: number[];
  /** Per language: share reported confidently and right. */
  named: number[];
  /** English texts reported confidently as another language (a wrong-language warning waiting to happen). */
  englishMisnamed: number;
  /** Support requests (English) read with another language's model (confident or not). */
  requestsMisrouted: number;
}

function scoreDetections(prepared: readonly Prepared[], guesses: readonly LanguageGuess[]): DetectionScore {
  const k = LANGUAGE_ID_CLASSES.length;
  const n = new Array<number>(k).fill(0);
  const routed = new Array<number>(k).fill(0);
  const named = new Array<number>(k).fill(0);
  let english = 0;
  let misnamed = 0;
  let requests = 0;
  let requestsOff = 0;
  prepared.forEach((t, i) => {
    const g = guesses[i] as LanguageGuess;
    const lang = LANGUAGE_ID_CLASSES[t.y] as string;
    n[t.y] = (n[t.y] as number) + 1;
    // The engine reads `und` with the English model.
    const model = g.language === 'und' ? 'en' : g.language;
    if (model === lang) routed[t.y] = (routed[t.y] as number) + 1;
    if (g.confident && g.language === lang) named[t.y] = (named[t.y] as number) + 1;
    if (t.y === 0) {
      english++;
      if (g.confident && g.language !== 'en') misnamed++;
    }
    if (t.source === 'requests') {
      requests++;
      if (model !== 'en') requestsOff++;
    }
  });
  return {
    routed: routed.map((r, c) => r / Math.max(1, n[c] as number)),
    named: named.map((r, c) => r / Math.max(1, n[c] as number)),
    englishMisnamed: misnamed / Math.max(1, english),
    requestsMisrouted: requestsOff / Math.max(1, requests),
  };
}

/**
 * k-fold CV of the identifier fitted with `s`: for each fold, fit on the others and run the whole
 * detector (function words, franc-min, the identifier under each of `ways`) on the held-out texts.
 * The first row is the detector without the identifier (as shipped before it).
 */
export function languageIdCv(
  pool: readonly LanguageText[],
  s: LanguageIdSettings,
  ways: readonly FittedSettings[],
  folds = 5,
): { baseline: DetectionScore; scores: DetectionScore[]; gzipBytes: number } {
  const prepared = prepare(pool);
  const examples = examplesOf(pool, s.grams);
  const fold = foldsOf(pool.length, folds, 19);
  const fitted: (FittedGuess | null)[] = new Array(pool.length).fill(null);
  let gzipBytes = 0;
  for (let f = 0; f < folds; f++) {
    const train = pool.filter((_, i) => fold[i] !== f);
    const shipped = fitLanguageId(
      train,
      s,
      examples.filter((_, i) => fold[i] !== f),
    );
    gzipBytes += gzipSize(shipped.table) / folds;
    const model = asEngineModel(shipped);
    pool.forEach((t, i) => {
      if (fold[i] === f) fitted[i] = fittedLanguage(model, t.text);
    });
  }
  const baseline = scoreDetections(
    prepared,
    prepared.map((t) => detect(t, null, ways[0] as FittedSettings, false)),
  );
  const scores = ways.map((w) =>
    scoreDetections(
      prepared,
      prepared.map((t, i) => detect(t, fitted[i] ?? null, w, true)),
    ),
  );
  return { baseline, scores, gzipBytes };
}

function gzipSize(table: Int8Array): number {
  return gzipSync(new Uint8Array(table.buffer, table.byteOffset, table.length)).length;
}

/** How the detector may trust the identifier: franc-min's place, then `sure`, then `weak`, each around `FITTED`. */
const WAYS: FittedSettings[] = [
  ...(['first', 'unknown', 'last'] as const).map((franc) => ({ ...FITTED, franc })),
  ...[0.6, 0.7, 0.9].map((sure) => ({ ...FITTED, sure })),
  ...[0, 0.6, 0.8].map((weak) => ({ ...FITTED, weak })),
];

/** `--select=language-id`: the CV tables that chose `LANGUAGE_ID` and `FITTED`. */
export function selectLanguageId(dir: string, shipped: LanguageIdSettings): void {
  const pool = languageIdPool(dir);
  const f3 = (x: number) => x.toFixed(3);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const cells = (s: DetectionScore) =>
    `${f3(mean(s.routed))} | ${s.routed.map(f3).join(' | ')} | ${f3(mean(s.named))} | ${(100 * s.englishMisnamed).toFixed(2)}% | ${(100 * s.requestsMisrouted).toFixed(2)}%`;
  const head = `| routed, mean | ${LANGUAGE_ID_CLASSES.join(' | ')} | named, mean | English named as another | requests misrouted |`;
  const rule = `|${'---|'.repeat(LANGUAGE_ID_CLASSES.length + 4)}`;
  console.log(
    `\n## Language identifier: 5-fold CV on ${pool.length} train-ok texts, the whole detector on the held-out fold\n`,
  );
  console.log(
    'routed: share read with the right sentiment model (`und` reads as English); named: reported confidently and right.\n',
  );
  console.log(`| grams | bits | min texts | levels | English bias | gzip KB ${head}`);
  console.log(`|---|---|---|---|---|---${rule}`);
  const variants: LanguageIdSettings[] = [
    shipped,
    { ...shipped, bits: 14 },
    { ...shipped, bits: 15, minDf: 3 },
    { ...shipped, grams: 4, bits: 14 },
    { ...shipped, bits: 14, levels: 15 },
    ...[0, 1, 2, 4].map((englishBias) => ({ ...shipped, englishBias })),
  ];
  let baseline: DetectionScore | undefined;
  for (const v of variants) {
    const r = languageIdCv(pool, v, [FITTED]);
    baseline = r.baseline;
    console.log(
      `| ${v.grams} | ${v.bits} | ${v.minDf} | ${v.levels} | ${v.englishBias} | ${(r.gzipBytes / 1024).toFixed(0)} | ${cells(r.scores[0] as DetectionScore)} |`,
    );
  }
  if (baseline) console.log(`| (detector without it) | | | | | | ${cells(baseline)} |`);
  console.log(`\nHow the detector trusts it (the identifier as \`LANGUAGE_ID\`):\n`);
  console.log(`| franc-min | sure from p | weak guess from p (no function word) ${head}`);
  console.log(`|---|---|---${rule}`);
  const r = languageIdCv(pool, shipped, WAYS);
  WAYS.forEach((w, i) => {
    console.log(`| ${w.franc} | ${w.sure} | ${w.weak} | ${cells(r.scores[i] as DetectionScore)} |`);
  });
}

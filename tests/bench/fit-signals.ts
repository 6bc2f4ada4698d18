/**
 * Fits the linear models the engine ships, from "train ok" sets only, and writes them as one
 * binary blob (public/replyguard-models.bin; linear-model.ts says why, models.ts how it loads):
 *
 *   npx tsx tests/bench/fit-signals.ts                 # fit with the settings below, write the blob
 *   npx tsx tests/bench/fit-signals.ts --select        # every cross-validation table that chose them
 *   npx tsx tests/bench/fit-signals.ts --select=english|languages|language-offsets|english-odds|sarcasm|irony|language-id
 *   npx tsx tests/bench/fit-signals.ts --only=languages|language-id  # refit those, keep the rest
 *
 * - `sentiment:en`: three-class softmax regression over the engine's own features
 *   (signals/features.ts). Data: SemEval-2013..2016 tweets (each class given the same total
 *   weight, since macro-F1 weighs classes equally), SST-2 train phrases and Sentiment140 training
 *   tweets (two-class, direction only), VADER's rated snippets, and support requests (Bitext,
 *   Stanford politeness) as neutral. Character n-grams, table size, the per-class bias offsets
 *   and AdaGrad's step are chosen by cross-validation on SemEval's held-out three-class macro-F1
 *   (`ENGLISH`; the step and offsets by tests/bench/fit/ceiling.ts, which also measures how far an
 *   unrestricted linear model gets).
 * - `sentiment:<language>` for ar, de, es, fr, hi, it, pt: fitted on XLM-T train, that language's
 *   tweets plus (at a weight chosen per language by 5-fold CV) the other six languages' and a
 *   sample of SemEval's English tweets: emoji, hashtags, English words and borrowings mean the
 *   same across them. Character n-grams, Arabic normalisation, the language's own negators, the
 *   English model's odds as features (hi) and the rows' minimum document frequency per language by
 *   the same CV (`LANGUAGES`).
 * - `language`: the language identifier for short Latin-script text (fit/language-id.ts,
 *   `LANGUAGE_ID`).
 * - `sarcasm`: logistic regression on iSarcasmEval train (authors' own labels), TweetEval irony
 *   train, SemEval's tweets and support requests (plain negatives), over the message's features
 *   plus the English sentiment model's odds (sarcasm-score.ts). Its threshold is the shipped
 *   operating point: the best F1 of the engine's whole decision (model and phrase cues) on
 *   out-of-fold iSarcasmEval train, among thresholds that flag at most `MAX_REQUEST_ALARMS` of
 *   ordinary support requests (`sarcasmThreshold`).
 * Never read here: tweeteval, sentiment140 test, sst2 dev, uci, riloff/headlines, isarcasmeval
 * test, xlm-t test. Only derived weights are written; no text from the datasets is.
 * Deterministic: fixed seeds, so a re-run reproduces the committed blob. Featurised corpora are
 * cached in `.cache/features/` (fit/cache.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../../lib/demo/random';
import { detectLanguage } from '../../lib/engine/language/detect';
import { LANGUAGE_MODEL } from '../../lib/engine/language/fitted';
import { tokenize } from '../../lib/engine/nlp/tokenize';
import { type FeatureOptions, Features, namedKey } from '../../lib/engine/signals/features';
import { lexiconScore } from '../../lib/engine/signals/lexicon-score';
import {
  type BlobHeader,
  type LinearModel,
  linearProbabilities,
  readBlob,
  writeBlob,
} from '../../lib/engine/signals/linear-model';
import { installModels, MODEL_FILE } from '../../lib/engine/signals/models';
import { combineCueStrengths, sarcasmCues } from '../../lib/engine/signals/sarcasm';
import { sarcasmSurface } from '../../lib/engine/signals/sarcasm-score';
import { ENGLISH_NEG, ENGLISH_POS, englishOdds } from '../../lib/engine/signals/sentiment';
import { agentReplies } from './agent-replies';
import {
  bitext,
  ironyTrain,
  isarcasmTrain,
  type Polarity,
  politeness,
  repoRoot,
  requireDatasets,
  semevalTrain,
  sentiment140Train,
  sst2Train,
  vaderGroundTruth,
  xlmtTrain,
} from './datasets';
import { type Featurised, featuriseAll } from './fit/cache';
import { fitLanguageId, type LanguageIdSettings, languageIdPool, selectLanguageId } from './fit/language-id';
import {
  balance,
  binaryF1,
  classScores,
  type Example,
  type FitSettings,
  fitLinear,
  foldsOf,
  type Model,
  predict,
  quantised,
  scores,
  shuffle,
  toShipped,
} from './fit/linear';

/**
 * Weights are integers in [-LEVELS, LEVELS], one signed byte each. The previous format's CV found
 * 15 levels as good as 31; 31 leaves room for the stronger features of the larger tables.
 */
export const LEVELS = 31;
export const CLASSES = ['negative', 'neutral', 'positive'];
const Y: Record<Polarity, number> = { negative: 0, neutral: 1, positive: 2 };

/**
 * The English mixture and settings. The mixture (which sets, at what weight, two-class labels as
 * direction only) is the previous fit's choice by 3-fold CV on SemEval's held-out macro-F1 (its
 * table: direction-only 0.1/0.1 → 0.637, 0.3/0.3 → 0.634; full labels 0.1/0.1 → 0.630). Character
 * n-grams, the table size and the bias offsets are chosen by `--select=english` (3-fold CV, same
 * measure, quantised as shipped); the table is in the comment of each.
 */
export const ENGLISH = {
  semeval: 1,
  sst2: 0.1,
  sentiment140: 0.1,
  vader: 0.5,
  requests: 0.5,
  polar: true,
  minDf: 3,
  /** Filled in from `--select=english`. */
  charGrams: 0,
  bits: 20,
  /**
   * Added to the negative and positive logits (neutral is the reference): the offsets that
   * maximise macro-F1 on the 5-fold out-of-fold SemEval logits of the fit below
   * (tests/bench/fit/ceiling.ts `--only=shipped-lr`).
   */
  bias: [-0.3, 0, -0.2] as readonly number[],
  /**
   * AdaGrad's step and epochs, from tests/bench/fit/ceiling.ts `--only=shipped-lr` (5-fold CV on
   * SemEval train's held-out macro-F1, this mixture, quantised as shipped): learning rate 0.1 with
   * 3 epochs (before) 0.635, 0.02 with 15 epochs 0.655, 0.01 with 25 epochs 0.660 (chosen). The
   * larger step overshot on the rare words; the table and features are unchanged, and the table is
   * 40 KB gzip smaller. Not part of the measure, and moved the other way: SST-2 dev accuracy fell
   * from 0.858 to 0.820 in the accuracy bench (SST-2 train phrases held out in the same CV: 0.819
   * before).
   */
  fit: { epochs: 25, l2: 1e-6, lr: 0.01, seed: 11 } satisfies FitSettings,
};
/** Support requests used as neutral examples, per source (a sample, so they do not drown the rest). */
const REQUESTS_PER_SOURCE = 3000;
/** VADER mean ratings (-4..4) within this distance of 0 count as neutral. */
const NEUTRAL_BAND = 0.5;

/**
 * Per-language settings: the features (`FeatureOptions`), the weight of the other languages'
 * tweets and of SemEval's English ones, and the rows' minimum document frequency (a row seen in
 * fewer training texts stays zero), from `--select=languages` (5-fold CV macro-F1 on each
 * language of XLM-T train, quantised as shipped).
 *
 * de, es, fr, pt: the first table of `--select=languages` (one fold split), best of six settings:
 * de 0.648, es 0.545, fr 0.609, pt 0.587. es stays on its own tweets (0.545 against 0.548 mixed, for
 * 157 KB gzip more).
 *
 * ar, hi, it (under the 0.55 goal on XLM-T test): the second table, the mean of three 5-fold
 * splits, chosen as the smallest table within 0.002 of the best mean:
 * - ar: 4-letter grams (before) 0.579, 118 KB; Arabic normalisation with prefixes stripped and
 *   Arabic negators, 3-letter grams: 0.586 (80 KB), and from rows seen twice 0.585 (38 KB, chosen);
 *   4-letter grams with both 0.587 (115 KB). Normalisation alone moved it by under 0.002 (folding
 *   only: 0.574, adding the stripped word as a second feature: 0.577, one split, 3-letter grams);
 *   mixing in the other languages lowered it (others 0.1: 0.580, 0.3 with English 0.1: 0.578,
 *   1 with 0.3: 0.571).
 * - it: words only (before) 0.595, 44 KB; 3-letter grams 0.601 and with Italian negators 0.603
 *   (60 KB, chosen). Mixing in the other languages did not help (words only, others 0.1 → 0.589,
 *   0.3 with English 0.1 → 0.583; 3-letter grams, others 0.1 with English 0.1 → 0.603 for 204 KB);
 *   rows seen twice lost 0.008, L2 from 1e-5 to 1e-3 moved it by under 0.001.
 * - hi: others 0.3 with English 0.1 (before) 0.391, 193 KB, and from rows seen twice 0.393 (134 KB).
 *   Character grams lowered it (3-letter: 0.376), and so did Hindi negators (0.385); other
 *   mixtures were within 0.002 (others 1 with English 0.3: 0.391; 0.3 with 1: 0.393, 186 KB).
 *   The English model's odds as two features (`englishOdds`, the third table): 0.397 (132 KB,
 *   chosen: the best mean by 0.004, though one split of three went down); without the other
 *   languages' tweets 0.373, without SemEval's 0.383. For ar (0.585 → 0.585) and it (0.603 →
 *   0.600) they did not help.
 *
 * Per-class logit offsets and class-balanced weights (`--select=language-offsets`, mean of three
 * 5-fold splits, each fold's offsets picked on the other four folds' out-of-fold logits) helped no
 * language under the goal: offsets moved macro-F1 by -0.007 to +0.0001 (ar 0.5849 → 0.5850, hi 0.393
 * → 0.388, it 0.603 → 0.597), balanced weights by -0.005 to +0.0002 for ar, hi and it (hi 0.393 →
 * 0.388). XLM-T train is balanced (613 tweets a class a language), so the fitted biases are already
 * where macro-F1 wants them. Only de gained (balanced weights 0.649 → 0.653); de already meets the
 * goal and was left as it is, so neither ships.
 */
export const LANGUAGES: Readonly<
  Record<string, { features: FeatureOptions; others: number; english: number; minDf: number }>
> = {
  ar: { features: { charGrams: 3, arabic: true, negation: 'ar' }, others: 0, english: 0, minDf: 2 },
  de: { features: { charGrams: 0 }, others: 0, english: 0, minDf: 1 },
  es: { features: { charGrams: 4 }, others: 0, english: 0, minDf: 1 },
  fr: { features: { charGrams: 4 }, others: 0, english: 0, minDf: 1 },
  hi: { features: { charGrams: 0, englishOdds: true }, others: 0.3, english: 0.1, minDf: 2 },
  it: { features: { charGrams: 3, negation: 'it' }, others: 0, english: 0, minDf: 1 },
  pt: { features: { charGrams: 4 }, others: 0, english: 0, minDf: 1 },
};
/**
 * The per-language fit, by the same CV (mean macro-F1 over the seven languages, each with its
 * `LANGUAGES` setting of the time): learning rate 0.1 → 0.549, 0.05 → 0.559, 0.02 → 0.566 (10
 * epochs), 0.01 → 0.567 (20 epochs), 0.005 → 0.565 (40 epochs); L2 between 1e-6 and 3e-4 moved it by
 * less than 0.002. The smaller steps also leave more rows at zero: the seven tables went from 654 to
 * 623 KB gzip.
 */
const LANGUAGE_FIT: FitSettings = { epochs: 20, l2: 1e-5, lr: 0.01, seed: 3 };
const LANGUAGE_BITS = 18;
/** SemEval tweets mixed into each language's fit when its `english` weight is above 0. */
const ENGLISH_FOR_LANGUAGES = 6000;

/** Sarcasm settings, from `--select=sarcasm`. */
export const SARCASM = {
  irony: 1,
  /** SemEval tweets as mostly-negative examples (sarcastic only in its sarcasm file). */
  tweets: 1,
  minDf: 10,
  charGrams: 0,
  bits: 18,
  fit: { epochs: 5, l2: 1e-4, seed: 23 } satisfies FitSettings,
};
/**
 * The fitted language identifier (lib/engine/language/fitted.ts), from `--select=language-id`:
 * 5-fold CV on its pool (XLM-T train de, es, fr, hi, it, pt; English from SemEval and Sentiment140
 * tweets, SST-2 phrases and support requests), the whole detector run on the held-out texts.
 * Measure: the share of each language's texts read with its own sentiment model, mean over the
 * seven (the detector without the identifier: 0.786; de 0.673, hi 0.609, pt 0.749), under the
 * condition that English texts are not named as another language more often than without it
 * (0.25% of them; a wrong name is a wrong-language warning on the reply). Chosen:
 *
 * - the table: 2^13 rows of 3-letter grams 0.917 (27 KB gzip); 2^14 rows 0.919 (44 KB), 2^15 rows
 *   0.921 (58 KB), 4-letter grams 0.922 (51 KB), 15 weight levels 0.917 (34 KB): the smallest,
 *   since none gains 0.005;
 * - the English bias (added to its logit): 0 → 0.931 but 0.6% of English named as another, 1 →
 *   0.927 / 0.4%, 2 → 0.923 / 0.3%, 3 → 0.917 / 0.26%, 4 → 0.909 / 0.2%: 3, the first within
 *   reach of the detector without it;
 * - how detect.ts trusts it (`FITTED`): sure from p ≥ 0.8 (0.6 → 0.923 but 0.4%, 0.9 → 0.909); its
 *   weak guess never taken (taking it from p ≥ 0 scored 0.925, but a weak guess of German for a
 *   short English complaint switches off the English-only sarcasm reading: "Best service ever
 *   #not"); franc-min first only for a language the identifier does not know (always first 0.910,
 *   never 0.922: the CV has no Dutch or Polish text to show what that costs, so a long text in a
 *   language the identifier does not know is still franc-min's).
 */
export const LANGUAGE_ID: LanguageIdSettings = {
  grams: 3,
  bits: 13,
  minDf: 2,
  levels: 31,
  englishBias: 3,
  fit: { epochs: 5, l2: 1e-6, seed: 5 },
};

/**
 * The shipped sarcasm flag may be wrong on at most this share of ordinary support requests
 * (Bitext, Stanford politeness) out of fold: an alarm that fires on "Can I change my booking?"
 * gets switched off.
 */
const MAX_REQUEST_ALARMS = 0.01;

const argmax = (p: Float64Array) => p.indexOf(Math.max(...p));

// ---------------------------------------------------------------- English sentiment

type Source = 'semeval' | 'sst2' | 'sentiment140' | 'vader' | 'requests';
interface Sourced extends Example {
  source: Source;
}

function requestTexts(dir: string): string[] {
  const random = seededRandom(7);
  const support = shuffle(
    bitext(dir).filter((r) => !r.flags.includes('W') && r.intent !== 'complaint'),
    random,
  ).slice(0, REQUESTS_PER_SOURCE);
  const requests = shuffle(
    politeness(dir).filter((r) => Math.abs(r.score) < 1),
    random,
  ).slice(0, REQUESTS_PER_SOURCE);
  return [...support.map((r) => r.text), ...requests.map((r) => r.text)];
}

/** Every English example, featurised once (cached); weights are set per mixture by `weigh`. */
export function englishPool(dir: string, options: FeatureOptions): Sourced[] {
  const pool: Sourced[] = [];
  const add = (source: Source, texts: string[], ys: number[]) => {
    const f = featuriseAll(source, texts, options);
    f.forEach((x, i) => {
      pool.push({ ...x, y: ys[i] as number, weight: 1, polar: false, source });
    });
  };
  const semeval = semevalTrain(dir);
  add(
    'semeval',
    semeval.map((r) => r.text),
    semeval.map((r) => Y[r.label]),
  );
  const sst2 = sst2Train(dir);
  add(
    'sst2',
    sst2.map((r) => r.text),
    sst2.map((r) => Y[r.label]),
  );
  const s140 = sentiment140Train(dir);
  add(
    'sentiment140',
    s140.map((r) => r.text),
    s140.map((r) => Y[r.label]),
  );
  const vader = vaderGroundTruth(dir);
  add(
    'vader',
    vader.map((r) => r.text),
    vader.map((r) => (r.rating <= -NEUTRAL_BAND ? 0 : r.rating >= NEUTRAL_BAND ? 2 : 1)),
  );
  const requests = requestTexts(dir);
  add(
    'requests',
    requests,
    requests.map(() => 1),
  );
  return pool;
}

/** The examples of a mixture, weighted; SemEval's classes balanced. */
function weigh(pool: readonly Sourced[], mix: typeof ENGLISH): Sourced[] {
  const out: Sourced[] = [];
  for (const e of pool) {
    const w = mix[e.source];
    if (w <= 0) continue;
    const twoClass = e.source === 'sst2' || e.source === 'sentiment140';
    out.push({ ...e, weight: w, polar: twoClass && mix.polar });
  }
  balance(
    out.filter((e) => e.source === 'semeval'),
    3,
  );
  return out;
}

function fitEnglish(pool: readonly Sourced[], mix: typeof ENGLISH): Model {
  return fitLinear(weigh(pool, mix), mix.bits, mix.minDf, 3, mix.fit);
}

/** Macro-F1 with logit offsets added (index: class). */
function offsetF1(gold: readonly number[], logits: readonly Float64Array[], offsets: readonly number[]): number {
  return classScores(
    gold,
    logits.map((z) => argmax(z.map((x, c) => x + (offsets[c] ?? 0)))),
    3,
  ).f1;
}

/** The negative and positive offsets (neutral fixed at 0) that maximise macro-F1 on held-out logits. */
function bestOffsets(gold: readonly number[], logits: readonly Float64Array[]): { offsets: number[]; f1: number } {
  let best = { offsets: [0, 0, 0], f1: offsetF1(gold, logits, [0, 0, 0]) };
  for (let n = -1; n <= 1.001; n += 0.1)
    for (let p = -1; p <= 1.001; p += 0.1) {
      const offsets = [Number(n.toFixed(1)), 0, Number(p.toFixed(1))];
      const f1 = offsetF1(gold, logits, offsets);
      if (f1 > best.f1 + 1e-9) best = { offsets, f1 };
    }
  return best;
}

/** Held-out SemEval logits of a mixture (3-fold CV, quantised as shipped), with SST-2 and Sentiment140 accuracy. */
function englishCv(
  pool: readonly Sourced[],
  mix: typeof ENGLISH,
  folds = 3,
): { gold: number[]; logits: Float64Array[]; sst2: number; sentiment140: number } {
  const fold = foldsOf(pool.length, folds, 5);
  const gold: number[] = [];
  const logits: Float64Array[] = [];
  const acc = { sst2: 0, sentiment140: 0 };
  for (let f = 0; f < folds; f++) {
    const model = quantised(
      fitEnglish(
        pool.filter((_, i) => fold[i] !== f),
        mix,
      ),
      LEVELS,
      1,
    );
    pool.forEach((e, i) => {
      if (fold[i] !== f || e.source !== 'semeval') return;
      gold.push(e.y);
      const p = predict(model, e);
      logits.push(p.map((x) => Math.log(Math.max(x, 1e-9))));
    });
    for (const source of ['sst2', 'sentiment140'] as const) {
      const test = pool.filter((e, i) => fold[i] === f && e.source === source);
      const right = test.filter((e) => argmax(predict(model, e)) === e.y).length;
      acc[source] += right / test.length / folds;
    }
  }
  return { gold, logits, ...acc };
}

function selectEnglish(dir: string): void {
  console.log(
    '\n## English sentiment: 3-fold CV over all train-ok data (quantised, as shipped); SemEval held-out macro-F1\n',
  );
  console.log(
    '| char n-grams | table bits | SemEval macro-F1 | with CV-chosen offsets (neg, pos) | SST-2 acc | Sentiment140 acc (2-class) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const charGrams of [0, 4])
    for (const bits of [18, 20]) {
      const mix = { ...ENGLISH, charGrams, bits };
      const r = englishCv(englishPool(dir, { charGrams }), mix);
      const plain = offsetF1(r.gold, r.logits, [0, 0, 0]);
      const best = bestOffsets(r.gold, r.logits);
      console.log(
        `| ${charGrams} | ${bits} | ${plain.toFixed(4)} | ${best.f1.toFixed(4)} (${best.offsets[0]}, ${best.offsets[2]}) | ${r.sst2.toFixed(4)} | ${r.sentiment140.toFixed(4)} |`,
      );
    }
}

// ---------------------------------------------------------------- other languages

export interface Tagged extends Example {
  lang: string;
}

export function languagePool(dir: string, options: FeatureOptions, english: LinearModel | null = null): Tagged[] {
  const rows = xlmtTrain(dir);
  const texts = rows.map((r) => r.text);
  const f = withEnglishOdds('xlmt', texts, featuriseAll('xlmt', texts, options), options, english);
  const pool: Tagged[] = rows.map((r, i) => ({
    ...(f[i] as Featurised),
    y: Y[r.label],
    weight: 1,
    polar: false,
    lang: r.lang,
  }));
  const sample = shuffle(semevalTrain(dir), seededRandom(13)).slice(0, ENGLISH_FOR_LANGUAGES);
  const sampleTexts = sample.map((r) => r.text);
  const fe = withEnglishOdds(
    'semeval-sample',
    sampleTexts,
    featuriseAll('semeval-sample', sampleTexts, options),
    options,
    english,
  );
  sample.forEach((r, i) => {
    pool.push({ ...(fe[i] as Featurised), y: Y[r.label], weight: 1, polar: false, lang: 'en' });
  });
  return pool;
}

/**
 * With `options.englishOdds`, each text's features plus the English model's negative and positive
 * log-odds (sentiment.ts `withEnglishOdds` adds the same two at use).
 */
function withEnglishOdds(
  name: string,
  texts: readonly string[],
  own: Featurised[],
  options: FeatureOptions,
  english: LinearModel | null,
): Featurised[] {
  if (!options.englishOdds) return own;
  if (!english) throw new Error('englishOdds needs the English model');
  const forEnglish = featuriseAll(name, texts, english.features);
  return own.map((f, i) => {
    const p = linearProbabilitiesOf(english, forEnglish[i] as Featurised);
    const keys = new Int32Array(f.keys.length + 2);
    keys.set(f.keys);
    keys[f.keys.length] = ENGLISH_NEG;
    keys[f.keys.length + 1] = ENGLISH_POS;
    const values = new Float32Array(f.values.length + 2);
    values.set(f.values);
    values[f.values.length] = englishOdds(p[0] as number);
    values[f.values.length + 1] = englishOdds(p[2] as number);
    return { keys, values };
  });
}

export function languageTrainingSet(
  pool: readonly Tagged[],
  lang: string,
  s: { others: number; english: number },
  keep: (i: number) => boolean,
): Example[] {
  const out: Example[] = [];
  pool.forEach((e, i) => {
    if (e.lang === lang) {
      if (keep(i)) out.push({ ...e, weight: 1 });
    } else if (e.lang === 'en') {
      if (s.english > 0) out.push({ ...e, weight: s.english });
    } else if (s.others > 0) out.push({ ...e, weight: s.others });
  });
  return out;
}

export function fitLanguage(examples: Example[], fit = LANGUAGE_FIT, bits = LANGUAGE_BITS, minDf = 1): Model {
  return fitLinear(examples, bits, minDf, 3, fit);
}

/**
 * Out-of-fold logits of one language's XLM-T train tweets (5-fold CV, quantised as shipped; the other
 * sets always train), with each tweet's fold.
 */
export function languageOutOfFold(
  pool: readonly Tagged[],
  lang: string,
  s: { others: number; english: number; balanced?: boolean },
  fit = LANGUAGE_FIT,
  bits = LANGUAGE_BITS,
  minDf = 1,
  levels = LEVELS,
  foldSeed = 9,
): { gold: number[]; logits: Float64Array[]; fold: number[] } {
  const own = pool.map((e, i) => (e.lang === lang ? i : -1)).filter((i) => i >= 0);
  const folds = foldsOf(own.length, 5, foldSeed);
  const foldOf = new Map(own.map((at, j) => [at, folds[j] as number]));
  const gold: number[] = [];
  const logits: Float64Array[] = [];
  const fold: number[] = [];
  for (let f = 0; f < 5; f++) {
    const examples = languageTrainingSet(pool, lang, s, (i) => foldOf.get(i) !== f);
    if (s.balanced) balance(examples, 3);
    const model = quantised(fitLanguage(examples, fit, bits, minDf), levels, 1);
    for (const at of own) {
      if (foldOf.get(at) !== f) continue;
      const e = pool[at] as Tagged;
      gold.push(e.y);
      logits.push(scores(model, e));
      fold.push(f);
    }
  }
  return { gold, logits, fold };
}

/** 5-fold CV macro-F1 on one language's XLM-T train tweets (the other sets always train). */
export function languageCv(...args: Parameters<typeof languageOutOfFold>): number {
  const r = languageOutOfFold(...args);
  return offsetF1(r.gold, r.logits, [0, 0, 0]);
}

/**
 * Macro-F1 of per-class offsets chosen without the tweets they are applied to: each fold's
 * out-of-fold logits get the offsets that `bestOffsets` picks on the other four folds. Picking them
 * on all the logits and scoring the same logits would reward the grid search for fitting noise.
 */
export function crossFittedOffsetF1(r: { gold: number[]; logits: Float64Array[]; fold: number[] }): number {
  const pred: number[] = [];
  const gold: number[] = [];
  for (let f = 0; f < 5; f++) {
    const inner = r.gold.map((_, i) => i).filter((i) => r.fold[i] !== f);
    const { offsets } = bestOffsets(
      inner.map((i) => r.gold[i] as number),
      inner.map((i) => r.logits[i] as Float64Array),
    );
    r.gold.forEach((y, i) => {
      if (r.fold[i] !== f) return;
      gold.push(y);
      pred.push(argmax((r.logits[i] as Float64Array).map((x, c) => x + (offsets[c] ?? 0))));
    });
  }
  return classScores(gold, pred, 3).f1;
}

function selectLanguages(dir: string): void {
  const mixes = [
    { others: 0, english: 0 },
    { others: 0.3, english: 0.1 },
    { others: 1, english: 0.3 },
  ];
  console.log('\n## Languages: 5-fold CV macro-F1 on each language of XLM-T train (quantised, as shipped)\n');
  console.log(
    `| language | ${[0, 4]
      .flatMap((g) => mixes.map((m) => `char ${g}, others ${m.others}, English ${m.english}`))
      .join(' | ')} |`,
  );
  console.log(`|---|${[0, 4].flatMap(() => mixes.map(() => '---')).join('|')}|`);
  const pools = new Map([0, 4].map((g) => [g, languagePool(dir, { charGrams: g })]));
  for (const lang of Object.keys(LANGUAGES)) {
    const cells: string[] = [];
    for (const g of [0, 4]) for (const m of mixes) cells.push(languageCv(pools.get(g) as Tagged[], lang, m).toFixed(4));
    console.log(`| ${lang} | ${cells.join(' | ')} |`);
  }
  selectWeakLanguages(dir);
}

type LanguageSetting = (typeof LANGUAGES)[string];

/** Candidates for the languages under the goal (ar, hi, it): the setting before, and the features tried. */
const WEAK_CANDIDATES: Readonly<Record<string, readonly LanguageSetting[]>> = {
  ar: [
    { features: { charGrams: 4 }, others: 0, english: 0, minDf: 1 },
    { features: { charGrams: 3 }, others: 0, english: 0, minDf: 1 },
    { features: { charGrams: 3, arabic: true }, others: 0, english: 0, minDf: 1 },
    { features: { charGrams: 3, arabic: true, negation: 'ar' }, others: 0, english: 0, minDf: 1 },
    { features: { charGrams: 3, arabic: true, negation: 'ar' }, others: 0, english: 0, minDf: 2 },
    { features: { charGrams: 4, arabic: true, negation: 'ar' }, others: 0, english: 0, minDf: 1 },
    { features: { charGrams: 3, arabic: true }, others: 0.1, english: 0, minDf: 1 },
  ],
  hi: [
    { features: { charGrams: 0 }, others: 0.3, english: 0.1, minDf: 1 },
    { features: { charGrams: 0 }, others: 0.3, english: 0.1, minDf: 2 },
    { features: { charGrams: 3 }, others: 0.3, english: 0.1, minDf: 1 },
    { features: { charGrams: 0, negation: 'hi' }, others: 0.3, english: 0.1, minDf: 1 },
    { features: { charGrams: 0 }, others: 0.3, english: 1, minDf: 1 },
  ],
  it: [
    { features: { charGrams: 0 }, others: 0, english: 0, minDf: 1 },
    { features: { charGrams: 3 }, others: 0, english: 0, minDf: 1 },
    { features: { charGrams: 3, negation: 'it' }, others: 0, english: 0, minDf: 1 },
    { features: { charGrams: 3 }, others: 0, english: 0, minDf: 2 },
    { features: { charGrams: 0 }, others: 0.1, english: 0, minDf: 1 },
    { features: { charGrams: 3 }, others: 0.1, english: 0.1, minDf: 1 },
  ],
};

/** Gzip size of a language's full-data table under a setting, in KB (what it adds to the blob). */
function languageTableKb(pool: readonly Tagged[], lang: string, s: LanguageSetting): number {
  const model = fitLanguage(
    languageTrainingSet(pool, lang, s, () => true),
    LANGUAGE_FIT,
    LANGUAGE_BITS,
    s.minDf,
  );
  const { table } = toShipped(model, CLASSES, '', { levels: LEVELS, reference: 'neutral' });
  return gzipSync(new Uint8Array(table.buffer)).length / 1024;
}

/**
 * The table behind the ar, hi and it settings: with two thousand tweets a language, one fold split
 * moves macro-F1 by up to 0.015, so each cell is the mean of three 5-fold splits.
 */
function selectWeakLanguages(dir: string): void {
  console.log('\n## ar, hi, it: mean 5-fold CV macro-F1 over three fold splits, and the table size\n');
  console.log('| language | features | others | English | min df | CV macro-F1 (splits) | KB gzip |');
  console.log('|---|---|---|---|---|---|---|');
  const pools = new Map<string, Tagged[]>();
  for (const [lang, candidates] of Object.entries(WEAK_CANDIDATES)) {
    for (const s of candidates) {
      const id = JSON.stringify(s.features);
      if (!pools.has(id)) pools.set(id, languagePool(dir, s.features));
      const pool = pools.get(id) as Tagged[];
      const f1 = [9, 10, 11].map((seed) =>
        languageCv(pool, lang, s, LANGUAGE_FIT, LANGUAGE_BITS, s.minDf, LEVELS, seed),
      );
      const mean = f1.reduce((a, b) => a + b, 0) / f1.length;
      console.log(
        `| ${lang} | ${id} | ${s.others} | ${s.english} | ${s.minDf} | ${mean.toFixed(4)} (${f1.map((x) => x.toFixed(3)).join(' / ')}) | ${languageTableKb(pool, lang, s).toFixed(1)} |`,
      );
    }
  }
}

/**
 * Per-class logit offsets and class-balanced weights for each language, mean over three 5-fold
 * splits of XLM-T train: macro-F1 as fitted, with offsets cross-fitted (`crossFittedOffsetF1`), and
 * the offsets picked on the out-of-fold logits of all three splits together (what would ship).
 */
function selectLanguageOffsets(dir: string): void {
  console.log('\n## Languages: per-class offsets and balanced weights, mean 5-fold CV macro-F1 over three splits\n');
  console.log(
    '| language | weights | as fitted | offsets cross-fitted | offsets on all folds (neg, pos) | F1 at those |',
  );
  console.log('|---|---|---|---|---|---|');
  const pools = new Map<string, Tagged[]>();
  for (const [lang, setting] of Object.entries(LANGUAGES)) {
    const id = JSON.stringify(setting.features);
    if (!pools.has(id)) pools.set(id, languagePool(dir, setting.features));
    const pool = pools.get(id) as Tagged[];
    for (const balanced of [false, true]) {
      const runs = [9, 10, 11].map((seed) =>
        languageOutOfFold(
          pool,
          lang,
          { ...setting, balanced },
          LANGUAGE_FIT,
          LANGUAGE_BITS,
          setting.minDf,
          LEVELS,
          seed,
        ),
      );
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const plain = mean(runs.map((r) => offsetF1(r.gold, r.logits, [0, 0, 0])));
      const crossed = mean(runs.map(crossFittedOffsetF1));
      const all = bestOffsets(
        runs.flatMap((r) => r.gold),
        runs.flatMap((r) => r.logits),
      );
      console.log(
        `| ${lang} | ${balanced ? 'classes balanced' : 'as given'} | ${plain.toFixed(4)} | ${crossed.toFixed(4)} | (${all.offsets[0]}, ${all.offsets[2]}) | ${all.f1.toFixed(4)} |`,
      );
    }
  }
}

/**
 * The English model's odds as two features (`FeatureOptions.englishOdds`) for ar, hi and it: each
 * language's setting without and with them, mean 5-fold CV macro-F1 over three splits.
 */
function selectEnglishOdds(dir: string, english: LinearModel | null): void {
  console.log('\n## English odds as features: mean 5-fold CV macro-F1 over three splits, and the table size\n');
  console.log('| language | setting | CV macro-F1 (splits) | KB gzip |');
  console.log('|---|---|---|---|');
  const candidates: [string, LanguageSetting][] = [];
  for (const lang of ['hi', 'ar', 'it']) {
    const s = LANGUAGES[lang] as LanguageSetting;
    candidates.push([lang, s], [lang, { ...s, features: { ...s.features, englishOdds: true } }]);
  }
  const hi = LANGUAGES.hi as LanguageSetting;
  candidates.push(['hi', { ...hi, others: 0, english: 0, features: { ...hi.features, englishOdds: true } }]);
  candidates.push(['hi', { ...hi, others: 0.3, english: 0, features: { ...hi.features, englishOdds: true } }]);
  const pools = new Map<string, Tagged[]>();
  for (const [lang, s] of candidates) {
    const id = JSON.stringify(s.features);
    if (!pools.has(id)) pools.set(id, languagePool(dir, s.features, english));
    const pool = pools.get(id) as Tagged[];
    const f1 = [9, 10, 11].map((seed) => languageCv(pool, lang, s, LANGUAGE_FIT, LANGUAGE_BITS, s.minDf, LEVELS, seed));
    const mean = f1.reduce((a, b) => a + b, 0) / f1.length;
    console.log(
      `| ${lang} | ${JSON.stringify(s)} | ${mean.toFixed(4)} (${f1.map((x) => x.toFixed(3)).join(' / ')}) | ${languageTableKb(pool, lang, s).toFixed(1)} |`,
    );
  }
}

// ---------------------------------------------------------------- sarcasm

/** A sarcasm example with the phrase cues' combined strength, which the decision adds to the model. */
export interface SarcasmExample extends Example {
  cue: number;
  /** Whether the message says something positive on its surface (see `sarcasmSurface`). */
  positive: boolean;
  source: 'isarcasm' | 'irony' | 'support' | 'tweets';
}

const logit = (p: number) => Math.log(p / (1 - p));
const clamp = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

/** The features the sarcasm model reads (sarcasm-score.ts `sarcasmFeatures`), built from cached parts. */
export function sarcasmExamples(
  name: string,
  texts: string[],
  labels: boolean[],
  source: SarcasmExample['source'],
  english: LinearModel | null,
  settings: typeof SARCASM,
): SarcasmExample[] {
  const own = featuriseAll(name, texts, { charGrams: settings.charGrams });
  const forSentiment = english ? featuriseAll(name, texts, english.features) : own;
  const negKey = namedSarcasmKeys();
  return texts.map((text, i) => {
    const tokens = tokenize(text);
    const lex = lexiconScore(tokens);
    let neg = 1 / 3;
    let pos = 1 / 3;
    if (english) {
      const f = forSentiment[i] as Featurised;
      const p = linearProbabilitiesOf(english, f);
      neg = p[0] as number;
      pos = p[2] as number;
    }
    const base = own[i] as Featurised;
    const keys = new Int32Array(base.keys.length + 2);
    keys.set(base.keys);
    keys[base.keys.length] = negKey[0];
    keys[base.keys.length + 1] = negKey[1];
    const values = new Float32Array(base.values.length + 2);
    values.set(base.values);
    values[base.values.length] = logit(clamp(neg)) / 4;
    values[base.values.length + 1] = logit(clamp(pos)) / 4;
    return {
      keys,
      values,
      y: labels[i] ? 1 : 0,
      weight: 1,
      polar: false,
      cue: combineCueStrengths(sarcasmCues({ text, tokens, lex, messageIndex: 0, contextTrouble: false })),
      positive: sarcasmSurface(lex),
      source,
    };
  });
}

function namedSarcasmKeys(): [number, number] {
  return [namedKey('<sent:neg>'), namedKey('<sent:pos>')];
}

function linearProbabilitiesOf(model: LinearModel, f: Featurised): Float64Array {
  const features = new Features(f.keys.length);
  for (let i = 0; i < f.keys.length; i++) features.push(f.keys[i] as number, f.values[i] as number);
  return linearProbabilities(model, features);
}

/** Every sarcasm example, weighted by `settings`. */
export function sarcasmPool(dir: string, english: LinearModel | null, settings = SARCASM): SarcasmExample[] {
  const pool: SarcasmExample[] = [];
  const isarcasm = isarcasmTrain(dir);
  pool.push(
    ...sarcasmExamples(
      'isarcasm',
      isarcasm.map((r) => r.text),
      isarcasm.map((r) => r.sarcastic),
      'isarcasm',
      english,
      settings,
    ),
  );
  const irony = ironyTrain(dir);
  for (const e of sarcasmExamples(
    'irony',
    irony.map((r) => r.text),
    irony.map((r) => r.sarcastic),
    'irony',
    english,
    settings,
  ))
    pool.push({ ...e, weight: settings.irony });
  // Requests and questions are what the engine reads all day, and they are not sarcastic.
  const support = [...bitext(dir).map((r) => r.text), ...politeness(dir).map((r) => r.text)];
  pool.push(
    ...sarcasmExamples(
      'support',
      support,
      support.map(() => false),
      'support',
      english,
      settings,
    ),
  );
  // SemEval's tweets, sarcastic only in the file collected for sarcasm: complaints and praise said
  // straight, so that a negative situation on its own is not read as sarcasm.
  const tweets = semevalTrain(dir);
  for (const e of sarcasmExamples(
    'semeval',
    tweets.map((r) => r.text),
    tweets.map((r) => r.source === 'twitter-2014sarcasm'),
    'tweets',
    english,
    settings,
  ))
    pool.push({ ...e, weight: settings.tweets });
  return pool;
}

/**
 * The engine's decision (signals/index.ts): noisy-OR of the cues and the model rescaled to its
 * threshold; the model counts only on a message with a positive surface.
 */
export function sarcasticDecision(cue: number, p: number, threshold: number, positive: boolean): boolean {
  const model = positive ? 1 / (1 + Math.exp(-(logit(clamp(p)) - logit(clamp(threshold))))) : 0;
  return 1 - (1 - cue) * (1 - model) >= 0.5;
}

function fitSarcasmModel(examples: readonly SarcasmExample[], settings = SARCASM): Model {
  return fitLinear(
    examples.filter((e) => e.weight > 0),
    settings.bits,
    settings.minDf,
    1,
    settings.fit,
  );
}

interface Scored {
  p: number;
  cue: number;
  y: boolean;
  positive: boolean;
  source: SarcasmExample['source'];
}

/** Out-of-fold model probabilities of every example of `pool`. */
export function outOfFold(pool: readonly SarcasmExample[], folds: number, settings = SARCASM): Scored[] {
  const fold = foldsOf(pool.length, folds, 31);
  const scored: Scored[] = new Array(pool.length);
  for (let f = 0; f < folds; f++) {
    const model = quantised(
      fitSarcasmModel(
        pool.filter((_, i) => fold[i] !== f),
        settings,
      ),
      LEVELS,
      -1,
    );
    pool.forEach((e, i) => {
      if (fold[i] === f)
        scored[i] = {
          p: predict(model, e)[0] as number,
          cue: e.cue,
          y: e.y === 1,
          positive: e.positive,
          source: e.source,
        };
    });
  }
  return scored;
}

/**
 * An alarm that is wrong more often than right gets switched off: the decision must be right at
 * least this often over every example of the pool, in their real proportions (mostly ordinary
 * tweets and requests). Without it, the iSarcasmEval-best threshold calls plain thanks and praise
 * ("Thanks so much, that fixed it!") sarcastic.
 */
const MIN_SARCASM_PRECISION = 0.5;

/**
 * The shipped operating point: the threshold whose decision has the best F1 on the iSarcasmEval
 * examples of `scored`, among those that flag at most `MAX_REQUEST_ALARMS` of the support requests
 * and are right at least `MIN_SARCASM_PRECISION` of the time over all of `scored`.
 */
export function operatingPoint(scored: readonly Scored[]): { threshold: number; f1: number; alarms: number } {
  const isarcasm = scored.filter((s) => s.source === 'isarcasm');
  const support = scored.filter((s) => s.source === 'support');
  // When no threshold is precise enough (the phrase cues alone flag a few per cent of ordinary
  // tweets), the model only adds to near-certain cases and the cues carry the decision.
  let best = { threshold: 0.95, f1: 0, alarms: 0 };
  for (let t = 0.05; t <= 0.99; t += 0.01) {
    const alarms =
      support.filter((s) => sarcasticDecision(s.cue, s.p, t, s.positive)).length / Math.max(1, support.length);
    if (alarms > MAX_REQUEST_ALARMS) continue;
    const overall = binaryF1(
      scored.map((s) => s.y),
      scored.map((s) => sarcasticDecision(s.cue, s.p, t, s.positive)),
    );
    if (overall.p < MIN_SARCASM_PRECISION) continue;
    const r = binaryF1(
      isarcasm.map((s) => s.y),
      isarcasm.map((s) => sarcasticDecision(s.cue, s.p, t, s.positive)),
    );
    if (r.f1 > best.f1) best = { threshold: t, f1: r.f1, alarms };
  }
  return best;
}

function selectSarcasm(dir: string, english: LinearModel | null): void {
  console.log(
    '\n## Sarcasm (shipped flag): 5-fold CV, F1 of the decision on iSarcasmEval train at the operating point\n',
  );
  console.log('| char n-grams | irony weight | SemEval tweets weight | iSarcasmEval F1 | threshold | request alarms |');
  console.log('|---|---|---|---|---|---|');
  for (const charGrams of [0, 4])
    for (const [irony, tweets] of [
      [1, 1],
      [1, 0.3],
      [0.5, 1],
    ] as const) {
      const settings = { ...SARCASM, charGrams, irony, tweets };
      const op = operatingPoint(outOfFold(sarcasmPool(dir, english, settings), 5, settings));
      console.log(
        `| ${charGrams} | ${irony} | ${tweets} | ${op.f1.toFixed(4)} | ${op.threshold.toFixed(2)} | ${(100 * op.alarms).toFixed(2)}% |`,
      );
    }
}

// ---------------------------------------------------------------- irony (measured, not shipped)

/** Weights of each source in the irony model's fit. */
type IronyWeights = Record<SarcasmExample['source'], number>;

/**
 * A candidate second, recall-oriented sarcasm level ("possibly ironic", an info-level hint), measured
 * and NOT shipped: logistic regression over the sarcasm model's features (`sarcasmFeatures`, with
 * 4-letter grams) on TweetEval irony train, with support requests and SemEval tweets (sarcastic only
 * in its sarcasm file) at small weights as ordinary messages, its threshold capped by
 * `MAX_POSSIBLE_ALARMS` (`--select=irony` has the table).
 *
 * Why it does not ship (`--select=irony`, the row of these settings): at the capped threshold
 * (p ≥ 0.13, 4.3% of support requests and 4.6% of ordinary tweets flagged out of fold; irony F1
 * 0.653, accuracy 0.591, against 0.671 and 0.505 for calling every tweet ironic) the full fit marks
 * 149 of the 315 English customer messages of tests/fixtures/agent-replies as possibly ironic,
 * sincere thanks among them ("Perfect, that worked. Thanks a lot!" p = 0.84, "I love the new
 * dashboard, great work team!" 0.63, against 0.73 for "Thanks for nothing. Still broken."). Counted
 * only on a message with praise on its surface, as the sarcasm model is, it still marks 42 and
 * irony F1 falls to 0.556; fitted without ordinary tweets, the cap lands at p ≥ 0.70, which marks 6
 * but scores irony F1 0.398. Fitted on ironic tweets against ordinary ones, it learns "emotional,
 * with praise words", which is much of what customers write: a hint on every other message gets
 * switched off, and one on sincere thanks misleads. The irony goal figure is therefore the shipped
 * flag's (`ironyCrossValidation`).
 */
export const IRONY = {
  weights: { irony: 1, support: 0.1, tweets: 0.03, isarcasm: 0 } satisfies IronyWeights as IronyWeights,
  charGrams: 4,
  minDf: 2,
  bits: 16,
  fit: { epochs: 10, l2: 1e-5, lr: 0.02, seed: 29 } satisfies FitSettings,
};

/**
 * The candidate hint may fire on at most this share of ordinary support requests (Bitext, Stanford
 * politeness) and of ordinary tweets (SemEval, outside its sarcasm file), out of fold.
 */
const MAX_POSSIBLE_ALARMS = 0.05;

/** The sarcasm pool as the irony model reads it (its feature options, its weights). */
export function ironyPool(dir: string, english: LinearModel | null, settings = IRONY): SarcasmExample[] {
  return sarcasmPool(dir, english, { ...SARCASM, charGrams: settings.charGrams }).map((e) => ({
    ...e,
    weight: settings.weights[e.source],
  }));
}

/** `SARCASM`-shaped settings for the shared fit helpers (`outOfFold`, `fitSarcasmModel`). */
const asSarcasmSettings = (settings: typeof IRONY): typeof SARCASM => ({
  ...SARCASM,
  charGrams: settings.charGrams,
  minDf: settings.minDf,
  bits: settings.bits,
  fit: settings.fit,
});

/**
 * The irony model's threshold: the best F1 on the irony tweets of `scored`, among thresholds
 * (0.02..0.95) that flag at most `MAX_POSSIBLE_ALARMS` of the support requests and of the ordinary
 * tweets.
 */
export function ironyThreshold(scored: readonly Scored[]): {
  threshold: number;
  f1: number;
  accuracy: number;
  requestAlarms: number;
  tweetAlarms: number;
} {
  const irony = scored.filter((s) => s.source === 'irony');
  const support = scored.filter((s) => s.source === 'support');
  const tweets = scored.filter((s) => s.source === 'tweets' && !s.y);
  const share = (xs: readonly Scored[], t: number) => xs.filter((s) => s.p >= t).length / Math.max(1, xs.length);
  let best = { threshold: 0.95, f1: -1, accuracy: 0, requestAlarms: 0, tweetAlarms: 0 };
  for (let t = 0.02; t <= 0.951; t += 0.01) {
    const requestAlarms = share(support, t);
    const tweetAlarms = share(tweets, t);
    if (requestAlarms > MAX_POSSIBLE_ALARMS || tweetAlarms > MAX_POSSIBLE_ALARMS) continue;
    const f1 = binaryF1(
      irony.map((s) => s.y),
      irony.map((s) => s.p >= t),
    ).f1;
    if (f1 > best.f1) {
      const accuracy = irony.filter((s) => s.y === s.p >= t).length / Math.max(1, irony.length);
      best = { threshold: Number(t.toFixed(2)), f1, accuracy, requestAlarms, tweetAlarms };
    }
  }
  return best;
}

/** One decision's measures on the irony tweets. */
export interface IronyMeasure {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  /** Rows: gold not ironic / ironic; columns: predicted not ironic / ironic. */
  confusion: number[][];
}

/**
 * Irony by 5-fold cross-validation on TweetEval irony train, nested: for each held-out fold, the
 * shipped sarcasm flag (`likely`: phrase cues and the sarcasm model at its operating point) and the
 * candidate irony model (`IRONY`, not shipped) are refitted without it, their thresholds chosen by
 * an inner 3-fold CV on the training data only (`operatingPoint`, `ironyThreshold`), and the held-out
 * tweets read by the flag, and by the flag or the candidate (the second level it would have been).
 * The support requests and ordinary tweets always train.
 */
export function ironyCrossValidation(dir: string): {
  candidate: IronyMeasure;
  flag: IronyMeasure;
  trivialF1: number;
  trivialAccuracy: number;
} {
  const english = readBlob(readBlobBytes()).get('sentiment:en') ?? null;
  const pool = sarcasmPool(dir, english);
  const ironyExamples = ironyPool(dir, english);
  const ironyAt = pool.map((e, i) => (e.source === 'irony' ? i : -1)).filter((i) => i >= 0);
  const gold = ironyAt.map((at) => (pool[at] as SarcasmExample).y === 1);
  const fold = foldsOf(ironyAt.length, 5, 41);
  const heldOut = new Map(ironyAt.map((at, j) => [at, fold[j] as number]));
  const flag = new Array<boolean>(ironyAt.length).fill(false);
  const candidate = new Array<boolean>(ironyAt.length).fill(false);
  const ironySettings = asSarcasmSettings(IRONY);
  for (let f = 0; f < 5; f++) {
    const train = pool.filter((_, i) => heldOut.get(i) !== f);
    const { threshold } = operatingPoint(outOfFold(train, 3));
    const model = quantised(fitSarcasmModel(train), LEVELS, -1);
    const ironyTrain = ironyExamples.filter((_, i) => heldOut.get(i) !== f);
    const irony = ironyThreshold(outOfFold(ironyTrain, 3, ironySettings)).threshold;
    const ironyModel = quantised(fitSarcasmModel(ironyTrain, ironySettings), LEVELS, -1);
    ironyAt.forEach((at, j) => {
      if (fold[j] !== f) return;
      const e = pool[at] as SarcasmExample;
      flag[j] = sarcasticDecision(e.cue, predict(model, e)[0] as number, threshold, e.positive);
      candidate[j] = flag[j] || (predict(ironyModel, ironyExamples[at] as SarcasmExample)[0] as number) >= irony;
    });
  }
  const measure = (p: readonly boolean[]): IronyMeasure => {
    const r = binaryF1(gold, p);
    const right = gold.filter((g, i) => g === p[i]).length;
    return {
      f1: r.f1,
      precision: r.p,
      recall: r.r,
      accuracy: right / gold.length,
      confusion: [
        [gold.filter((g, i) => !g && !p[i]).length, gold.filter((g, i) => !g && p[i]).length],
        [gold.filter((g, i) => g && !p[i]).length, gold.filter((g, i) => g && p[i]).length],
      ],
    };
  };
  const positives = gold.filter(Boolean).length;
  return {
    candidate: measure(candidate),
    flag: measure(flag),
    trivialF1: (2 * positives) / (positives + gold.length),
    trivialAccuracy: positives / gold.length,
  };
}

/**
 * The table behind `IRONY`: 5-fold CV out-of-fold scores of each mixture, read at `ironyThreshold`
 * (so the threshold is picked on the scores it is measured on: the nested figure of what ships is
 * the accuracy benchmark's), with the area under the ROC curve on the irony tweets and the table's
 * gzip size.
 */
function selectIrony(dir: string, english: LinearModel | null): void {
  console.log(
    '\n## Irony model (candidate "possibly ironic" level, not shipped): 5-fold CV, read at the capped threshold\n',
  );
  console.log(
    '| support | tweets | iSarcasmEval | bits | irony AUC | irony F1 | irony accuracy | threshold | request alarms | tweet alarms | agent-replies customer messages flagged | the same, praise only: flagged, irony F1 | KB gzip |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  installModels(readBlobBytes());
  // The latest customer message of each English conversation in the agent-replies fixture: what
  // the hint would read in use. Measured only, never fitted on.
  const customers = agentReplies()
    .map((r) => r.customer[r.customer.length - 1] ?? '')
    .filter((t) => t !== '' && detectLanguage(t).language === 'en');
  const fixture = sarcasmExamples(
    'agent-replies-customers',
    customers,
    customers.map(() => false),
    'support',
    english,
    { ...SARCASM, charGrams: IRONY.charGrams },
  );
  const candidates: (typeof IRONY)[] = [];
  for (const [bits, tweets, isarcasm] of [
    [18, 0, 0],
    [18, 0.03, 0],
    [18, 0.1, 0],
    [18, 0.03, 0.3],
    [16, 0.03, 0],
    [16, 0.03, 0.3],
  ] as const)
    candidates.push({ ...IRONY, bits, weights: { ...IRONY.weights, tweets, isarcasm } });
  const base = ironyPool(dir, english);
  for (const settings of candidates) {
    const pool = base.map((e) => ({ ...e, weight: settings.weights[e.source] }));
    const scored = outOfFold(pool, 5, asSarcasmSettings(settings));
    const irony = scored.filter((x) => x.source === 'irony');
    const pos = irony.filter((x) => x.y).map((x) => x.p);
    const neg = irony.filter((x) => !x.y).map((x) => x.p);
    let auc = 0;
    for (const a of pos) for (const b of neg) auc += a > b ? 1 : a === b ? 0.5 : 0;
    auc /= Math.max(1, pos.length * neg.length);
    const op = ironyThreshold(scored);
    const full = fitSarcasmModel(pool, asSarcasmSettings(settings));
    const { table } = toShipped(full, ['ironic'], '', { levels: LEVELS });
    const kb = gzipSync(new Uint8Array(table.buffer)).length / 1024;
    const shipped = quantised(full, LEVELS, -1);
    const flagged = fixture.filter((e) => (predict(shipped, e)[0] as number) >= op.threshold);
    // Counted only on a message with praise on its surface, as the sarcasm model is (`sarcasmSurface`).
    const praised = binaryF1(
      irony.map((x) => x.y),
      irony.map((x) => x.positive && x.p >= op.threshold),
    ).f1;
    const w = settings.weights;
    console.log(
      `| ${w.support} | ${w.tweets} | ${w.isarcasm} | ${settings.bits} | ${auc.toFixed(4)} | ${op.f1.toFixed(4)} | ${op.accuracy.toFixed(4)} | ${op.threshold.toFixed(2)} | ${(100 * op.requestAlarms).toFixed(1)}% | ${(100 * op.tweetAlarms).toFixed(1)}% | ${flagged.length} of ${fixture.length} | ${flagged.filter((e) => e.positive).length}, ${praised.toFixed(4)} | ${kb.toFixed(1)} |`,
    );
  }
}

// ---------------------------------------------------------------- main

const BLOB_FILE = path.join(repoRoot, 'public', MODEL_FILE);

/** The committed blob's bytes (a fit reuses its English model for the sarcasm features' odds). */
export function readBlobBytes(): Uint8Array {
  return new Uint8Array(readFileSync(BLOB_FILE));
}

/** A blob's models as `writeBlob` takes them (headers without offsets, tables copied). */
function blobParts(bytes: Uint8Array): Parameters<typeof writeBlob>[0] {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as BlobHeader;
  const base = 8 + headerLength;
  const out: Parameters<typeof writeBlob>[0] = {};
  for (const [name, { offset, length, ...rest }] of Object.entries(header.models))
    out[name] = { header: rest, table: new Int8Array(bytes.slice(base + offset, base + offset + length).buffer) };
  return out;
}

function writeBlobFile(bytes: Uint8Array): void {
  writeFileSync(BLOB_FILE, bytes);
  console.log(
    `wrote public/${MODEL_FILE} (${(bytes.length / 1024).toFixed(0)} KB, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzip)`,
  );
}

/** `sentiment:<language>` for every language of `LANGUAGES`, in their order. */
function fitLanguageModels(dir: string, english: LinearModel | null): Parameters<typeof writeBlob>[0] {
  const out: Parameters<typeof writeBlob>[0] = {};
  for (const [lang, s] of Object.entries(LANGUAGES)) {
    console.log(`fitting ${lang} sentiment…`);
    const lp = languagePool(dir, s.features, english);
    out[`sentiment:${lang}`] = toShipped(
      fitLanguage(
        languageTrainingSet(lp, lang, s, () => true),
        LANGUAGE_FIT,
        LANGUAGE_BITS,
        s.minDf,
      ),
      CLASSES,
      `XLM-T train (${lang}${s.others > 0 ? `; the other languages at ${s.others}` : ''}${s.english > 0 ? `; SemEval sample at ${s.english}` : ''}).`,
      { levels: LEVELS, reference: 'neutral', features: s.features },
    );
  }
  return out;
}

function fitAll(dir: string): void {
  const shipped: Parameters<typeof writeBlob>[0] = {};
  console.log('fitting English sentiment…');
  const pool = englishPool(dir, { charGrams: ENGLISH.charGrams });
  const english = toShipped(
    fitEnglish(pool, ENGLISH),
    CLASSES,
    'SemEval-2013..2016 train, SST-2 train, Sentiment140 train (100k), vader-ground-truth, Bitext / Stanford politeness requests as neutral.',
    { levels: LEVELS, reference: 'neutral', features: { charGrams: ENGLISH.charGrams }, bias: ENGLISH.bias },
  );
  shipped['sentiment:en'] = english;
  // The sarcasm model and the languages fitted with `englishOdds` read the new English model's odds.
  const englishModel = readBlob(writeBlob({ 'sentiment:en': english })).get('sentiment:en') ?? null;
  Object.assign(shipped, fitLanguageModels(dir, englishModel));
  console.log('fitting the language identifier…');
  shipped[LANGUAGE_MODEL] = fitLanguageId(languageIdPool(dir), LANGUAGE_ID);
  console.log('fitting sarcasm…');
  const sp = sarcasmPool(dir, englishModel);
  const op = operatingPoint(outOfFold(sp, 5));
  console.log(
    op.f1 > 0
      ? `sarcasm: operating point p >= ${op.threshold.toFixed(2)}, 5-fold CV F1 on iSarcasmEval train ${op.f1.toFixed(3)}, support-request alarms ${(100 * op.alarms).toFixed(2)}%`
      : `sarcasm: no threshold reached precision ${MIN_SARCASM_PRECISION} over the pool; the model counts from p >= ${op.threshold.toFixed(2)} only`,
  );
  shipped.sarcasm = toShipped(
    fitSarcasmModel(sp),
    ['sarcastic'],
    'iSarcasmEval train, TweetEval irony train, SemEval tweets and Bitext / Stanford politeness requests, with the English sentiment odds.',
    { levels: LEVELS, threshold: op.threshold, features: { charGrams: SARCASM.charGrams } },
  );
  writeBlobFile(writeBlob(shipped));
}

function main(): void {
  const dir = requireDatasets();
  const select = process.argv.find((a) => a.startsWith('--select'));
  if (select) {
    const which = select.includes('=') ? select.slice(select.indexOf('=') + 1) : 'all';
    const english = () => readBlob(readBlobBytes()).get('sentiment:en') ?? null;
    if (which === 'all' || which === 'english') selectEnglish(dir);
    if (which === 'all' || which === 'languages') selectLanguages(dir);
    if (which === 'all' || which === 'languages' || which === 'language-offsets') selectLanguageOffsets(dir);
    if (which === 'all' || which === 'languages' || which === 'english-odds') selectEnglishOdds(dir, english());
    if (which === 'all' || which === 'sarcasm') selectSarcasm(dir, english());
    if (which === 'all' || which === 'irony') selectIrony(dir, english());
    if (which === 'all' || which === 'language-id') selectLanguageId(dir, LANGUAGE_ID);
    return;
  }
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only === 'language-id' || only === 'languages') {
    // Refits those models alone and keeps every other model of the committed blob as it is, in the
    // order a whole fit writes them (the identifier before sarcasm), so both write the same bytes.
    const fresh =
      only === 'languages'
        ? fitLanguageModels(dir, readBlob(readBlobBytes()).get('sentiment:en') ?? null)
        : { [LANGUAGE_MODEL]: fitLanguageId(languageIdPool(dir), LANGUAGE_ID) };
    const kept: Parameters<typeof writeBlob>[0] = {};
    for (const [name, m] of Object.entries(blobParts(readBlobBytes()))) {
      const identifier = fresh[LANGUAGE_MODEL];
      if (name === 'sarcasm' && identifier && !(LANGUAGE_MODEL in kept)) kept[LANGUAGE_MODEL] = identifier;
      kept[name] = fresh[name] ?? m;
    }
    writeBlobFile(writeBlob(kept));
    return;
  }
  fitAll(dir);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

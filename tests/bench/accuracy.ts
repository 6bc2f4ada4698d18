/**
 * Accuracy of ReplyGuard's customer signals beside peer libraries, in one run, on the
 * labelled public data in ../shared/datasets (see its README; override with
 * REPLYGUARD_DATASETS). Command: npm run bench:accuracy
 *
 * Scoring: peers give a number; score > 0 is positive, < 0 negative, 0 neutral. ReplyGuard is
 * scored by the label it reports (its contract output). On two-class sets a neutral answer
 * counts as wrong for everyone. Sarcasm: ReplyGuard's `sarcasm.likely` against the labels;
 * for every scorer, how often it calls sarcastic texts positive. Escalation: Bitext
 * `contact_human_agent` as positives; negatives are the intents unrelated to escalation.
 */
import { createRequire } from 'node:module';
import { analyzeCustomer } from '../../lib/engine/signals';
import {
  bitext,
  isarcasmTest,
  type Polarity,
  requireDatasets,
  riloffHeadlines,
  type SarcasmExample,
  type SentimentExample,
  sentiment140,
  sst2,
  tweetEval,
  uci,
} from './datasets';

const require = createRequire(import.meta.url);

type Scorer = { name: string; label: (text: string) => Polarity };

const bySign = (score: number): Polarity => (score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral');

function scorers(): Scorer[] {
  const vader = require('vader-sentiment') as {
    SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } };
  };
  const Sentiment = require('sentiment') as new () => { analyze(t: string): { score: number } };
  const afinn = new Sentiment();
  const winkSentiment = require('wink-sentiment') as (t: string) => { normalizedScore: number };
  const winkNLP = require('wink-nlp') as (m: unknown) => {
    readDoc(t: string): { out(f: unknown): number };
    its: { sentiment: unknown };
  };
  const wink = winkNLP(require('wink-eng-lite-web-model'));
  return [
    { name: 'ReplyGuard', label: (t) => analyzeCustomer([t])?.sentiment.label ?? 'neutral' },
    { name: 'vader-sentiment', label: (t) => bySign(vader.SentimentIntensityAnalyzer.polarity_scores(t).compound) },
    { name: 'sentiment (AFINN-165)', label: (t) => bySign(afinn.analyze(t).score) },
    { name: 'wink-sentiment', label: (t) => bySign(winkSentiment(t).normalizedScore) },
    { name: 'wink-nlp + lite model', label: (t) => bySign(wink.readDoc(t).out(wink.its.sentiment)) },
  ];
}

/** Accuracy and macro-F1 over the classes present in the gold labels. */
function score(gold: readonly Polarity[], predicted: readonly Polarity[]): { acc: number; f1: number } {
  const classes = [...new Set(gold)];
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  let f1Sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return { acc: correct / gold.length, f1: f1Sum / classes.length };
}

const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function sentimentSection(dir: string, all: Scorer[]): void {
  const sets: { name: string; data: SentimentExample[]; f1: boolean }[] = [
    { name: 'TweetEval test', data: tweetEval(dir), f1: true },
    { name: 'Sentiment140', data: sentiment140(dir), f1: true },
    { name: 'SST-2 dev', data: sst2(dir), f1: false },
    { name: 'UCI amazon', data: uci(dir, 'amazon'), f1: false },
    { name: 'UCI yelp', data: uci(dir, 'yelp'), f1: false },
    { name: 'UCI imdb', data: uci(dir, 'imdb'), f1: false },
  ];
  const head = ['scorer'];
  for (const s of sets) {
    if (s.f1) head.push(`${s.name} acc`, `${s.name} macro-F1`);
    else head.push(`${s.name} acc`);
  }
  const rows: string[][] = [];
  for (const scorer of all) {
    const row = [scorer.name];
    for (const s of sets) {
      const r = score(
        s.data.map((e) => e.label),
        s.data.map((e) => scorer.label(e.text)),
      );
      row.push(f3(r.acc));
      if (s.f1) row.push(f3(r.f1));
    }
    rows.push(row);
  }
  console.log(`\n## Sentiment (${sets.map((s) => `${s.name} n=${s.data.length}`).join(', ')})\n`);
  console.log(table(head, rows));
}

function sarcasmSection(dir: string, all: Scorer[]): void {
  const sets: { name: string; data: SarcasmExample[] }[] = [
    { name: 'iSarcasmEval test', data: isarcasmTest(dir) },
    { name: 'Riloff tweets', data: riloffHeadlines(dir, 'riloff') },
    { name: 'News headlines', data: riloffHeadlines(dir, 'headlines') },
  ];
  const detection: string[][] = [];
  for (const s of sets) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const e of s.data) {
      const likely = analyzeCustomer([e.text])?.sarcasm.likely ?? false;
      if (likely && e.sarcastic) tp++;
      else if (likely) fp++;
      else if (e.sarcastic) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const positives = s.data.filter((e) => e.sarcastic).length;
    detection.push([s.name, `${s.data.length} (${positives} sarcastic)`, f3(f1), f3(precision), f3(recall)]);
  }
  console.log('\n## Sarcasm: ReplyGuard sarcastic-class detection (no peer detects sarcasm)\n');
  console.log(table(['set', 'n', 'F1', 'precision', 'recall'], detection));

  const head = ['scorer'];
  for (const s of sets) head.push(`${s.name}: sarcastic → positive`, 'others → positive');
  const rows: string[][] = [];
  for (const scorer of all) {
    const row = [scorer.name];
    for (const s of sets) {
      let sarcPos = 0;
      let sarc = 0;
      let otherPos = 0;
      let other = 0;
      for (const e of s.data) {
        const positive = scorer.label(e.text) === 'positive';
        if (e.sarcastic) {
          sarc++;
          if (positive) sarcPos++;
        } else {
          other++;
          if (positive) otherPos++;
        }
      }
      row.push(pct(sarcPos / Math.max(1, sarc)), pct(otherPos / Math.max(1, other)));
    }
    rows.push(row);
  }
  console.log('\n## Sarcasm: how often each scorer calls the texts positive (lower on sarcastic texts is better)\n');
  console.log(table(head, rows));
}

/**
 * Intents left out of the escalation negatives, because a customer writing them is
 * legitimately close to escalation: contacting customer service (a request for people),
 * complaints, cancelling orders or accounts (cancel-type), cancellation fees, and reviews
 * (the `public` kind). Everything else (orders, invoices, payments, shipping, refunds,
 * accounts, passwords, newsletter) must not be called an escalation.
 */
export const ESCALATION_ADJACENT_INTENTS: ReadonlySet<string> = new Set([
  'contact_customer_service',
  'complaint',
  'cancel_order',
  'check_cancellation_fee',
  'delete_account',
  'review',
]);

function escalationSection(dir: string): void {
  const rows = bitext(dir);
  let tp = 0;
  let positives = 0;
  let fp = 0;
  let negatives = 0;
  const flaggedByIntent = new Map<string, { flagged: number; n: number }>();
  for (const r of rows) {
    const likely = analyzeCustomer([r.text])?.escalation.likely ?? false;
    if (r.intent === 'contact_human_agent') {
      positives++;
      if (likely) tp++;
    } else if (ESCALATION_ADJACENT_INTENTS.has(r.intent)) {
      const s = flaggedByIntent.get(r.intent) ?? { flagged: 0, n: 0 };
      s.n++;
      if (likely) s.flagged++;
      flaggedByIntent.set(r.intent, s);
    } else {
      negatives++;
      if (likely) fp++;
    }
  }
  console.log('\n## Escalation on Bitext (synthetic support utterances)\n');
  console.log(
    table(
      ['measure', 'value'],
      [
        ['contact_human_agent recall', `${f3(tp / positives)} (${tp}/${positives})`],
        ['unrelated intents flagged (false-positive rate)', `${pct(fp / negatives)} (${fp}/${negatives})`],
        ...[...flaggedByIntent].map(([intent, s]) => [
          `excluded, escalation-adjacent: ${intent} flagged`,
          `${pct(s.flagged / s.n)} (${s.flagged}/${s.n})`,
        ]),
      ],
    ),
  );
  console.log(
    `\nUnrelated = every intent except contact_human_agent and ${[...ESCALATION_ADJACENT_INTENTS].join(', ')}.`,
  );
}

function main(): void {
  const env = process.env.REPLYGUARD_DATASETS ? `REPLYGUARD_DATASETS=${process.env.REPLYGUARD_DATASETS} ` : '';
  console.log(`# ReplyGuard accuracy\n\nCommand: ${env}npm run bench:accuracy`);
  const dir = requireDatasets();
  console.log(`Node ${process.version}. Peers: score > 0 positive, < 0 negative, 0 neutral; ReplyGuard: its label.`);
  console.log('On two-class sets (SST-2, UCI) a neutral answer counts as wrong.');
  const all = scorers();
  sentimentSection(dir, all);
  sarcasmSection(dir, all);
  escalationSection(dir);
}

main();

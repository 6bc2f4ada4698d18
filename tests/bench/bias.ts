/**
 * Bias benchmark: ReplyGuard's bias rules beside `alex` (npm) on the same labelled replies.
 *
 *   npm run bench:bias            the table below, on both splits
 *   npm run bench:bias -- --errors   also lists every miss and false alarm
 *
 * The labelled set (tests/bench/data/bias-*.jsonl, see its README) was written for this
 * project: 240 support replies with the customer's messages, half of them clean. The held-out
 * split was written and committed before any bias rule existed and the rules were not tuned on
 * it; the dev split is what the rules were tuned on; the fresh split was written after the rules
 * were frozen, with phrasings chosen to differ, and committed before its first run. The same
 * person wrote the texts and the rules, so the held-out and dev figures are an upper bound; the
 * fresh split is the fairest estimate here.
 *
 * A reply counts as flagged by ReplyGuard when `checkReply` reports any finding of category
 * `bias` (with the customer's messages as context); by alex when `alex.text(reply)` reports any
 * message ("alex, equality only" counts only retext-equality's messages, leaving out its
 * profanity list). Precision, recall and F1 are over replies; the false-alarm rate is the share
 * of clean replies flagged. When ../shared/datasets is present, the fire rate on the Bitext
 * customer-service utterances (8,175 synthetic support requests with no protected attribute in
 * them) is shown too: every fire there is a false alarm unless the listed text shows otherwise.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text as alexText } from 'alex';
import { checkReply } from '../../lib/engine/rules/check-reply';
import { bitext, datasetsDir, repoRoot } from './datasets';

const COMMAND = 'npm run bench:bias';

interface Labelled {
  id: string;
  biased: boolean;
  attr: string;
  customer: string[];
  reply: string;
}

function load(file: string): Labelled[] {
  return readFileSync(path.join(repoRoot, 'tests', 'bench', 'data', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled);
}

type Detector = (reply: string, customer: readonly string[]) => string[];

const replyguard: Detector = (reply, customer) =>
  checkReply({ reply, customer: null, customerMessages: customer, agent: [] })
    .filter((f) => f.category === 'bias')
    .map((f) => `${f.rule}: ${f.text}`);

const alex: Detector = (reply) => alexText(reply).messages.map((m) => `${m.source}/${m.ruleId}: ${m.actual ?? ''}`);
const alexEquality: Detector = (reply) =>
  alexText(reply)
    .messages.filter((m) => m.source === 'retext-equality')
    .map((m) => `${m.ruleId}: ${m.actual ?? ''}`);

interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  hardFp: number;
  hard: number;
  errors: string[];
}

function score(rows: readonly Labelled[], detect: Detector): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, tn: 0, hardFp: 0, hard: 0, errors: [] };
  for (const row of rows) {
    const found = detect(row.reply, row.customer);
    const flagged = found.length > 0;
    if (row.attr === 'hard-negative') s.hard++;
    if (row.biased && flagged) s.tp++;
    else if (row.biased) {
      s.fn++;
      s.errors.push(`  miss ${row.id} [${row.attr}] ${row.reply}`);
    } else if (flagged) {
      s.fp++;
      if (row.attr === 'hard-negative') s.hardFp++;
      s.errors.push(`  false alarm ${row.id} [${row.attr}] ${found.join(' | ')}  <- ${row.reply}`);
    } else s.tn++;
  }
  return s;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function row(name: string, s: Score): string {
  const p = ratio(s.tp, s.tp + s.fp);
  const r = ratio(s.tp, s.tp + s.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const clean = s.fp + s.tn;
  return `| ${name} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f1.toFixed(3)} | ${s.fp}/${clean} = ${pct(ratio(s.fp, clean))} | ${s.hardFp}/${s.hard} |`;
}

const showErrors = process.argv.includes('--errors');
const splits: [string, Labelled[]][] = [
  ['held-out (written before the rules; not tuned on)', load('bias-heldout.jsonl')],
  ['dev (the rules were tuned on it)', load('bias-dev.jsonl')],
  ['fresh (written after the rules were frozen; never tuned on)', load('bias-fresh.jsonl')],
];
splits.push(['all three', splits.flatMap(([, rows]) => rows)]);
const detectors: [string, Detector][] = [
  ['ReplyGuard bias rules', replyguard],
  ['alex 11.0.1 (default)', alex],
  ['alex, equality only', alexEquality],
];

console.log(
  `# ${COMMAND}  (Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)})\n`,
);
for (const [name, rows] of splits) {
  const biased = rows.filter((r) => r.biased).length;
  console.log(`## ${name}: ${rows.length} replies, ${biased} biased, ${rows.length - biased} clean\n`);
  console.log('| detector | precision | recall | F1 | false alarms on clean replies | on hard negatives |');
  console.log('|---|---|---|---|---|---|');
  const errors: string[] = [];
  for (const [detectorName, detect] of detectors) {
    const s = score(rows, detect);
    console.log(row(detectorName, s));
    if (showErrors && name !== 'all three') errors.push(`${detectorName}:`, ...s.errors);
  }
  console.log('');
  if (errors.length) console.log(`${errors.join('\n')}\n`);
}

const dir = datasetsDir();
if (!dir) {
  console.log('Bitext utterances: ../shared/datasets not found (set REPLYGUARD_DATASETS); skipped.');
} else {
  const texts = bitext(dir).map((r) => r.text);
  console.log(`## Bitext customer-service utterances (${texts.length}, no protected attribute in them)\n`);
  console.log('| detector | texts flagged | ms per text |');
  console.log('|---|---|---|');
  for (const [detectorName, detect] of detectors) {
    const started = performance.now();
    const hits: string[] = [];
    for (const t of texts) {
      const found = detect(t, []);
      if (found.length > 0) hits.push(`  ${found.join(' | ')}  <- ${t}`);
    }
    const ms = (performance.now() - started) / texts.length;
    console.log(`| ${detectorName} | ${hits.length} (${pct(hits.length / texts.length)}) | ${ms.toFixed(3)} |`);
    if (showErrors && detectorName.startsWith('ReplyGuard') && hits.length > 0)
      console.log(hits.slice(0, 40).join('\n'));
  }
}

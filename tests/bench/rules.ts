/**
 * Rule benchmark: PII recall and privacy precision on the Presidio synthetic dev split, and
 * the latency of a full reply analysis and of re-analysis after a one-character edit.
 *
 *   npm run bench:rules
 *
 * Entity mapping (Presidio → ReplyGuard PiiKind): CREDIT_CARD → card, IBAN_CODE → iban,
 * US_SSN → ssn, EMAIL_ADDRESS → email, PHONE_NUMBER → phone, IP_ADDRESS → ip-address.
 * Not mapped (ReplyGuard does not flag them as PII): PERSON, STREET_ADDRESS, GPE,
 * ORGANIZATION, DATE_TIME, TITLE, AGE, NRP, ZIP_CODE, DOMAIN_NAME, US_DRIVER_LICENSE.
 *
 * Recall (per type): a labelled span counts as found when `findPii` returns a span of the
 * mapped kind that overlaps it.
 * Precision (privacy findings): every finding of category `privacy` that `checkReply` reports
 * on the sentence (no customer context) counts as correct when it overlaps a labelled span of
 * a mapped type, and as a false alarm otherwise.
 *
 * Note: this is the same dev split the detectors were developed against ("train ok"); the
 * held-back Presidio test split is not in ../shared/datasets, so these figures are not a
 * held-out estimate.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeTicket } from '../../lib/engine/analyze';
import { findPii, type PiiKind } from '../../lib/engine/pii';
import { checkReply } from '../../lib/engine/rules/check-reply';
import { createReplyChecker } from '../../lib/engine/rules/reply-checker';
import { requireDatasets } from './datasets';

const COMMAND = 'npm run bench:rules';
/** Runs discarded before timing, so V8 has compiled the regular expressions and hot paths. */
const WARMUP = 1000;

const MAPPING: Record<string, PiiKind> = {
  CREDIT_CARD: 'card',
  IBAN_CODE: 'iban',
  US_SSN: 'ssn',
  EMAIL_ADDRESS: 'email',
  PHONE_NUMBER: 'phone',
  IP_ADDRESS: 'ip-address',
};

interface PresidioRow {
  full_text: string;
  spans: { entity_type: string; entity_value: string; start_position: number; end_position: number }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

function pii(dir: string): void {
  const file = path.join(dir, 'presidio-synth-pii', 'synth_dataset_v2.dev.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as PresidioRow[];
  const recall = new Map<string, { found: number; total: number; missed: string[] }>();
  let correct = 0;
  let findings = 0;
  const falseAlarms = new Map<string, number>();
  const falseExamples: string[] = [];
  for (const row of rows) {
    const labels = row.spans
      .filter((s) => MAPPING[s.entity_type])
      .map((s) => ({
        kind: MAPPING[s.entity_type] as PiiKind,
        type: s.entity_type,
        start: s.start_position,
        end: s.end_position,
      }));
    const found = findPii(row.full_text);
    for (const label of labels) {
      const r = recall.get(label.type) ?? { found: 0, total: 0, missed: [] };
      r.total++;
      if (found.some((f) => f.kind === label.kind && overlaps(f, label))) r.found++;
      else if (r.missed.length < 5) r.missed.push(row.full_text.slice(label.start, label.end));
      recall.set(label.type, r);
    }
    const privacy = checkReply({ reply: row.full_text, customer: null, customerMessages: [], agent: [] }).filter(
      (f) => f.category === 'privacy',
    );
    for (const f of privacy) {
      findings++;
      if (labels.some((l) => overlaps(f, l))) correct++;
      else {
        const hit = row.spans.find((s) => overlaps(f, { start: s.start_position, end: s.end_position }));
        const key = `${f.rule} on ${hit ? hit.entity_type : 'unlabelled text'}`;
        falseAlarms.set(key, (falseAlarms.get(key) ?? 0) + 1);
        if (falseExamples.length < 8) falseExamples.push(`${key}: "${f.text}"`);
      }
    }
  }
  console.log(`\nPII recall on Presidio dev (${rows.length} sentences; same split the detectors were developed on)`);
  console.log('type            found/total  recall  goal');
  for (const type of Object.keys(MAPPING)) {
    const r = recall.get(type) ?? { found: 0, total: 0, missed: [] };
    const value = r.total ? r.found / r.total : Number.NaN;
    console.log(
      `${type.padEnd(16)}${`${r.found}/${r.total}`.padStart(11)}  ${value.toFixed(3).padStart(6)}  >= 0.95 ${value >= 0.95 ? 'ok' : 'MISSED'}`,
    );
    if (r.missed.length) console.log(`  missed e.g.: ${r.missed.map((m) => JSON.stringify(m)).join(', ')}`);
  }
  const precision = findings ? correct / findings : Number.NaN;
  console.log(
    `\nPrivacy findings precision: ${correct}/${findings} = ${precision.toFixed(3)}  (goal >= 0.90 ${precision >= 0.9 ? 'ok' : 'MISSED'})`,
  );
  for (const [key, n] of [...falseAlarms].sort((a, b) => b[1] - a[1])) console.log(`  false alarm: ${key} x${n}`);
  for (const e of falseExamples) console.log(`  e.g. ${e}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const CUSTOMER = [
  'Hi, my order #48213 still has not arrived and the tracking page has not changed in a week.',
  'I paid for express shipping. This is really frustrating.',
  'Can someone please tell me where my parcel is?',
  'Great, another automated answer that tells me nothing. Thanks a lot.',
  'I have been a customer for six years and never had this problem.',
  'Your chat bot keeps sending me the same link to the FAQ.',
  'I need the package before Friday, it is a birthday present.',
  'If this is not sorted today I will ask my bank for a chargeback.',
  'I also want to speak to a manager about how this was handled.',
  'Seriously, is anyone reading these messages?',
];
const REPLY = [
  'Hi Sam, I am really sorry your parcel has not arrived yet, and I understand how frustrating the silence has been.',
  'I checked order 48213 and the courier scanned it at their Leeds depot on Monday, but there has been no update since.',
  'I have opened an investigation with the courier and asked my manager to look at your case today.',
  'If the parcel cannot be found by Thursday we will send a replacement by express delivery at no cost to you.',
  'You can follow the investigation at https://help.example.com/orders/48213 or reply here with any questions.',
  'I believe it might possibly be sitting in the depot after a missed scan, which happens from time to time.',
  'Our warehouse has already set a spare aside for you today.',
  'Thanks again for your patience, and I will write back as soon as the courier replies.',
  'Best regards, Alex from the Example support team',
].join(' ');

function timing(): void {
  const words = REPLY.split(/\s+/).length;
  const agent = ['Thanks for reaching out! Your order is on its way and should arrive soon.'];
  const runs = 3000;
  const full: number[] = [];
  const replyOnly: number[] = [];
  for (let i = 0; i < runs + WARMUP; i++) {
    const reply = `${REPLY} ${i % 7}`;
    // A different latest customer message each run, so the signals engine's memo of the last
    // conversation never answers: this is the cost of opening a new ticket.
    const customer = [...CUSTOMER.slice(0, -1), `${CUSTOMER[CUSTOMER.length - 1]} (${i % 7})`];
    const t0 = performance.now();
    analyzeTicket({ customer, agent, reply });
    const t1 = performance.now();
    checkReply({ reply, customer: null, customerMessages: CUSTOMER, agent });
    const t2 = performance.now();
    if (i >= WARMUP) {
      full.push(t1 - t0);
      replyOnly.push(t2 - t1);
    }
  }
  // Re-analysis: the agent types; the customer signals are computed once per ticket.
  const customer = analyzeTicket({ customer: CUSTOMER, agent, reply: '' }).customer;
  const checker = createReplyChecker();
  let text = REPLY;
  const ctx = { customer, customerMessages: CUSTOMER, agent };
  checker.check({ ...ctx, reply: text });
  const edits: number[] = [];
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < runs + WARMUP; i++) {
    // A one-character edit inside a word (insert or delete a letter, half and half), as when an
    // agent corrects the draft: sentence boundaries stay put and the length stays about the same.
    let at = Math.floor(random() * text.length);
    while (!/[a-z]/i.test(text[at] ?? '')) at = (at + 1) % text.length;
    text = random() < 0.5 ? `${text.slice(0, at)}e${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
    const t0 = performance.now();
    checker.check({ customer: ctx.customer, customerMessages: ctx.customerMessages, agent: ctx.agent, reply: text });
    if (i >= WARMUP) edits.push(performance.now() - t0);
  }
  // Calibration: a fixed CPU-only task timed the same way shows how much of p99 is the machine.
  const fixed: number[] = [];
  let sink = 0;
  for (let i = 0; i < runs + WARMUP; i++) {
    const t0 = performance.now();
    for (let k = 0; k < 200_000; k++) sink = (sink * 31 + k) | 0;
    if (i >= WARMUP) fixed.push(performance.now() - t0);
  }
  if (sink === 42) console.log('');
  for (const list of [full, replyOnly, edits, fixed]) list.sort((a, b) => a - b);
  const fmt = (x: number): string => `${x.toFixed(3)} ms`;
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(
    `\nLatency (${words}-word reply, ${CUSTOMER.length}-message customer context, ${runs} runs each after ${WARMUP} warm-up runs)`,
  );
  console.log(`machine: ${os.cpus().length} CPUs, load average ${load} (p99 is sensitive to other processes)`);
  console.log(
    `full analysis (analyzeTicket: signals + rules)  p50 ${fmt(percentile(full, 50))}  p99 ${fmt(percentile(full, 99))}  (goal p99 < 5 ms ${percentile(full, 99) < 5 ? 'ok' : 'MISSED'})`,
  );
  console.log(
    `rules only (checkReply)                         p50 ${fmt(percentile(replyOnly, 50))}  p99 ${fmt(percentile(replyOnly, 99))}`,
  );
  console.log(
    `re-analysis after a one-character edit (createReplyChecker)  p50 ${fmt(percentile(edits, 50))}  p99 ${fmt(percentile(edits, 99))}  (goal p99 < 1 ms ${percentile(edits, 99) < 1 ? 'ok' : 'MISSED'})`,
  );
  console.log(
    `calibration (fixed CPU-only loop, no allocation)  p50 ${fmt(percentile(fixed, 50))}  p99 ${fmt(percentile(fixed, 99))}  (p99/p50 shows machine jitter)`,
  );
}

console.log(`$ ${COMMAND}`);
const dir = requireDatasets();
pii(dir);
timing();

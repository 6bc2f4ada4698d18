/**
 * Throughput of ReplyGuard's customer analysis beside vader-sentiment on the same tweets in
 * the same run, and the latency of analysing a whole ticket. Command: npm run bench:speed
 *
 * Budgets (DESIGN.md): customer analysis at least 2x vader-sentiment's texts/s; a ticket of
 * 10 customer messages with a 150-word reply analysed with p99 under 5 ms.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { analyzeTicket } from '../../lib/engine/analyze';
import { analyzeCustomer } from '../../lib/engine/signals';
import { requireDatasets, tweetEval } from './datasets';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } };
};

/** Runs fn over all texts until at least `ms` have passed; returns texts per second. */
function throughput(texts: readonly string[], fn: (t: string) => unknown, ms: number): number {
  let n = 0;
  const start = performance.now();
  let sink = 0;
  while (performance.now() - start < ms) {
    for (const t of texts) {
      if (fn(t)) sink++;
    }
    n += texts.length;
  }
  const elapsed = performance.now() - start;
  if (sink < 0) console.log(sink);
  return (n / elapsed) * 1000;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function latencies(runs: number, fn: (i: number) => unknown): { p50: number; p99: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? 0 };
}

const REPLY_WORDS =
  'Thank you for reaching out and I am sorry for the trouble with your order. I have looked into this and can see that the parcel left our warehouse on Monday and is now with the courier. I understand how frustrating the wait has been, especially after the earlier delay. Our team will keep an eye on it and I will update you as soon as the courier confirms the new delivery date. If it has not arrived by Friday, please reply to this message and we will arrange a replacement or another solution that works for you. In the meantime you can follow the tracking link in your account, where the latest scan and the expected delivery window are shown. I have also added a note to your ticket so that anyone on our team can pick this up straight away. Thanks again for your patience, and please let me know if there is anything else I can help with today.';

function main(): void {
  const env = process.env.REPLYGUARD_DATASETS ? `REPLYGUARD_DATASETS=${process.env.REPLYGUARD_DATASETS} ` : '';
  console.log(`# ReplyGuard speed\n\nCommand: ${env}npm run bench:speed`);
  const tweets = tweetEval(requireDatasets()).map((e) => e.text);
  console.log(`Node ${process.version}, ${tweets.length} TweetEval test tweets, one thread.\n`);

  const replyGuard = (t: string) => analyzeCustomer([t]);
  const vaderFn = (t: string) => vader.SentimentIntensityAnalyzer.polarity_scores(t);
  // Warm up both (JIT, lazy model decoding) before measuring.
  throughput(tweets, replyGuard, 1500);
  throughput(tweets, vaderFn, 1500);
  const rg = Math.max(throughput(tweets, replyGuard, 3000), throughput(tweets, replyGuard, 3000));
  const vd = Math.max(throughput(tweets, vaderFn, 3000), throughput(tweets, vaderFn, 3000));
  console.log('| scorer | texts/s (TweetEval) |');
  console.log('|---|---|');
  console.log(
    `| ReplyGuard customer analysis (sentiment + sarcasm + escalation) | ${Math.round(rg).toLocaleString('en')} |`,
  );
  console.log(`| vader-sentiment 1.1.3 (polarity_scores) | ${Math.round(vd).toLocaleString('en')} |`);
  console.log(`\nReplyGuard / vader: ${(rg / vd).toFixed(2)}x (budget: at least 2x)\n`);

  const tickets: string[][] = [];
  for (let i = 0; i + 10 <= tweets.length; i += 10) tickets.push(tweets.slice(i, i + 10));
  for (let i = 0; i < 300; i++)
    analyzeTicket({ customer: tickets[i % tickets.length] ?? [], agent: [], reply: REPLY_WORDS });
  const customerOnly = latencies(tickets.length, (i) => analyzeCustomer(tickets[i] ?? []));
  const full = latencies(tickets.length, (i) =>
    analyzeTicket({ customer: tickets[i] ?? [], agent: ['Sorry for the wait, we are on it.'], reply: REPLY_WORDS }),
  );
  // One keystroke: same conversation, the reply grows by one character.
  const ticket = tickets[0] ?? [];
  const keystroke = latencies(1000, (i) =>
    analyzeTicket({ customer: ticket, agent: [], reply: `${REPLY_WORDS} ${'x'.repeat(i % 50)}` }),
  );
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  console.log(`Tickets of 10 customer messages (consecutive tweets), ${tickets.length} runs each:\n`);
  console.log('| measure | p50 | p99 | max |');
  console.log('|---|---|---|---|');
  console.log(
    `| analyzeCustomer (10 messages) | ${ms(customerOnly.p50)} | ${ms(customerOnly.p99)} | ${ms(customerOnly.max)} |`,
  );
  console.log(
    `| analyzeTicket (10 messages + ${REPLY_WORDS.split(/\s+/).length}-word reply, all rules) | ${ms(full.p50)} | ${ms(full.p99)} | ${ms(full.max)} |`,
  );
  console.log(
    `| analyzeTicket after one keystroke (same 10 messages, reply one character longer) | ${ms(keystroke.p50)} | ${ms(keystroke.p99)} | ${ms(keystroke.max)} |`,
  );
  console.log('\nBudgets: full ticket p99 under 5 ms; re-analysis after one keystroke p99 under 1 ms.');
}

main();

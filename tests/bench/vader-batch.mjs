/**
 * The peer side of the accuracy benchmark's batch-throughput measure: vader-sentiment over the
 * same JSON Lines file the ReplyGuard CLI reads, as a plain Node script (one thread, as the
 * library runs), one JSON line out per line in. Usage: node tests/bench/vader-batch.mjs FILE
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment');

const lines = createInterface({ input: createReadStream(process.argv[2], 'utf8'), crlfDelay: Infinity });
let out = '';
for await (const line of lines) {
  if (!line.trim()) continue;
  const input = JSON.parse(line);
  const text = input.customer?.at(-1) ?? '';
  out += `${JSON.stringify({ id: input.id, compound: vader.SentimentIntensityAnalyzer.polarity_scores(text).compound })}\n`;
  if (out.length > 65536) {
    process.stdout.write(out);
    out = '';
  }
}
process.stdout.write(out);

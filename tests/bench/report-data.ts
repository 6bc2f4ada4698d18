import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { seededRandom } from '../../lib/demo/random';

/**
 * Export files for `npm run bench:report`, written fast: ten million rows through the demo
 * generator (lib/demo/history.ts) take over 15 minutes here, so this writes the same row shape
 * (every export field, texts kept under the `redacted` privacy mode, findings with fingerprints,
 * customer signals, a drift episode in the last two weeks) straight as NDJSON lines from
 * templates and a seeded random stream. One file is one agent's export, time-ordered.
 */

const HELPDESKS = ['zendesk', 'intercom', 'freshdesk', 'helpscout'] as const;
const RULES: readonly [rule: string, category: string, severity: string, p: number, falseAlarm: number][] = [
  ['cheerful-to-upset', 'tone', 'warning', 0.05, 0.12],
  ['condescension', 'tone', 'warning', 0.015, 0.3],
  ['missing-empathy', 'empathy', 'warning', 0.05, 0.2],
  ['refund-promise', 'commitment', 'warning', 0.035, 0.15],
  ['deadline-promise', 'commitment', 'warning', 0.025, 0.25],
  ['pii-email', 'privacy', 'warning', 0.02, 0.45],
  ['pii-card-number', 'privacy', 'critical', 0.004, 0.05],
  ['unfilled-placeholder', 'placeholder', 'critical', 0.01, 0.02],
  ['stacked-hedging', 'accuracy', 'warning', 0.03, 0.4],
  ['link-shortener', 'link', 'warning', 0.008, 0.35],
  ['ai-self-reference', 'disclosure', 'critical', 0.003, 0.05],
  ['repeated-reply', 'repetition', 'warning', 0.02, 0.3],
];
const SUGGESTIONS = [
  'Hi Sam, thanks for reaching out! Your order #[redacted] ships tomorrow and should arrive within 3 days. Have a great day!',
  'Hi Priya, I am sorry about the trouble with your invoice. I have corrected it and a new copy is on its way to you.',
  'Hi Jonas, great news! You can reset your password from the sign-in page using the "Forgot password" link.',
  'Hi Maria, thanks for your patience. Our team is looking into the sync issue and I will update you as soon as I hear back.',
];
const APOLOGY = ' I am really sorry for the frustration this has caused.';
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
const REASONS = ['wrong-facts', 'tone', 'policy', 'other'] as const;

const hex = (random: () => number, words: number) => {
  let s = '';
  for (let i = 0; i < words; i++) s += ((random() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
  return s;
};

/**
 * Writes one agent's export: `rows` decisions spread over `days` days ending at `end`, oldest first.
 * @returns bytes written.
 */
export async function writeAgentFile(
  file: string,
  options: { seed: number; agent: string; rows: number; days: number; end: number; driftDays: number },
): Promise<number> {
  const random = seededRandom(options.seed);
  const out = createWriteStream(file);
  const span = options.days * 86_400_000;
  const start = options.end - span;
  const driftFrom = options.end - options.driftDays * 86_400_000;
  const step = span / options.rows;
  let bytes = 0;
  let chunk = '';
  for (let n = 0; n < options.rows; n++) {
    const decidedAt = Math.round(start + n * step + random() * step);
    const drifted = decidedAt >= driftFrom;
    const sentiment = SENTIMENTS[random() < 0.35 ? 0 : random() < 0.6 ? 1 : 2] as string;
    const upset = sentiment === 'negative';
    const sarcastic = random() < (upset ? 0.18 : 0.03);
    let findings = '';
    let live = 0;
    let critical = false;
    for (const [rule, category, severity, p0, falseAlarm] of RULES) {
      let p = p0;
      if (category === 'tone' || category === 'empathy') p *= upset ? 2.5 : 0.4;
      if (drifted && category === 'tone') p *= upset ? 4 : 2;
      if (random() >= p) continue;
      const dismissed = random() < falseAlarm;
      if (!dismissed) {
        live += 1;
        if (severity === 'critical') critical = true;
      }
      findings += `${findings ? ',' : ''}{"rule":"${rule}","category":"${category}","severity":"${severity}","fingerprint":"${hex(random, 2)}","dismissed":${dismissed}}`;
    }
    const accept = Math.max(0.05, 0.66 - live * 0.12 - (critical ? 0.35 : 0) - (drifted ? 0.08 : 0));
    const x = random();
    const outcome = x < accept ? 'accepted' : x < accept + 0.25 ? 'edited' : x < 0.97 ? 'rejected' : 'escalated';
    const suggestion = SUGGESTIONS[Math.floor(random() * SUGGESTIONS.length)] as string;
    const sent = outcome === 'accepted' ? suggestion : outcome === 'edited' ? suggestion + APOLOGY : null;
    const editSize = outcome === 'edited' ? APOLOGY.length + Math.round(random() * 20) : 0;
    const similarity = outcome === 'accepted' ? 1 : outcome === 'edited' ? 1 - editSize / (2 * suggestion.length) : 0;
    const reason =
      outcome === 'accepted' ? null : outcome === 'escalated' ? 'needs-human' : REASONS[Math.floor(random() * 4)];
    const helpdesk = HELPDESKS[Math.floor(random() * random() * 4)] as string;
    const shownAt = decidedAt - Math.round(5_000 + random() * random() * 300_000);
    const escalation = upset && random() < 0.15;
    const score = upset ? -0.3 - 0.6 * random() : sentiment === 'positive' ? 0.3 + 0.6 * random() : 0;
    chunk +=
      `{"id":"${options.agent}-${n}","shownAt":${shownAt},"decidedAt":${decidedAt},"helpdesk":"${helpdesk}",` +
      `"ticketHash":"${hex(random, 8)}","agent":"${options.agent}","outcome":"${outcome}",` +
      `"shape":"draft-in-composer","reason":${reason ? `"${reason}"` : 'null'},` +
      `"note":${reason === 'other' ? '"Customer had already been answered by phone."' : 'null'},` +
      `"similarity":${similarity},"editSize":${editSize},"findings":[${findings}],` +
      `"customer":{"sentiment":{"label":"${sentiment}","score":${score}},"sarcasm":{"likely":${sarcastic},"score":${sarcastic ? 0.8 : 0.1}},` +
      `"escalation":{"likely":${escalation},"kinds":[${escalation ? '"manager"' : ''}]}},"privacy":"redacted",` +
      `"suggestionText":${JSON.stringify(suggestion)},"sentText":${sent === null ? 'null' : JSON.stringify(sent)},` +
      `"source":"${random() < 0.75 ? 'ai-control' : 'paste'}","suggestionWords":${suggestion.split(' ').length}}\n`;
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return bytes;
}

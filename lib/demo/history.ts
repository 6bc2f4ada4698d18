import type { OverrideReason, OverrideRow, ShownFinding } from '../db/schema';
import type { Category, SentimentLabel, Severity } from '../engine/types';
import { seededRandom, weighted } from './random';

/**
 * A realistic generated override history, so a newcomer sees the dashboard working: several
 * agents on several helpdesks over weeks, working hours and quiet weekends, findings that follow
 * the customer's mood, and a drift episode in which the AI turns cheerful at upset customers (tone
 * findings and overrides rise on every helpdesk) while the customers stay the same.
 *
 * Deterministic for a seed: ids are `demo-<seed>-<n>`, so loading the demo twice adds nothing.
 */
export interface HistoryOptions {
  seed?: number;
  /** Epoch ms the history ends at (the drift episode runs up to it). */
  end?: number;
  days?: number;
  agents?: readonly string[];
  /** Mean suggestions per agent per working day. */
  perAgentDay?: number;
  /** Days before `end` that the drift episode starts; 0 for none. */
  driftDays?: number;
  /** Keep only the newest this many rows (the benchmark asks for exactly 100,000 ending today). */
  limit?: number;
}

export const DEMO_AGENTS = ['ana.k', 'ben.o', 'chloe.r', 'dev.p', 'emma.s', 'farid.t'] as const;

const HELPDESKS: readonly (readonly [string, number])[] = [
  ['zendesk', 45],
  ['intercom', 25],
  ['freshdesk', 15],
  ['helpscout', 15],
];

interface RuleSpec {
  rule: string;
  category: Category;
  severity: Severity;
  /** Chance per suggestion; tone-type rules are multiplied by the customer's mood. */
  p: number;
  /** Chance an agent dismisses it as not a problem. */
  falseAlarm: number;
  mood?: boolean;
}

const RULES: readonly RuleSpec[] = [
  { rule: 'cheerful-to-upset', category: 'tone', severity: 'warning', p: 0.05, falseAlarm: 0.12, mood: true },
  { rule: 'condescension', category: 'tone', severity: 'warning', p: 0.015, falseAlarm: 0.3 },
  { rule: 'missing-empathy', category: 'empathy', severity: 'warning', p: 0.05, falseAlarm: 0.2, mood: true },
  { rule: 'refund-promise', category: 'commitment', severity: 'warning', p: 0.035, falseAlarm: 0.15 },
  { rule: 'deadline-promise', category: 'commitment', severity: 'warning', p: 0.025, falseAlarm: 0.25 },
  { rule: 'escalation-deflected', category: 'escalation', severity: 'warning', p: 0.0, falseAlarm: 0.1 },
  { rule: 'pii-email', category: 'privacy', severity: 'warning', p: 0.02, falseAlarm: 0.45 },
  { rule: 'pii-card-number', category: 'privacy', severity: 'critical', p: 0.004, falseAlarm: 0.05 },
  { rule: 'unfilled-placeholder', category: 'placeholder', severity: 'critical', p: 0.01, falseAlarm: 0.02 },
  { rule: 'stacked-hedging', category: 'accuracy', severity: 'warning', p: 0.03, falseAlarm: 0.4 },
  { rule: 'link-shortener', category: 'link', severity: 'warning', p: 0.008, falseAlarm: 0.35 },
  { rule: 'ai-self-reference', category: 'disclosure', severity: 'critical', p: 0.003, falseAlarm: 0.05 },
  { rule: 'repeated-reply', category: 'repetition', severity: 'warning', p: 0.02, falseAlarm: 0.3 },
];

const SUGGESTIONS = [
  'Hi {name}, thanks for reaching out! Your order {order} ships tomorrow and should arrive within 3 days. Have a great day!',
  'Hi {name}, I am sorry about the trouble with your invoice. I have corrected it and a new copy is on its way to you.',
  'Hi {name}, great news! You can reset your password from the sign-in page using the "Forgot password" link.',
  'Hi {name}, thanks for your patience. Our team is looking into the sync issue and I will update you as soon as I hear back.',
  'Hi {name}, we are so glad you are enjoying the new update! Let us know if there is anything else we can help with.',
];
const NAMES = ['Sam', 'Priya', 'Jonas', 'Maria', 'Kenji', 'Lea', 'Tom', 'Aisha'];
const APOLOGY = ' I am really sorry for the frustration this has caused.';

/** `n` hex digits (a multiple of 8), built from 32-bit words: per-digit concatenation left 100,000 rows mostly to the GC. */
const hex = (random: () => number, n: number) => {
  const words: string[] = [];
  for (let i = 0; i < n; i += 8)
    words.push(
      Math.floor(random() * 0x100000000)
        .toString(16)
        .padStart(8, '0'),
    );
  return words.join('');
};

/** Log-normal around a median, for decision times. */
const logNormal = (random: () => number, median: number, spread: number) => {
  const u = Math.max(1e-9, random());
  const v = random();
  return median * Math.exp(spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
};

/** Generates the history, oldest decision first. */
export function generateHistory(options: HistoryOptions = {}): OverrideRow[] {
  const seed = options.seed ?? 42;
  const random = seededRandom(seed);
  const days = options.days ?? 42;
  const agents = options.agents ?? DEMO_AGENTS;
  const perAgentDay = options.perAgentDay ?? 30;
  const driftDays = options.driftDays ?? 10;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const endDay = new Date(options.end ?? Date.now());
  endDay.setHours(0, 0, 0, 0);
  const rows: OverrideRow[] = [];
  let n = 0;

  for (let d = days - 1; d >= 0; d--) {
    const day = new Date(endDay);
    day.setDate(day.getDate() - d);
    const weekend = day.getDay() === 0 || day.getDay() === 6;
    const drifted = driftDays > 0 && d < driftDays;
    const dayRows: OverrideRow[] = [];
    for (const agent of agents) {
      const count = Math.round(perAgentDay * (weekend ? 0.15 : 1) * (0.7 + 0.6 * random()));
      for (let i = 0; i < count; i++) {
        n += 1;
        dayRows.push(makeRow(random, seed, n, agent, day.getTime(), drifted, options.end ?? Date.now()));
      }
    }
    dayRows.sort((a, b) => a.decidedAt - b.decidedAt);
    for (const row of dayRows) rows.push(row);
  }
  const kept = rows.filter((r) => r.decidedAt <= (options.end ?? Date.now()));
  return Number.isFinite(limit) ? kept.slice(Math.max(0, kept.length - limit)) : kept;
}

function makeRow(
  random: () => number,
  seed: number,
  n: number,
  agent: string,
  dayStart: number,
  drifted: boolean,
  end: number,
): OverrideRow {
  const helpdesk = weighted(random, HELPDESKS);
  const sentiment: SentimentLabel = weighted(random, [
    ['negative', 35],
    ['neutral', 40],
    ['positive', 25],
  ]);
  const sarcastic = random() < (sentiment === 'negative' ? 0.18 : 0.03);
  const escalation = sentiment === 'negative' && random() < 0.15;
  const upset = sentiment === 'negative' || sarcastic;

  const findings: ShownFinding[] = [];
  for (const spec of RULES) {
    let p = spec.p;
    if (spec.mood) p *= upset ? 2.5 : 0.4;
    if (spec.rule === 'escalation-deflected') p = escalation ? 0.5 : 0;
    // The episode: a model update makes the AI breezy with upset customers.
    if (drifted && spec.category === 'tone') p *= upset ? 4 : 2;
    if (random() < p) {
      findings.push({
        rule: spec.rule,
        category: spec.category,
        severity: spec.severity,
        fingerprint: hex(random, 16),
        dismissed: random() < spec.falseAlarm,
      });
    }
  }
  const live = findings.filter((f) => !f.dismissed);
  const critical = live.some((f) => f.severity === 'critical');
  const tone = live.some((f) => f.category === 'tone' || f.category === 'empathy');

  let accept = 0.66 - live.length * 0.12 - (critical ? 0.35 : 0) - (drifted ? 0.08 : 0);
  accept = Math.max(0.05, accept);
  const escalate = escalation ? 0.35 : 0.02;
  const reject = tone ? 0.22 : 0.08;
  const outcome = weighted(random, [
    ['accepted', accept],
    ['edited', Math.max(1 - accept - escalate - reject, 0.1)],
    ['rejected', reject],
    ['escalated', escalate],
  ] as const);

  let reason: OverrideReason | null = null;
  if (outcome !== 'accepted' && (outcome !== 'edited' || random() < 0.5)) {
    const cats = new Set(live.map((f) => f.category));
    reason =
      outcome === 'escalated'
        ? 'needs-human'
        : cats.has('tone') || cats.has('empathy')
          ? 'tone'
          : cats.has('privacy')
            ? 'privacy'
            : cats.has('commitment') || cats.has('compliance')
              ? 'policy'
              : weighted(random, [
                  ['wrong-facts', 5],
                  ['other', 2],
                  ['false-alarm', findings.some((f) => f.dismissed) ? 3 : 0],
                ] as const);
  }

  const name = NAMES[Math.floor(random() * NAMES.length)] ?? 'Sam';
  const suggestion = (SUGGESTIONS[Math.floor(random() * SUGGESTIONS.length)] ?? '')
    .replace('{name}', name)
    .replace('{order}', '#[redacted]');
  let sent: string | null = null;
  let similarity = 0;
  let editSize = 0;
  if (outcome === 'accepted') {
    sent = suggestion;
    similarity = 1;
  } else if (outcome === 'edited') {
    sent = suggestion.replace(/ Have a great day!| great news!/, '').replace(/\.(?= |$)/, `.${APOLOGY}`);
    if (sent === suggestion) sent = `${suggestion}${APOLOGY}`;
    editSize = Math.abs(sent.length - suggestion.length) + Math.round(random() * 20);
    similarity = Math.max(0.3, Math.min(0.98, 1 - editSize / (suggestion.length + sent.length)));
  }

  // Working hours 08:00–18:00 local.
  const decidedAt = Math.min(end, dayStart + (8 + random() * 10) * 3_600_000);
  const median = outcome === 'accepted' ? 25_000 : outcome === 'edited' ? 95_000 : 60_000;
  const shownAt = Math.round(decidedAt - Math.min(1_800_000, logNormal(random, median, 0.6)));

  return {
    id: `demo-${seed}-${n}`,
    shownAt,
    decidedAt: Math.round(decidedAt),
    helpdesk,
    ticketHash: hex(random, 64),
    agent,
    outcome,
    shape: helpdesk === 'intercom' ? 'side-panel' : 'draft-in-composer',
    reason,
    note: reason === 'other' ? 'Customer had already been answered by phone.' : null,
    similarity,
    editSize,
    findings,
    customer: {
      sentiment: {
        label: sentiment,
        score: sentiment === 'negative' ? -0.3 - 0.6 * random() : sentiment === 'positive' ? 0.3 + 0.6 * random() : 0,
      },
      sarcasm: { likely: sarcastic, score: sarcastic ? 0.6 + 0.4 * random() : 0.3 * random() },
      escalation: { likely: escalation, kinds: escalation ? [random() < 0.6 ? 'manager' : 'cancel'] : [] },
    },
    privacy: 'redacted',
    suggestionText: suggestion,
    sentText: sent,
    // Most drafts come from the helpdesk's AI button; some are pasted from another tool.
    source:
      helpdesk === 'intercom' ? 'ai-control' : random() < 0.7 ? 'ai-control' : random() < 0.75 ? 'paste' : 'insert',
    suggestionWords: suggestion.split(/\s+/).filter(Boolean).length,
  };
}

import { type AnalyzeOptions, analyzeTicket } from '../engine/analyze';
import type { CustomerSignals, Finding } from '../engine/types';

/**
 * One line of the analysis CLI, without any I/O: parse and validate the input object, run the
 * engine, and shape the output exactly as DESIGN.md's "Analysis CLI" contract says. Kept apart
 * from the Node plumbing in analyze.ts so it can be tested directly.
 */

/** The output contract's `customer`: the engine's signals minus the escalation cues. */
export interface CliCustomer {
  sentiment: CustomerSignals['sentiment'];
  sarcasm: CustomerSignals['sarcasm'];
  escalation: { likely: boolean; kinds: CustomerSignals['escalation']['kinds'] };
}

/** One output line. */
export interface CliOutput {
  id: string | number;
  customer: CliCustomer | null;
  findings: Finding[];
}

/** A line either yields an output or a reason a person can act on. */
export type LineResult = { ok: true; output: CliOutput } | { ok: false; error: string };

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function toCliCustomer(signals: CustomerSignals | null): CliCustomer | null {
  if (!signals) return null;
  return {
    sentiment: { label: signals.sentiment.label, score: signals.sentiment.score },
    sarcasm: {
      likely: signals.sarcasm.likely,
      score: signals.sarcasm.score,
      cues: signals.sarcasm.cues.map(({ message, start, end, text, kind }) => ({ message, start, end, text, kind })),
    },
    escalation: { likely: signals.escalation.likely, kinds: [...signals.escalation.kinds] },
  };
}

function toCliFinding(f: Finding): Finding {
  const { rule, category, severity, start, end, text, message, fingerprint } = f;
  return { rule, category, severity, start, end, text, message, fingerprint };
}

/** Parses, validates and analyses one input line (with admin packs when given). Never throws. */
export function analyzeLine(line: string, options?: AnalyzeOptions): LineResult {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${(err as Error).message})` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'expected a JSON object like {"id": "t1", "customer": ["..."], "reply": "..."}' };
  }
  const obj = input as Record<string, unknown>;
  if (typeof obj.id !== 'string' && typeof obj.id !== 'number') {
    return { ok: false, error: '"id" is required and must be a string or a number' };
  }
  for (const field of ['customer', 'agent'] as const) {
    if (obj[field] !== undefined && !isStringArray(obj[field])) {
      return { ok: false, error: `"${field}" must be an array of strings (oldest first)` };
    }
  }
  if (obj.reply !== undefined && typeof obj.reply !== 'string') {
    return { ok: false, error: '"reply" must be a string' };
  }
  try {
    const analysis = analyzeTicket(
      {
        customer: (obj.customer as string[] | undefined) ?? [],
        agent: (obj.agent as string[] | undefined) ?? [],
        reply: (obj.reply as string | undefined) ?? '',
      },
      options,
    );
    return {
      ok: true,
      output: { id: obj.id, customer: toCliCustomer(analysis.customer), findings: analysis.findings.map(toCliFinding) },
    };
  } catch (err) {
    return { ok: false, error: `analysis failed (${(err as Error).message})` };
  }
}

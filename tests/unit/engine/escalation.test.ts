import { describe, expect, it } from 'vitest';
import { analyzeCustomer } from '@/lib/engine/signals';
import type { EscalationKind } from '@/lib/engine/types';

const CASES: { text: string; kind: EscalationKind }[] = [
  { text: 'Let me talk to a human please', kind: 'human' },
  { text: 'I want to speak with a real person, not a bot', kind: 'human' },
  { text: 'Can you transfer me to a live agent?', kind: 'human' },
  { text: 'Get me your manager', kind: 'manager' },
  { text: 'I want to speak to a supervisor', kind: 'manager' },
  { text: 'Can someone senior look at this?', kind: 'manager' },
  { text: 'Please escalate this ticket', kind: 'manager' },
  { text: 'I am going to cancel my subscription', kind: 'cancel' },
  { text: "We're switching to your competitor", kind: 'cancel' },
  { text: "I'll take my business elsewhere", kind: 'cancel' },
  { text: 'My lawyer will be in touch', kind: 'legal' },
  { text: "I'm going to sue you", kind: 'legal' },
  { text: 'I will file a chargeback with my bank', kind: 'chargeback' },
  { text: 'I am disputing the charge, calling my bank today', kind: 'chargeback' },
  { text: 'I will report you to the Better Business Bureau', kind: 'regulator' },
  { text: 'Expect a complaint to the FTC', kind: 'regulator' },
  { text: "I'll be leaving a one-star review", kind: 'public' },
  // Conditional threats are threats: a negator in the condition does not govern the threat.
  { text: 'If this is not fixed I will cancel.', kind: 'cancel' },
  { text: "If this isn't fixed by Friday I'm cancelling.", kind: 'cancel' },
  { text: "If this isn't fixed today I'm cancelling my subscription.", kind: 'cancel' },
  { text: "If it doesn't work by Monday, I won't hesitate to cancel my account.", kind: 'cancel' },
  { text: "Unless someone senior calls me I'll dispute the charge.", kind: 'chargeback' },
  { text: "Unless someone senior calls me I'll dispute the charge.", kind: 'manager' },
  { text: "If nobody answers by tonight, I'm calling my lawyer.", kind: 'legal' },
  { text: "Fix it or I'm leaving a one-star review, I'm not joking.", kind: 'public' },
  { text: "I'm not happy and I want to speak to a manager", kind: 'manager' },
  { text: 'I am going to post about this on Twitter', kind: 'public' },
];

describe('escalation kinds', () => {
  it.each(CASES)('$kind: "$text"', ({ text, kind }) => {
    const e = analyzeCustomer([text])?.escalation;
    expect(e?.likely).toBe(true);
    expect(e?.kinds).toContain(kind);
    const cue = e?.cues.find((c) => c.kind === kind);
    expect(cue && text.slice(cue.start, cue.end)).toBe(cue?.text);
  });

  it.each([
    "I don't want to cancel my account, just fix it",
    "No, I don't want to cancel my account.",
    "If it's fixed today I won't cancel my subscription.",
    "I'm not cancelling, I just want the invoice.",
    'No need for a manager, thanks',
    'How do I cancel my newsletter subscription?',
    'Where is my order?',
    'Can you change my shipping address?',
    'The agent was very helpful yesterday',
  ])('no escalation in "%s"', (text) => {
    const e = analyzeCustomer([text])?.escalation;
    expect(e?.likely, JSON.stringify(e)).toBe(false);
  });

  it("keeps asking for a human even when it says it can't reach one", () => {
    expect(analyzeCustomer(["I can't talk to an agent anywhere"])?.escalation.kinds).toContain('human');
  });

  it('collects several kinds, in canonical order', () => {
    const e = analyzeCustomer(['Get me a manager or I cancel my account and call my lawyer']);
    expect(e?.escalation.kinds).toEqual(['manager', 'cancel', 'legal']);
  });

  it('keeps a threat from an earlier message, with its message index', () => {
    const e = analyzeCustomer(['I want a refund or I will sue', 'Still waiting.'])?.escalation;
    expect(e?.kinds).toEqual(['legal']);
    expect(e?.cues[0]?.message).toBe(0);
  });
});

describe('escalation forms that once slipped past a keyword pre-filter', () => {
  it.each([
    ['I need a representative', 'human'],
    ['Are you an AI? Get me an operator, please', 'human'],
    ['Is there someone above you who can help?', 'manager'],
    ['This deserves a class action', 'legal'],
    ["I'm putting this all over social media", 'public'],
  ] as const)('"%s" → %s', (text, kind) => {
    expect(analyzeCustomer([text])?.escalation.kinds).toContain(kind);
  });
});

describe('many matches in one message', () => {
  it('reads negation the same way after the compromise budget is spent', () => {
    const negated = "I don't want to cancel my account. ".repeat(12);
    expect(analyzeCustomer([negated])?.escalation.kinds).toEqual([]);
    const modal = "I can't reach an agent. ".repeat(12);
    expect(analyzeCustomer([modal])?.escalation.cues.length).toBe(12);
  });
});

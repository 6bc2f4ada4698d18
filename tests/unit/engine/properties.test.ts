import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '@/lib/engine/nlp/tokenize';
import { analyzeCustomer } from '@/lib/engine/signals';
import type { CustomerSignals } from '@/lib/engine/types';

/** Fragments that break naive text code: markup, RTL and bidi controls, zero-width marks, emoji, lone surrogates. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<b>great</b> &amp; <i>awful</i>',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '👨‍👩‍👧‍👦',
  '🙄👏🏽',
  '\uD800',
  '\uDC00x',
  'x\uD83D',
  '"\'“‘',
  '#not',
  'yeah right',
  'manager',
  '!!!???...',
  'I love waiting',
  '\n\r\t',
  'e\u0301',
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: 'binary' })), { maxLength: 12 })
  .map((parts) => parts.join(' '));

function checkSpans(messages: string[], signals: CustomerSignals | null): void {
  if (messages.length === 0) {
    expect(signals).toBeNull();
    return;
  }
  expect(signals).not.toBeNull();
  if (!signals) return;
  expect(signals.sentiment.score).toBeGreaterThanOrEqual(-1);
  expect(signals.sentiment.score).toBeLessThanOrEqual(1);
  expect(signals.sarcasm.score).toBeGreaterThanOrEqual(0);
  expect(signals.sarcasm.score).toBeLessThanOrEqual(1);
  for (const cue of [...signals.sarcasm.cues, ...signals.escalation.cues]) {
    const message = messages[cue.message];
    expect(message).toBeDefined();
    expect(cue.start).toBeGreaterThanOrEqual(0);
    expect(cue.end).toBeGreaterThan(cue.start);
    expect(cue.end).toBeLessThanOrEqual(message?.length ?? -1);
    expect(message?.slice(cue.start, cue.end)).toBe(cue.text);
  }
}

describe('hostile and random input', () => {
  it('never throws, and every span is inside its message and matches its text', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 6 }), (messages) => {
        checkSpans(messages, analyzeCustomer(messages));
      }),
      { numRuns: 400 },
    );
  });

  it('tokens are in order, in bounds and match their text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          last = t.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finishes on a 1 MB message and keeps its spans right', () => {
    const unit = "I love waiting on hold 🙄 <b>for</b> your 'guaranteed' support. I want a manager! ";
    const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const messages = ['earlier', huge];
    const signals = analyzeCustomer(messages);
    checkSpans(messages, signals);
    expect(signals?.sarcasm.cues.length).toBeGreaterThan(0);
    expect(signals?.escalation.kinds).toContain('manager');
  });

  it('finishes on a 1 MB run without spaces or with only punctuation', () => {
    for (const huge of [
      'a'.repeat(1_000_000),
      '!'.repeat(1_000_000),
      '🙄'.repeat(500_000),
      '\uD800'.repeat(1_000_000),
    ]) {
      checkSpans([huge], analyzeCustomer([huge]));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeCustomer } from '@/lib/engine/signals';
import type { SarcasmCueKind } from '@/lib/engine/types';

/** Each cue kind with texts that must show it, and the span the agent should see. */
const CUES: { kind: SarcasmCueKind; text: string; span: string }[] = [
  { kind: 'positive-word-negative-situation', text: 'I love waiting on hold for two hours', span: 'love' },
  { kind: 'positive-word-negative-situation', text: 'Great, another update that breaks everything', span: 'Great,' },
  { kind: 'interjection', text: 'Yeah right, like that will ever happen', span: 'Yeah right' },
  { kind: 'interjection', text: 'Oh great, the app is down again', span: 'Oh great' },
  { kind: 'interjection', text: 'Sure, because that always works', span: 'Sure, because' },
  { kind: 'thanks-sting', text: 'Thanks for nothing.', span: 'Thanks for nothing' },
  { kind: 'thanks-sting', text: 'Nice of you to finally reply after a week.', span: 'Nice of you to finally' },
  { kind: 'scare-quotes', text: "Where is your 'guaranteed' delivery?", span: "'guaranteed'" },
  { kind: 'scare-quotes', text: 'So much for the “express” shipping', span: '“express”' },
  { kind: 'praise-then-failure', text: 'Fantastic. Fourth broken unit.', span: 'Fantastic.' },
  { kind: 'emoji', text: 'The parcel is lost again 🙄', span: '🙄' },
  { kind: 'emoji', text: 'Great job 👏 losing my order', span: '👏' },
  { kind: 'hashtag', text: 'Best customer service ever #not', span: '#not' },
  { kind: 'hashtag', text: 'Love being ignored #sarcasm', span: '#sarcasm' },
  { kind: 'exaggeration', text: 'It only took 3 weeks to get an answer', span: 'only took 3 weeks' },
  { kind: 'exaggeration', text: 'I have asked for the 100th time', span: '100th time' },
];

describe('sarcasm cues', () => {
  it.each(CUES)('$kind: "$text"', ({ kind, text, span }) => {
    const signals = analyzeCustomer([text]);
    const cue = signals?.sarcasm.cues.find((c) => c.kind === kind);
    expect(cue, JSON.stringify(signals?.sarcasm)).toBeDefined();
    expect(cue?.text).toBe(span);
    expect(text.slice(cue?.start, cue?.end)).toBe(span);
    expect(cue?.message).toBe(0);
  });

  it.each([
    'I love waiting on hold for two hours',
    'Thanks for nothing.',
    'Yeah right, like that will ever happen',
    'Fantastic. Fourth broken unit.',
    'Best customer service ever #not',
  ])('calls "%s" sarcastic', (text) => {
    expect(analyzeCustomer([text])?.sarcasm.likely).toBe(true);
  });

  it.each([
    'Thanks so much, that fixed it!',
    'Great, the refund arrived. Thank you for your help.',
    'I love this phone, the camera is excellent.',
    'Could you tell me when my order ships?',
  ])('does not call "%s" sarcastic', (text) => {
    const s = analyzeCustomer([text])?.sarcasm;
    expect(s?.likely, JSON.stringify(s)).toBe(false);
  });

  it('pulls a sarcastic compliment away from positive', () => {
    for (const text of [
      'I love waiting on hold for two hours',
      'Great job 👏 losing my order',
      'Best service ever #not',
    ]) {
      expect(analyzeCustomer([text])?.sentiment.label).not.toBe('positive');
    }
  });

  it('points cues at the latest message and its index', () => {
    const signals = analyzeCustomer(['My order never arrived.', 'Oh great, now the tracking page is down too']);
    const cue = signals?.sarcasm.cues[0];
    expect(cue?.message).toBe(1);
    expect(cue?.text).toBe('Oh great');
  });
});

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
  {
    kind: 'interjection',
    text: "Sure, I'll just wait another month then.",
    span: "Sure, I'll just wait another month then",
  },
  { kind: 'interjection', text: 'Love how I have to ask five times for the same thing.', span: 'Love how' },
  { kind: 'interjection', text: 'Cool cool cool, so my data is just gone?', span: 'Cool cool cool' },
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
  { kind: 'exaggeration', text: 'Fourth time this month the app crashed.', span: 'Fourth time' },
  // Negation or a condition elsewhere in the message does not wipe out the cues.
  {
    kind: 'positive-word-negative-situation',
    text: 'Great, another update that breaks everything. If this is not fixed I will cancel.',
    span: 'Great,',
  },
  {
    kind: 'positive-word-negative-situation',
    text: "I love waiting on hold for two hours. If this isn't fixed today I'm cancelling my subscription.",
    span: 'love',
  },
  { kind: 'interjection', text: "Oh great, it still isn't fixed.", span: 'Oh great' },
  { kind: 'interjection', text: 'Good job, my parcel has not arrived yet.', span: 'Good job' },
  {
    kind: 'positive-word-negative-situation',
    text: 'Great, another crash. Let me know when it is fixed.',
    span: 'Great,',
  },
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
    'Great, another update that breaks everything. I love waiting on hold for two hours. If this is not fixed I will cancel.',
    "I love waiting on hold for two hours. It's not like I have a job.",
    "Oh great, the app is down again and it still isn't working.",
  ])('calls "%s" sarcastic', (text) => {
    expect(analyzeCustomer([text])?.sarcasm.likely).toBe(true);
  });

  it.each([
    'Thanks so much, that fixed it!',
    'Great, the refund arrived. Thank you for your help.',
    "Great, it's fixed now, thank you!",
    'Wonderful, the parcel finally arrived. It was not damaged at all.',
    'I love this phone, the camera is excellent.',
    'Could you tell me when my order ships?',
    "Sure, I'll just send the screenshot.",
    'I love how easy the new app is.',
    'Great great great, it works now!',
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

  it('reads sarcasm about trouble as upset, not neutral', () => {
    for (const text of [
      'Thanks for nothing. The refund never arrived.',
      "Sure, I'll just wait another month then.",
      'Love how I have to ask five times for the same thing.',
    ]) {
      expect(analyzeCustomer([text])?.sentiment.label, text).toBe('negative');
    }
  });

  it('reads the flagship ticket: sarcastic, negative, escalating', () => {
    const signals = analyzeCustomer([
      'Since this morning the app closes as soon as I open the invoices tab. I have a client meeting at 3pm.',
      "Great, another update that breaks everything. I love waiting on hold for two hours. Fourth time this month. I want to speak to a manager, and if this isn't fixed today I'm cancelling my subscription.",
    ]);
    expect(signals?.sarcasm.likely).toBe(true);
    expect(signals?.sarcasm.cues.map((c) => c.text)).toEqual(['Great,', 'love', 'Fourth time']);
    expect(signals?.sentiment.label).toBe('negative');
    expect(signals?.sentiment.score).toBeLessThan(-0.5);
    expect(signals?.escalation.kinds).toEqual(['manager', 'cancel']);
  });

  it('reads a sarcastic message with a conditional threat as negative, not positive', () => {
    const signals = analyzeCustomer([
      'Great, another update that breaks everything. I love waiting on hold for two hours. If this is not fixed I will cancel.',
    ]);
    expect(signals?.sentiment.label).toBe('negative');
    expect(signals?.sarcasm.likely).toBe(true);
    expect(signals?.escalation.kinds).toEqual(['cancel']);
  });

  it('points cues at the latest message and its index', () => {
    const signals = analyzeCustomer(['My order never arrived.', 'Oh great, now the tracking page is down too']);
    const cue = signals?.sarcasm.cues[0];
    expect(cue?.message).toBe(1);
    expect(cue?.text).toBe('Oh great');
  });
});

describe('customer cues', () => {
  const read = (...messages: string[]) => analyzeCustomer(messages);

  it.each([
    'I was charged twice and nobody answered',
    'My order never arrived and the tracking has not moved in a week',
  ])('a flat complaint reads negative: %s', (text) => {
    expect(read(text)?.sentiment.label).toBe('negative');
  });

  it.each([
    'Thanks for the update 🙃',
    'Sure, the new version is great 🙄',
    'Oh perfect, locked out again.',
    'Wonderful service... three emails and no reply',
  ])('sarcasm from an emoji, a stock phrase or praise over trouble: %s', (text) => {
    expect(read(text)?.sarcasm.likely).toBe(true);
    expect(read(text)?.sentiment.label).toBe('negative');
  });

  it('a lone "great" after angry messages is sarcastic; on its own it is praise', () => {
    const thread = read(
      'I have asked three times now.',
      'This is unacceptable, nobody is helping me.',
      'Still broken after your so-called fix.',
      'great',
    );
    expect(thread?.sarcasm.likely).toBe(true);
    expect(thread?.sentiment.label).toBe('negative');
    expect(read('great')?.sarcasm.likely).toBe(false);
    expect(read('Thanks, that fixed it!')?.sentiment.label).toBe('positive');
  });

  it('plain questions and thanks are not sarcasm', () => {
    for (const text of ['Do you ship to Norway?', 'Thank you so much, that is a relief.', 'I love the new dashboard!'])
      expect(read(text)?.sarcasm.likely, text).toBe(false);
  });

  it('reports the language, and reads a Spanish message with the Spanish model', () => {
    const es = read('Pésimo servicio, estoy muy enfadado, es una vergüenza.');
    expect(es?.language).toBe('es');
    expect(es?.sentiment.label).toBe('negative');
    expect(es?.sarcasm.cues).toEqual([]);
  });
});

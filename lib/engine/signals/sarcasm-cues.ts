import type { SarcasmCueKind } from '../types';

/**
 * Phrase-level sarcasm cues as data. `strength` is how sarcastic the phrase reads on its own
 * (0..1, combined noisy-OR with the other cues and the fitted model); `needsTrouble` means
 * the phrase only counts when the message also describes something going wrong ("good job"
 * is praise until "good job losing my parcel").
 */
export interface SarcasmPhrase {
  kind: SarcasmCueKind;
  pattern: RegExp;
  strength: number;
  needsTrouble?: boolean;
}

const p = (kind: SarcasmCueKind, source: string, strength: number, needsTrouble = false): SarcasmPhrase => ({
  kind,
  pattern: new RegExp(source, 'gi'),
  strength,
  needsTrouble,
});

/** The phrase cues. */
export const SARCASM_PHRASES: readonly SarcasmPhrase[] = [
  p('interjection', String.raw`\byeah,?\s+right\b|\bya,?\s+right\b|\bas if\b(?=[.!?]|$)`, 0.8),
  p(
    'interjection',
    String.raw`\boh,?\s+(?:great|wonderful|joy|goody|perfect|fantastic|brilliant|lovely|super|awesome|how (?:fun|nice|lovely|wonderful))\b`,
    0.7,
  ),
  p(
    'interjection',
    String.raw`\bsure,?\s+because\b|\bbecause that makes (?:total |perfect )?sense\b|\bthat makes (?:total |perfect )?sense\b(?=[.!]*\s*(?:🙄|not|$))`,
    0.75,
  ),
  p(
    'interjection',
    String.raw`\bjust what I (?:needed|wanted|always wanted)\b|\bhow (?:convenient|lovely|wonderful)\b|\b(?:big|what a) surprise\b|\bsurprise,?\s+surprise\b|\bshocker\b|\bcolou?r me (?:shocked|surprised)\b|\bslow clap\b|\blove that for me\b|\blucky me\b|\bwho (?:would have|could have|would've|could've) (?:thought|guessed)\b|\bwhat a (?:shock|treat)\b`,
    0.7,
  ),
  p(
    'interjection',
    String.raw`\b(?:good|great|nice|fantastic|brilliant|amazing) (?:job|work|going)\b|\bwell done\b|\bbravo\b|\bway to go\b|\bkudos\b|\bgenius\b|\bof course it (?:did|does|is|was|broke|failed)\b|\bwow,?\s+(?:just\s+)?wow\b|\bgee,?\s+thanks\b|\bthanks a (?:lot|bunch|ton)\b`,
    0.6,
    true,
  ),
  // "Sure, I'll just wait another month then": going along with something absurd, the "then"
  // marking it as a shrug rather than a plan ("Sure, I'll just send the screenshot" stays sincere).
  p('interjection', String.raw`\bsure,?\s+(?:I'?ll|I will|let me|we'?ll)\s+just\s+[^.!?\n]{1,60}?\bthen\b`, 0.7),
  // "Love how I have to ask five times": delight about the trouble itself.
  p('interjection', String.raw`\b(?:(?:just|gotta|got to|I)\s+)?love (?:how|that|it when)\b`, 0.6, true),
  // "Cool cool cool", "great great great": one praise word said three times over trouble.
  p(
    'interjection',
    String.raw`\b(cool|great|perfect|fantastic|awesome|wonderful|amazing|lovely|nice|brilliant)(?:[\s,.!]+\1\b){2,}`,
    0.6,
    true,
  ),
  p(
    'thanks-sting',
    String.raw`\b(?:thanks|thank you|thx|ty)(?:\s+(?:so much|a lot|again))?\s+for\s+(?:(?:absolutely|literally)\s+)?(?:nothing|wasting|the (?:non-?|un-?)help|ignoring|ruining|breaking|making (?:it|things|everything|this) worse|finally|the runaround|nada|zilch)\b`,
    0.9,
  ),
  p(
    'thanks-sting',
    String.raw`\b(?:nice|kind|good|great|lovely|thoughtful|decent|sweet) of (?:you|y'all|you guys|you all) to (?:finally|eventually|bother|actually)\b|\b(?:thanks|thank you) for finally\b|\b(?:so glad|glad|appreciate(?: it)?|good to see|nice to see)(?: that)? (?:you|someone|somebody) (?:finally|eventually)\b|\bfinally (?:decided|bothered|got around|deigned) to\b`,
    0.8,
  ),
  p(
    'exaggeration',
    String.raw`\b(?:only|just)\s+(?:took|takes|taking|waited|been|had to wait|wait(?:ed)?|spent)?\s*(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several)\s+(?:more\s+)?(?:hours|days|weeks|months|years|calls|emails|tries|attempts)\b`,
    0.55,
  ),
  p(
    'exaggeration',
    String.raw`\b(?:\d+(?:th|st|nd|rd)|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|hundredth|thousandth|millionth|umpteenth|nth) time\b|\ba (?:million|billion|thousand|gazillion|zillion) (?:times|years|hours|calls|emails|days)\b|\bevery single (?:time|day)\b`,
    0.4,
  ),
  p(
    'exaggeration',
    String.raw`\b(?:best|greatest|finest|fastest|most (?:helpful|amazing|efficient|reliable)) (?:\w+ ){0,3}ever\b|\bcouldn'?t be (?:happier|more thrilled|more pleased|more delighted)\b|\bnever been (?:happier|more thrilled)\b|\babsolutely (?:thrilled|delighted|love|loving)\b|\bmy (?:favou?rite|dream) (?:thing|way|part)\b|\bnothing (?:better|i love more) than\b`,
    0.6,
    true,
  ),
];

/** Hashtags writers use to mark their own sarcasm. */
export const SARCASM_HASHTAGS: ReadonlyMap<string, number> = new Map([
  ['#not', 0.9],
  ['#sarcasm', 0.95],
  ['#sarcastic', 0.95],
  ['#irony', 0.6],
  ['#ironic', 0.6],
  ['#yeahright', 0.9],
  ['#thanksfornothing', 0.9],
  ['#notreally', 0.8],
  ['#sarcasmalert', 0.95],
  ['#soexcited', 0.5],
  ['#lovemylife', 0.55],
  ['#greatjob', 0.5],
  ['#justkidding', 0.5],
]);

/** Eye-roll, clapping and friends; clapping reads as sarcasm mostly next to trouble. */
export const SARCASM_EMOJI: ReadonlyMap<string, number> = new Map([
  ['🙄', 0.8],
  ['🙃', 0.6],
  ['😒', 0.5],
  ['👏', 0.45],
  ['😏', 0.5],
]);

/** Words that describe something going wrong for the customer: the "negative situation". */
export const TROUBLE_RE =
  /\b(?:wait(?:ed|ing)?|on hold|hours?|days|weeks|months|again|another|still|yet|broke|broken|breaks?|breaking|crash(?:ed|es|ing)?|late|delay(?:ed|s)?|lost|never (?:arrived|came|showed|received|got|answered)|stuck|charged|overcharged|twice|error|bug|bugs|outage|down|fail(?:ed|s|ing|ure)?|cancel(?:l)?ed|no (?:response|reply|answer|one|help)|nobody|ignored|ignoring|missing|wrong|damaged|defective|useless|nothing|lose|losing|died|dead|mondays?|traffic|rain(?:ing)?|sick|work(?:ing)? (?:on|this|all) (?:a |the )?(?:weekend|saturday|sunday|holiday|night)|homework|exams?|dentist|taxes|alarm|sleep|slept|assignments?|deadlines?|essays?|dissertation|lockdown|queue|(?:just|all|completely) gone|(?:ask|asked|asking|tell|told|explain(?:ed)?)\s+(?:\w+\s+){0,2}(?:twice|(?:\d+|two|three|four|five|six|ten) times)|\d+\s?(?:am|a\.m\.))\b/i;

/**
 * Words that open a clause whose content is hypothetical: "if this isn't fixed", "once it's
 * sorted", "let me know when it works now". A resolution said inside one has not happened.
 */
export const CONDITIONAL_WORDS: ReadonlySet<string> = new Set([
  'if',
  'unless',
  'until',
  'till',
  'once',
  'when',
  'whether',
]);

/**
 * Words that say the trouble is over, so praise next to them is sincere ("great, it's fixed now").
 * Only an affirmed mention counts: "isn't fixed" or "if this is not fixed" says the trouble goes
 * on (see `isResolved` in sarcasm.ts). Global, so every mention can be checked.
 */
export const RESOLVED_RE =
  /\b(?:fixed|resolved|solved|sorted|working now|works now|arrived|received|got it|back up|refunded|helped|help(?:ing)?\s+me|for your help|for helping)\b/gi;

/** Words allowed in scare quotes without a possessive in front: the claims companies make. */
export const CLAIM_WORDS = new Set([
  'guaranteed',
  'guarantee',
  'free',
  'support',
  'help',
  'express',
  'fast',
  'quick',
  'premium',
  'unlimited',
  'fix',
  'fixed',
  'update',
  'upgrade',
  'secure',
  'best',
  'quality',
  'service',
  'customer service',
  'next day',
  'next-day',
  'priority',
  'urgent',
  'new',
  'improved',
  'reliable',
  'expert',
  'experts',
  'solution',
  'refund',
  'working',
  'resolved',
]);

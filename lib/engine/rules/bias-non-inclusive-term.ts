import { execAll } from '../pii/exec-all';
import type { Severity } from '../types';
import { defineRule, type RuleHit } from './define-rule';

/**
 * Terms with a common neutral alternative, after retext-equality's idea (a term, why, what to
 * say instead) with our own list for support replies. Only senses that reach people are listed:
 * "master" alone, "blind" alone and "dumb" alone have everyday product senses (master bedroom,
 * window blinds, dumb terminal) and are not.
 */

type Kind = 'gendered' | 'technical' | 'ableist' | 'disability' | 'ethnic' | 'age';

interface Term {
  kind: Kind;
  pattern: string;
  replacement: string;
}

const TERMS: readonly Term[] = [
  {
    kind: 'gendered',
    pattern: '(?:hi|hey|hello|thanks|thank you|cheers|morning|ok|okay|sorry|you),? guys',
    replacement: 'everyone, all, folks',
  },
  { kind: 'gendered', pattern: 'man[- ]?power', replacement: 'staff, workforce, people' },
  { kind: 'gendered', pattern: 'man[- ]hours?|man[- ]days?', replacement: 'person-hours, work hours' },
  { kind: 'gendered', pattern: 'mankind', replacement: 'humankind, people' },
  {
    kind: 'gendered',
    pattern:
      '(?:chair|sales|fire|police|spokes|business|middle|fore|camera|delivery|repair|mail|crafts|work|cleaning)[- ]?(?:man|men)(?:[- ]style)?',
    replacement: 'a neutral title (chair, salesperson, firefighter, technician…)',
  },
  { kind: 'gendered', pattern: 'stewardess(?:es)?|air ?hostess(?:es)?', replacement: 'flight attendant' },
  { kind: 'gendered', pattern: 'housewi(?:fe|ves)', replacement: 'homemaker' },
  { kind: 'gendered', pattern: 'manned|unmanned', replacement: 'staffed, unstaffed' },
  { kind: 'technical', pattern: 'white[- ]?list(?:s|ed|ing)?', replacement: 'allowlist' },
  { kind: 'technical', pattern: 'black[- ]?list(?:s|ed|ing)?', replacement: 'blocklist, denylist' },
  { kind: 'technical', pattern: 'slaves?', replacement: 'replica, secondary, follower' },
  {
    kind: 'technical',
    pattern: 'grandfathered(?: in)?|grandfather clause',
    replacement: 'legacy, exempt, kept on the old terms',
  },
  {
    kind: 'ableist',
    pattern: String.raw`crazy|craziness|insane(?:ly)?|insanity|lame|lunatics?|psycho|bonkers|mental(?= (?:price|prices|deal|deals)\b)|(?:so|a bit|little|totally) ocd|schizo(?:phrenic)?(?= (?:weather|day|week|update|app|system|behaviou?r))`,
    replacement: 'wild, unexpected, poor, frustrating',
  },
  {
    kind: 'ableist',
    pattern:
      'crippl(?:ed|ing|es)|tone[- ]deaf|turn(?:ed|ing)? a blind eye|fall(?:s|en|ing)? on deaf ears|blind to|dumb(?:ed)? down|dumb (?:question|mistake|idea|rule|policy)s?',
    replacement: 'a literal word (broke, ignored, unaware, simplified)',
  },
  {
    kind: 'disability',
    pattern: 'wheelchair[- ]bound|confined to (?:a|their|his|her|your) wheelchair',
    replacement: 'wheelchair users, uses a wheelchair',
  },
  {
    kind: 'disability',
    pattern:
      "(?:suffers?|suffering|afflicted|stricken|victims?) (?:from|with|of) (?:an? )?(?:disabilit(?:y|ies)|autism|dyslexia|deafness|blindness|epilepsy|cerebral palsy|down'?s syndrome|down syndrome|dementia|adhd|ms|multiple sclerosis|paralysis|a stammer|learning difficulties)",
    replacement: 'has, lives with',
  },
  {
    kind: 'disability',
    pattern:
      '(?:the )?handicapped|the disabled(?! (?:accounts?|users? list|features?|settings?|option|button|state))|deaf[- ](?:and[- ]dumb|mute)|(?:normal|healthy) people|midgets?|invalids|mentally (?:retarded|handicapped)|special needs',
    replacement: 'disabled people, people with disabilities, accessible',
  },
  {
    kind: 'ethnic',
    pattern: String.raw`illegal (?:aliens?|immigrants?)|orientals?(?= (?:people|man|woman|customers?|guy|girl|lady)\b)|third[- ]world (?:countr(?:y|ies)|nations?)|gypsy|gypsies|gypped|gyp|eskimos?|pow[- ]?wow|spirit animal|red indians?`,
    replacement: 'a precise, neutral word (undocumented, developing countries, Roma, meeting)',
  },
  { kind: 'age', pattern: 'the elderly|old[- ]timers?|old fogeys?', replacement: 'older people' },
];

const SEVERITY: Record<Kind, Severity> = {
  gendered: 'info',
  technical: 'info',
  ableist: 'info',
  age: 'info',
  disability: 'warning',
  ethnic: 'warning',
};

const COMPILED = TERMS.map((t) => ({ ...t, regex: new RegExp(String.raw`\b(?:${t.pattern})\b`, 'gi') }));

export default defineRule({
  meta: {
    id: 'bias-non-inclusive-term',
    category: 'bias',
    severity: 'info',
    description:
      'A non-inclusive term with a common neutral alternative: gendered words for mixed groups or jobs (“hi guys”, “manpower”, “chairman”), technical terms with a charged history (“whitelist”, “slave”, “grandfathered”), disability used as a metaphor (“crazy”, “lame”, “tone-deaf”), and outdated words for people (“wheelchair-bound”, “the handicapped”, “illegal aliens”). Info for the first three (habits, not insults); warning when the word is about people with a disability or an ethnic group. The message names the alternative.',
    scope: 'segment',
    usesContext: false,
    messages: {
      gendered: '“{{text}}” is gendered; prefer {{replacement}}.',
      technical: '“{{text}}” has a charged history; prefer {{replacement}}.',
      ableist: '“{{text}}” uses a disability as a figure of speech; prefer {{replacement}}.',
      disability: '“{{text}}” is outdated language about disability; prefer {{replacement}}.',
      ethnic: '“{{text}}” is an outdated or loaded term for people; prefer {{replacement}}.',
      age: '“{{text}}” lumps older people together; prefer {{replacement}}.',
    },
    examples: {
      flag: [
        { text: 'Hi guys, I have added two seats to your workspace.' },
        { text: 'Please add our address to your whitelist.' },
        { text: 'Yes, wheelchair-bound customers can use the side entrance.' },
        { text: 'I know, the fee policy is crazy.' },
      ],
      pass: [
        { text: 'Hi everyone, I have added two seats to your workspace.' },
        { text: 'Sorry about the bent rail for your master bedroom.' },
        { text: 'I have sent a new set of brackets for your blinds.' },
        { text: 'The store has step-free access for wheelchair users.' },
      ],
    },
  },
  check: ({ text }) => {
    const out: RuleHit<Kind>[] = [];
    for (const term of COMPILED) {
      term.regex.lastIndex = 0;
      for (const m of execAll(term.regex, text)) {
        const start = m.index ?? 0;
        out.push({
          start,
          end: start + m[0].length,
          messageId: term.kind,
          data: { replacement: term.replacement },
          severity: SEVERITY[term.kind],
        });
      }
    }
    return out;
  },
});

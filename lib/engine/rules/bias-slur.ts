import { defineRule } from './define-rule';
import { regexHits } from './support/match';

/**
 * Slurs: words whose only use in a reply is to demean people for their disability, ethnicity,
 * religion, sexual orientation or gender identity. Our own list, written for support replies;
 * words with an everyday sense ("gay", "queer", "oriental rug", "Jap" as a typo) are left to
 * `bias-non-inclusive-term` or out. Stems cover plurals and derived forms.
 */
const SLURS = [
  'retard(?:s|ed|o)?',
  'spaz(?:z(?:es|y))?',
  'spastics?',
  String.raw`cripple(?! (?:the|our|your|my|their|its|it|them)\b)`,
  'mongs?',
  'mongoloids?',
  'tard(?:s)?',
  'tranny|trannies',
  'shemales?',
  'fag(?:s|got|gots|gy)?',
  'dykes?',
  'homos',
  'pakis?',
  String.raw`chinks?(?! in\b)`,
  'gooks?',
  'spics?',
  'wetbacks?',
  'kikes?',
  'nigg(?:er|a|az|ers|as)',
  'ragheads?',
  'towelheads?',
  'redskins?',
  'half[- ]breeds?',
  'gyppos?',
  'pikeys?',
  'dagos?',
  'wops?',
  'beaners?',
];

const SLUR = new RegExp(String.raw`\b(?:${SLURS.join('|')})\b`, 'gi');

export default defineRule({
  meta: {
    id: 'bias-slur',
    category: 'bias',
    severity: 'critical',
    description:
      'A slur about disability, ethnicity, religion, sexual orientation or gender identity, anywhere in the reply, also when quoting the customer or describing a third party (“that driver is a spaz”). Critical: nothing makes it sendable, and one sent reply is a complaint, a screenshot and a policy breach.',
    scope: 'segment',
    usesContext: false,
    messages: {
      slur: '“{{text}}” is a slur; remove it.',
    },
    examples: {
      flag: [
        { text: 'Sorry, the last update was retarded; we are rolling it back.' },
        { text: 'Apologies, that driver is a spaz.' },
      ],
      pass: [
        { text: 'Sorry, the last update was faulty; we are rolling it back.' },
        { text: 'The retardant coating on the panel is fire-rated.' },
      ],
    },
  },
  check: ({ text }) => regexHits(SLUR, text, 'slur'),
});

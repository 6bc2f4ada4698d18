import { execAll } from '../pii/exec-all';
import { defineRule, type RuleHit } from './define-rule';
import { selfDescribed } from './support/self-described';

type Attribute = 'family' | 'age' | 'origin' | 'religion' | 'disability';

interface Assumption {
  attribute: Attribute;
  /** What the reply says about the customer. */
  pattern: RegExp;
  /**
   * What the customer must have said (lower-cased text) for the reply to be an echo rather than
   * an assumption; `null` when no context makes the wording right.
   */
  grounds: RegExp | null;
}

const HOLIDAYS =
  '(?:christmas|xmas|easter|eid|ramadan|hanukkah|chanukah|passover|diwali|yom kippur|rosh hashanah|lent|vesak|lunar new year|chinese new year|holi)';
const FAITHS = '(?:christian|catholic|protestant|muslim|jewish|jew|hindu|sikh|buddhist|mormon|atheist)';
const RELIGION_GROUNDS = new RegExp(
  String.raw`\b(?:${HOLIDAYS}|${FAITHS}|church|mosque|synagogue|temple|halal|kosher|prayer|pray|religio\w*|faith|shabbat|sabbath|fasting)\b`,
);

const ASSUMPTIONS: readonly Assumption[] = [
  {
    attribute: 'family',
    pattern: /\byour (husband|wife|boyfriend|girlfriend|hubby|missus)(?:'s)?\b/gi,
    grounds: null, // replaced per match below: the same relation word must come from the customer
  },
  {
    attribute: 'family',
    pattern: /\byour (kids|children|child|son|daughter|baby|grandkids|grandchildren)(?:'s)?\b/gi,
    grounds: null,
  },
  {
    // Remarks no context makes right: the customer's age is never the answer.
    attribute: 'age',
    pattern:
      /\b(?:at your age|(?:for|of) (?:someone|people|a person) (?:of |at )?your age|(?:older|elderly|senior|young|younger) (?:people|persons?|folks?|users?|customers?|ones?|generation|ladies|men|women|gentlemen) like you(?:rself)?|(?:you(?:'re| are)|since you(?:'re| are)) (?:(?:probably|likely|surely|clearly) )?(?:not )?(?:a )?(?:digital native|tech[- ]savvy|too old|too young|elderly|old)|senior moments?|ok,? boomer)\b/gi,
    grounds: null,
  },
  {
    // A label the customer may have given themselves ("As a senior, you get 15% off" after "I'm a senior").
    attribute: 'age',
    pattern:
      /\b(?:as an? (?:millennial|boomer|baby boomer|senior|pensioner|retiree|teenager|teen|gen z|zoomer|older (?:person|customer|user)|young (?:person|customer|user))|(?:you(?:'re| are)|since you(?:'re| are)) (?:(?:probably|likely|surely|clearly) )?(?:a )?(?:millennial|boomer|pensioner|retiree|teenager))\b/gi,
    grounds:
      /\b(?:i'?m|i am|as an?) (?:\d{2}|a senior|senior|retired|a retiree|a pensioner|pensioner|old|elderly|older|young|a teenager|a student|a millennial|a boomer)\b|\b\d{2} years? old\b|\bmy age\b/,
  },
  {
    attribute: 'origin',
    pattern:
      /\b(?:where (?:are you|do you come|you are) (?:really |originally |actually )?from|your (?:real|native|original|actual) name|an? english name|(?:as |for )?an? (?:foreigner|immigrant|non-native speaker|non native speaker)|(?:you(?:'re| are)|since you(?:'re| are)) (?:probably |clearly |obviously )?(?:not (?:a )?native|foreign|an? immigrant|an? foreigner|not from (?:here|this country|around here))|in your culture|your (?:accent|people)|back (?:in|home in) your (?:country|village))\b/gi,
    grounds: null,
  },
  {
    attribute: 'religion',
    pattern: new RegExp(
      String.raw`\b(?:as an? ${FAITHS}(?: person)?|you(?:'re| are) (?:probably |likely |surely |obviously )?(?:an? )?${FAITHS}|you(?:'ll| will|'d| would)? (?:\w+ ){0,2}(?:need|want|use|celebrate|celebrating|enjoy|spend)\b[^.!?\n]{0,25}\b(?:for|at|during|over) ${HOLIDAYS}|${HOLIDAYS} with your (?:family|loved ones|kids|children)|your (?:own )?${HOLIDAYS}|(?:you|your family) (?:observe|keep|go to) (?:${HOLIDAYS}|church|mosque|synagogue|temple|shabbat|the sabbath))\b`,
      'gi',
    ),
    grounds: RELIGION_GROUNDS,
  },
  {
    attribute: 'disability',
    pattern:
      /\b(?:are you (?:(?:a bit|going|partially|legally|colou?r) )?(?:blind|deaf|visually impaired|hard of hearing|dyslexic|disabled|autistic|senile|slow|colou?r[- ]?blind)|(?:do|did) you have (?:(?:a|any) )?(?:dyslexia|adhd|dementia|(?:memory|learning|hearing|vision|eyesight|reading) (?:problems?|issues?|difficult(?:y|ies)|disabilit(?:y|ies))|a disability)|(?:maybe|perhaps|probably) you (?:have|are|suffer from) (?:an? )?(?:memory|learning|hearing|vision|eyesight|reading|dyslexi\w*|adhd|dementia|blind|deaf|disabled)(?: (?:problems?|issues?|difficult(?:y|ies)))?|(?:as|since) you(?:'re| are) (?:blind|deaf|disabled|visually impaired|hard of hearing|in a wheelchair))\b/gi,
    grounds: null,
  },
];

const FAMILY_GROUNDS: Record<string, RegExp> = {
  husband: /\b(?:husband|hubby)\b/,
  hubby: /\b(?:husband|hubby)\b/,
  wife: /\b(?:wife|missus)\b/,
  missus: /\b(?:wife|missus)\b/,
  boyfriend: /\bboyfriend\b/,
  girlfriend: /\bgirlfriend\b/,
};
const CHILD_GROUNDS =
  /\b(?:kids?|child(?:ren)?|son|daughter|baby|toddler|grand(?:kids?|children|child|son|daughter)|teenager|my boy|my girl)\b/;

function isGrounded(a: Assumption, match: RegExpMatchArray, customer: string): boolean {
  if (a.attribute === 'family') {
    const word = (match[1] as string).toLowerCase();
    return (FAMILY_GROUNDS[word] ?? CHILD_GROUNDS).test(customer);
  }
  if (a.attribute === 'religion') {
    // The customer's own holiday or faith, named again, is an echo; "you are probably Muslim" never is.
    if (/\b(?:as an?|you(?:'re| are))\b/i.test(match[0])) return false;
    return (a.grounds as RegExp).test(customer);
  }
  return a.grounds?.test(customer) === true;
}

export default defineRule({
  meta: {
    id: 'bias-assumed-attribute',
    category: 'bias',
    severity: 'warning',
    description:
      'The reply assumes something about the customer that is a protected attribute and that the customer never said: a partner or children (“your husband can reset it”), age (“at your age”, “as a millennial”), origin or language (“where are you really from”, “your real name”), religion (“as a Muslim”, “I guess you need it for Eid”), or a disability (“are you visually impaired?”). Warning. Echoing what the customer told us (“your husband can add you” after “my husband set up the account”) passes.',
    scope: 'segment',
    usesContext: true,
    messages: {
      family: '“{{text}}” assumes the customer’s family or partner; they did not mention one.',
      age: '“{{text}}” makes the customer’s age part of the answer; leave it out.',
      origin: '“{{text}}” makes assumptions about where the customer comes from.',
      religion: '“{{text}}” assumes the customer’s religion or which holidays they keep.',
      disability: '“{{text}}” speculates about a disability; answer the question instead.',
    },
    examples: {
      flag: [
        {
          text: 'Your husband is the account owner, so he can reset the password.',
          customerMessages: ['I cannot log in to our family account.'],
        },
        {
          text: 'I know technology can be hard at your age.',
          customerMessages: ['How do I turn on two-factor authentication?'],
        },
        {
          text: 'I guess you need it for Eid, so I sent it by express.',
          customerMessages: ['The dinner set arrived broken.'],
        },
        {
          text: 'Are you visually impaired? The chart is below the photos.',
          customerMessages: ['Where is the size chart?'],
        },
      ],
      pass: [
        {
          text: 'Your husband can add you as a member from the family settings.',
          customerMessages: ['My husband set up the account and now I cannot get in.'],
        },
        {
          text: 'Yes, during Ramadan our Dubai store is open until midnight.',
          customerMessages: ['Is the store open late during Ramadan?'],
        },
        {
          text: 'Open Settings, then Display, and drag the text size slider.',
          customerMessages: ['I am 74, how do I make the text bigger?'],
        },
      ],
    },
  },
  check: ({ text, customerMessages }) => {
    const customer = selfDescribed(customerMessages).text;
    const out: RuleHit<Attribute>[] = [];
    for (const a of ASSUMPTIONS) {
      a.pattern.lastIndex = 0;
      for (const m of execAll(a.pattern, text)) {
        if (isGrounded(a, m, customer)) continue;
        const start = m.index ?? 0;
        out.push({ start, end: start + m[0].length, messageId: a.attribute });
      }
    }
    return out;
  },
});

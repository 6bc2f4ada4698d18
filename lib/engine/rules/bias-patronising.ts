import { defineRule } from './define-rule';
import { regexHits } from './support/match';

/** Endearments used as a form of address ("Of course, honey."), not "Dear Ms Smith," or "Manuka honey". */
const ENDEARMENT =
  /(?:(?<=^|[,;:!?.]\s{0,3})|(?<=\b(?:thanks|thank you|cheers|sure|ok|okay|yes|no|oh|right|there you go|of course|don'?t worry|calm down|bless you),?\s))(?:sweetie|sweetheart|sweet ?pea|honey|hun|hon|darling|darlin'?|love|lovey|dear|deary|dearie|babe|baby|sugar|doll|petal|pet|my dear|young lady|young man|little lady|missy|good girl|good boy|kiddo)(?=\s*(?:[,.!?;:]|$))|\b(?:young lady|young man|little lady|good girl|good boy|missy|kiddo)\b/gi;

/** Condescension tied to language, age or gender. */
const TIED =
  /\b(?:(?:i'?ll|i will|let me|i'?m going to|i am going to) (?:explain|speak|talk|go|write|type|say it)(?: (?:this|it|everything))? (?:very |really |extra |nice and )?slowly|(?:in |use )?(?:very )?simple (?:english|words|language|terms) (?:for you|so you (?:can )?understand|since you)|since you(?:'re| are) not (?:a )?native(?: speaker)?|your english is (?:very |really |so |quite |surprisingly |actually )?(?:good|great|excellent|impressive|perfect)|(?:(?:very )?(?:good|well|smart|clever|impressive)) for (?:a|an) (?:woman|girl|lady|man|foreigner|immigrant|senior|pensioner|person (?:your|of your) age|someone your age|non-native speaker)|(?:don'?t|do not) (?:worry|fret) your (?:pretty |little )?head|(?:you|your) (?:pretty|little) head)\b/gi;

export default defineRule({
  meta: {
    id: 'bias-patronising',
    category: 'bias',
    severity: 'warning',
    description:
      'Patronising address tied to age, gender or language: endearments used to address the customer (“sweetie”, “honey”, “darling”, “young lady”), praise for their English, or “I will explain very slowly and in simple words”. Warning: it treats the customer as less capable because of who they are. “Dear Ms Smith,” as a salutation and product words (“Manuka honey”) pass.',
    scope: 'segment',
    usesContext: false,
    messages: {
      endearment: '“{{text}}” talks down to the customer; use their name or nothing.',
      tied: '“{{text}}” is condescending about the customer’s language, age or gender.',
    },
    examples: {
      flag: [
        { text: "Don't worry sweetie, it's at the bottom of the basket page." },
        { text: 'Calm down, young lady, we will sort it out.' },
        { text: 'I will explain very slowly so you can understand.' },
        { text: 'Your English is very good! The refund was sent yesterday.' },
      ],
      pass: [
        { text: 'Dear Ms Smith, the refund was sent yesterday.' },
        { text: 'The Manuka honey is back in stock.' },
        { text: 'We would love to hear how the new blender works for you.' },
      ],
    },
  },
  check: ({ text }) => [...regexHits(ENDEARMENT, text, 'endearment'), ...regexHits(TIED, text, 'tied')],
});

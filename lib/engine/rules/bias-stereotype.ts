import { execAll } from '../pii/exec-all';
import { defineRule, type RuleHit } from './define-rule';

/**
 * A stereotype here is a group defined by a protected attribute, said to share a trait:
 * "women often find routers confusing", "old people love big buttons". A group word alone
 * ("women's sizes", "customers over 65") is not one; the generalising words around it are.
 */

const GROUP = String.raw`(?:(?:most|all|many|a lot of|lots of|typical|these|those|you) )?(?:(?:older|old|elderly|senior|young|younger|foreign|immigrant|asian|african|indian|chinese|mexican|arab|muslim|jewish|christian|hindu|gay|disabled|blind|deaf) (?:people|persons|folks|users|customers|clients|women|men|ladies|guys|drivers|workers|neighbou?rhoods|areas|countries|families|applicants|kids)|women|men|ladies|girls|boys|gals|moms|mums|mothers|dads|fathers|wives|husbands|housewives|grannies|grandmas|grandparents|pensioners|seniors|the elderly|boomers|baby boomers|millennials|gen z|zoomers|teenagers|teens|youngsters|immigrants|foreigners|migrants|asians|africans|indians|chinese people|mexicans|arabs|muslims|jews|christians|hindus|gays|(?:people|customers|users|applicants|couriers|drivers|folks) (?:from|in|of) (?:your|that|those|these|such) (?:country|countries|culture|cultures|neighbou?rhood|neighbou?rhoods|area|areas|part of the world|community|communities)|(?:people|customers|users|applicants|folks) from (?:india|china|africa|asia|mexico|pakistan|nigeria|poland|romania|the middle east|eastern europe|the south|abroad)|(?:\w+ )?in your (?:country|culture|community|part of the world))`;

/** Said of the group: a trait shared by all or most of its members. */
const GENERALISE = String.raw`(?:(?:are|is|were|get|do|can|will) )?(?:(?:usually|always|often|generally|typically|mostly|naturally|all|never|rarely) |not (?:very |really )?(?:good|great|technical|tech[- ]savvy|able)|tend to |tends to |seem to )+\w*|(?:love|loves|prefer|prefers|hate|hates|struggle|struggles|can't|cannot|care more|care less|need help|find (?:it|this|that|them|these|things|\w+ )?\w*|are bad|are good|are worse|are better|get more|like you(?:rs)?)\b`;

const STEREOTYPE = new RegExp(
  String.raw`\b${GROUP}\b(?!'s)[^.!?\n;]{0,40}?\b(?:${GENERALISE})|\b(?:like most|typical|just like (?:a|all)|every) (?:woman|man|girl|guy|mum|mom|dad|lady|wife|husband|teenager|millennial|boomer|pensioner|foreigner|immigrant)s?\b(?:[^.!?\n]{0,20}\b(?:needs?|loves?|wants?|does|knows))?|\beven (?:a|an|your|my|our|his|her) (?:grandma|granny|grandmother|grandpa|grandad|grandfather|grandparents|nan|old person|old lady|old man|girl|child|kid|toddler|mum|mom|mother|dad)\b[^.!?\n]{0,12}\b(?:could|can|would|will|manages?|understands?|knows?)\b|\b(?:(?:tricky|hard|difficult|confusing|complicated|too much) for (?:girls|women|ladies|old people|older people|the elderly|seniors|grannies|a woman|a girl|a lady)|ask (?:a|your|the) (?:man|husband|boyfriend|son) (?:to|for)|(?:a|the) man(?:'s| of the house'?s?) job|women'?s work|like a girl|you know how they are|those people|your kind)\b`,
  'gi',
);

export default defineRule({
  meta: {
    id: 'bias-stereotype',
    category: 'bias',
    severity: 'warning',
    description:
      'A stereotype: a group defined by gender, age, origin, religion or disability said to share a trait (“women often find routers confusing”, “old people love big buttons”, “so simple even your grandma could use it”, “ask a man to help”). Warning: whatever the intent, it tells the customer they are being seen as a category. Group words alone (“women’s sizes”, “customers over 65”) pass.',
    scope: 'segment',
    usesContext: false,
    messages: {
      stereotype: '“{{text}}” generalises about a group of people; describe the product or the steps instead.',
    },
    examples: {
      flag: [
        { text: 'Women often find routers confusing, so let your husband restart it.' },
        { text: 'It is so simple even your grandma could use it.' },
        { text: 'Elderly users like you often prefer the phone.' },
      ],
      pass: [
        { text: 'The Ridge trail shoe comes in women’s sizes 4 to 9.' },
        { text: 'We offer 15% off for customers over 65 with a photo ID.' },
        { text: 'Most people take their usual size in this hoodie.' },
      ],
    },
  },
  check: ({ text }) => {
    const out: RuleHit<'stereotype'>[] = [];
    STEREOTYPE.lastIndex = 0;
    for (const m of execAll(STEREOTYPE, text)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, messageId: 'stereotype' });
    }
    return out;
  },
});

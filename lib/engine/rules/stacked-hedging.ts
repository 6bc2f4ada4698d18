import { execAll } from '../pii/exec-all';
import { defineRule } from './define-rule';

const HEDGE =
  /\b(?:i (?:believe|think|guess|suppose|assume)|(?:it )?(?:might|may|could) (?:be|have|possibly|perhaps)|possibly|perhaps|probably|maybe|likely|presumably|apparently|(?:it )?seems(?: like| to)?|not (?:entirely |completely |100% )?sure|sort of|kind of|as far as i know|if i(?:'m| am) not mistaken|to my knowledge)\b/gi;

export default defineRule({
  meta: {
    id: 'stacked-hedging',
    category: 'accuracy',
    severity: 'warning',
    description:
      'Several hedges in one sentence ("I believe it might possibly be"). Two hedges are reported as info, three or more as a warning: stacked hedging is how AI drafts dress up a guess, and the customer will act on it as if it were fact. Check the fact or say plainly that you will confirm.',
    scope: 'segment',
    usesContext: false,
    messages: {
      hedged: 'Stacked hedging ({{count}} hedges) suggests a guess; check the fact or say you will confirm it.',
    },
    examples: {
      flag: [
        { text: 'I believe it might possibly be related to your browser, perhaps.' },
        { text: 'I think the refund may probably have gone through already.' },
      ],
      pass: [
        { text: 'The refund went through on Monday; you should see it within five days.' },
        { text: 'I think this will help.' },
      ],
    },
  },
  check: ({ text }) => {
    HEDGE.lastIndex = 0;
    const hedges = execAll(HEDGE, text);
    if (hedges.length < 2) return [];
    const first = hedges[0] as RegExpExecArray;
    const last = hedges[hedges.length - 1] as RegExpExecArray;
    return [
      {
        start: first.index,
        end: last.index + last[0].length,
        messageId: 'hedged',
        data: { count: String(hedges.length) },
        severity: hedges.length >= 3 ? 'warning' : 'info',
      },
    ];
  },
});

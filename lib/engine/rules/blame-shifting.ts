import { defineRule } from './define-rule';
import { regexHits } from './support/match';

/** Outright blame or denial: "that's not our fault", "you should have", "user error". */
const BLAME =
  /\b(?:(?:that|this|it)(?:'s| is) not (?:our|my) (?:fault|problem|responsibility)|not our (?:fault|problem)|(?:it|this) (?:was|is) your (?:own )?fault|you should have(?! (?:had|received|got|gotten|been (?:sent|told|notified|emailed|given)|heard))|you shouldn't have(?! (?:had|needed|to\b|been|paid|waited|received|got|gotten|seen|experienced|lost|heard))|you should not have(?! (?:had|needed|to\b|been|paid|waited|received|got|gotten|seen|experienced|lost|heard))|you failed to|you forgot to|you didn't (?:read|follow|check)|you did not (?:read|follow|check)|user error|because you (?:didn't|did not|failed)|(?:that|this) is on you|(?:the (?:problem|issue|error) is|it's) on your (?:end|side))\b/gi;
/**
 * Blame put as a guess about what the customer did: "you must have entered the wrong code",
 * "it looks like you forgot to save", "you probably typed it wrong". Said of the customer's own
 * mistake, it lands as an accusation even when it is meant as a diagnosis.
 */
const SUPPOSED =
  /\b(?:you (?:must|may|might) have|you must've|you (?:probably|likely|clearly|obviously)|(?:it )?(?:seems|looks) (?:like|as if) you|apparently you|i think you)\s+(?:(?:not|never|accidentally|mistakenly|incorrectly|just)\s+)?(?:forgot(?:ten)?|entered|typed|mistyped|misspelled|misread|missed|deleted|removed|clicked|selected|chosen|chose|ignored|skipped|overlooked|set|used|changed|disabled|turned off|didn't|did not|failed|never|put in|input|misunderstood|confused)\b|\b(?:was|were) (?:entered|typed|set up|configured) (?:incorrectly|wrongly|wrong) by you\b/gi;

export default defineRule({
  meta: {
    id: 'blame-shifting',
    category: 'tone',
    severity: 'warning',
    description:
      'Puts the blame on the customer or denies responsibility: outright ("that\'s not our fault", "you should have", "user error") or as a guess about what the customer must have done ("you must have entered the wrong code", "it looks like you forgot to save"). Warning: even when true, it escalates the conversation; explain what happened and what to do next instead. "You shouldn\'t have had to wait" is sympathy, not blame, and passes.',
    scope: 'segment',
    usesContext: false,
    messages: {
      blame: 'Shifts blame to the customer; explain what happened and the next step instead.',
      supposed: 'Guesses what the customer did wrong; describe what happened and the fix without pinning it on them.',
    },
    examples: {
      flag: [
        { text: "That's not our fault, the courier lost it." },
        { text: 'You should have backed up your files before updating.' },
        { text: 'You must have entered the wrong verification code.' },
        { text: 'It looks like you forgot to save the settings before logging out.' },
      ],
      pass: [
        { text: 'The courier lost the parcel, and I have sent a replacement.' },
        { text: 'Backing up before an update helps; I can walk you through restoring what we have.' },
        { text: "You shouldn't have had to wait three weeks for this." },
        { text: 'The code expires after ten minutes, so here is a fresh one.' },
      ],
    },
  },
  check: ({ text }) => [...regexHits(BLAME, text, 'blame'), ...regexHits(SUPPOSED, text, 'supposed')],
});

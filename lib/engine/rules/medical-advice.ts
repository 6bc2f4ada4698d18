import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const DRUG =
  '(?:medication|medicine|meds|pills?|tablets?|dose|dosage|insulin|antibiotics?|ibuprofen|paracetamol|acetaminophen|aspirin|antihistamines?|steroids?|supplements?|painkillers?|\\d+\\s?mg)';
const MEDICAL = new RegExp(
  [
    `\\b(?:you should|you can|you could|try to|it(?:'s| is) (?:fine|safe|ok|okay) to|feel free to|just)\\s+(?:take|stop taking|keep taking|double|increase|decrease|reduce|skip|combine|mix)\\b[^.!?\\n]{0,40}?\\b${DRUG}`,
    `\\b(?:take|double|increase|reduce)\\s+(?:your|the|a|an|\\d+)\\s+(?:\\w+\\s+)?${DRUG}`,
    "\\b(?:it(?:'s| is)|that(?:'s| is)|sounds like) (?:probably |likely |just )?(?:an? |the )?(?:infection|allergy|allergic reaction|flu|migraine|eczema|side effect|concussion|food poisoning)\\b",
    '\\byou (?:probably|likely|must) have (?:an? )?(?:infection|allergy|diabetes|covid|condition|virus)\\b',
    "\\b(?:no need|you don't need|you do not need) to (?:see|call|visit) (?:a|your) (?:doctor|gp|physician|pharmacist)\\b",
  ].join('|'),
  'gi',
);

export default defineRule({
  meta: {
    id: 'medical-advice',
    category: 'compliance',
    severity: 'warning',
    description:
      'Medical advice: dosing or stopping medication, diagnosing a symptom, telling the customer they need not see a doctor. Warning: support staff are not clinicians and such advice creates liability; point to a professional instead.',
    scope: 'segment',
    usesContext: false,
    messages: {
      medical: 'Reads as medical advice; suggest the customer asks a doctor or pharmacist instead.',
    },
    examples: {
      flag: [
        { text: 'You should take 400 mg of ibuprofen every four hours for the pain.' },
        { text: "It's probably an allergic reaction, so you don't need to see a doctor." },
      ],
      pass: [
        { text: 'Please check with your doctor or pharmacist before using the product.' },
        { text: 'Each bottle contains 60 tablets and ships in recyclable packaging.' },
      ],
    },
  },
  check: ({ text }) => regexHits(MEDICAL, text, 'medical'),
});

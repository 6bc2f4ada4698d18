import { defineRule } from './define-rule';
import { NEGATED } from './support/match';

const ASK =
  "(?:send|share|provide|give|tell|confirm|reply with|respond with|include|dm|message|email|e-mail|text|post|read out|let (?:me|us) know|what(?:'s| is| was))";
const SECRET =
  '(?:password|passcode|passphrase|cvv2?|cvc2?|cv2|security code|card security code|(?:full|complete|entire|long) (?:card|credit card|debit card) number|16[- ]digit (?:card )?number|card number|ssn|social security number|(?:one[- ]time|verification|2fa|mfa|otp|sms|login|authentication) (?:pass)?code|otp|pin(?: code| number)?|recovery (?:phrase|code)|seed phrase|private key|code (?:we|that we|i) (?:just )?(?:sent|texted|emailed))';
/** The ask comes first and points at the customer's secret: "send us your CVV", "what is the one-time code". */
const REQUEST = new RegExp(
  `(?<!(?:'s|\\b(?:your|the|an?|our|my|his|her|their|this|that))\\s)\\b${ASK}\\b[^.!?\\n]{0,40}?\\b(?:your|the|ur)\\s+(?:[\\w'-]+\\s+){0,2}?(${SECRET})\\b`,
  'i',
);
const HARMLESS = /\b(?:last (?:4|four) digits|first (?:6|six) digits)\b/i;

export default defineRule({
  meta: {
    id: 'asks-for-secret',
    category: 'privacy',
    severity: 'critical',
    description:
      'The reply asks the customer to send a secret: password, CVV or security code, full card number, SSN, one-time or verification code, PIN or recovery phrase. Critical: this is what phishing looks like, and no legitimate support process needs it in a message.',
    scope: 'segment',
    usesContext: false,
    messages: {
      ask: 'Asks the customer for a secret ({{secret}}); support must never request it in a message.',
    },
    examples: {
      flag: [
        { text: 'To verify your identity, please reply with your password.' },
        { text: 'Could you send us the CVV and the full card number so we can retry the charge?' },
        { text: 'What is the one-time code we just texted you?' },
        { text: 'Can you provide the 3-digit security code on the back of your card?' },
        { text: 'Please share the code we texted you to verify your identity.' },
      ],
      pass: [
        { text: 'We will never ask for your password or your card’s security code.' },
        { text: 'DM us your name and zip code and we will look into it.' },
        { text: 'Please confirm the last four digits of the card number on the order.' },
      ],
    },
  },
  check: ({ text }) => {
    const request = REQUEST.exec(text);
    if (!request || NEGATED.test(text) || HARMLESS.test(text)) return [];
    const secret = request[1] as string;
    const start = request.index + request[0].length - secret.length;
    return [{ start, end: start + secret.length, messageId: 'ask', data: { secret } }];
  },
});

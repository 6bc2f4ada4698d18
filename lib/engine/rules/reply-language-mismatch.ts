import { LANGUAGE_NAMES } from '../language/names';
import { quickLanguage } from '../language/quick';
import { defineRule } from './define-rule';

const nameOf = (code: string) => LANGUAGE_NAMES[code] ?? code;

export default defineRule({
  meta: {
    id: 'reply-language-mismatch',
    category: 'tone',
    severity: 'warning',
    description:
      "The reply is in a different language from the customer's last message (a Spanish message answered in English). Both languages must be clear: the customer's as the background's detector read it, the reply's from its own words; a short or mixed reply is not judged. Warning: customers who wrote in their language and get an answer in another often have to ask again.",
    scope: 'reply',
    usesContext: true,
    languages: 'any',
    messages: {
      mismatch: 'The customer wrote in {{customer}}; this reply is in {{reply}}.',
    },
    examples: {
      flag: [
        {
          text: 'Thank you for your message. Your order has shipped and will arrive on Friday.',
          customer: { language: 'es' },
          customerMessages: ['Hola, ¿cuándo llega mi pedido? Lo necesito para el viernes.'],
        },
        {
          text: 'Vielen Dank für Ihre Nachricht. Ihre Bestellung ist unterwegs und kommt am Freitag an.',
          customer: { language: 'en' },
          customerMessages: ['Hi, when will my order arrive? I need it by Friday.'],
        },
      ],
      pass: [
        {
          text: 'Hola Lucía, tu pedido ya está en camino y llegará el viernes.',
          customer: { language: 'es' },
          customerMessages: ['Hola, ¿cuándo llega mi pedido? Lo necesito para el viernes.'],
        },
        {
          text: 'Thanks! Your order has shipped.',
          customer: { language: 'und' },
          customerMessages: ['ok'],
        },
      ],
    },
  },
  check: ({ text, segments, customer }) => {
    const wrote = customer?.language;
    const first = segments[0];
    if (!wrote || wrote === 'und' || !first) return [];
    const reply = quickLanguage(text);
    if (!reply.confident || reply.language === wrote) return [];
    return [
      {
        start: first.start,
        end: first.end,
        messageId: 'mismatch',
        data: { customer: nameOf(wrote), reply: nameOf(reply.language) },
      },
    ];
  },
});

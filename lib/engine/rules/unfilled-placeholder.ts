import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const PLACEHOLDER = new RegExp(
  [
    '\\{\\{\\s*[^{}\\n]{1,60}?\\s*\\}\\}',
    '\\{%[^%\\n]{1,60}%\\}',
    '<(?:[A-Z][A-Z0-9_ ]{1,30})>',
    '(?<![\\w-])(?:X{4,}|x{4,})(?![\\w-])',
    '\\b(?:TODO|TBD|FIXME)\\b',
    '%[A-Z][A-Z0-9_]{2,30}%',
    '__[A-Z][A-Z0-9_]{2,30}__',
  ].join('|'),
  'g',
);
/** Square-bracket slots name what goes in them; case-insensitive, unlike the markers above. */
const BRACKET =
  /\[(?:[^[\]\n]{0,40}\b)?(?:name|customer|agent|company|date|time|insert|number|order|amount|link|url|email|e-mail|phone|address|product|plan|price|your|placeholder|signature|title)\b[^[\]\n]{0,40}\](?!\()/gi;

export default defineRule({
  meta: {
    id: 'unfilled-placeholder',
    category: 'placeholder',
    severity: 'critical',
    description:
      'A template slot that was never filled in: {{first_name}}, [Customer Name], [insert link], <DATE>, XXXX, %NAME%, TODO. Critical: a reply that says "Dear [Customer Name]" is instantly visible to the customer as a careless template.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      placeholder: 'Unfilled placeholder “{{text}}”; fill it in or remove it.',
    },
    examples: {
      flag: [
        { text: 'Hi {{first_name}}, thanks for getting in touch.' },
        { text: 'Dear [Customer Name], your order will arrive on <DATE>.' },
        { text: 'Your tracking number is XXXX. TODO add link' },
      ],
      pass: [
        { text: 'Hi Maria, thanks for getting in touch.' },
        { text: 'See [our help page](https://example.com/help) for the steps; the XL size is back in stock.' },
      ],
    },
  },
  check: ({ text }) =>
    [...regexHits(PLACEHOLDER, text, 'placeholder'), ...regexHits(BRACKET, text, 'placeholder')].sort(
      (a, b) => a.start - b.start,
    ),
});

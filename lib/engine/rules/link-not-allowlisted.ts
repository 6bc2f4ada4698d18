import { defineRule } from './define-rule';
import { findLinks } from './support/urls';

function allowed(host: string, allowlist: readonly string[]): boolean {
  const h = host.replace(/^www\./, '');
  return allowlist.some((a) => h === a || h.endsWith(`.${a}`));
}

export default defineRule({
  meta: {
    id: 'link-not-allowlisted',
    category: 'link',
    severity: 'warning',
    description:
      'A link to a host outside the admin’s link allowlist (set in a team rule pack; subdomains of a listed host are allowed). Only active when an allowlist is set. Warning: AI drafts invent or borrow links, and a link to another site may be wrong or unsafe.',
    scope: 'segment',
    usesContext: true,
    languages: 'any',
    messages: {
      outside: 'The link host {{host}} is not on your team’s allowlist.',
    },
    examples: {
      flag: [
        {
          text: 'See https://random-blog.example.net/fix for a workaround.',
          packs: [{ id: 'team', linkAllowlist: ['example.com'] }],
        },
        {
          text: 'Download it from http://www.files.example.org/setup.exe',
          packs: [{ id: 'team', linkAllowlist: ['example.com'] }],
        },
      ],
      pass: [
        {
          text: 'See https://help.example.com/fix for the steps.',
          packs: [{ id: 'team', linkAllowlist: ['example.com'] }],
        },
        { text: 'See https://random-blog.example.net/fix for a workaround.' },
      ],
    },
  },
  check: ({ text, config }) => {
    const list = config.linkAllowlist;
    if (!list) return [];
    return findLinks(text)
      .filter((l) => l.host !== '' && !allowed(l.host, list))
      .map((l) => ({ start: l.start, end: l.end, messageId: 'outside', data: { host: l.host } }));
  },
});

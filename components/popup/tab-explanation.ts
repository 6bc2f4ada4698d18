import { HELPDESKS, helpdeskName } from '@/lib/hosts/helpdesks';
import { patternMatches } from '@/lib/settings/custom-helpdesks';
import type { Settings } from '@/lib/settings/schema';

/** What the popup says about a tab the content script has not reported on, and why. */
export interface TabExplanation {
  kind: 'not-helpdesk' | 'switched-off' | 'paused' | 'needs-access' | 'starting' | 'unknown';
  text: string;
}

/** Messages as data, so each case reads the same wherever it shows. */
export const EXPLANATIONS = {
  'not-helpdesk': 'This tab is not a helpdesk ReplyGuard knows. Admins can add custom domains in the options.',
  'switched-off': '{{name}} is switched off in the options.',
  paused: 'Paused on this site.',
  'needs-access':
    'This custom domain is listed, but the browser has not granted access yet: open the options and click “Grant access”.',
  starting: 'ReplyGuard runs on {{name}}: reload the tab if it was open before ReplyGuard started.',
  unknown: 'No helpdesk ticket is open in this tab.',
} as const;

/**
 * Why ReplyGuard is not active on a tab that sent no status. `url` is undefined when the browser
 * hides it, which it does for every site ReplyGuard has no access to.
 */
export function explainTab(url: string | undefined, settings: Settings, granted: boolean): TabExplanation {
  const fill = (text: string, name: string) => text.replace('{{name}}', name);
  if (!url) return { kind: 'not-helpdesk', text: EXPLANATIONS['not-helpdesk'] };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'not-helpdesk', text: EXPLANATIONS['not-helpdesk'] };
  }
  if (settings.pausedSites.includes(parsed.hostname)) return { kind: 'paused', text: EXPLANATIONS.paused };
  const builtIn = HELPDESKS.find((h) => h.matches.some((p) => patternMatches(p, parsed)));
  const listed = builtIn?.id ?? settings.customHelpdesks.find((c) => patternMatches(c.pattern, parsed))?.adapter;
  if (!listed) return { kind: 'not-helpdesk', text: EXPLANATIONS['not-helpdesk'] };
  const name = helpdeskName(listed);
  if (!settings.helpdesks[listed]) return { kind: 'switched-off', text: fill(EXPLANATIONS['switched-off'], name) };
  if (!builtIn && !granted) return { kind: 'needs-access', text: EXPLANATIONS['needs-access'] };
  return { kind: 'starting', text: fill(EXPLANATIONS.starting, name) };
}

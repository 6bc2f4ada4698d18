import { normalizeHelpdeskPattern, type PatternNote } from '../settings/custom-helpdesks';
import { publicSuffixProblem } from '../settings/public-suffix';

/**
 * The custom helpdesk hosts of an organisation build, from the command line or a file: a list
 * (one per line or comma-separated, `#` comments), or the admin's policy file itself (Chrome's
 * `3rdparty` file, Firefox's policies.json, or just `{"customHelpdesks": [...]}`), so the hosts
 * the build grants and the domains the policy lists come from one place.
 */

/** Splits a list of hosts: commas, spaces or new lines; `#` starts a comment. */
export function splitHostList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, ''))
    .flatMap((line) => line.split(/[\s,]+/))
    .filter((h) => h !== '');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `customHelpdesks[].pattern` anywhere in a policy document, in order. */
function policyPatterns(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) policyPatterns(v, out);
  } else if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'customHelpdesks' && Array.isArray(v)) {
        for (const entry of v) if (isRecord(entry) && typeof entry.pattern === 'string') out.push(entry.pattern);
      } else policyPatterns(v, out);
    }
  }
}

/** The hosts in a file: JSON (a policy file or a list of strings) or a plain list. */
export function hostsFromFile(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
    const out: string[] = [];
    policyPatterns(value, out);
    if (out.length === 0) throw new Error('The JSON file lists no customHelpdesks patterns.');
    return out;
  }
  return splitHostList(text);
}

/** The hosts as patterns, what the admin should know about each, and what was refused. */
export interface OrgHosts {
  patterns: string[];
  notes: { input: string; pattern: string; notes: PatternNote[] }[];
  errors: string[];
}

/** Normalises each host as the options page does, and refuses wildcards over public suffixes. */
export function resolveOrgHosts(inputs: readonly string[]): OrgHosts {
  const patterns: string[] = [];
  const notes: OrgHosts['notes'] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    const normal = normalizeHelpdeskPattern(input);
    if (!normal.ok) {
      errors.push(`${input}: ${normal.error}`);
      continue;
    }
    const refused = publicSuffixProblem(normal.pattern);
    if (refused) {
      errors.push(`${input}: ${refused}`);
      continue;
    }
    if (patterns.includes(normal.pattern)) continue;
    patterns.push(normal.pattern);
    if (normal.notes.length > 0) notes.push({ input, pattern: normal.pattern, notes: normal.notes });
  }
  if (inputs.length === 0) errors.push('No hosts given: use --hosts or --hosts-file.');
  return { patterns, notes, errors };
}

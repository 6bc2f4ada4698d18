import type { Plugin } from 'vite';

/**
 * Build step: the content script checks replies with the rule registry, but never shows a rule's
 * description or runs its examples (the options page, the catalogue and the tests do). Both are
 * the longest text in each rule file, about 10 KB gzip over the catalogue, and the content script
 * has a 150 KB gzip budget. So, in the content script's build only, each rule file's
 * `description` becomes "" and its `examples` become empty lists. Rule files keep their docs in
 * source (the catalogue pattern stays one file per rule); only that bundle leaves them out.
 */

const RULE_FILE = /[\\/]lib[\\/]engine[\\/]rules[\\/][a-z0-9-]+\.ts$/;

/** Index just past the string, template or bracketed value starting at `start`, or -1. */
function skipValue(code: string, start: number): number {
  const open = code[start];
  if (open === "'" || open === '"' || open === '`') return skipString(code, start);
  if (open !== '{' && open !== '[') return -1;
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === "'" || c === '"' || c === '`') {
      i = skipString(code, i) - 1;
      if (i < 0) return -1;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function skipString(code: string, start: number): number {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (quote === '`' && c === '$' && code[i + 1] === '{') {
      const end = skipValue(code, i + 1);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === quote) return i + 1;
  }
  return -1;
}

/** The rule module's code with `description` and `examples` values emptied; unchanged if it cannot tell. */
export function stripRuleDocs(code: string): string {
  let out = code;
  for (const [key, empty] of [
    ['description', '""'],
    ['examples', '{ flag: [], pass: [] }'],
  ] as const) {
    const at = new RegExp(`\\b${key}:\\s*`).exec(out);
    if (!at) continue;
    const valueStart = at.index + at[0].length;
    const end = skipValue(out, valueStart);
    if (end < 0) continue;
    out = out.slice(0, valueStart) + empty + out.slice(end);
  }
  return out;
}

/** The Vite plugin: active only in the build whose entry is the helpdesk content script. */
export function stripRuleDocsPlugin(): Plugin {
  let active = false;
  return {
    name: 'replyguard:strip-rule-docs',
    enforce: 'post',
    apply: 'build',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : undefined;
      active = JSON.stringify(entry ?? '').includes('helpdesk.content');
    },
    transform(code, id) {
      if (!active || !RULE_FILE.test(id)) return null;
      return { code: stripRuleDocs(code), map: null };
    },
  };
}

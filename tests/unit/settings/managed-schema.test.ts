import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { competitorEntrySchema, packSchema, phraseEntrySchema } from '@/lib/engine/packs/schema';
import { HELPDESKS } from '@/lib/hosts/helpdesks';
import { SETTING_KEYS } from '@/lib/settings/check';
import { GENERIC_SELECTOR_FIELDS } from '@/lib/settings/custom-helpdesks';

interface Node {
  type?: string;
  properties?: Record<string, Node>;
  patternProperties?: Record<string, Node>;
  items?: Node;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  [key: string]: unknown;
}

const schema = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../../public/managed_schema.json'), 'utf8'),
) as Node;

/** Every (path, node) of the schema, depth first. */
function* walk(node: Node, at = ''): Generator<[string, Node]> {
  yield [at || '(root)', node];
  for (const [key, child] of Object.entries(node.properties ?? {})) yield* walk(child, at ? `${at}.${key}` : key);
  for (const [key, child] of Object.entries(node.patternProperties ?? {})) yield* walk(child, `${at}[${key}]`);
  if (node.items) yield* walk(node.items, `${at}[]`);
}

// Words that name a place data could be sent to. A policy key like these would let an admin
// (or whoever edits the policy) turn ReplyGuard into something that reports elsewhere.
const REMOTE =
  /url|uri|endpoint|webhook|server|callback|report|upload|telemetry|analytics|sync|api|proxy|remote|collect|export|post|send(?!Guard)|host(?!name)|domain|address|email|smtp|socket|dsn|sentry|beacon|log(?!o)/i;

// The only keys the pattern above catches, each with why it sends nothing anywhere.
const ALLOWED: Record<string, string> = {
  'customHelpdesks[].selectors.send': 'a CSS selector for the helpdesk’s own send button',
};

describe('public/managed_schema.json', () => {
  it('has only patterns Chrome’s RE2 compiles: no repetition count above 1,000 (else the extension fails to load)', () => {
    for (const [at, node] of walk(schema)) {
      const patterns = [node.pattern, ...Object.keys(node.patternProperties ?? {})].filter(
        (p): p is string => typeof p === 'string',
      );
      for (const p of patterns) {
        for (const m of p.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
          expect(Number(m[2] || m[1]), `${at}: ${p}`).toBeLessThanOrEqual(1000);
        }
        expect(() => new RegExp(p, 'u'), `${at}: ${p}`).not.toThrow();
      }
    }
  });

  it('uses only the schema keywords Chrome’s policy loader understands', () => {
    const known = new Set([
      'type',
      'description',
      'title',
      'properties',
      'patternProperties',
      'additionalProperties',
      'items',
      'enum',
      'minimum',
      'maximum',
      'pattern',
      'required',
      'id',
      '$ref',
    ]);
    for (const [at, node] of walk(schema)) {
      for (const keyword of Object.keys(node)) expect(known.has(keyword), `${at}: ${keyword}`).toBe(true);
      expect(['object', 'array', 'string', 'integer', 'number', 'boolean'], at).toContain(node.type);
    }
  });

  it('has no key or format that could name a remote endpoint', () => {
    const offenders: string[] = [];
    for (const [at, node] of walk(schema)) {
      const name =
        at
          .split(/[.[\]]/)
          .filter(Boolean)
          .at(-1) ?? '';
      if (REMOTE.test(name) && !(at in ALLOWED)) offenders.push(`${at}: key "${name}" looks like a remote endpoint`);
      if (typeof node.format === 'string' && /uri|url|email|hostname|ip/i.test(node.format))
        offenders.push(`${at}: format ${node.format}`);
      // A pattern admitting arbitrary schemes or http would let a value be a server address. The
      // custom helpdesk match pattern is checked apart below.
      const helpdeskPattern = /customHelpdesks.*pattern/.test(at);
      if (node.pattern && !helpdeskPattern && /http(?!s:)|wss?:|ftp:/i.test(node.pattern)) {
        offenders.push(`${at}: pattern ${node.pattern}`);
      }
    }
    expect(offenders).toEqual([]);
    // The only URL-like value left is a custom helpdesk's match pattern (where ReplyGuard reads pages,
    // https or an intranet's http): it must end in a wildcard path, so it can never name an endpoint.
    expect(schema.properties?.customHelpdesks?.items?.properties?.pattern?.pattern).toBe(
      '^https?://(\\*\\.)?[a-z0-9.-]+/\\*$',
    );
  });

  it('offers every setting and nothing else, so a policy can set all of them', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...SETTING_KEYS].sort());
    for (const key of ['helpdesks', 'analysis'] as const) {
      expect(Object.keys(schema.properties?.[key]?.properties ?? {}).sort()).toEqual(HELPDESKS.map((h) => h.id).sort());
    }
    expect(
      Object.keys(schema.properties?.customHelpdesks?.items?.properties?.selectors?.properties ?? {}).sort(),
    ).toEqual(GENERIC_SELECTOR_FIELDS.map((f) => f.key).sort());
  });

  it('takes rule packs inline with the same fields as the pack format', () => {
    const pack = schema.properties?.rulePacks?.items?.properties ?? {};
    expect(Object.keys(pack).sort()).toEqual(Object.keys(packSchema.shape).sort());
    const phraseKeys = new Set(phraseEntrySchema.options.flatMap((o) => Object.keys(o.shape)));
    expect(Object.keys(pack.phrases?.items?.properties ?? {}).sort()).toEqual([...phraseKeys].sort());
    expect(Object.keys(pack.competitors?.items?.properties ?? {}).sort()).toEqual(
      Object.keys(competitorEntrySchema.shape).sort(),
    );
  });
});

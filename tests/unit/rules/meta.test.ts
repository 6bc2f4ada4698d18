import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '@/lib/engine/rules/define-rule';
import { rules } from '@/lib/engine/rules/registry';

const RULES_DIR = path.resolve(__dirname, '../../../lib/engine/rules');
/** Files in lib/engine/rules that are machinery, not rules. Everything else must be a registered rule. */
const INFRASTRUCTURE = new Set([
  'check-reply.ts',
  'define-rule.ts',
  'registry.ts',
  'reply-checker.ts',
  'run-rules.ts',
  'segment.ts',
]);
const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !INFRASTRUCTURE.has(f));

describe('rule registry', () => {
  it('registers every rule file, under its file name', async () => {
    const ids = rules.map((r) => r.meta.id);
    for (const file of ruleFiles) {
      const mod = (await import(path.join(RULES_DIR, file))) as { default?: Rule };
      const rule = mod.default;
      expect(rule?.meta?.id, `${file} must default-export a rule`).toBe(file.replace(/\.ts$/, ''));
      expect(rules, `${file} is not in registry.ts`).toContain(rule);
    }
    expect(ids.length).toBe(ruleFiles.length);
  });

  it('is sorted by id and ids are unique', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))('%s has a description, examples and used messages', (id, rule) => {
    expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(rule.meta.description.length).toBeGreaterThanOrEqual(40);
    expect(rule.meta.examples.flag.length).toBeGreaterThanOrEqual(2);
    expect(rule.meta.examples.pass.length).toBeGreaterThanOrEqual(2);
    const messages = Object.keys(rule.meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    // Every declared message is used by the check (the type system guards the other direction).
    const source = readFileSync(path.join(RULES_DIR, `${id}.ts`), 'utf8');
    for (const m of messages) expect(source, `message ${m} unused`).toMatch(new RegExp(`['"]${m}['"]|${m}:`));
    for (const m of messages)
      expect(source.split(m).length, `message ${m} is declared but never reported`).toBeGreaterThan(2);
  });

  it('covers every category except custom (which comes from admin packs)', async () => {
    const { CATEGORIES } = await import('@/lib/engine/types');
    const covered = new Set(rules.map((r) => r.meta.category));
    expect(CATEGORIES.filter((c) => c !== 'custom' && !covered.has(c))).toEqual([]);
  });
});

describe('generated docs', () => {
  it('the rule catalogue and the pack JSON Schema are current (run `npm run docs:rules`)', async () => {
    const { CATALOGUE_PATH, PACK_SCHEMA_PATH, renderCatalogue, renderPackSchema } = await import(
      '@/lib/cli/rule-catalogue'
    );
    expect(readFileSync(CATALOGUE_PATH, 'utf8')).toBe(renderCatalogue());
    expect(JSON.parse(readFileSync(PACK_SCHEMA_PATH, 'utf8'))).toEqual(JSON.parse(renderPackSchema()));
  });
});

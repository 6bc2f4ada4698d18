import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { stripRuleDocs } from '@/lib/build/strip-rule-docs';
import { rules } from '@/lib/engine/rules/registry';

const RULES_DIR = path.resolve(import.meta.dirname, '../../../lib/engine/rules');

describe('stripRuleDocs (the content script build)', () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))(
    '%s loses its description and examples, nothing else',
    (id, rule) => {
      // What the plugin sees: the rule file after the TypeScript transform.
      const source = readFileSync(path.join(RULES_DIR, `${id}.ts`), 'utf8');
      const js = transformSync(source, { loader: 'ts', format: 'esm' }).code;
      const stripped = stripRuleDocs(js);
      expect(() => transformSync(stripped, { loader: 'js', format: 'esm' })).not.toThrow();
      expect(stripped).toContain('description: ""');
      expect(stripped).toContain('examples: { flag: [], pass: [] }');
      const example = rule.meta.examples.flag[0]?.text ?? '';
      expect(JSON.stringify(stripped)).not.toContain(JSON.stringify(example).slice(1, -1));
      // The check and its messages survive.
      for (const message of Object.keys(rule.meta.messages)) expect(stripped).toContain(message);
      expect(stripped).toContain('check');
    },
  );

  it('leaves code it cannot read unchanged', () => {
    expect(stripRuleDocs('const x = { description: make(), examples: list };')).toBe(
      'const x = { description: make(), examples: list };',
    );
  });

  it('is applied to rule files only', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(rules.length);
  });
});

import { describe, expect, it } from 'vitest';
import { checkReply } from '@/lib/engine/rules/check-reply';
import { rules } from '@/lib/engine/rules/registry';
import { exampleContext } from './helpers';

/** The one table-driven test: every rule's own examples, through the public entry point. */
const cases = rules.flatMap((rule) => [
  ...rule.meta.examples.flag.map((example) => ({ id: rule.meta.id, kind: 'flag' as const, example })),
  ...rule.meta.examples.pass.map((example) => ({ id: rule.meta.id, kind: 'pass' as const, example })),
]);

describe('rule examples', () => {
  it.each(cases)('$id $kind: $example.text', ({ id, kind, example }) => {
    const findings = checkReply(exampleContext(example), { packs: example.packs });
    const fired = findings.filter((f) => f.rule === id);
    if (kind === 'flag') expect(fired, `expected ${id} to fire`).not.toHaveLength(0);
    else expect(fired, `expected ${id} not to fire`).toEqual([]);
    for (const f of findings) expect(example.text.slice(f.start, f.end)).toBe(f.text);
  });
});

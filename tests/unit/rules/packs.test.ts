import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { analyzeTicket } from '@/lib/engine/analyze';
import { packJsonSchema, parsePack, type RulePack, validatePack } from '@/lib/engine/packs';

const GOOD: RulePack = {
  id: 'acme-support',
  name: 'Acme support policy',
  phrases: [
    {
      kind: 'banned',
      id: 'no-lifetime',
      phrases: ['lifetime warranty'],
      message: 'We do not offer a lifetime warranty.',
      category: 'compliance',
      severity: 'critical',
      examples: { flag: ['It comes with a Lifetime  Warranty.'], pass: ['It comes with a two-year warranty.'] },
    },
    {
      kind: 'substitution',
      id: 'say-store-credit',
      phrases: ['voucher'],
      replacement: 'store credit',
      examples: { flag: ['Here is a voucher for next time.'], pass: ['Here is store credit for next time.'] },
    },
    {
      kind: 'required',
      id: 'sign-off',
      phrases: ['Acme Support'],
      message: 'Sign off with "Acme Support".',
      severity: 'info',
      examples: { flag: ['Thanks, Alex'], pass: ['Thanks, Alex from Acme Support'] },
    },
  ],
  competitors: [{ id: 'competitors', names: ['Globex', 'Initech'] }],
  linkAllowlist: ['acme.example'],
  severity: { condescension: 'critical', 'pack:acme-support/say-store-credit': 'info' },
  disabled: ['stacked-hedging'],
};

const reply = (text: string, packs: RulePack[]) =>
  analyzeTicket({ customer: [], agent: [], reply: text }, { packs }).findings;

describe('rule packs', () => {
  it('accepts a good pack and applies every kind of entry', () => {
    const result = validatePack(GOOD);
    expect(result).toEqual({ ok: true, pack: GOOD });
    const findings = reply(
      'Obviously a voucher beats Globex. I think it might possibly work. See https://other.example.org/x. Thanks, Alex',
      [GOOD],
    );
    const byRule = Object.fromEntries(findings.map((f) => [f.rule, f]));
    expect(byRule['pack:acme-support/say-store-credit']).toMatchObject({
      category: 'custom',
      severity: 'info',
      text: 'voucher',
    });
    expect(byRule['pack:acme-support/say-store-credit']?.message).toContain('store credit');
    expect(byRule['pack:acme-support/competitors']).toMatchObject({ category: 'custom', text: 'Globex' });
    expect(byRule['pack:acme-support/sign-off']).toMatchObject({ severity: 'info' });
    expect(byRule.condescension).toMatchObject({ severity: 'critical' });
    expect(byRule['link-not-allowlisted']).toMatchObject({ text: 'https://other.example.org/x' });
    expect(byRule['stacked-hedging']).toBeUndefined();
  });

  it('lets banned phrases count as compliance', () => {
    const [finding] = reply('It has a lifetime warranty.', [GOOD]).filter((f) => f.rule.endsWith('no-lifetime'));
    expect(finding).toMatchObject({ category: 'compliance', severity: 'critical' });
  });

  it('rejects a bad pack whole, naming each entry and problem', () => {
    const bad = {
      id: 'Bad Pack',
      phrases: [{ kind: 'banned', id: 'x', phrases: [], message: 'm', examples: { flag: ['a'], pass: ['b'] } }],
      linkAllowlist: ['https://acme.example/path'],
      severity: { 'pii-email': 'loud' },
    };
    const result = validatePack(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['id', 'phrases[0].phrases', 'linkAllowlist[0]', 'severity.pii-email']),
    );
    expect(result.errors.find((e) => e.path === 'id')?.message).toMatch(/kebab-case/);
  });

  it('rejects unknown rule ids, duplicate entry ids and unknown kinds', () => {
    const result = validatePack({
      id: 'p',
      phrases: [
        { kind: 'banned', id: 'a', phrases: ['x'], message: 'm', examples: { flag: ['x'], pass: ['y'] } },
        { kind: 'banned', id: 'a', phrases: ['z'], message: 'm', examples: { flag: ['z'], pass: ['y'] } },
      ],
      disabled: ['no-such-rule'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual(
        expect.arrayContaining([
          { path: 'phrases[1].id', message: 'duplicate entry id "a"' },
          { path: 'disabled[0]', message: 'unknown rule id "no-such-rule"' },
        ]),
      );
    }
    const kind = validatePack({
      id: 'p',
      phrases: [{ kind: 'regex', id: 'a', phrases: ['x'], examples: { flag: ['x'], pass: ['y'] } }],
    });
    expect(kind.ok).toBe(false);
    if (!kind.ok) expect(kind.errors[0]?.path).toBe('phrases[0].kind');
  });

  it('runs entry examples and rejects a pack whose example fails', () => {
    const result = validatePack({
      id: 'p',
      phrases: [
        {
          kind: 'banned',
          id: 'cheap',
          phrases: ['cheap'],
          message: 'Say "affordable".',
          examples: { flag: ['It is inexpensive.'], pass: ['It is cheap.'] },
        },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'phrases[0].examples.flag[0]', message: 'does not fire on "It is inexpensive."' },
        { path: 'phrases[0].examples.pass[0]', message: 'fires on "It is cheap."' },
      ],
    });
  });

  it('parses JSON text and reports syntax errors', () => {
    expect(parsePack(JSON.stringify(GOOD)).ok).toBe(true);
    const broken = parsePack('{"id": ');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]?.path).toBe('(file)');
  });

  it('reads the same pack from YAML, and names YAML errors with their line', () => {
    const example = readFileSync(
      path.resolve(__dirname, '../../../lib/engine/packs/examples/acme-support.json'),
      'utf8',
    );
    const fromJson = parsePack(example);
    const fromYaml = parsePack(stringify(JSON.parse(example)));
    expect(fromYaml.ok).toBe(true);
    expect(fromYaml).toEqual(fromJson);

    const broken = parsePack('id: acme\nname: Acme\n  phrases: []\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]?.message).toMatch(/^not valid YAML: line \d+, column \d+: /);
    const twice = parsePack('id: a\nid: b\n');
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.errors[0]?.message).toMatch(/unique/);
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    const bomb = parsePack(levels.join('\n'));
    expect(bomb.ok).toBe(false);
    if (!bomb.ok) expect(bomb.errors[0]?.message).toMatch(/^not valid YAML: /);
  });

  it('exports a JSON Schema of the format', () => {
    const schema = packJsonSchema();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['id', 'phrases', 'competitors', 'linkAllowlist', 'severity', 'disabled']),
    );
  });
});

describe('example pack', () => {
  it('lib/engine/packs/examples/acme-support.json is valid', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const file = path.resolve(__dirname, '../../../lib/engine/packs/examples/acme-support.json');
    const result = parsePack(readFileSync(file, 'utf8'));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

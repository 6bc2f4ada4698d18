import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLine } from '@/lib/cli/analyze-line';

const root = path.resolve(__dirname, '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function runCli(args: string[], input: string) {
  const r = spawnSync(tsx, [path.join(root, 'lib', 'cli', 'analyze.ts'), ...args], {
    input,
    encoding: 'utf8',
    cwd: root,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = JSON.stringify({
  id: 't1',
  customer: ['My order is late.', 'Great, another update that breaks everything'],
  agent: ['Sorry about that.'],
  reply: 'Happy to help!',
});

describe('analyzeLine', () => {
  it('shapes the output exactly as the contract says', () => {
    const r = analyzeLine(GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.output)).toEqual(['id', 'customer', 'findings']);
    expect(Object.keys(r.output.customer ?? {})).toEqual(['sentiment', 'sarcasm', 'escalation']);
    expect(Object.keys(r.output.customer?.escalation ?? {})).toEqual(['likely', 'kinds']);
    expect(Object.keys(r.output.customer?.sentiment ?? {})).toEqual(['label', 'score']);
    const cue = r.output.customer?.sarcasm.cues[0];
    expect(cue && Object.keys(cue)).toEqual(['message', 'start', 'end', 'text', 'kind']);
    expect(cue?.message).toBe(1);
  });

  it('gives null customer when there is no customer message', () => {
    const r = analyzeLine('{"id":"x"}');
    expect(r.ok && r.output).toEqual({ id: 'x', customer: null, findings: [] });
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['[1,2]', 'expected a JSON object'],
    ['{"customer":["hi"]}', '"id" is required'],
    ['{"id":"a","customer":"hi"}', '"customer" must be an array of strings'],
    ['{"id":"a","agent":[1]}', '"agent" must be an array of strings'],
    ['{"id":"a","reply":5}', '"reply" must be a string'],
  ])('rejects %s', (line, message) => {
    const r = analyzeLine(line);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });
});

describe('analyze CLI', { timeout: 60_000 }, () => {
  it('writes one line per good input line, in order, and names bad lines on stderr', () => {
    const input = [
      GOOD,
      'not json',
      '{"id":"t2","customer":["I want to talk to a manager"]}',
      '',
      '{"customer":[]}',
    ].join('\n');
    const r = runCli(['--jsonl'], input);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['t1', 't2']);
    expect(lines[1].customer.escalation).toEqual({ likely: true, kinds: ['manager'] });
    expect(lines[0].findings).toBeInstanceOf(Array);
    expect(r.stderr).toContain('line 2');
    expect(r.stderr).toContain('line 5');
    expect(r.stderr).not.toContain('line 3');
    expect(r.code).toBe(1);
  });

  it('exits 0 when every line is good', () => {
    const r = runCli(['--jsonl'], `${GOOD}\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('refuses a rule pack it cannot use, on stderr, without output', () => {
    // Rule-pack support belongs to the rules work; whatever its state, a missing pack must fail loudly.
    const r = runCli(['--jsonl', '--rules', 'missing-pack.json'], `${GOOD}\n`);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/rule pack/);
    expect(r.stdout).toBe('');
  });

  it('applies a rule pack once, with findings in the contract shape', () => {
    const line = JSON.stringify({
      id: 'p1',
      customer: ['Where is my order?'],
      reply: 'It comes with a lifetime warranty.',
    });
    const r = runCli(['--jsonl', '--rules', 'lib/engine/packs/examples/acme-support.json'], `${line}\n`);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: { rule: string }[] };
    const pack = out.findings.find((f) => f.rule.includes('no-lifetime-warranty'));
    expect(pack, r.stdout).toBeDefined();
    expect(Object.keys(pack ?? {})).toEqual([
      'rule',
      'category',
      'severity',
      'start',
      'end',
      'text',
      'message',
      'fingerprint',
    ]);
  });

  it('prints help', () => {
    const r = runCli(['--help'], '');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--jsonl');
  });
});

describe('analyze CLI bundle, worker threads', { timeout: 120_000 }, () => {
  it('gives the same lines in the same order with workers as on the main thread, errors named by line', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs'), '--quiet'], { cwd: root });
    const lines: string[] = [];
    for (let i = 0; i < 4500; i++) {
      if (i === 3001) lines.push('{"id": broken');
      else
        lines.push(
          JSON.stringify({ id: i, customer: [`Message ${i}: my order ${i % 7 ? 'is late' : 'arrived, great'}`] }),
        );
    }
    const input = `${lines.join('\n')}\n`;
    const run = (threads: string) =>
      spawnSync(process.execPath, [path.join(root, 'build', 'cli', 'analyze.mjs'), '--jsonl', '--threads', threads], {
        input,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
    const parallel = run('2');
    const single = run('0');
    expect(parallel.stdout).toBe(single.stdout);
    const ids = parallel.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: number }).id);
    expect(ids).toHaveLength(4499);
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as number))).toBe(true);
    expect(parallel.stderr).toContain('stdin line 3002');
    expect(parallel.status).toBe(1);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { agentLog, exportLog } from '../../fixtures/handover';
import { freshDatabases } from '../../fixtures/rows';

const root = path.resolve(__dirname, '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const freshDb = freshDatabases('verify-cli');

function verify(args: string[]) {
  const r = spawnSync(tsx, [path.join(root, 'lib', 'cli', 'verify.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run verify', () => {
  it('verifies a folder of exports, names the rows tampered with, and decrypts with a key file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-verify-'));
    const agent = await agentLog(freshDb(), 6);
    const good = await exportLog(agent.db, { name: 'ana-good.ndjson' });
    writeFileSync(path.join(dir, good.rows.name), good.rows.bytes);
    writeFileSync(path.join(dir, good.audit.name), good.audit.bytes);
    const bad = await exportLog(agent.db, { name: 'ana-bad.ndjson' });
    const lines = new TextDecoder().decode(bad.rows.bytes).trimEnd().split('\n');
    const tampered = [lines[0], lines[2], lines[1], lines[3]?.replace('"accepted"', '"rejected"'), lines[5]].join('\n');
    writeFileSync(path.join(dir, bad.rows.name), `${tampered}\n`);
    writeFileSync(path.join(dir, bad.audit.name), bad.audit.bytes);
    const identity = await generateX25519Identity();
    const sealed = await exportLog(agent.db, {
      name: 'ana-sealed.ndjson',
      encryption: { recipients: [await identityToRecipient(identity)] },
    });
    writeFileSync(path.join(dir, sealed.rows.name), sealed.rows.bytes);
    writeFileSync(path.join(dir, sealed.audit.name), sealed.audit.bytes);
    const keyFile = path.join(os.tmpdir(), `rg-key-${process.pid}.txt`);
    writeFileSync(keyFile, `# created by the test\n${identity}\n`);

    const ok = verify([path.join(dir, good.rows.name), path.join(dir, good.audit.name)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ana-good\.ndjson: verified \(6 rows\)/);
    expect(ok.stdout).toMatch(/signed by ana \(\w{4} \w{4}\): 6 rows, events 1–6, signed through event 6 \(/);

    const all = verify(['--identity', keyFile, dir]);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/ana-bad\.ndjson: TAMPERED \(5 rows\)/);
    expect(all.stdout).toContain('✗ Row ana-3 was changed after ana');
    expect(all.stdout).toMatch(/✗ Row ana-4 \(event 5 of ana \(\w{4} \w{4}\)\) was removed\./);
    // Lines 2 and 3 swapped: one of the two moved.
    expect(all.stdout).toMatch(/✗ Rows were reordered: ana-[12] \(line [23], written as line [23]\)\./);
    expect(all.stdout).toMatch(/signed by ana \(\w{4} \w{4}\): 4 rows, events 1–6/);
    expect(all.stdout).toMatch(/ana-sealed\.ndjson\.age: verified \(6 rows, encrypted with a team key \(X25519\)\)/);

    const noKey = verify([path.join(dir, sealed.rows.name), path.join(dir, sealed.audit.name)]);
    expect(noKey.code).toBe(2);
    expect(noKey.stdout).toMatch(/NOT READ\n.*this dashboard holds none/);
  }, 60_000);
});

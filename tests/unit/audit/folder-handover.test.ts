import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { applyEvents } from '@/lib/db/overrides';
import { handoverDue, handoverFileName, runHandover } from '@/lib/handover/folder';
import { importSources } from '@/lib/handover/import-files';
import { handoverStatus } from '@/lib/handover/state';
import { resolveSettings } from '@/lib/settings/effective';
import { agentLog, leadDeps, memoryFolder, NOW, source } from '../../fixtures/handover';
import { freshDatabases, row } from '../../fixtures/rows';

const freshDb = freshDatabases('folder');

describe('the scheduled hand-over', () => {
  it('is due once a local day (daily) or after a week (weekly), never when off', () => {
    const morning = new Date(2025, 4, 20, 8).getTime();
    expect(handoverDue('daily', null, morning)).toBe(true);
    expect(handoverDue('daily', new Date(2025, 4, 20, 1).getTime(), morning)).toBe(false);
    expect(handoverDue('daily', new Date(2025, 4, 19, 23).getTime(), morning)).toBe(true);
    expect(handoverDue('weekly', morning - 6 * 86_400_000, morning)).toBe(false);
    expect(handoverDue('weekly', morning - 7 * 86_400_000, morning)).toBe(true);
    expect(handoverDue('off', null, morning)).toBe(false);
  });

  it('names files by agent and time', () => {
    expect(handoverFileName('Ana María', 'abcdef0123', new Date(Date.UTC(2025, 4, 20, 12, 3, 4)))).toBe(
      'replyguard-ana-mar-a-20250520-120304.ndjson',
    );
    expect(handoverFileName('', 'abcdef0123', new Date(Date.UTC(2025, 4, 20)))).toMatch(/^replyguard-abcdef01-/);
  });

  it('writes only what is new since the last hand-over, encrypted to the team key, and the lead imports the folder', async () => {
    const agent = await agentLog(freshDb(), 5);
    const identity = await generateX25519Identity();
    const settings = resolveSettings({
      agentLabel: 'ana',
      handoverSchedule: 'daily',
      handoverRecipients: [await identityToRecipient(identity)],
    });
    const folder = memoryFolder();
    const first = await runHandover(agent.db, settings, { now: NOW, folder: folder.handle });
    expect(first).toMatchObject({ rows: 5, problem: null });
    expect(first.written).toEqual([
      'replyguard-ana-20250520-120000.ndjson.age',
      'replyguard-ana-20250520-120000.ndjson.audit.age',
    ]);
    expect(await handoverStatus(agent.db)).toMatchObject({ lastSeq: 5, lastWrittenAt: NOW });

    // Two new decisions and a reason given later for an old one: the next file holds those three rows.
    await applyEvents(
      agent.db,
      [
        { kind: 'override', id: 'n1', seq: 1, row: row({ id: 'n1', agent: 'ana', decidedAt: NOW + 1000 }) },
        { kind: 'override', id: 'n2', seq: 2, row: row({ id: 'n2', agent: 'ana', decidedAt: NOW + 2000 }) },
        { kind: 'reason', id: 'r', seq: 3, overrideId: 'ana-1', reason: 'tone', note: null },
      ],
      { chain: agent.chain },
    );
    await agent.signer.sign();
    const second = await runHandover(agent.db, settings, { now: NOW + 86_400_000, folder: folder.handle });
    expect(second.rows).toBe(3);
    expect(await runHandover(agent.db, settings, { now: NOW + 2 * 86_400_000, folder: folder.handle })).toMatchObject({
      rows: 0,
      written: [],
    });

    const lead = freshDb();
    const sources = [...folder.files].map(([name, bytes]) => source(`team/${name}`, bytes));
    const results = await importSources(sources, leadDeps(lead, { identities: [identity] }));
    expect(results.map((r) => [r.status, r.imported, r.duplicates, r.audit?.status])).toEqual([
      ['imported', 5, 0, 'verified'],
      ['imported', 2, 1, 'verified'],
    ]);
  });

  it('waits for the agent when the browser asks for the folder again, and says so', async () => {
    const agent = await agentLog(freshDb(), 2);
    const folder = memoryFolder('prompt');
    const run = await runHandover(agent.db, resolveSettings({ handoverSchedule: 'daily' }), {
      now: NOW,
      folder: folder.handle,
    });
    expect(run).toMatchObject({ needsPermission: true, written: [] });
    expect(run.problem).toMatch(/click “Allow again”/);
    expect(await handoverStatus(agent.db)).toMatchObject({ needsPermission: true, lastSeq: 0 });
    folder.handle.permission = 'granted';
    expect(
      await runHandover(agent.db, resolveSettings({ handoverSchedule: 'daily' }), { now: NOW, folder: folder.handle }),
    ).toMatchObject({ rows: 2 });
    expect(await handoverStatus(agent.db)).toMatchObject({ needsPermission: false, problem: null });
  });

  it('says when no folder was chosen', async () => {
    const agent = await agentLog(freshDb(), 1);
    expect((await runHandover(agent.db, resolveSettings({}), { now: NOW })).problem).toMatch(
      /choose a hand-over folder/,
    );
  });
});

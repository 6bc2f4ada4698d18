import { describe, expect, it } from 'vitest';
import { installIdentity } from '@/lib/audit/install-key';
import { type ChainEntry, createChainSigner } from '@/lib/audit/live-chain';
import { verifyLog } from '@/lib/audit/log-view';
import { describeProblem } from '@/lib/audit/problems';
import { purgeExpired } from '@/lib/background/retention';
import type { ReplyGuardDb } from '@/lib/db/database';
import { applyEvents, putOverrides } from '@/lib/db/overrides';
import { freshDatabases, row } from '../../fixtures/rows';

const freshDb = freshDatabases('chain');
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 4, 20, 12);

/** A database with `n` live rows written one per write, as agents decide them, each write signed. */
async function liveLog(n: number, db = freshDb()) {
  const self = await installIdentity(db);
  const chain = { install: self.idBytes, now: () => NOW };
  const signer = createChainSigner(db, async () => self);
  const rows = Array.from({ length: n }, (_, i) => row({ id: `r${i}`, decidedAt: NOW - (n - i) * 3_600_000 }));
  for (const r of rows) {
    await putOverrides(db, [r], chain);
    await signer.sign();
  }
  return { db, self, chain, signer, rows };
}

const ids = (report: Awaited<ReturnType<typeof verifyLog>>) =>
  report.problems.map((p) => ('row' in p ? `${p.id}:${p.row}` : p.id));

async function verify(db: ReplyGuardDb) {
  const self = await installIdentity(db);
  return verifyLog(db, self);
}

describe('the live audit chain', () => {
  it('chains every new row in its write, signs the head, and verifies', async () => {
    const { db, self } = await liveLog(5);
    const entries = await db.chain.toArray();
    expect(entries.map((e) => [e.seq, e.id, e.kind])).toEqual([
      [1, 'r0', 'row'],
      [2, 'r1', 'row'],
      [3, 'r2', 'row'],
      [4, 'r3', 'row'],
      [5, 'r4', 'row'],
    ]);
    expect(entries.every((e) => e.sig?.length === 64)).toBe(true);
    const report = await verifyLog(db, self);
    expect(report.status).toBe('verified');
    expect(report.rows).toEqual({ checked: 5, verified: 5, uncovered: 0 });
    expect(report.installs).toEqual([expect.objectContaining({ install: self.id, events: 5, signedThrough: 5 })]);
  });

  it('keeps the same key across calls and chains a repeated id only once', async () => {
    const { db, chain, rows } = await liveLog(2);
    const again = await installIdentity(db);
    expect(again.id).toBe((await installIdentity(db)).id);
    expect(await putOverrides(db, [rows[0] as (typeof rows)[0]], chain)).toBe(0);
    expect(await db.chain.count()).toBe(2);
  });

  it('chains a reason given later as a new version of its row', async () => {
    const { db, chain, signer } = await liveLog(2);
    await applyEvents(
      db,
      [{ kind: 'reason', id: 'e1', seq: 1, overrideId: 'r1', reason: 'tone', note: 'too chirpy' }],
      {
        chain,
      },
    );
    await signer.sign();
    expect((await db.chain.toArray()).map((e) => e.kind)).toEqual(['row', 'row', 'reason']);
    expect((await verify(db)).status).toBe('verified');
  });

  it('names a row edited in IndexedDB', async () => {
    const { db } = await liveLog(6);
    await db.overrides.update('r2', { outcome: 'rejected' });
    const report = await verify(db);
    expect(report.status).toBe('tampered');
    expect(ids(report)).toEqual(['row-changed:r2']);
  });

  it('names a row deleted from IndexedDB, and one deleted with its chain event', async () => {
    const { db } = await liveLog(8);
    await db.overrides.delete('r3');
    await db.overrides.delete('r5');
    await db.chain.delete(6);
    const report = await verify(db);
    expect(ids(report)).toEqual(expect.arrayContaining(['row-removed:r3', 'events-missing']));
    expect(report.problems).toContainEqual(expect.objectContaining({ id: 'events-missing', from: 6, to: 6 }));
  });

  it('names rows whose chain events were swapped (reordered history)', async () => {
    const { db } = await liveLog(8);
    const [e4, e5] = (await db.chain.bulkGet([4, 5])) as ChainEntry[];
    await db.chain.bulkPut([
      { ...(e5 as ChainEntry), seq: 4 },
      { ...(e4 as ChainEntry), seq: 5 },
    ]);
    const report = await verify(db);
    expect(report.status).toBe('tampered');
    expect(report.problems).toContainEqual(
      expect.objectContaining({ id: 'event-out-of-order', row: 'r3', seq: 4, storedAt: 5 }),
    );
    expect(report.problems.filter((p) => p.id === 'signature-invalid')).toEqual([]);
  });

  it('catches a row edited together with its chain event and every link after it', async () => {
    const { db, rows } = await liveLog(6);
    // Rewrite row r2 and recompute its digest and every later link: only the signatures can tell.
    const { chainItems } = await import('@/lib/audit/live-chain');
    const { nextLink } = await import('@/lib/audit/chain');
    const changed = { ...(rows[2] as (typeof rows)[0]), outcome: 'rejected' as const };
    await db.overrides.put(changed);
    const entries = await db.chain.toArray();
    let link = (entries[1] as (typeof entries)[0]).link;
    for (const e of entries.slice(2)) {
      const d = e.id === 'r2' ? (chainItems([changed], 'row')[0]?.d as Uint8Array) : e.d;
      link = nextLink(link, { ...e, d });
      await db.chain.put({ ...e, d, link });
    }
    const report = await verify(db);
    expect(report.status).toBe('tampered');
    expect(report.problems).toContainEqual(expect.objectContaining({ id: 'signature-mismatch', from: 3, to: 6 }));
  });

  it('flags live rows written around the chain', async () => {
    const { db } = await liveLog(3);
    await db.overrides.add(row({ id: 'sneaked', decidedAt: NOW }));
    const report = await verify(db);
    expect(report.problems).toContainEqual(expect.objectContaining({ id: 'rows-unchained', count: 1 }));
  });

  it('leaves a signed checkpoint when retention purges, so the rest still verifies', async () => {
    const { db, chain, signer } = await liveLog(10);
    // Rows r0…r9 were decided 10…1 hours before NOW; keep the last 4 hours.
    const removed = await purgeExpired(db, 4 / 24, NOW, chain);
    await signer.sign();
    expect(removed).toBe(6);
    const [cp] = await db.checkpoints.toArray();
    expect(cp).toEqual(expect.objectContaining({ seq: 6, removed: 6, cutoff: NOW - 4 * 3_600_000 }));
    expect(cp?.sig?.length).toBe(64);
    expect((await db.chain.toArray()).map((e) => e.seq)).toEqual([7, 8, 9, 10]);
    const report = await verify(db);
    expect(report.status).toBe('verified');
    // Removing the next rows by hand is still caught, chain events and all.
    await db.overrides.delete('r6');
    await db.chain.delete(7);
    expect(ids(await verify(db))).toContain('events-missing');
  });

  it('accepts a straggler purged by retention but not a checkpoint forged without the key', async () => {
    const { db, chain, signer } = await liveLog(4);
    // A late row decided long ago, written after newer ones: retention takes it from the middle.
    await putOverrides(db, [row({ id: 'late', decidedAt: NOW - 30 * DAY })], chain);
    await putOverrides(db, [row({ id: 'new', decidedAt: NOW })], chain);
    await signer.sign();
    await purgeExpired(db, 10, NOW, chain);
    await signer.sign();
    expect((await verify(db)).status).toBe('verified');
    const [cp] = await db.checkpoints.toArray();
    await db.checkpoints.put({ ...(cp as NonNullable<typeof cp>), cutoff: NOW });
    const report = await verify(db);
    expect(report.problems.map((p) => p.id)).toContain('checkpoint-invalid');
  });

  it('says every problem in words that name the row and the install', async () => {
    const { db, self } = await liveLog(4);
    await db.overrides.update('r1', { similarity: 0.5 });
    const report = await verify(db);
    const text = report.problems.map((p) => describeProblem(p, () => `install ${self.id.slice(0, 4)}`));
    expect(text).toEqual([`Row r1 was changed after install ${self.id.slice(0, 4)} signed it (event 2).`]);
  });
});

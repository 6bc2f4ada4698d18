import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { installIdentity } from '@/lib/audit/install-key';
import { verifyLog } from '@/lib/audit/log-view';
import { overrideCount } from '@/lib/db/queries';
import { importSources } from '@/lib/handover/import-files';
import { agentLog, exportLog, leadDeps, source } from '../../fixtures/handover';
import { freshDatabases, type row } from '../../fixtures/rows';

const freshDb = freshDatabases('handover');
const te = new TextEncoder();
const td = new TextDecoder();

describe('importing hand-over files', () => {
  it('imports an agent export with its audit file, verified and signed by the agent', async () => {
    const agent = await agentLog(freshDb(), 12);
    const files = await exportLog(agent.db, { name: 'ana-2025-05-20.ndjson' });
    const lead = freshDb();
    const [result] = await importSources(
      [source(files.rows.name, files.rows.bytes), source(files.audit.name, files.audit.bytes)],
      leadDeps(lead),
    );
    expect(result).toMatchObject({
      path: 'ana-2025-05-20.ndjson',
      status: 'imported',
      rows: 12,
      imported: 12,
      duplicates: 0,
    });
    expect(result?.audit).toMatchObject({
      status: 'verified',
      signers: [`ana (${agent.self.id.slice(0, 4)} ${agent.self.id.slice(4, 8)})`],
    });
    expect(await overrideCount(lead)).toBe(12);
    expect(await lead.segments.count()).toBe(1);
    // The lead's whole log verifies too: the imported rows against the agent's chain.
    const report = await verifyLog(lead, await installIdentity(lead));
    expect(report.status).toBe('verified');
    expect(report.rows).toEqual({ checked: 12, verified: 12, uncovered: 0 });
  });

  it('skips a file seen before quickly, and the same export under another name', async () => {
    const agent = await agentLog(freshDb(), 5);
    const files = await exportLog(agent.db);
    const lead = freshDb();
    const pair = [source(files.rows.name, files.rows.bytes, 7), source(files.audit.name, files.audit.bytes, 7)];
    await importSources(pair, leadDeps(lead));
    const again = await importSources(pair, leadDeps(lead));
    expect(again[0]).toMatchObject({
      status: 'skipped',
      rows: 5,
      reason: expect.stringMatching(/same name, size and time/),
    });
    const renamed = await importSources(
      [source('copy.ndjson', files.rows.bytes), source('copy.ndjson.audit', files.audit.bytes)],
      leadDeps(lead),
    );
    expect(renamed[0]).toMatchObject({
      status: 'skipped',
      reason: 'already imported as export.ndjson (the same export)',
    });
    const noAudit = await importSources([source('bare.ndjson', files.rows.bytes)], leadDeps(lead));
    expect(noAudit[0]).toMatchObject({
      status: 'skipped',
      reason: 'already imported as export.ndjson (the same content)',
    });
  });

  it('reads a large file twice rather than keeping it, with the same result', async () => {
    const agent = await agentLog(freshDb(), 30);
    const files = await exportLog(agent.db, { format: 'csv', name: 'big.csv' });
    const lead = freshDb();
    const [result] = await importSources(
      [source(files.rows.name, files.rows.bytes), source(files.audit.name, files.audit.bytes)],
      leadDeps(lead, {}, { keepBytes: 0 }),
    );
    expect(result).toMatchObject({ status: 'imported', imported: 30, audit: { status: 'verified' } });
  });

  it('imports tampered rows but says which, in words', async () => {
    const agent = await agentLog(freshDb(), 6);
    const files = await exportLog(agent.db);
    const text = td.decode(files.rows.bytes).replace(/("id":"ana-2".*?"outcome":)"accepted"/, '$1"escalated"');
    const lead = freshDb();
    const [result] = await importSources(
      [source('export.ndjson', te.encode(text)), source(files.audit.name, files.audit.bytes)],
      leadDeps(lead),
    );
    expect(result?.status).toBe('imported');
    expect(result?.audit?.status).toBe('tampered');
    expect(result?.audit?.problems).toEqual([
      {
        level: 'tamper',
        text: expect.stringMatching(/^Row ana-2 was changed after ana \(\w{4} \w{4}\) signed it \(event 3\)\.$/),
      },
    ]);
    // The lead's log keeps saying so.
    expect((await verifyLog(lead, await installIdentity(lead))).problems.map((p) => p.id)).toEqual(['row-changed']);
  });

  it('names files that are not exports, compressed, zipped or binary', async () => {
    const agent = await agentLog(freshDb(), 3);
    const files = await exportLog(agent.db);
    const gz = new Uint8Array(
      await new Response(
        new Blob([files.rows.bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip')),
      ).arrayBuffer(),
    );
    const lead = freshDb();
    const results = await importSources(
      [
        source('team/export.ndjson.gz', gz),
        source('team/archive.json', te.encode('PK\u0003\u0004 rest of a zip')),
        source('team/blob.csv', Uint8Array.of(1, 2, 0, 3)),
        source('team/empty.ndjson', new Uint8Array()),
        source('team/notes.txt', te.encode('hello')),
        source('team/orphan.ndjson.audit', files.audit.bytes),
      ],
      leadDeps(lead),
    );
    expect(results.map((r) => [r.path, r.status, r.reason])).toEqual([
      ['team/export.ndjson.gz', 'imported', null],
      ['team/archive.json', 'refused', 'it is a ZIP archive: unzip it and import the files inside'],
      ['team/blob.csv', 'refused', 'it is not a text file (it holds binary data)'],
      ['team/empty.ndjson', 'refused', 'the file is empty'],
      ['team/notes.txt', 'skipped', expect.stringMatching(/^not an export file/)],
      ['team/orphan.ndjson.audit', 'skipped', 'an audit file without its rows file'],
    ]);
  });
});

describe('encrypted hand-over (age)', () => {
  async function encryptedExport() {
    const agent = await agentLog(freshDb(), 8);
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const files = await exportLog(agent.db, { encryption: { recipients: [recipient] }, name: 'ana.ndjson' });
    return {
      identity,
      files,
      pair: [source(files.rows.name, files.rows.bytes), source(files.audit.name, files.audit.bytes)],
    };
  }

  it('writes age files and imports them with the team key, audit and all', async () => {
    const { identity, files, pair } = await encryptedExport();
    expect(files.rows.name).toBe('ana.ndjson.age');
    expect(files.audit.name).toBe('ana.ndjson.audit.age');
    expect(td.decode(files.rows.bytes.slice(0, 21))).toBe('age-encryption.org/v1');
    expect(td.decode(files.rows.bytes)).not.toContain('ana-1');
    const lead = freshDb();
    const [result] = await importSources(pair, leadDeps(lead, { identities: [identity] }));
    expect(result).toMatchObject({
      path: 'ana.ndjson.age',
      status: 'imported',
      imported: 8,
      encrypted: 'a team key (X25519)',
      audit: { status: 'verified' },
    });
  });

  it('opens with a non-extractable X25519 CryptoKey as well as the identity text', async () => {
    const { importTeamKey } = await import('@/lib/handover/team-keys');
    const { identity, pair } = await encryptedExport();
    const lead = freshDb();
    const stored = await importTeamKey(lead, identity);
    expect(stored.key.extractable).toBe(false);
    const [result] = await importSources(pair, leadDeps(lead, { identities: [stored.key] }));
    expect(result).toMatchObject({ status: 'imported', imported: 8 });
  });

  it('refuses, importing nothing, without a key, with the wrong key, cut short or altered', async () => {
    const { identity, files, pair } = await encryptedExport();
    const lead = freshDb();
    const cases: [string, Parameters<typeof leadDeps>[1], Uint8Array, RegExp][] = [
      ['no key', {}, files.rows.bytes, /encrypted to a team key \(X25519\) and this dashboard holds none/],
      [
        'wrong key',
        { identities: [await generateX25519Identity()] },
        files.rows.bytes,
        /encrypted to another key \(X25519\)/,
      ],
      [
        'cut short',
        { identities: [identity] },
        files.rows.bytes.slice(0, -100),
        /cut short or was altered: it fails authentication/,
      ],
      [
        'cut at a chunk end',
        { identities: [identity] },
        files.rows.bytes.slice(0, files.rows.bytes.length - ((files.rows.bytes.length - 200) % 65_552)),
        /cut short or was altered|the file is empty/,
      ],
      [
        'altered',
        { identities: [identity] },
        files.rows.bytes.map((b, i) => (i === files.rows.bytes.length - 300 ? b ^ 1 : b)),
        /cut short or was altered/,
      ],
    ];
    for (const [label, keys, bytes, message] of cases) {
      const [result] = await importSources(
        [source(`${label}.ndjson.age`, bytes), pair[1] as (typeof pair)[1]],
        leadDeps(lead, keys),
      );
      expect(result?.status, label).toBe('refused');
      expect(result?.reason, label).toMatch(message);
    }
    expect(await overrideCount(lead)).toBe(0);
    expect(await lead.segments.count()).toBe(0);
  });

  it('encrypts with a passphrase and names a wrong or missing one', async () => {
    const agent = await agentLog(freshDb(), 4);
    const files = await exportLog(agent.db, { encryption: { passphrase: 'correct horse battery', workFactor: 10 } });
    const rows = source(files.rows.name, files.rows.bytes);
    const lead = freshDb();
    const [missing] = await importSources([rows], leadDeps(lead));
    expect(missing?.reason).toBe('it is encrypted with a passphrase: enter the passphrase and import it again');
    const [wrong] = await importSources([rows], leadDeps(lead, { passphrases: ['battery horse'] }));
    expect(wrong?.reason).toBe('the passphrase is wrong');
    const [right] = await importSources([rows], leadDeps(lead, { passphrases: ['correct horse battery'] }));
    expect(right).toMatchObject({ status: 'imported', imported: 4, encrypted: 'a passphrase' });
  });
});

describe("a lead's merged log", () => {
  it('verifies against every agent, and its own re-export carries their chains', async () => {
    const ana = await agentLog(freshDb(), 5, 'ana');
    const bo = await agentLog(freshDb(), 4, 'bo');
    const lead = await agentLog(freshDb(), 2, 'lead');
    for (const log of [ana, bo]) {
      const files = await exportLog(log.db, {
        name: `${log.rows[0]?.agent}.ndjson`,
        agents: [log.rows[0]?.agent as string],
      });
      await importSources(
        [source(files.rows.name, files.rows.bytes), source(files.audit.name, files.audit.bytes)],
        leadDeps(lead.db),
      );
    }
    const self = await installIdentity(lead.db);
    const report = await verifyLog(lead.db, self);
    expect(report.status).toBe('verified');
    expect(report.installs).toHaveLength(3);
    // The lead exports everything (own rows and imported ones) and a fresh dashboard verifies it.
    const { allOverridesByTime } = await import('@/lib/db/queries');
    const merged = await exportLog(lead.db, { rows: await allOverridesByTime(lead.db), agents: ['lead'] });
    const other = freshDb();
    const [result] = await importSources(
      [source('merged.ndjson', merged.rows.bytes), source('merged.ndjson.audit', merged.audit.bytes)],
      leadDeps(other),
    );
    expect(result).toMatchObject({ status: 'imported', imported: 11, audit: { status: 'verified' } });
    expect(result?.audit?.signers.map((s) => s.split(' ')[0]).sort()).toEqual(['ana', 'bo', 'lead']);
  });

  it('catches an imported row or its stored events changed in the lead database', async () => {
    const agent = await agentLog(freshDb(), 4);
    const files = await exportLog(agent.db);
    const lead = freshDb();
    await importSources(
      [source(files.rows.name, files.rows.bytes), source(files.audit.name, files.audit.bytes)],
      leadDeps(lead),
    );
    const [record] = await lead.imported.toArray();
    const rows = JSON.parse(record?.rows as string) as ReturnType<typeof row>[];
    (rows[1] as ReturnType<typeof row>).outcome = 'rejected';
    await lead.imported.put({ ...(record as NonNullable<typeof record>), rows: JSON.stringify(rows) });
    const [segment] = await lead.segments.toArray();
    await lead.segments.put({ ...(segment as NonNullable<typeof segment>), masked: rows[2]?.id as string });
    const report = await verifyLog(lead, await installIdentity(lead));
    expect(report.problems.map((p) => p.id).sort()).toEqual([
      'imported-record-altered',
      'masked-on-import',
      'row-changed',
    ]);
  });
});

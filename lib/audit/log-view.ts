import type { ReplyGuardDb } from '../db/database';
import { rowsOf } from '../db/imported';
import type { OverrideRow } from '../db/schema';
import { type AuditView, BlockBuilder, type CheckpointInfo, type InstallInfo, type SignedPoint, WHERE } from './blocks';
import { rowDigests } from './canonical';
import { genesisLink } from './chain';
import { type InstallIdentity, installVerifier } from './install-key';
import type { AuditProblem } from './problems';
import { segmentBlock, segmentIntact } from './segments';
import { type AuditReport, AuditVerifier } from './verify';

/** The source name of this browser's own chain in messages. */
export const OWN_SOURCE = 'this browser';

/** The log as verification reads it: this install's chain, the imported events, the keys and checkpoints. */
export interface LogView {
  view: AuditView;
  /** Rows whose texts this browser masked on import. */
  masked: Set<string>;
  /** Imported records that no longer verify. */
  altered: AuditProblem[];
}

/** Reads the audit trail of this browser's log (not its rows). */
export async function loadLogView(db: ReplyGuardDb, self: InstallIdentity): Promise<LogView> {
  const [entries, checkpoints, segments, installs] = await db.transaction(
    'r',
    [db.chain, db.checkpoints, db.segments, db.installs],
    () => Promise.all([db.chain.toArray(), db.checkpoints.toArray(), db.segments.toArray(), db.installs.toArray()]),
  );
  const cp = checkpoints.at(-1);
  const own = new BlockBuilder(self.id, OWN_SOURCE, cp?.seq ?? 0, cp?.link ?? genesisLink(self.idBytes), true);
  for (const e of entries) {
    own.add(e.seq, e.kind, e.id, e.d, e.t, WHERE.inLog, e.link);
    if (e.sig) own.signed.push({ seq: e.seq, link: e.link, at: e.at, sig: e.sig } satisfies SignedPoint);
  }
  const infos = new Map<string, InstallInfo>([[self.id, { id: self.id, publicKey: self.publicJwk, agents: [] }]]);
  const allCheckpoints: CheckpointInfo[] = checkpoints.map((c) => ({
    install: self.id,
    seq: c.seq,
    link: c.link,
    cutoff: c.cutoff,
    at: c.at,
    sig: c.sig ?? null,
  }));
  for (const i of installs) {
    infos.set(i.id, { id: i.id, publicKey: i.publicKey, agents: i.agents });
    for (const c of i.checkpoints) allCheckpoints.push({ ...c, install: i.id });
  }
  const verifiers = new Map([[self.id, await installVerifier(self.publicJwk)]]);
  const masked = new Set<string>();
  const altered: AuditProblem[] = [];
  const blocks = [];
  for (const s of segments) {
    let importer = verifiers.get(s.by);
    const key = infos.get(s.by)?.publicKey;
    if (!importer && key) {
      importer = await installVerifier(key);
      verifiers.set(s.by, importer);
    }
    if (!importer || !(await segmentIntact(s, importer))) {
      altered.push({ id: 'imported-record-altered', install: s.install, source: s.source });
    }
    for (const id of s.masked ? s.masked.split('\n') : []) masked.add(id);
    blocks.push(segmentBlock(s, WHERE.inLog));
  }
  return {
    view: {
      installs: infos,
      blocks: [...(entries.length || cp ? [own.build()] : []), ...blocks],
      checkpoints: allCheckpoints,
    },
    masked,
    altered,
  };
}

/** Rows read per step: a page of live rows, or this many imported records. */
const PAGE = 2_000;
const RECORD_PAGE = 20;

/**
 * Verifies this browser's whole log: its own chain against its live rows, and every imported
 * file's events against the imported rows. Reads the rows page by page.
 */
export async function verifyLog(
  db: ReplyGuardDb,
  self: InstallIdentity,
  onProgress: (rows: number) => void = () => {},
): Promise<AuditReport> {
  const { view, masked, altered } = await loadLogView(db, self);
  const verifier = new AuditVerifier(view, { retentionBy: self.id, ordered: false, masked });
  await verifier.checkChains();
  for (const p of altered) verifier.addProblem(p);
  let read = 0;
  const feed = async (rows: OverrideRow[], chained: boolean) => {
    const digests = await rowDigests(rows);
    verifier.addRows(
      rows.map((r, i) => ({ id: r.id, digest: digests[i] as Uint8Array })),
      chained,
    );
    read += rows.length;
    onProgress(read);
  };
  let after: string | null = null;
  for (;;) {
    const page: OverrideRow[] = await (after === null
      ? db.overrides.orderBy(':id').limit(PAGE).toArray()
      : db.overrides.where(':id').above(after).limit(PAGE).toArray());
    if (page.length === 0) break;
    after = (page.at(-1) as OverrideRow).id;
    await feed(page, true);
  }
  let afterKey = 0;
  for (;;) {
    const records = await db.imported.where(':id').above(afterKey).limit(RECORD_PAGE).toArray();
    if (records.length === 0) break;
    afterKey = records.at(-1)?.key as number;
    await feed(records.flatMap(rowsOf), false);
  }
  return verifier.report();
}

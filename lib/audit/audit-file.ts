import type { ExportFormat } from '../db/export-formats';
import {
  type AuditView,
  BlockBuilder,
  type CheckpointInfo,
  digestAt,
  type EventBlock,
  type InstallInfo,
  kindOf,
  linkAt,
  type SignedPoint,
  WHERE,
} from './blocks';
import { equalBytes, fromB64, toB64, utf8 } from './bytes';
import { exportStatement, nextLink } from './chain';
import { ChunkedHasher } from './hasher';
import { type InstallIdentity, installVerifier, type PublicJwk, sign } from './install-key';

/**
 * The audit file that goes with an export (export schema version 3): `<rows file>.audit`, NDJSON,
 * one record per line, so the rows file stays plain rows (DuckDB, spreadsheets and the version-2
 * readers load it as before) and the audit file streams like the rows do.
 *
 * ```
 * {"format":"replyguard-audit","version":3,"exportId":…,"exportedAt":…,"signer":<install>,"rows":{"file":…,"format":…,"count":…}}
 * {"install":{"id":<install>,"publicKey":{"kty":"EC","crv":"P-256","x":…,"y":…},"agents":[…]}}   one per install
 * {"checkpoint":{"install":…,"seq":…,"link":…,"cutoff":…,"at":…,"sig":…}}                         retention checkpoints
 * {"segment":{"install":…,"prevSeq":…,"prev":…}}                                                  a run of one install's events …
 * [seq,kind,rowId,decidedAt,digest,where]                                                        … one line per event (kind 1 row, 2 reason)
 * {"signed":{"seq":…,"link":…,"at":…,"sig":…}}                                                   … and signatures of its chain
 * {"end":{"lines":…,"digest":…,"sig":…}}                                                          the exporter's signature of every line above
 * ```
 *
 * Bytes (digests, links, signatures) are base64url without padding. `where` is the row's place in
 * the rows file (0 = first data row), or −1 left out by the export's filter, −2 deleted by the
 * exporter's retention, −3 missing from the exporter's log.
 */

export const AUDIT_FORMAT = 'replyguard-audit';
export const AUDIT_VERSION = 3;
/** The audit file's name for a rows file's name. */
export const auditFileName = (rowsFile: string): string => `${rowsFile}.audit`;

export interface AuditHeader {
  format: typeof AUDIT_FORMAT;
  version: number;
  /** Random per export: an importer skips an export it has seen. */
  exportId: string;
  exportedAt: string;
  /** The exporting install. */
  signer: string;
  rows: { file: string; format: ExportFormat; count: number };
}

export interface AuditFileInput {
  signer: InstallIdentity;
  /** Agent labels the signer's own rows carry (its setting). */
  signerAgents: readonly string[];
  exportId: string;
  exportedAt: Date;
  rowsFile: AuditHeader['rows'];
  /** Where each exported row stands in the rows file. */
  positions: ReadonlyMap<string, number>;
  /** The exporting log's audit trail (lib/audit/log-view.ts). */
  view: AuditView;
  /** Which of these rows, left out of the file, are still in the exporting log. */
  inLog(rows: readonly { id: string; t: number }[]): Promise<ReadonlySet<string>>;
  /** The exporter's retention cutoff (its latest checkpoint), or null. */
  cutoff: number | null;
  /** Signatures kept per run of a chain: one every `stride` events, and the last. @default 1000 */
  stride?: number;
}

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

/** The link before event `i` of a block: stored, or recomputed from the block's start. */
function linkBefore(b: EventBlock, i: number): Uint8Array {
  if (i === 0) return b.prev;
  const stored = linkAt(b, i - 1);
  if (stored) return stored;
  let link = b.prev;
  for (let k = 0; k < i; k++) {
    link = nextLink(link, {
      kind: kindOf(b.kinds[k] as number),
      id: b.ids[k] as string,
      d: digestAt(b, k),
      t: b.times[k] as number,
    });
  }
  return link;
}

/**
 * The audit file's lines for an export, signed at the end by the exporting install. For each
 * run of events that holds an exported row, it writes the run from the first such event to the
 * last, and on to the next signature, so the verifier can check every link in between.
 */
export async function* auditFileLines(input: AuditFileInput): AsyncGenerator<string> {
  const hasher = new ChunkedHasher();
  let count = 0;
  const out = (text: string) => {
    hasher.update(utf8(text));
    count += 1;
    return text;
  };
  const stride = input.stride ?? 1000;
  const ranges: { block: EventBlock; lo: number; hi: number }[] = [];
  for (const block of input.view.blocks) {
    let lo = -1;
    let hi = -1;
    block.ids.forEach((id, i) => {
      if (!input.positions.has(id)) return;
      if (lo < 0) lo = i;
      hi = i;
    });
    if (lo < 0) continue;
    const signedSeqs = new Set(block.signed.map((p) => p.seq));
    for (let i = hi; i < block.ids.length; i++) {
      if (signedSeqs.has(block.seqs[i] as number)) {
        hi = i;
        break;
      }
    }
    ranges.push({ block, lo, hi });
  }
  const installs = new Set([input.signer.id, ...ranges.map((r) => r.block.install)]);
  const header: AuditHeader = {
    format: AUDIT_FORMAT,
    version: AUDIT_VERSION,
    exportId: input.exportId,
    exportedAt: input.exportedAt.toISOString(),
    signer: input.signer.id,
    rows: input.rowsFile,
  };
  yield out(line(header));
  for (const id of installs) {
    const info: InstallInfo | undefined =
      id === input.signer.id
        ? { id, publicKey: input.signer.publicJwk, agents: [...input.signerAgents] }
        : input.view.installs.get(id);
    if (info) yield out(line({ install: { id: info.id, publicKey: info.publicKey, agents: info.agents } }));
  }
  for (const c of input.view.checkpoints) {
    if (!installs.has(c.install) || !c.sig) continue;
    yield out(
      line({
        checkpoint: {
          install: c.install,
          seq: c.seq,
          link: toB64(c.link),
          cutoff: c.cutoff,
          at: c.at,
          sig: toB64(c.sig),
        },
      }),
    );
  }
  for (const { block, lo, hi } of ranges) {
    const absent: { id: string; t: number }[] = [];
    for (let i = lo; i <= hi; i++) {
      const id = block.ids[i] as string;
      if (!input.positions.has(id) && (block.where[i] as number) === WHERE.inLog)
        absent.push({ id, t: block.times[i] as number });
    }
    const kept = absent.length ? await input.inLog(absent) : new Set<string>();
    yield out(
      line({
        segment: {
          install: block.install,
          prevSeq: lo === 0 ? block.prevSeq : (block.seqs[lo - 1] as number),
          prev: toB64(linkBefore(block, lo)),
        },
      }),
    );
    let text = '';
    for (let i = lo; i <= hi; i++) {
      const id = block.ids[i] as string;
      const t = block.times[i] as number;
      const origin = block.where[i] as number;
      const where =
        input.positions.get(id) ??
        (origin !== WHERE.inLog && origin < 0
          ? origin
          : kept.has(id)
            ? WHERE.filtered
            : input.cutoff !== null && t < input.cutoff
              ? WHERE.retention
              : WHERE.missing);
      text += out(line([block.seqs[i], block.kinds[i], id, t, toB64(digestAt(block, i)), where]));
      if (text.length > 1 << 20) {
        yield text;
        text = '';
      }
    }
    if (text) yield text;
    text = '';
    const first = block.seqs[lo] as number;
    const last = block.seqs[hi] as number;
    const points = block.signed.filter((p) => p.seq >= first && p.seq <= last).sort((a, b) => a.seq - b.seq);
    let since = Number.NEGATIVE_INFINITY;
    points.forEach((p, k) => {
      if (p.seq - since < stride && k < points.length - 1) return;
      since = p.seq;
      text += out(line({ signed: { seq: p.seq, link: toB64(p.link), at: p.at, sig: toB64(p.sig) } }));
    });
    if (text) yield text;
  }
  const digest = await hasher.digest();
  const sig = await sign(input.signer, exportStatement(input.signer.idBytes, digest));
  yield line({ end: { lines: count, digest: toB64(digest), sig: toB64(sig) } });
}

/** An audit file as read: the events and keys to verify against, and whether its closing signature holds. */
export interface AuditFile {
  header: AuditHeader | null;
  view: AuditView;
  /** Whether the lines are as the exporter signed them, and if not, why. */
  trailer: { ok: true } | { ok: false; detail: string };
  /** Lines that could not be read (at most 20). */
  errors: string[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function bytes(v: unknown, size: number): Uint8Array {
  if (!isStr(v)) throw new Error('not base64url');
  const b = fromB64(v);
  if (b.length !== size) throw new Error(`${b.length} bytes where ${size} belong`);
  return b;
}

function publicKeyOf(v: unknown): PublicJwk {
  if (!isObj(v) || v.kty !== 'EC' || v.crv !== 'P-256' || !isStr(v.x) || !isStr(v.y))
    throw new Error('not a P-256 key');
  return { kty: 'EC', crv: 'P-256', x: v.x, y: v.y };
}

/** Reads an audit file line by line. Never throws on content: what it cannot read is in `errors`. */
export async function readAuditFile(lines: AsyncIterable<string>, source: string): Promise<AuditFile> {
  const hasher = new ChunkedHasher();
  const errors: string[] = [];
  const installs = new Map<string, InstallInfo>();
  const checkpoints: CheckpointInfo[] = [];
  const blocks: EventBlock[] = [];
  let header: AuditHeader | null = null;
  let current: BlockBuilder | null = null;
  let end: Json | null = null;
  let n = 0;
  let count = 0;
  const fail = (message: string) => {
    if (errors.length < 20) errors.push(`line ${n}: ${message}`);
  };
  const close = () => {
    if (current) blocks.push(current.build());
    current = null;
  };
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') continue;
    if (end) {
      fail('text after the closing signature');
      continue;
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      fail('not valid JSON');
      continue;
    }
    if (isObj(v) && isObj(v.end)) {
      end = v.end;
      continue;
    }
    hasher.update(utf8(`${text}\n`));
    count += 1;
    try {
      if (Array.isArray(v)) {
        const [seq, kind, id, t, d, where] = v as unknown[];
        if (!current) throw new Error('an event before any segment');
        if (!isNum(seq) || (kind !== 1 && kind !== 2) || !isStr(id) || !isNum(t) || !isNum(where)) {
          throw new Error('not an event [seq, kind, row id, decidedAt, digest, where]');
        }
        current.add(seq, kindOf(kind), id, bytes(d, 32), t, where);
      } else if (!isObj(v)) throw new Error('not an audit record');
      else if (n === 1 || (v.format === AUDIT_FORMAT && !header)) {
        if (v.format !== AUDIT_FORMAT) throw new Error(`not an audit file (format ${JSON.stringify(v.format)})`);
        if (v.version !== AUDIT_VERSION)
          throw new Error(`audit file version ${String(v.version)}; this version reads ${AUDIT_VERSION}`);
        const rows = v.rows;
        if (!isStr(v.exportId) || !isStr(v.exportedAt) || !isStr(v.signer) || !isObj(rows))
          throw new Error('incomplete header');
        header = v as unknown as AuditHeader;
      } else if (isObj(v.install)) {
        const i = v.install;
        if (!isStr(i.id)) throw new Error('an install without an id');
        const agents = Array.isArray(i.agents) ? i.agents.filter(isStr) : [];
        installs.set(i.id, { id: i.id, publicKey: publicKeyOf(i.publicKey), agents });
      } else if (isObj(v.checkpoint)) {
        const c = v.checkpoint;
        if (!isStr(c.install) || !isNum(c.seq) || !isNum(c.cutoff) || !isNum(c.at))
          throw new Error('incomplete checkpoint');
        checkpoints.push({
          install: c.install,
          seq: c.seq,
          link: bytes(c.link, 32),
          cutoff: c.cutoff,
          at: c.at,
          sig: bytes(c.sig, 64),
        });
      } else if (isObj(v.segment)) {
        const s = v.segment;
        if (!isStr(s.install) || !isNum(s.prevSeq)) throw new Error('incomplete segment');
        close();
        current = new BlockBuilder(s.install, source, s.prevSeq, bytes(s.prev, 32));
      } else if (isObj(v.signed)) {
        const p = v.signed;
        if (!current) throw new Error('a signature before any segment');
        if (!isNum(p.seq) || !isNum(p.at)) throw new Error('incomplete signature');
        current.signed.push({
          seq: p.seq,
          link: bytes(p.link, 32),
          at: p.at,
          sig: bytes(p.sig, 64),
        } satisfies SignedPoint);
      } else throw new Error('not an audit record');
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }
  close();
  const view: AuditView = { installs, blocks, checkpoints };
  return { header, view, trailer: await checkTrailer(header, installs, end, count, hasher), errors };
}

async function checkTrailer(
  header: AuditHeader | null,
  installs: Map<string, InstallInfo>,
  end: Json | null,
  count: number,
  hasher: ChunkedHasher,
): Promise<AuditFile['trailer']> {
  if (!header) return { ok: false, detail: 'it has no header line' };
  if (!end) return { ok: false, detail: 'its closing signature is missing (the file is cut short)' };
  const signer = installs.get(header.signer);
  if (!signer) return { ok: false, detail: "the exporter's public key is missing" };
  if (end.lines !== count)
    return { ok: false, detail: `it has ${count} lines where the exporter wrote ${String(end.lines)}` };
  const digest = await hasher.digest();
  let claimed: Uint8Array;
  let sig: Uint8Array;
  try {
    claimed = bytes(end.digest, 32);
    sig = bytes(end.sig, 64);
  } catch {
    return { ok: false, detail: 'its closing signature is unreadable' };
  }
  if (!equalBytes(claimed, digest)) return { ok: false, detail: 'its lines are not the ones the exporter signed' };
  const verifier = await installVerifier(signer.publicKey);
  if (verifier.id !== header.signer) return { ok: false, detail: "the exporter's key does not match its install id" };
  const ok = await verifier.verify(exportStatement(verifier.idBytes, digest), sig);
  return ok ? { ok: true } : { ok: false, detail: "the exporter's signature does not verify" };
}

import type { EntryKind } from './chain';
import type { PublicJwk } from './install-key';

/**
 * What verification reads, whatever it came from (an export's audit file, this browser's own
 * chain, the events imported with other agents' rows): runs of one install's events, packed in
 * typed arrays so a million events fit in a few tens of megabytes.
 */

/** A signature an install made of its chain's head. */
export interface SignedPoint {
  seq: number;
  link: Uint8Array;
  at: number;
  sig: Uint8Array;
}

/** A retention checkpoint an install signed (./chain.ts, `checkpointStatement`). */
export interface CheckpointInfo {
  install: string;
  seq: number;
  link: Uint8Array;
  cutoff: number;
  at: number;
  sig: Uint8Array | null;
}

/** An install's public key and the agent labels its rows carried. */
export interface InstallInfo {
  id: string;
  publicKey: PublicJwk;
  agents: string[];
}

/**
 * Where an event's row is: its place in the file (0, 1, …), or why it is not there. The export
 * writes these; for the log itself every row should be stored (`IN_LOG`).
 */
export const WHERE = {
  /** Left out by the export's filter; still in the exporter's log. */
  filtered: -1,
  /** Deleted by the exporter's retention before the export. */
  retention: -2,
  /** Not in the exporter's log, with no retention to explain it. */
  missing: -3,
  /** Expected in the log being verified. */
  inLog: -4,
} as const;

const KIND_CODE: Record<EntryKind, number> = { row: 1, reason: 2 };
export const kindOf = (code: number): EntryKind => (code === 2 ? 'reason' : 'row');

/** A run of one install's events, in the order of their sequence numbers. */
export interface EventBlock {
  install: string;
  /** Where the block came from, for messages: a file name, "this browser", … */
  source: string;
  /** Seq and link of the event before the first one (0 and the genesis link at the chain's start). */
  prevSeq: number;
  prev: Uint8Array;
  seqs: Float64Array;
  kinds: Uint8Array;
  ids: string[];
  /** 32 bytes per event. */
  digests: Uint8Array;
  times: Float64Array;
  where: Int32Array;
  /** 32 bytes per event when the source stores each link (this browser's chain), else null. */
  links: Uint8Array | null;
  signed: SignedPoint[];
}

/** Everything a verification reads besides the rows. */
export interface AuditView {
  installs: Map<string, InstallInfo>;
  blocks: EventBlock[];
  checkpoints: CheckpointInfo[];
}

/** Builds a block event by event (typed arrays grow by doubling). */
export class BlockBuilder {
  #n = 0;
  #seqs = new Float64Array(64);
  #kinds = new Uint8Array(64);
  #ids: string[] = [];
  #digests = new Uint8Array(64 * 32);
  #times = new Float64Array(64);
  #where = new Int32Array(64);
  #links: Uint8Array | null;
  readonly signed: SignedPoint[] = [];

  constructor(
    readonly install: string,
    readonly source: string,
    readonly prevSeq: number,
    readonly prev: Uint8Array,
    withLinks = false,
  ) {
    this.#links = withLinks ? new Uint8Array(64 * 32) : null;
  }

  get length(): number {
    return this.#n;
  }

  /** Seq of the last event added, or the block's `prevSeq`. */
  get lastSeq(): number {
    return this.#n ? (this.#seqs[this.#n - 1] as number) : this.prevSeq;
  }

  #grow(): void {
    const size = this.#seqs.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T, per = 1): T => {
      const b = make(size * per);
      b.set(a);
      return b;
    };
    this.#seqs = grow(this.#seqs, (n) => new Float64Array(n));
    this.#kinds = grow(this.#kinds, (n) => new Uint8Array(n));
    this.#digests = grow(this.#digests, (n) => new Uint8Array(n), 32);
    this.#times = grow(this.#times, (n) => new Float64Array(n));
    this.#where = grow(this.#where, (n) => new Int32Array(n));
    if (this.#links) this.#links = grow(this.#links, (n) => new Uint8Array(n), 32);
  }

  add(seq: number, kind: EntryKind, id: string, d: Uint8Array, t: number, where: number, link?: Uint8Array): void {
    if (this.#n === this.#seqs.length) this.#grow();
    const i = this.#n++;
    this.#seqs[i] = seq;
    this.#kinds[i] = KIND_CODE[kind];
    this.#ids.push(id);
    this.#digests.set(d, i * 32);
    this.#times[i] = t;
    this.#where[i] = where;
    if (this.#links && link) this.#links.set(link, i * 32);
  }

  build(): EventBlock {
    const n = this.#n;
    return {
      install: this.install,
      source: this.source,
      prevSeq: this.prevSeq,
      prev: this.prev,
      seqs: this.#seqs.slice(0, n),
      kinds: this.#kinds.slice(0, n),
      ids: this.#ids,
      digests: this.#digests.slice(0, n * 32),
      times: this.#times.slice(0, n),
      where: this.#where.slice(0, n),
      links: this.#links ? this.#links.slice(0, n * 32) : null,
      signed: this.signed,
    };
  }
}

/** The digest of event `i` of a block (a view, not a copy). */
export const digestAt = (b: EventBlock, i: number): Uint8Array => b.digests.subarray(i * 32, i * 32 + 32);
export const linkAt = (b: EventBlock, i: number): Uint8Array | null =>
  b.links ? b.links.subarray(i * 32, i * 32 + 32) : null;

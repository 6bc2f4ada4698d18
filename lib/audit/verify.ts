import { type AuditView, digestAt, type EventBlock, kindOf, linkAt, type SignedPoint, WHERE } from './blocks';
import { equalBytes, fromHex } from './bytes';
import { type ChainItem, checkpointStatement, genesisLink, headStatement, nextLink } from './chain';
import { type InstallVerifier, installVerifier } from './install-key';
import { type AuditProblem, PROBLEM_LEVEL, type ProblemId, shortInstall } from './problems';

/**
 * Verification of rows against their installs' chains. Two layers:
 *
 * 1. the chains (`checkChains`): each block's events hash, link by link, to what its install
 *    signed; sequence numbers have no holes; retention checkpoints are signed. This says whether
 *    the events themselves (the audit file, or the chain in IndexedDB) were altered.
 * 2. the rows (`addRows`, then `report`): each row hashes to a version its install signed, every
 *    signed row is there unless retention or the export's filter explains it, and rows stand in
 *    the order the export wrote them. This says exactly which rows were changed, removed or moved.
 *
 * The same class runs in the dashboard (over a file being imported or over the whole log) and in
 * the CLI; memory is a few typed arrays per event, so a million events stay in tens of megabytes.
 */

/** How one install's events and rows fared. */
export interface InstallVerdict {
  install: string;
  agents: string[];
  events: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The highest event a valid signature vouches for. */
  signedThrough: number | null;
  /** When the install made that signature. */
  signedAt: number | null;
  /** Rows matched to a version this install signed. */
  rows: number;
  /** Tamper-level problems about this install. */
  problems: number;
}

export interface AuditReport {
  /** `verified`: nothing wrong; `tampered`: a tamper-level problem; `warnings`: something to look at; `no-audit`: nothing to verify against. */
  status: 'verified' | 'tampered' | 'warnings' | 'no-audit';
  installs: InstallVerdict[];
  /** The problems, tamper-level first, at most `MAX_LISTED` (the counts hold them all). */
  problems: AuditProblem[];
  counts: Partial<Record<ProblemId, number>>;
  rows: { checked: number; verified: number; uncovered: number };
}

/** Problems listed one by one; beyond this, only counted. */
export const MAX_LISTED = 200;
/** Events searched ahead for one that continues the chain, when a stored link breaks it. */
const REORDER_WINDOW = 32;
/** Signatures checked one by one where links disagree before giving a range. */
const MAX_MISMATCH_CHECKS = 50;

const itemAt = (b: EventBlock, i: number): ChainItem => ({
  kind: kindOf(b.kinds[i] as number),
  id: b.ids[i] as string,
  d: digestAt(b, i),
  t: b.times[i] as number,
});

/** Rows in the order they were read (for the reorder check) with what was computed of them. */
export interface RowInput {
  id: string;
  digest: Uint8Array;
}

export interface VerifyOptions {
  /**
   * Whose retention may explain a missing row: the exporter of a file, or this browser for its
   * own log. Its valid checkpoints' cutoffs decide.
   */
  retentionBy: string | null;
  /** The rows come in the order the export wrote them (a file), so a moved row is a problem. */
  ordered: boolean;
  /** Rows whose texts were masked on import after their digest was checked: counted, not compared. */
  masked?: ReadonlySet<string>;
}

/** Longest increasing subsequence (indices into `values`), patience sorting. */
function increasingRun(values: Int32Array, n: number): Uint8Array {
  const tails: number[] = [];
  const prev = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const keep = new Uint8Array(n);
  let k = tails.length ? (tails[tails.length - 1] as number) : -1;
  while (k >= 0) {
    keep[k] = 1;
    k = prev[k] as number;
  }
  return keep;
}

export class AuditVerifier {
  readonly #view: AuditView;
  readonly #options: VerifyOptions;
  readonly #problems: AuditProblem[] = [];
  readonly #verifiers = new Map<string, InstallVerifier>();
  readonly #offsets: number[] = [];
  readonly #total: number;
  /** First event (global index) of each row id; `#nextOfId` links the id's other events. */
  readonly #idHead = new Map<string, number>();
  readonly #nextOfId: Int32Array;
  /** Per id (at its head event): 0 not seen, 1 latest version, 2 an earlier version, 3 none. */
  readonly #state: Uint8Array;
  /** Valid retention cutoffs per install. */
  readonly #cutoffs = new Map<string, number>();
  readonly #verdicts = new Map<string, InstallVerdict>();
  #rowsChecked = 0;
  #rowsVerified = 0;
  #uncovered = 0;
  #uncoveredSample: string[] = [];
  #masked = 0;
  #unchained = 0;
  #unchainedSample: string[] = [];
  #expected = new Int32Array(1024);
  #expectedIds: string[] = [];
  #line = 0;

  constructor(view: AuditView, options: VerifyOptions) {
    this.#view = view;
    this.#options = options;
    let total = 0;
    for (const b of view.blocks) {
      this.#offsets.push(total);
      total += b.ids.length;
    }
    this.#total = total;
    this.#nextOfId = new Int32Array(total).fill(-1);
    this.#state = new Uint8Array(total);
    const tail = new Map<string, number>();
    view.blocks.forEach((b, bi) => {
      const base = this.#offsets[bi] as number;
      b.ids.forEach((id, i) => {
        const g = base + i;
        const last = tail.get(id);
        if (last === undefined) this.#idHead.set(id, g);
        else this.#nextOfId[last] = g;
        tail.set(id, g);
      });
    });
  }

  /** Adds a problem found outside this class (an imported record that no longer verifies). */
  addProblem(p: AuditProblem): void {
    this.#problems.push(p);
  }

  #add(p: AuditProblem): void {
    this.#problems.push(p);
  }

  #verdict(install: string): InstallVerdict {
    let v = this.#verdicts.get(install);
    if (!v) {
      v = {
        install,
        agents: this.#view.installs.get(install)?.agents ?? [],
        events: 0,
        firstSeq: null,
        lastSeq: null,
        signedThrough: null,
        signedAt: null,
        rows: 0,
        problems: 0,
      };
      this.#verdicts.set(install, v);
    }
    return v;
  }

  #locate(g: number): [EventBlock, number] {
    let lo = 0;
    let hi = this.#offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#offsets[mid] as number) <= g) lo = mid;
      else hi = mid - 1;
    }
    const b = this.#view.blocks[lo] as EventBlock;
    return [b, g - (this.#offsets[lo] as number)];
  }

  /** Layer 1: every block's links and signatures, the checkpoints, continuity between blocks. */
  async checkChains(): Promise<void> {
    for (const [id, info] of this.#view.installs) {
      try {
        const v = await installVerifier(info.publicKey);
        if (v.id === id) this.#verifiers.set(id, v);
      } catch {
        // An unusable key is reported as an unknown install where its events are.
      }
    }
    for (const cp of this.#view.checkpoints) {
      const v = this.#verifiers.get(cp.install);
      const ok =
        v && cp.sig ? await v.verify(checkpointStatement(v.idBytes, cp.seq, cp.link, cp.cutoff, cp.at), cp.sig) : false;
      if (!ok) this.#add({ id: 'checkpoint-invalid', install: cp.install, at: cp.at });
      else this.#cutoffs.set(cp.install, Math.max(this.#cutoffs.get(cp.install) ?? 0, cp.cutoff));
    }
    const unknown = new Set<string>();
    for (const b of this.#view.blocks) {
      const v = this.#verifiers.get(b.install);
      const verdict = this.#verdict(b.install);
      verdict.events += b.ids.length;
      if (b.ids.length) {
        const first = b.seqs[0] as number;
        const last = b.seqs[b.ids.length - 1] as number;
        verdict.firstSeq = verdict.firstSeq === null ? first : Math.min(verdict.firstSeq, first);
        verdict.lastSeq = verdict.lastSeq === null ? last : Math.max(verdict.lastSeq, last);
      }
      if (!v) {
        if (!unknown.has(b.install)) this.#add({ id: 'unknown-install', install: b.install });
        unknown.add(b.install);
        continue;
      }
      await this.#checkBlock(b, v, verdict);
    }
    this.#checkContinuity();
    const byAgent = new Map<string, string[]>();
    for (const info of this.#view.installs.values()) {
      for (const agent of info.agents) byAgent.set(agent, [...(byAgent.get(agent) ?? []), info.id]);
    }
    for (const [agent, installs] of byAgent) {
      if (installs.length > 1 && agent !== '') this.#add({ id: 'agent-several-installs', agent, installs });
    }
  }

  async #checkBlock(b: EventBlock, v: InstallVerifier, verdict: InstallVerdict): Promise<void> {
    const n = b.ids.length;
    if (b.prevSeq === 0 && !equalBytes(b.prev, genesisLink(v.idBytes)) && n) {
      this.#add({ id: 'chain-broken', install: b.install, seq: b.seqs[0] as number, row: b.ids[0] as string });
    }
    const points = new Map<number, SignedPoint>(b.signed.map((p) => [p.seq, p]));
    const matching: SignedPoint[] = [];
    let mismatchChecks = 0;
    let trustedSeq = b.prevSeq;
    let gapSince = -1;
    let link = b.prev;
    let seq = b.prevSeq;
    const consumed = new Uint8Array(n);
    let first = 0;
    const verifyPoint = (p: SignedPoint) => v.verify(headStatement(v.idBytes, p.seq, p.link, p.at), p.sig);
    while (first < n) {
      if (consumed[first]) {
        first += 1;
        continue;
      }
      let take = first;
      const stored = linkAt(b, first);
      const storedSeq = b.seqs[first] as number;
      let computed = nextLink(link, itemAt(b, first));
      if (stored) {
        if (equalBytes(computed, stored)) seq = storedSeq;
        else {
          // The stored link says this event does not come next: look a little further for the one that does.
          let found = -1;
          for (let j = first + 1, seen = 0; j < n && seen < REORDER_WINDOW; j++) {
            if (consumed[j]) continue;
            seen += 1;
            const c = nextLink(link, itemAt(b, j));
            if (equalBytes(c, linkAt(b, j) as Uint8Array)) {
              found = j;
              computed = c;
              break;
            }
          }
          if (found >= 0) {
            take = found;
            seq += 1;
            this.#add({
              id: 'event-out-of-order',
              install: b.install,
              seq,
              storedAt: b.seqs[found] as number,
              row: b.ids[found] as string,
            });
          } else {
            if (storedSeq > seq + 1)
              this.#add({ id: 'events-missing', install: b.install, from: seq + 1, to: storedSeq - 1 });
            else this.#add({ id: 'chain-broken', install: b.install, seq: storedSeq, row: b.ids[first] as string });
            computed = stored;
            seq = storedSeq;
          }
        }
      } else {
        // An audit file has no stored links: a hole in the numbers is what shows removed events.
        if (storedSeq > seq + 1) {
          this.#add({ id: 'events-missing', install: b.install, from: seq + 1, to: storedSeq - 1 });
          gapSince = seq + 1;
        }
        seq = storedSeq;
      }
      consumed[take] = 1;
      link = computed;
      const at = points.get(b.seqs[take] as number);
      // A signature covers the event's place in the chain: check it at the place the links put it.
      const point = at && { ...at, seq };
      if (point) {
        if (equalBytes(point.link, link)) matching.push(point);
        else if (mismatchChecks++ < MAX_MISMATCH_CHECKS && (await verifyPoint(point))) {
          // The install signed another link here: the events since the last trusted point changed.
          if (gapSince < 0)
            this.#add({ id: 'signature-mismatch', install: b.install, from: trustedSeq + 1, to: point.seq });
          link = point.link;
          trustedSeq = point.seq;
          gapSince = -1;
        } else this.#add({ id: 'signature-invalid', install: b.install, seq: point.seq });
      }
    }
    // The last point whose link the events reproduce vouches for everything before it, if its signature holds.
    let signed: SignedPoint | null = null;
    const last = matching.at(-1);
    if (last && (await verifyPoint(last))) signed = last;
    else if (last) {
      let lo = 0;
      let hi = matching.length - 2;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (await verifyPoint(matching[mid] as SignedPoint)) {
          signed = matching[mid] as SignedPoint;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      this.#add({ id: 'signature-mismatch', install: b.install, from: (signed?.seq ?? b.prevSeq) + 1, to: last.seq });
    }
    if (signed && (verdict.signedThrough === null || signed.seq > verdict.signedThrough)) {
      verdict.signedThrough = signed.seq;
      verdict.signedAt = signed.at;
    }
    const lastSeq = n ? (b.seqs[n - 1] as number) : b.prevSeq;
    const through = signed?.seq ?? b.prevSeq;
    if (lastSeq > through && n)
      this.#add({ id: 'unsigned-events', install: b.install, from: through + 1, to: lastSeq });
  }

  /** Blocks of one install that overlap must agree (else its history forked); a hole between them is a missing file. */
  #checkContinuity(): void {
    const byInstall = new Map<string, EventBlock[]>();
    for (const b of this.#view.blocks) byInstall.set(b.install, [...(byInstall.get(b.install) ?? []), b]);
    for (const [install, blocks] of byInstall) {
      if (blocks.length < 2) continue;
      blocks.sort((x, y) => x.prevSeq - y.prevSeq);
      const known = new Map<number, [EventBlock, number]>();
      let reach = 0;
      for (const b of blocks) {
        if (b.prevSeq > reach && reach > 0) {
          this.#add({ id: 'gap-between-files', install, from: reach + 1, to: b.prevSeq });
        }
        let forked = false;
        for (let i = 0; i < b.ids.length; i++) {
          const s = b.seqs[i] as number;
          const other = known.get(s);
          if (!other) {
            known.set(s, [b, i]);
            continue;
          }
          const [ob, oi] = other;
          const same =
            ob.ids[oi] === b.ids[i] &&
            ob.kinds[oi] === b.kinds[i] &&
            ob.times[oi] === b.times[i] &&
            equalBytes(digestAt(ob, oi), digestAt(b, i));
          if (!same && !forked) {
            forked = true;
            this.#add({ id: 'fork', install, seq: s, sources: [ob.source, b.source] });
          }
        }
        reach = Math.max(reach, b.ids.length ? (b.seqs[b.ids.length - 1] as number) : b.prevSeq);
      }
    }
  }

  /**
   * Layer 2: rows, in the order they were read. `chained` says the rows should all be in a
   * chain (this browser's own live rows); otherwise a row without events is only uncovered.
   */
  addRows(rows: readonly RowInput[], chained = false): void {
    for (const r of rows) {
      this.#rowsChecked += 1;
      const line = this.#line++;
      const head = this.#idHead.get(r.id);
      if (head === undefined) {
        if (chained) {
          this.#unchained += 1;
          if (this.#unchainedSample.length < 5) this.#unchainedSample.push(r.id);
        } else {
          this.#uncovered += 1;
          if (this.#uncoveredSample.length < 5) this.#uncoveredSample.push(r.id);
        }
        continue;
      }
      if (this.#options.masked?.has(r.id)) {
        this.#state[head] = 1;
        this.#masked += 1;
        this.#rowsVerified += 1;
        continue;
      }
      let latest = head;
      let match = -1;
      let expected = -1;
      for (let g = head; g >= 0; g = this.#nextOfId[g] as number) {
        const [b, i] = this.#locate(g);
        const [lb, li] = this.#locate(latest);
        if ((b.seqs[i] as number) >= (lb.seqs[li] as number)) latest = g;
        if (match < 0 && equalBytes(digestAt(b, i), r.digest)) match = g;
        else if (equalBytes(digestAt(b, i), r.digest)) {
          const [mb, mi] = this.#locate(match);
          if ((b.seqs[i] as number) > (mb.seqs[mi] as number)) match = g;
        }
        if ((b.where[i] as number) >= 0) expected = b.where[i] as number;
      }
      this.#state[head] = match < 0 ? 3 : match === latest ? 1 : 2;
      if (match >= 0) {
        this.#rowsVerified += 1;
        this.#verdict(this.#locate(match)[0].install).rows += 1;
      }
      if (this.#options.ordered && expected >= 0) {
        const k = this.#expectedIds.length;
        if (k === this.#expected.length) {
          const grown = new Int32Array(k * 2);
          grown.set(this.#expected);
          this.#expected = grown;
        }
        this.#expected[k] = expected;
        this.#expectedIds.push(`${r.id}\n${line}`);
      }
    }
  }

  /** Everything found, rows and chains together. */
  report(): AuditReport {
    for (const [id, head] of this.#idHead) {
      let latest = head;
      for (let g = head; g >= 0; g = this.#nextOfId[g] as number) {
        const [b, i] = this.#locate(g);
        const [lb, li] = this.#locate(latest);
        if ((b.seqs[i] as number) >= (lb.seqs[li] as number)) latest = g;
      }
      const [b, i] = this.#locate(latest);
      const seq = b.seqs[i] as number;
      const state = this.#state[head];
      if (state === 3) this.#add({ id: 'row-changed', install: b.install, seq, row: id });
      else if (state === 2) this.#add({ id: 'older-version', install: b.install, seq, row: id });
      else if (state === 0) {
        const where = b.where[i] as number;
        const t = b.times[i] as number;
        if (where >= 0) this.#add({ id: 'row-removed', install: b.install, seq, row: id });
        else if (where === WHERE.missing) this.#add({ id: 'row-missing-at-export', install: b.install, seq, row: id });
        else if (where === WHERE.inLog) {
          const cutoff = this.#options.retentionBy ? this.#cutoffs.get(this.#options.retentionBy) : undefined;
          if (cutoff === undefined || t >= cutoff) this.#add({ id: 'row-removed', install: b.install, seq, row: id });
        } else if (where === WHERE.retention) {
          const cutoff = this.#options.retentionBy ? this.#cutoffs.get(this.#options.retentionBy) : undefined;
          if (cutoff === undefined || t >= cutoff) {
            this.#add({ id: 'retention-unexplained', install: b.install, seq, row: id });
          }
        }
      }
    }
    if (this.#options.ordered && this.#expectedIds.length) {
      const n = this.#expectedIds.length;
      const keep = increasingRun(this.#expected, n);
      const moved: { row: string; line: number; expected: number }[] = [];
      for (let k = 0; k < n; k++) {
        if (keep[k]) continue;
        const [row, line] = (this.#expectedIds[k] as string).split('\n');
        moved.push({ row: row as string, line: Number(line) + 1, expected: (this.#expected[k] as number) + 1 });
      }
      if (moved.length) this.#add({ id: 'rows-reordered', rows: moved });
    }
    if (this.#unchained) this.#add({ id: 'rows-unchained', count: this.#unchained, sample: this.#unchainedSample });
    if (this.#uncovered) this.#add({ id: 'rows-uncovered', count: this.#uncovered, sample: this.#uncoveredSample });
    if (this.#masked) this.#add({ id: 'masked-on-import', count: this.#masked });

    const counts: Partial<Record<ProblemId, number>> = {};
    const order: Record<string, number> = { tamper: 0, warning: 1, info: 2 };
    for (const p of this.#problems) {
      counts[p.id] = (counts[p.id] ?? 0) + 1;
      if (PROBLEM_LEVEL[p.id] === 'tamper' && 'install' in p) this.#verdict(p.install).problems += 1;
    }
    const problems = [...this.#problems]
      .sort((a, b) => (order[PROBLEM_LEVEL[a.id]] as number) - (order[PROBLEM_LEVEL[b.id]] as number))
      .slice(0, MAX_LISTED);
    const levels = new Set(this.#problems.map((p) => PROBLEM_LEVEL[p.id]));
    const status: AuditReport['status'] = levels.has('tamper')
      ? 'tampered'
      : this.#total === 0 && this.#view.checkpoints.length === 0
        ? 'no-audit'
        : levels.has('warning')
          ? 'warnings'
          : 'verified';
    return {
      status,
      installs: [...this.#verdicts.values()],
      problems,
      counts,
      rows: { checked: this.#rowsChecked, verified: this.#rowsVerified, uncovered: this.#uncovered },
    };
  }
}

/**
 * How an install is named in messages: its agent labels and short id. Takes only the agent
 * labels per install, so a report's `installs` can name them as well as an audit view.
 */
export function installNamer(
  view: { installs: ReadonlyMap<string, { agents: readonly string[] }> },
  self?: string,
): (install: string) => string {
  return (install) => {
    if (install === self) return `this browser (${shortInstall(install)})`;
    const agents = view.installs.get(install)?.agents.filter((a) => a !== '') ?? [];
    return agents.length ? `${agents.join(', ')} (${shortInstall(install)})` : `install ${shortInstall(install)}`;
  };
}

/** An install id's bytes (for statements) from its hex form. */
export const installBytes = (id: string): Uint8Array => fromHex(id);

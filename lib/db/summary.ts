import type { EntityTable, Transaction } from 'dexie';
import type { Category, SentimentLabel, Severity } from '../engine/types';
import type { StatsRow } from '../stats/stats-row';
import { OUTCOMES, OVERRIDE_REASONS, type OverrideRow, SUGGESTION_SOURCES } from './schema';

/** Length of one summary chunk: a UTC day, so a row's chunk never depends on the time zone. */
export const CHUNK_MS = 86_400_000;

/**
 * One UTC day of override rows as the write paths edit it: only the fields the dashboard's
 * statistics and events table read, column by column in plain arrays.
 */
export interface DayColumns {
  /** `floor(decidedAt / CHUNK_MS)`. */
  day: number;
  id: string[];
  decidedAt: number[];
  shownAt: number[];
  helpdesk: string[];
  agent: string[];
  /** Index into OUTCOMES. */
  outcome: number[];
  /** Index into OVERRIDE_REASONS, -1 for none. */
  reason: number[];
  note: (string | null)[];
  similarity: number[];
  editSize: number[];
  /** Per row: findings joined by RS, each `rule US category US severity US 0|1 (dismissed)`. */
  findings: string[];
  /** Sentiment label, '' when no customer signals were kept. */
  sentiment: string[];
  sentimentScore: number[];
  /** 1 when sarcasm is likely, 0 when not, -1 when no customer signals were kept. */
  sarcasm: number[];
  /** Index into SUGGESTION_SOURCES. */
  source: number[];
}

/**
 * One UTC day as stored: numbers in typed arrays (cloned as one block of bytes each), the ids as
 * one string, and the repetitive strings (helpdesk, agent, findings, sentiment) as indexes into
 * one list of the day's distinct strings. Reading 100,000 rows clones a few hundred such records
 * instead of 100,000 nested objects with texts, or 1.4 million array elements.
 */
export interface DayChunk {
  day: number;
  /** Ids joined by newlines (ids never hold one: they are generated). */
  ids: string;
  decidedAt: Float64Array;
  shownAt: Float64Array;
  similarity: Float64Array;
  editSize: Float64Array;
  sentimentScore: Float64Array;
  outcome: Int8Array;
  reason: Int8Array;
  sarcasm: Int8Array;
  /** Index into SUGGESTION_SOURCES (schema version 6). */
  source: Int8Array;
  /** The day's distinct helpdesk, agent, findings and sentiment strings. */
  strings: string[];
  helpdesk: Uint32Array;
  agent: Uint32Array;
  findings: Uint32Array;
  sentiment: Uint32Array;
  note: (string | null)[];
}

const RS = '\u001e';
const US = '\u001f';

/** The summary table as a write path sees it (a Dexie table or a transaction's table). */
export type SummaryTable = EntityTable<DayChunk, 'day'>;

export const dayOf = (decidedAt: number): number => Math.floor(decidedAt / CHUNK_MS);

function emptyColumns(day: number): DayColumns {
  return {
    day,
    id: [],
    decidedAt: [],
    shownAt: [],
    helpdesk: [],
    agent: [],
    outcome: [],
    reason: [],
    note: [],
    similarity: [],
    editSize: [],
    findings: [],
    sentiment: [],
    sentimentScore: [],
    sarcasm: [],
    source: [],
  };
}

const COLUMNS = Object.keys(emptyColumns(0)).filter((k) => k !== 'day') as Exclude<keyof DayColumns, 'day'>[];

/** Packs a day's columns for storage. */
export function packDay(c: DayColumns): DayChunk {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const codes = (xs: string[]) =>
    Uint32Array.from(xs, (x) => {
      let i = index.get(x);
      if (i === undefined) {
        i = strings.push(x) - 1;
        index.set(x, i);
      }
      return i;
    });
  return {
    day: c.day,
    ids: c.id.join('\n'),
    decidedAt: Float64Array.from(c.decidedAt),
    shownAt: Float64Array.from(c.shownAt),
    similarity: Float64Array.from(c.similarity),
    editSize: Float64Array.from(c.editSize),
    sentimentScore: Float64Array.from(c.sentimentScore),
    outcome: Int8Array.from(c.outcome),
    reason: Int8Array.from(c.reason),
    sarcasm: Int8Array.from(c.sarcasm),
    source: Int8Array.from(c.source),
    helpdesk: codes(c.helpdesk),
    agent: codes(c.agent),
    findings: codes(c.findings),
    sentiment: codes(c.sentiment),
    strings,
    note: c.note,
  };
}

/** Unpacks a stored day for a write path to edit. */
export function unpackDay(p: DayChunk): DayColumns {
  const text = (codes: Uint32Array) => Array.from(codes, (i) => p.strings[i] as string);
  return {
    day: p.day,
    id: p.ids ? p.ids.split('\n') : [],
    decidedAt: Array.from(p.decidedAt),
    shownAt: Array.from(p.shownAt),
    helpdesk: text(p.helpdesk),
    agent: text(p.agent),
    outcome: Array.from(p.outcome),
    reason: Array.from(p.reason),
    note: [...p.note],
    similarity: Array.from(p.similarity),
    editSize: Array.from(p.editSize),
    findings: text(p.findings),
    sentiment: text(p.sentiment),
    sentimentScore: Array.from(p.sentimentScore),
    sarcasm: Array.from(p.sarcasm),
    source: Array.from(p.source),
  };
}

function appendRow(c: DayColumns, r: OverrideRow): void {
  c.id.push(r.id);
  c.decidedAt.push(r.decidedAt);
  c.shownAt.push(r.shownAt);
  c.helpdesk.push(r.helpdesk);
  c.agent.push(r.agent);
  c.outcome.push(OUTCOMES.indexOf(r.outcome));
  c.reason.push(r.reason ? OVERRIDE_REASONS.indexOf(r.reason) : -1);
  c.note.push(r.note);
  c.similarity.push(r.similarity);
  c.editSize.push(r.editSize);
  c.findings.push(
    r.findings.map((f) => `${f.rule}${US}${f.category}${US}${f.severity}${US}${f.dismissed ? 1 : 0}`).join(RS),
  );
  c.sentiment.push(r.customer ? r.customer.sentiment.label : '');
  c.sentimentScore.push(r.customer ? r.customer.sentiment.score : 0);
  c.sarcasm.push(r.customer ? (r.customer.sarcasm.likely ? 1 : 0) : -1);
  c.source.push(sourceCode(r.source));
}

/** A row's source as stored in the summary; rows from before schema version 6 came from AI controls. */
export function sourceCode(source: OverrideRow['source'] | undefined): number {
  return Math.max(0, SUGGESTION_SOURCES.indexOf(source ?? 'ai-control'));
}

/** Groups rows into day chunks, appended to `base` chunks when given (rows must be new). */
export function chunksOf(
  rows: Iterable<OverrideRow>,
  base: Map<number, DayColumns> = new Map(),
): Map<number, DayColumns> {
  for (const r of rows) {
    const day = dayOf(r.decidedAt);
    let c = base.get(day);
    if (!c) {
      c = emptyColumns(day);
      base.set(day, c);
    }
    appendRow(c, r);
  }
  return base;
}

/** The rows of a day at the indexes `keep`, in that order. */
export function selectRows(c: DayColumns, keep: readonly number[]): DayColumns {
  const next = emptyColumns(c.day);
  for (const k of COLUMNS) (next[k] as unknown[]) = keep.map((i) => (c[k] as unknown[])[i]);
  return next;
}

/** Schema upgrade: (re)builds the summary from every stored row. */
export async function buildSummary(tx: Transaction): Promise<void> {
  const chunks = new Map<number, DayColumns>();
  await tx
    .table('overrides')
    .toCollection()
    .each((r: OverrideRow) => {
      chunksOf([r], chunks);
    });
  const summary = tx.table('summary');
  await summary.clear();
  await summary.bulkPut([...chunks.values()].map(packDay));
}

/** Oldest first, ties by id: the order of a table read sorted by time. */
const byTime = (a: StatsRow, b: StatsRow): number =>
  a.decidedAt - b.decidedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Decodes one stored findings string (see `DayColumns.findings`). */
export function decodeFindings(s: string): StatsRow['findings'] {
  if (!s) return [];
  return s.split(RS).map((f) => {
    const [rule = '', category, severity, dismissed] = f.split(US);
    return {
      rule,
      category: category as Category,
      severity: severity as Severity,
      dismissed: dismissed === '1',
    };
  });
}

/**
 * Decodes stored days into the rows the statistics read, oldest decision first (ties by id).
 * Rows with the same findings share one decoded array: the statistics only read them.
 */
export function decodeChunks(chunks: readonly DayChunk[]): StatsRow[] {
  const out: StatsRow[] = [];
  const findingsOf = new Map<string, StatsRow['findings']>();
  const sorted = [...chunks].sort((a, b) => a.day - b.day);
  for (const c of sorted) {
    const from = out.length;
    const ids = c.ids ? c.ids.split('\n') : [];
    const { strings } = c;
    for (let i = 0; i < ids.length; i++) {
      const sarcasm = c.sarcasm[i] as number;
      const reason = c.reason[i] as number;
      const f = strings[c.findings[i] as number] as string;
      let findings = findingsOf.get(f);
      if (!findings) {
        findings = decodeFindings(f);
        findingsOf.set(f, findings);
      }
      out.push({
        id: ids[i] as string,
        decidedAt: c.decidedAt[i] as number,
        shownAt: c.shownAt[i] as number,
        helpdesk: strings[c.helpdesk[i] as number] as string,
        agent: strings[c.agent[i] as number] as string,
        outcome: OUTCOMES[c.outcome[i] as number] ?? 'accepted',
        reason: reason < 0 ? null : (OVERRIDE_REASONS[reason] ?? null),
        note: c.note[i] ?? null,
        similarity: c.similarity[i] as number,
        editSize: c.editSize[i] as number,
        source: SUGGESTION_SOURCES[c.source[i] as number] ?? 'ai-control',
        findings,
        customer:
          sarcasm < 0
            ? null
            : {
                sentiment: {
                  label: strings[c.sentiment[i] as number] as SentimentLabel,
                  score: c.sentimentScore[i] as number,
                },
                sarcasm: { likely: sarcasm === 1 },
              },
      });
    }
    // Within a day rows are stored in arrival order; sort the day's slice by time, then id.
    const day = out.slice(from).sort(byTime);
    for (let i = 0; i < day.length; i++) out[from + i] = day[i] as StatsRow;
  }
  return out;
}

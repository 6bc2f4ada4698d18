import type { EntityTable, Transaction } from 'dexie';
import type { Category, SentimentLabel, Severity } from '../engine/types';
import type { StatsRow } from '../stats/stats-row';
import { OUTCOMES, OVERRIDE_REASONS, type OverrideRow } from './schema';

/** Length of one summary chunk: a UTC day, so a row's chunk never depends on the time zone. */
export const CHUNK_MS = 86_400_000;

/**
 * One UTC day of override rows, column by column: only the fields the dashboard's statistics
 * and events table read, in flat arrays of primitives. Reading 100,000 rows this way clones a
 * few hundred flat arrays instead of 100,000 nested objects with texts.
 */
export interface DayChunk {
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
}

const RS = '\u001e';
const US = '\u001f';

/** The summary table as a write path sees it (a Dexie table or a transaction's table). */
export type SummaryTable = EntityTable<DayChunk, 'day'>;

export const dayOf = (decidedAt: number): number => Math.floor(decidedAt / CHUNK_MS);

function emptyChunk(day: number): DayChunk {
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
  };
}

const COLUMNS = Object.keys(emptyChunk(0)).filter((k) => k !== 'day') as Exclude<keyof DayChunk, 'day'>[];

function appendRow(c: DayChunk, r: OverrideRow): void {
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
}

/** Groups rows into day chunks, appended to `base` chunks when given (rows must be new). */
export function chunksOf(rows: Iterable<OverrideRow>, base: Map<number, DayChunk> = new Map()): Map<number, DayChunk> {
  for (const r of rows) {
    const day = dayOf(r.decidedAt);
    let c = base.get(day);
    if (!c) {
      c = emptyChunk(day);
      base.set(day, c);
    }
    appendRow(c, r);
  }
  return base;
}

/** Adds rows that were just stored (new ids only) to their day chunks. Call inside the write's transaction. */
export async function summaryAdd(table: SummaryTable, rows: readonly OverrideRow[]): Promise<void> {
  if (rows.length === 0) return;
  const days = [...new Set(rows.map((r) => dayOf(r.decidedAt)))];
  const existing = await table.bulkGet(days);
  const base = new Map<number, DayChunk>();
  for (const c of existing) if (c) base.set(c.day, c);
  await table.bulkPut([...chunksOf(rows, base).values()]);
}

/** Sets the reason and note of a stored row in its chunk (a reason given after the decision). */
export async function summarySetReason(
  table: SummaryTable,
  row: Pick<OverrideRow, 'id' | 'decidedAt'>,
  reason: OverrideRow['reason'],
  note: OverrideRow['note'],
): Promise<void> {
  const c = await table.get(dayOf(row.decidedAt));
  const i = c ? c.id.indexOf(row.id) : -1;
  if (!c || i < 0) return;
  c.reason[i] = reason ? OVERRIDE_REASONS.indexOf(reason) : -1;
  c.note[i] = note;
  await table.put(c);
}

/** Drops rows decided before `cutoff` from the summary, as retention drops them from `overrides`. */
export async function summaryPurge(table: SummaryTable, cutoff: number): Promise<void> {
  const boundary = dayOf(cutoff);
  await table.where('day').below(boundary).delete();
  const c = await table.get(boundary);
  if (!c) return;
  const keep = c.decidedAt.map((t, i) => (t >= cutoff ? i : -1)).filter((i) => i >= 0);
  if (keep.length === c.id.length) return;
  if (keep.length === 0) {
    await table.delete(boundary);
    return;
  }
  const next = emptyChunk(boundary);
  for (const k of COLUMNS) (next[k] as unknown[]) = keep.map((i) => (c[k] as unknown[])[i]);
  await table.put(next);
}

/** Upgrade to schema version 2: builds the summary from every stored row. */
export async function buildSummary(tx: Transaction): Promise<void> {
  const chunks = new Map<number, DayChunk>();
  await tx
    .table('overrides')
    .toCollection()
    .each((r: OverrideRow) => {
      chunksOf([r], chunks);
    });
  await tx.table('summary').bulkPut([...chunks.values()]);
}

/** Oldest first, ties by id: the order of a table read sorted by time. */
const byTime = (a: StatsRow, b: StatsRow): number =>
  a.decidedAt - b.decidedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function decodeFindings(s: string): StatsRow['findings'] {
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
 * Decodes chunks into the rows the statistics read, oldest decision first (ties keep the order
 * they were stored in).
 */
export function decodeChunks(chunks: readonly DayChunk[]): StatsRow[] {
  const out: StatsRow[] = [];
  const sorted = [...chunks].sort((a, b) => a.day - b.day);
  for (const c of sorted) {
    const from = out.length;
    for (let i = 0; i < c.id.length; i++) {
      const sarcasm = c.sarcasm[i] as number;
      const reason = c.reason[i] as number;
      out.push({
        id: c.id[i] as string,
        decidedAt: c.decidedAt[i] as number,
        shownAt: c.shownAt[i] as number,
        helpdesk: c.helpdesk[i] as string,
        agent: c.agent[i] as string,
        outcome: OUTCOMES[c.outcome[i] as number] ?? 'accepted',
        reason: reason < 0 ? null : (OVERRIDE_REASONS[reason] ?? null),
        note: c.note[i] ?? null,
        similarity: c.similarity[i] as number,
        editSize: c.editSize[i] as number,
        findings: decodeFindings(c.findings[i] as string),
        customer:
          sarcasm < 0
            ? null
            : {
                sentiment: { label: c.sentiment[i] as SentimentLabel, score: c.sentimentScore[i] as number },
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

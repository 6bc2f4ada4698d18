import type { EntityTable } from 'dexie';
import { addEventToTally, emptyTally, scratchEvent, TALLY_SUMS, type Tally } from '../stats/metrics';
import { eventAt, findingsReader, rowOrder } from './day-rows';
import { CHUNK_MS, type DayChunk } from './summary';

/**
 * Per-day totals: what the dashboard's first render needs, a few kilobytes per day.
 *
 * For each UTC day of the summary, the sums a headline figure or a trend point adds up, per
 * quarter hour of the day that holds decisions; the day's decision times (for the median), quarter
 * hour after quarter hour, are kept apart (`DayDurations`). Every time zone in use today is a whole number of quarter
 * hours from UTC, so its local midnights, and with them the period bounds and the day and week
 * trend points, fall on quarter hours: adding up whole quarter hours gives the same counts as
 * adding up the rows. Where a boundary does not fall on one (historic offsets), the figures are
 * computed from the rows instead (lib/stats/day-figures.ts).
 *
 * A day's totals are derived from its packed summary day whenever that is written, in the same
 * transaction (lib/db/summary-writes.ts), so the two never disagree.
 */

/** One quarter hour: the finest grain of the totals. */
export const SLOT_MS = 15 * 60_000;

export interface DayTotals {
  /** `floor(decidedAt / CHUNK_MS)`, as in the summary. */
  day: number;
  /** Decisions on the day. */
  rows: number;
  /** Earliest and latest decision of the day. */
  first: number;
  last: number;
  /** The day's distinct helpdesks and agents (the filters' choices). */
  helpdesks: string[];
  agents: string[];
  /** Quarter hours of the day that hold decisions, ascending (0 to 95). */
  slots: Uint8Array;
  /** `TALLY_SUMS.length` sums per slot, slot after slot. */
  sums: Float64Array;
  /**
   * A new random number at every write of the day's summary (`summary-writes.ts`), absent in
   * totals written before it existed. A writer that kept the day's columns from its own write (an
   * import's next batch, `DayCache`) reads this small record instead of the day's packed chunk to
   * know whether anyone wrote the day since.
   */
  revision?: number;
}

export type DayTotalsTable = EntityTable<DayTotals, 'day'>;

/**
 * A day's decision times, for the median: a table of their own (`dayDurations`), written with the
 * day's totals. They are three quarters of the totals' bytes (1.7 of 2.2 MB for a million rows),
 * and the dashboard's first render needs only the period's days and the ones before (56 of a
 * million-row log's 116 for the default four weeks): the early read (./early-read.ts) reads the
 * totals of every day and the times of those days only.
 */
export interface DayDurations {
  /** The day, as in its `DayTotals`. */
  day: number;
  /**
   * Decision times counted for the median (finite, not negative), slot after slot in the order of
   * the day's `DayTotals.slots`: packed (`Uint8Array`, see `packDurations`) when every one is a
   * whole number of milliseconds, as they are when both times are epoch milliseconds; as plain
   * numbers otherwise. Read them with `durationsOf`.
   */
  durations: Float64Array | Uint8Array;
  /** Per slot, where its decision times end in `durations` (they start where the previous slot's end). */
  durationEnds: Uint32Array;
}

export type DayDurationsTable = EntityTable<DayDurations, 'day'>;

/** Days' decision times by day: as many days as the reader read (see `DayDurations`). */
export type DurationsByDay = ReadonlyMap<number, DayDurations>;

/** Where stored decision times come from: a day's `DayDurations`. */
export type DurationSource = Pick<DayDurations, 'durations' | 'durationEnds'>;

/** Days' durations by day. */
export function durationsByDay(list: readonly DayDurations[]): Map<number, DayDurations> {
  return new Map(list.map((d) => [d.day, d]));
}

/** Sums a packed day per quarter hour, adding its rows in the order `aggregate` adds them; with its decision times. */
export function totalsOfDay(c: DayChunk): { totals: DayTotals; durations: DayDurations } {
  const n = c.decidedAt.length;
  const order = rowOrder(c);
  const findingsAt = findingsReader(c);
  const event = scratchEvent();
  const dayStart = c.day * CHUNK_MS;
  const slots: number[] = [];
  const sums: number[] = [];
  const durations: number[] = [];
  const durationEnds: number[] = [];
  let slot = -1;
  let tally: Tally = emptyTally();
  const close = () => {
    if (slot < 0) return;
    slots.push(slot);
    for (const k of TALLY_SUMS) sums.push(tally[k]);
    for (const d of tally.decisionMs as number[]) durations.push(d);
    durationEnds.push(durations.length);
  };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const i = order ? (order[k] as number) : k;
    const t = c.decidedAt[i] as number;
    if (t < first) first = t;
    if (t > last) last = t;
    // Rows come in time order, so slots only go up.
    const s = Math.floor((t - dayStart) / SLOT_MS);
    if (s !== slot) {
      close();
      slot = s;
      tally = emptyTally();
    }
    addEventToTally(tally, eventAt(c, i, findingsAt(i), event));
  }
  close();
  const distinct = (codes: Uint32Array) => [...new Set(codes)].map((code) => c.strings[code] as string).sort();
  return {
    totals: {
      day: c.day,
      rows: n,
      first: n ? first : 0,
      last: n ? last : 0,
      helpdesks: distinct(c.helpdesk),
      agents: distinct(c.agent),
      slots: Uint8Array.from(slots),
      sums: Float64Array.from(sums),
    },
    durations: {
      day: c.day,
      durations: packDurations(durations, durationEnds),
      durationEnds: Uint32Array.from(durationEnds),
    },
  };
}

/**
 * Packs a day's decision times, slot by slot, for storage: each slot's times sorted, as unsigned
 * LEB128 varints of the first and of each difference to the one before (a median needs the
 * slot's values, not their order). Decision times are seconds to minutes apart in milliseconds:
 * a million rows' times took 8 MB as numbers, which the first render read for 300 of its 870 ms
 * (bench:dashboard --rows 1000000), and about a quarter of that packed. Times that are not whole
 * milliseconds stay numbers.
 */
export function packDurations(values: readonly number[], ends: readonly number[]): Float64Array | Uint8Array {
  if (!values.every((v) => Number.isSafeInteger(v) && v >= 0)) return Float64Array.from(values);
  const bytes: number[] = [];
  let from = 0;
  for (const to of ends) {
    const slot = values.slice(from, to).sort((a, b) => a - b);
    let previous = 0;
    for (const v of slot) {
      let rest = v - previous;
      previous = v;
      while (rest >= 128) {
        bytes.push((rest % 128) + 128);
        rest = Math.floor(rest / 128);
      }
      bytes.push(rest);
    }
    from = to;
  }
  return Uint8Array.from(bytes);
}

const unpacked = new WeakMap<Uint8Array, Float64Array>();

/** A day's decision times slot by slot (`durationEnds` says where each slot's end), unpacked once per read. */
export function durationsOf(d: DurationSource): Float64Array {
  const packed = d.durations;
  if (!(packed instanceof Uint8Array)) return packed;
  const known = unpacked.get(packed);
  if (known) return known;
  const n = d.durationEnds.length ? (d.durationEnds[d.durationEnds.length - 1] as number) : 0;
  const out = new Float64Array(n);
  copyDurations(d, 0, n, out, 0);
  unpacked.set(packed, out);
  return out;
}

/**
 * Writes a day's decision times at positions `from` to `to` (whole slots: `from` is where a slot
 * starts) into `out` from `at`, unpacking only what it needs: the dashboard's first render
 * gathers the period's times for the median this way, without an array per day in between.
 */
export function copyDurations(d: DurationSource, from: number, to: number, out: Float64Array, at: number): void {
  const packed = d.durations;
  if (!(packed instanceof Uint8Array)) {
    out.set(packed.subarray(from, to), at);
    return;
  }
  const known = unpacked.get(packed);
  if (known) {
    out.set(known.subarray(from, to), at);
    return;
  }
  let p = 0;
  let start = 0;
  for (const end of d.durationEnds) {
    if (start >= to) break;
    let previous = 0;
    for (let i = start; i < end; i++) {
      // Nearly every difference fits one or two bytes: those in small-integer arithmetic, the
      // rare long one (over 2^28 ms) in floating point.
      let byte = packed[p++] as number;
      let value = byte & 127;
      if (byte >= 128) {
        byte = packed[p++] as number;
        value |= (byte & 127) << 7;
        let scale = 16_384;
        while (byte >= 128) {
          byte = packed[p++] as number;
          value += (byte & 127) * scale;
          scale *= 128;
        }
      }
      previous += value;
      if (i >= from) out[at + i - from] = previous;
    }
    start = end;
  }
}

/**
 * Whether two reads of every day's totals found the same log: the same days with the same
 * revisions, counts, first and last decisions and sums. Every write of a day gives it a new
 * revision (./summary-writes.ts), so a reason given later, which changes no figure here, still
 * tells the dashboard that the log changed (its reasons are read from the packed days).
 */
export function sameTotals(a: readonly DayTotals[], b: readonly DayTotals[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as DayTotals;
    const y = b[i] as DayTotals;
    if (x.day !== y.day || x.revision !== y.revision || x.rows !== y.rows) return false;
    if (x.first !== y.first || x.last !== y.last) return false;
    if (x.sums.length !== y.sums.length || x.slots.length !== y.slots.length) return false;
    for (let k = 0; k < x.sums.length; k++) if (x.sums[k] !== y.sums[k]) return false;
  }
  return true;
}

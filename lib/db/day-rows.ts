import { hasUnresolvedCritical, type TallyEvent } from '../stats/metrics';
import { OUTCOMES } from './schema';
import { type DayChunk, decodeFindings } from './summary';

/**
 * Reading a packed summary day (lib/db/summary.ts) row by row without decoding it into objects:
 * the order the statistics add rows in, and what each row counts for in a tally. The dashboard's
 * first render (lib/stats/day-figures.ts) and the per-day totals (lib/db/day-totals.ts) both go
 * through here, so they count every row exactly as `aggregate` does over decoded rows.
 */

/** What one stored findings string means to a tally and to the category filter. */
export interface FindingsInfo {
  count: number;
  unresolvedCritical: boolean;
  categories: ReadonlySet<string>;
}

const findingsInfo = new Map<string, FindingsInfo>();

function infoOf(s: string): FindingsInfo {
  let info = findingsInfo.get(s);
  if (!info) {
    const findings = decodeFindings(s);
    info = {
      count: findings.length,
      unresolvedCritical: hasUnresolvedCritical(findings),
      categories: new Set(findings.map((f) => f.category)),
    };
    findingsInfo.set(s, info);
  }
  return info;
}

/**
 * The findings info of a day's row. Looked up per distinct string code, not per row: a Map
 * lookup per row cost more than the rest of the row's work.
 */
export function findingsReader(c: DayChunk): (i: number) => FindingsInfo {
  const infos: (FindingsInfo | undefined)[] = new Array(c.strings.length);
  return (i) => {
    const code = c.findings[i] as number;
    let info = infos[code];
    if (!info) {
      info = infoOf(c.strings[code] as string);
      infos[code] = info;
    }
    return info;
  };
}

/**
 * Reads the day's ids one at a time: ties in decision time are common (times are stored to the
 * second or minute by some helpdesks), and splitting every tied day's id string cost more
 * allocation than the rest of the first render.
 */
function idReader(c: DayChunk): (i: number) => string {
  const { ids } = c;
  let offsets: Int32Array | null = null;
  return (i) => {
    if (!offsets) {
      const n = c.decidedAt.length;
      offsets = new Int32Array(n + 1);
      let p = 0;
      for (let k = 0; k < n; k++) {
        offsets[k] = p;
        const q = ids.indexOf('\n', p);
        p = q < 0 ? ids.length + 1 : q + 1;
      }
      offsets[n] = ids.length + 1;
    }
    return ids.slice(offsets[i] as number, (offsets[i + 1] as number) - 1);
  };
}

/**
 * Row indexes of a day in `decodeChunks` order: by decision time, ties by id; null when the
 * stored order is that order already (rows are stored in arrival order, which nearly always is).
 */
export function rowOrder(c: DayChunk): Uint32Array | null {
  const t = c.decidedAt;
  const n = t.length;
  const idAt = idReader(c);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    const a = t[i - 1] as number;
    const b = t[i] as number;
    if (a > b) sorted = false;
    else if (a === b) sorted = idAt(i - 1) <= idAt(i);
  }
  if (sorted) return null;
  const ids = Array.from({ length: n }, (_, i) => idAt(i));
  return Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => {
    const d = (t[x] as number) - (t[y] as number);
    if (d !== 0) return d;
    const a = ids[x] as string;
    const b = ids[y] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The outcome of row `i`. */
export const outcomeAt = (c: DayChunk, i: number) => OUTCOMES[c.outcome[i] as number] ?? 'accepted';

/** Fills `into` with what a tally counts of row `i` (as `eventOf` does for a decoded row), and returns it. */
export function eventAt(c: DayChunk, i: number, findings: FindingsInfo, into: TallyEvent): TallyEvent {
  const outcome = outcomeAt(c, i);
  into.outcome = outcome;
  into.findings = findings.count;
  into.unresolvedCritical = (outcome === 'accepted' || outcome === 'edited') && findings.unresolvedCritical;
  into.editSize = c.editSize[i] as number;
  into.similarity = c.similarity[i] as number;
  into.decisionMs = (c.decidedAt[i] as number) - (c.shownAt[i] as number);
  return into;
}

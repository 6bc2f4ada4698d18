import type { Segment } from './define-rule';

/**
 * Bounds on the work one analysis may do. A helpdesk reply is a few hundred words; a 1 MB
 * paste must not freeze the composer, so only the first `MAX_SCAN_CHARS` are checked and no
 * segment grows past `MAX_SEGMENT_CHARS` (long runs are cut at whitespace).
 */
export const MAX_SCAN_CHARS = 50_000;
export const MAX_SEGMENT_CHARS = 1_000;
/** Reply rules compare segments pairwise or scan all of them; cap how many they see. */
export const MAX_REPLY_SEGMENTS = 200;

const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|mr|mrs|ms|dr|no|tel|st|vs|etc|approx|ref|inc|ltd|co)\.$/i;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000 || code === 0x200b;
}

/**
 * Splits a reply into sentence-like segments: at line breaks, and after `.`, `!` or `?`
 * followed by whitespace (not after common abbreviations such as "e.g." or "Tel."). Segments
 * never include surrounding whitespace, and empty segments are dropped. Deterministic, so the
 * incremental checker and `checkReply` agree on segment boundaries.
 */
export function segmentText(text: string): Segment[] {
  const limit = Math.min(text.length, MAX_SCAN_CHARS);
  const out: Segment[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      push(start, i);
      start = i + 1;
      continue;
    }
    if ((code === 46 || code === 33 || code === 63) && i + 1 < limit && isSpace(text.charCodeAt(i + 1))) {
      if (code === 46 && ABBREVIATIONS.test(text.slice(Math.max(start, i - 8), i + 1))) continue;
      push(start, i + 1);
      start = i + 1;
      continue;
    }
    if (i - start >= MAX_SEGMENT_CHARS) {
      // Cut an over-long run at the last whitespace (or hard, if there is none).
      let cut = i;
      for (let j = i; j > start + MAX_SEGMENT_CHARS / 2; j--) {
        if (isSpace(text.charCodeAt(j))) {
          cut = j;
          break;
        }
      }
      push(start, cut);
      start = cut;
    }
  }
  push(start, limit);
  return out;
}

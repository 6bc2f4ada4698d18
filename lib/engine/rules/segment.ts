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

/** Where a segment may end: a line break, or sentence punctuation before whitespace. */
const BOUNDARY = /\n|[.!?](?=[\s\u00a0\u3000\u200b])/g;

/**
 * Splits a reply into sentence-like segments: at line breaks, and after `.`, `!` or `?`
 * followed by whitespace (not after common abbreviations such as "e.g." or "Tel."). Segments
 * never include surrounding whitespace, and empty segments are dropped. Deterministic, so the
 * incremental checker and `checkReply` agree on segment boundaries. Runs on every keystroke,
 * so boundaries are found by one native regex scan rather than a character loop.
 */
export function segmentText(text: string): Segment[] {
  const limit = Math.min(text.length, MAX_SCAN_CHARS);
  const scan = limit < text.length ? text.slice(0, limit) : text;
  const out: Segment[] = [];
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  const pushBounded = (from: number, to: number): void => {
    let s = from;
    while (to - s > MAX_SEGMENT_CHARS) {
      // Cut an over-long run at the last whitespace in its second half (or hard, if none).
      let cut = s + MAX_SEGMENT_CHARS;
      for (let j = cut; j > s + MAX_SEGMENT_CHARS / 2; j--) {
        if (isSpace(text.charCodeAt(j))) {
          cut = j;
          break;
        }
      }
      push(s, cut);
      s = cut;
    }
    push(s, to);
  };
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(scan); m !== null; m = BOUNDARY.exec(scan)) {
    const i = m.index;
    if (m[0] === '\n') {
      pushBounded(start, i);
      start = i + 1;
      continue;
    }
    if (m[0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, i - 8), i + 1))) continue;
    pushBounded(start, i + 1);
    start = i + 1;
  }
  BOUNDARY.lastIndex = 0;
  pushBounded(start, limit);
  return out;
}

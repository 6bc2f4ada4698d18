/**
 * The text the PII detectors read: compatibility forms folded (NFKC: full-width digits, `＠`,
 * no-break spaces, ligatures) and format characters removed (zero-width space and joiners, word
 * joiner, soft hyphen, bidi marks, variation selectors), with a map from every folded character
 * back to the original text. Without it "4111\u200b1111…" or "４１１１ …" passes as no card at
 * all (issue 14). Spans found in the folded text are mapped back, so a mask or a highlight
 * covers the whole value as written, invisible characters included.
 *
 * NFKC is applied code point by code point (a cached map), not to the whole string: that keeps
 * the offset map exact and costs one map lookup per non-ASCII character. Combining sequences
 * stay decomposed, which the detectors' character classes allow for.
 */

/** Folded text and, per UTF-16 unit of it, the original range it came from. */
export interface FoldedText {
  text: string;
  /** Original offset where the source of folded unit `i` starts. */
  starts: Uint32Array;
  /** Original offset where the source of folded unit `i` ends. */
  ends: Uint32Array;
}

/** Invisible characters that only change how text renders: removed before detection. */
const INVISIBLE = /^(?:\p{Cf}|[\uFE00-\uFE0F\u180B-\u180D\u034F]|[\u{E0100}-\u{E01EF}])$/u;
const NON_ASCII = /[\u0080-\uffff]/;

const foldCache = new Map<number, string>();

function foldCodePoint(cp: number, ch: string): string {
  let out = foldCache.get(cp);
  if (out === undefined) {
    out = INVISIBLE.test(ch) ? '' : ch.normalize('NFKC');
    // Bounded: hostile text can hold many distinct code points; the common ones come back fast.
    if (foldCache.size < 4096) foldCache.set(cp, out);
  }
  return out;
}

/** Folds `text` for detection; null when it is plain ASCII, where folding changes nothing. */
export function foldText(text: string): FoldedText | null {
  if (!NON_ASCII.test(text)) return null;
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 1 ? (text[i] as string) : text.slice(i, i + 2);
    const folded = cp < 0x80 ? ch : foldCodePoint(cp, ch);
    for (let k = 0; k < folded.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    out += folded;
    i += width;
  }
  return { text: out, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** A span of the folded text as a span of the original: from its first source to its last. */
export function unfoldSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < folded.starts.length ? (folded.starts[start] as number) : (folded.ends.at(-1) ?? 0);
    return { start: at, end: at };
  }
  return { start: folded.starts[start] as number, end: folded.ends[end - 1] as number };
}

/** The last text folded and its result: the privacy rules fold the same segment one after another. */
let lastInput: string | null = null;
let lastFolded: FoldedText | null = null;

/** `foldText`, remembering the last text (the rules of one segment share one fold). */
export function foldTextCached(text: string): FoldedText | null {
  if (text !== lastInput) {
    lastFolded = foldText(text);
    lastInput = text;
  }
  return lastFolded;
}

/**
 * Runs a detector on the folded text and maps its spans back onto `text`. The detector sees
 * ASCII digits and `@` however they were written, and no invisible characters.
 */
export function detectFolded<S extends { start: number; end: number }>(
  text: string,
  detect: (folded: string) => S[],
): S[] {
  const folded = foldTextCached(text);
  if (!folded) return detect(text);
  return detect(folded.text).map((span) => ({ ...span, ...unfoldSpan(folded, span.start, span.end) }));
}

/**
 * Position-independent finding fingerprints.
 *
 * The override log and the dashboard count "the same finding" across edits and across
 * tickets, so a fingerprint must not depend on where the span sits in the reply: it hashes
 * the rule id and the span text after light normalisation (case, whitespace, Unicode form).
 * FNV-1a is small and fast; two 32-bit lanes with different offset bases give 64 bits, which
 * keeps accidental collisions negligible at dashboard scale. Not a security hash.
 */

const FNV_PRIME = 0x01000193;

function fnv1a32(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** Lower-cases, folds compatibility forms and collapses whitespace, so trivial edits keep the hash. */
export function normaliseSpanText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Reply-scope findings (an unacknowledged first sentence, say) are rebuilt on every keystroke;
 * recent hashes are remembered in two generations (bounded, no per-entry eviction).
 */
let young = new Map<string, string>();
let old = new Map<string, string>();

/** 16 hex digits identifying (rule, normalised span text). */
export function fingerprint(rule: string, spanText: string): string {
  const key = `${rule}\u0000${spanText}`;
  let hash = young.get(key) ?? old.get(key);
  if (hash === undefined) {
    const input = `${rule}\u0000${normaliseSpanText(spanText)}`;
    hash =
      fnv1a32(input, 0x811c9dc5).toString(16).padStart(8, '0') +
      fnv1a32(input, 0x050c5d1f).toString(16).padStart(8, '0');
  }
  young.set(key, hash);
  if (young.size >= 2_000) {
    old = young;
    young = new Map();
  }
  return hash;
}

/**
 * A bounded memo keyed by text, for per-sentence facts that reply-scope rules recompute on
 * every keystroke. Two generations instead of evicting the oldest Map entry one at a time
 * (which makes V8 walk every deleted slot from the start: quadratic over a long session):
 * when the young map fills up it becomes the old one, and the previous old one is dropped.
 */
export function textMemo<T>(compute: (text: string) => T, limit = 2_000): (text: string) => T {
  let young = new Map<string, T>();
  let old = new Map<string, T>();
  return (text) => {
    let value = young.get(text);
    if (value !== undefined) return value;
    value = old.get(text);
    if (value === undefined) value = compute(text);
    young.set(text, value);
    if (young.size >= limit) {
      old = young;
      young = new Map();
    }
    return value;
  };
}

/**
 * Facts read from the conversation (the customer's messages, earlier replies, an admin's known
 * facts) change only when the thread changes, but rules ask for them on every keystroke that
 * touches a sentence. `threadMemo` computes them once per thread: it answers from the last
 * call when every list is the same array or holds the same strings, so a caller that rebuilds
 * its arrays on each read (the content script does) still hits.
 */

type Lists = readonly (readonly string[])[];

function sameLists(a: Lists, b: Lists): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as readonly string[];
    const y = b[i] as readonly string[];
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/** Memoises `compute` on its last arguments (string lists compared by content). */
export function threadMemo<T>(compute: (...lists: Lists) => T): (...lists: Lists) => T {
  let lastArgs: Lists | null = null;
  let lastValue: T | undefined;
  return (...lists) => {
    if (lastArgs && sameLists(lastArgs, lists)) return lastValue as T;
    lastValue = compute(...lists);
    lastArgs = lists;
    return lastValue;
  };
}

/**
 * Every match of a global regular expression, without `String.prototype.matchAll`, which
 * clones the RegExp on each call: on the keystroke path that is hundreds of allocations per
 * check, and garbage-collection pauses are what set the p99. Resets `lastIndex` before and
 * after, so shared module-level patterns stay reusable.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  re.lastIndex = 0;
  return out;
}

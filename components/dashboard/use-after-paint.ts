import { type DependencyList, useEffect, useState } from 'react';

/** Runs `fn` once the browser has painted the current frame (at once in a hidden tab, which paints nothing). */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (document.hidden) {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  // A rAF callback runs just before the paint; a timeout set from it runs after.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

const sameDeps = (a: DependencyList, b: DependencyList) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** A value computed after the paint, with whether it is out of date. */
export interface AfterPaint<T> {
  /** The last value computed; undefined until the first computation ends. */
  value: T | undefined;
  /** True while a computation for the current `deps` is waiting or running (the value is older). */
  pending: boolean;
}

/**
 * `useMemo` for work too heavy to hold up a paint: computes `compute()` in a task after the
 * browser has painted the render that asked for it, and keeps the previous value meanwhile, so a
 * panel can show its old content marked as updating instead of blocking the page or collapsing.
 * `compute` returning undefined means "nothing to compute yet" and is not pending.
 */
export function useAfterPaint<T>(compute: () => T | undefined, deps: DependencyList): AfterPaint<T> {
  const [state, setState] = useState<{ value: T | undefined; deps: DependencyList | null }>({
    value: undefined,
    deps: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps stand for `compute`, as with useMemo.
  useEffect(() => afterPaint(() => setState({ value: compute(), deps })), deps);
  const fresh = state.deps !== null && sameDeps(state.deps, deps);
  return { value: state.value, pending: !fresh };
}

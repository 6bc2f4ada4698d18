import { useCallback, useRef } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * State of the panels beside export and import that must outlive their React instance: the
 * dashboard renders them in another place once the log is no longer empty (an import into an
 * empty log moves them), and a running import or verification, its results and the passphrase
 * typed must not be lost then. Kept in memory only, for the page's lifetime.
 */
export type PanelState = StoreApi<Record<string, unknown>>;

export const createPanelState = (): PanelState => createStore<Record<string, unknown>>(() => ({}));

/** `useState`, kept under `key` in a `PanelState` store. */
export function usePanelState<T>(
  store: PanelState,
  key: string,
  initial: T,
): [T, (next: T | ((previous: T) => T)) => void] {
  // The first render's `initial`, kept: a new literal each render must not read as a new state.
  const first = useRef(initial);
  const value = useStore(store, (s) => (key in s ? (s[key] as T) : first.current));
  const set = useCallback(
    (next: T | ((previous: T) => T)) =>
      store.setState((s) => {
        const previous = key in s ? (s[key] as T) : first.current;
        return { [key]: typeof next === 'function' ? (next as (p: T) => T)(previous) : next };
      }),
    [store, key],
  );
  return [value, set];
}

import { createStore } from 'zustand/vanilla';
import type { EffectiveSettings } from '@/lib/settings/effective';
import type { SettingsOverrides, SettingsProblem } from '@/lib/settings/schema';

/** Where settings come from; the entrypoint passes extension storage, tests pass memory. */
export interface SettingsBackend {
  /**
   * The settings to show first: from the background's copy of the policy while the browser has
   * not answered yet (right after it starts), with `confirmed` resolving to the real ones.
   */
  load(): Promise<{ effective: EffectiveSettings; confirmed: Promise<EffectiveSettings> | null }>;
  /** Stores a change; rejects (storing nothing) with the problems when it is invalid or locked. */
  save(change: SettingsOverrides): Promise<EffectiveSettings>;
  /** Replaces every stored choice (import). */
  replace(overrides: SettingsOverrides): Promise<EffectiveSettings>;
  watch(onChange: (effective: EffectiveSettings) => void): () => void;
}

export interface SettingsState {
  effective: EffectiveSettings | null;
  /**
   * True while `effective` comes from the copy of the policy: values and locks are the last policy
   * seen, and the page says it is checking the current one.
   */
  policyPending: boolean;
  saving: boolean;
  /** Why the last change was refused, one problem per line, shown in an alert. */
  error: string | null;
  problems: SettingsProblem[];
  /** When the last change was stored, for the "Saved" note. */
  savedAt: number | null;
  /** Saves a change; resolves to whether it was stored. */
  update(change: SettingsOverrides): Promise<boolean>;
  replace(overrides: SettingsOverrides): Promise<boolean>;
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

const problemsOf = (error: unknown): SettingsProblem[] =>
  error && typeof error === 'object' && Array.isArray((error as { problems?: unknown }).problems)
    ? (error as { problems: SettingsProblem[] }).problems
    : [{ path: '(settings)', message: error instanceof Error ? error.message : String(error) }];

/** One store for the options page: loads once, saves each change at once, follows changes from elsewhere (policy included). */
export function createSettingsStore(backend: SettingsBackend) {
  const store = createStore<SettingsState>()((set) => {
    const run = async (write: () => Promise<EffectiveSettings>): Promise<boolean> => {
      set({ saving: true, error: null, problems: [] });
      try {
        // A write answers with settings under the real policy.
        const effective = await write();
        set({ effective, policyPending: false, saving: false, savedAt: Date.now() });
        return true;
      } catch (error) {
        const problems = problemsOf(error);
        set({ saving: false, problems, error: 'Not saved:' });
        return false;
      }
    };
    return {
      effective: null,
      policyPending: false,
      saving: false,
      error: null,
      problems: [],
      savedAt: null,
      update: (change) => run(() => backend.save(change)),
      replace: (overrides) => run(() => backend.replace(overrides)),
    };
  });
  const failed = (error: unknown) => store.setState({ error: `Could not load settings: ${String(error)}` });
  backend.load().then(({ effective, confirmed }) => {
    // A save or a change seen meanwhile already brought settings under the real policy: keep those.
    if (store.getState().effective === null) store.setState({ effective, policyPending: confirmed !== null });
    confirmed?.then((real) => {
      if (store.getState().policyPending) store.setState({ effective: real, policyPending: false });
    }, failed);
  }, failed);
  // Changes read from storage come with the real policy too.
  backend.watch((effective) => store.setState({ effective, policyPending: false }));
  return store;
}

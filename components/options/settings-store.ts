import { createStore } from 'zustand/vanilla';
import type { Settings, SettingsOverrides } from '@/lib/settings/schema';

/** Where settings come from; the entrypoint passes extension storage, tests pass memory. */
export interface SettingsBackend {
  load(): Promise<Settings>;
  save(change: SettingsOverrides): Promise<Settings>;
  watch(onChange: (settings: Settings) => void): () => void;
}

export interface SettingsState {
  settings: Settings | null;
  saving: boolean;
  error: string | null;
  /** When the last change was stored, for the "Saved" note. */
  savedAt: number | null;
  update(change: SettingsOverrides): Promise<void>;
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

/** One store for the options page: loads once, saves each change at once, follows changes from elsewhere. */
export function createSettingsStore(backend: SettingsBackend) {
  const store = createStore<SettingsState>()((set) => ({
    settings: null,
    saving: false,
    error: null,
    savedAt: null,
    async update(change) {
      set({ saving: true, error: null });
      try {
        const settings = await backend.save(change);
        set({ settings, saving: false, savedAt: Date.now() });
      } catch (error) {
        set({ saving: false, error: `Could not save: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
  }));
  backend.load().then(
    (settings) => store.setState({ settings }),
    (error: unknown) => store.setState({ error: `Could not load settings: ${String(error)}` }),
  );
  backend.watch((settings) => store.setState({ settings }));
  return store;
}

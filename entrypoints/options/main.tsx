import '@/components/ui/base.css';
import '@/components/options/options.css';
import ReactDOM from 'react-dom/client';
import type { HostAccess } from '@/components/options/CustomDomains';
import { OptionsPage } from '@/components/options/OptionsPage';
import { createSettingsStore } from '@/components/options/settings-store';
import { installPackagedModels } from '@/lib/models/packaged';
import type { SettingsOverrides } from '@/lib/settings/schema';
import {
  replaceSettings,
  SettingsError,
  startupEffectiveSettings,
  updateSettings,
  watchEffectiveSettings,
} from '@/lib/settings/storage';
import { validateSettingsOverrides } from '@/lib/settings/validate';

/** Rule packs get the full validation (zod, examples) here, before they reach storage. */
function checked(change: SettingsOverrides): void {
  if (!change.rulePacks) return;
  const result = validateSettingsOverrides({ rulePacks: change.rulePacks });
  if (!result.ok) throw new SettingsError(result.problems);
}

const access: HostAccess = {
  request: (pattern) => browser.permissions.request({ origins: [pattern] }),
  async granted(patterns) {
    const entries = await Promise.all(
      patterns.map(async (p) => [p, await browser.permissions.contains({ origins: [p] })] as const),
    );
    return Object.fromEntries(entries);
  },
  async release(pattern) {
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  },
};

const store = createSettingsStore({
  // Right after the browser starts the policy answers about 2 s late: start from the copy of it.
  load: startupEffectiveSettings,
  save: async (change) => {
    checked(change);
    return updateSettings(change);
  },
  replace: async (overrides) => {
    checked(overrides);
    return replaceSettings(overrides);
  },
  watch: watchEffectiveSettings,
});
const root = document.getElementById('root');
// The pack preview reads its customer message with the models, so they are installed first (a
// local file: a few milliseconds). Without them the page still opens and the preview checks the reply alone.
if (root) {
  void installPackagedModels()
    .catch((error: unknown) => console.warn('ReplyGuard: could not load the models', error))
    .then(() => ReactDOM.createRoot(root).render(<OptionsPage store={store} access={access} />));
}

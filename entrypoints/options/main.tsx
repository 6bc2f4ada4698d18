import '@/components/ui/base.css';
import '@/components/options/options.css';
import ReactDOM from 'react-dom/client';
import type { HostAccess } from '@/components/options/CustomDomains';
import type { FolderApi } from '@/components/options/HandoverFolder';
import { OptionsPage } from '@/components/options/OptionsPage';
import { createSettingsStore } from '@/components/options/settings-store';
import { openDatabase } from '@/lib/db/database';
import { folderAccess } from '@/lib/handover/folder';
import { chooseHandoverFolder, handoverFolder, handoverStatus, setHandoverStatus } from '@/lib/handover/state';
import { sendToBackground } from '@/lib/messaging/send';
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

/**
 * The folder hand-over: the page picks the folder and asks for access (both need the agent's
 * click), the background writes (one writer, also on the schedule: lib/background/handover-schedule.ts).
 */
const db = openDatabase();
type PickerWindow = Window & {
  showDirectoryPicker?: (options: { id?: string; mode: 'readwrite' }) => Promise<FileSystemDirectoryHandle>;
};
type AskableHandle = FileSystemDirectoryHandle & {
  requestPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
};
const folder: FolderApi = {
  supported: typeof (window as PickerWindow).showDirectoryPicker === 'function',
  async read() {
    const chosen = await handoverFolder(db);
    return {
      folder: chosen ? chosen.handle.name || 'the chosen folder' : null,
      access: chosen ? await folderAccess(chosen.handle) : null,
      status: await handoverStatus(db),
    };
  },
  async choose() {
    const pick = (window as PickerWindow).showDirectoryPicker;
    if (!pick) throw new Error('this browser cannot choose a folder for ReplyGuard');
    await chooseHandoverFolder(db, await pick({ id: 'replyguard-handover', mode: 'readwrite' }));
    // A new folder starts clean: a problem about the old one no longer applies.
    await setHandoverStatus(db, { problem: null, needsPermission: false });
  },
  async allow() {
    const chosen = await handoverFolder(db);
    if (!chosen) throw new Error('choose a folder first');
    const handle = chosen.handle as AskableHandle;
    return handle.requestPermission ? handle.requestPermission({ mode: 'readwrite' }) : 'granted';
  },
  async writeNow() {
    return (await sendToBackground('options→background:handover', { force: true })).run;
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
    .then(() => ReactDOM.createRoot(root).render(<OptionsPage store={store} access={access} folder={folder} />));
}

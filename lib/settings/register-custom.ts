import { customMatchPatterns } from './custom-helpdesks';
import type { Settings } from './schema';

/**
 * Keeps the content script registered on the custom helpdesk domains the admin added and the
 * browser granted. Runs in the background on start-up and whenever the settings, the policy or
 * the granted permissions change. Takes the APIs it needs, so a test can pass fakes.
 */

/** Our one dynamic registration; its id lets us replace it without touching anything else. */
export const CUSTOM_SCRIPT_ID = 'replyguard-custom-helpdesks';

/**
 * The packaged files of the manifest's own content script (WXT's output names), used when the
 * manifest cannot be read. There is no CSS file: the overlay's styles are bundled into the script
 * and go into its shadow root, as on built-in helpdesks.
 */
export const CONTENT_SCRIPT_FILES: ContentScriptFiles = { js: ['content-scripts/helpdesk.js'] };

/** What a registration injects. */
export interface ContentScriptFiles {
  js: string[];
  css?: string[];
}

/** The parts of `browser.scripting` and `browser.permissions` the registration needs. */
export interface RegistrationApis {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(
    scripts: {
      id: string;
      matches: string[];
      js: string[];
      css?: string[];
      runAt: 'document_idle';
      allFrames: boolean;
      persistAcrossSessions: boolean;
    }[],
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  containsOrigin(pattern: string): Promise<boolean>;
  /** The files of the manifest's content script, so a custom domain gets exactly what built-in ones get. */
  files: ContentScriptFiles;
}

/** Registers (or re-registers, or removes) the content script for the granted custom domains; returns their patterns. */
export async function syncCustomContentScripts(
  settings: Pick<Settings, 'customHelpdesks' | 'helpdesks'>,
  apis: RegistrationApis,
): Promise<string[]> {
  const wanted = customMatchPatterns(settings);
  const granted: string[] = [];
  for (const pattern of wanted) if (await apis.containsOrigin(pattern)) granted.push(pattern);
  const [current] = await apis.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  const same =
    current !== undefined &&
    (current.matches ?? []).length === granted.length &&
    granted.every((p) => current.matches?.includes(p));
  if (same || (current === undefined && granted.length === 0)) return granted;
  if (current) await apis.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (granted.length === 0) return granted;
  const css = apis.files.css ?? [];
  await apis.registerContentScripts([
    {
      id: CUSTOM_SCRIPT_ID,
      matches: granted,
      js: apis.files.js,
      ...(css.length > 0 ? { css } : {}),
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
  return granted;
}

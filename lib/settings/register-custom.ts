import { customMatchPatterns, patternMatches } from './custom-helpdesks';
import { publicSuffixProblem } from './public-suffix';
import type { Settings } from './schema';

/**
 * Keeps the content script registered on the custom helpdesk domains the admin added and the
 * browser granted (at install in an organisation build, or when asked from the options page), and
 * starts it in the tabs already open there, so no agent has to reload. Runs in the background on
 * start-up and whenever the settings, the policy or the granted permissions change. Takes the APIs
 * it needs, so a test can pass fakes.
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
  /** The open tabs whose URL one of `patterns` matches (`tabs.query({url})`), with their load status. */
  tabsMatching(patterns: string[]): Promise<{ id: number; url?: string; status?: string }[]>;
  /**
   * Runs the content script's files in a tab's top frame (`scripting.executeScript`) unless a copy
   * of this version already runs there (lib/messaging/running-marker.ts); true when it started one.
   */
  inject(tabId: number, files: string[]): Promise<boolean>;
}

/**
 * Starts the content script in the open tabs on `patterns` (a domain just granted or listed, or
 * the extension just installed), so an agent never reloads for it. Tabs that `running` patterns
 * cover already have it and are left alone (a second start would reset what the tab tracks), and
 * so are tabs still loading: the registered or declared script runs there as the page finishes. A
 * tab that refuses (an error page, a tab being closed) is skipped. Returns the tabs it started.
 */
export async function injectIntoOpenTabs(
  patterns: string[],
  apis: Pick<RegistrationApis, 'tabsMatching' | 'inject' | 'files'>,
  running: readonly string[] = [],
): Promise<number[]> {
  if (patterns.length === 0) return [];
  const reached: number[] = [];
  for (const tab of await apis.tabsMatching(patterns)) {
    if (tab.status === 'loading') continue;
    if (tab.url && running.some((p) => patternMatches(p, new URL(tab.url as string)))) continue;
    try {
      if (await apis.inject(tab.id, apis.files.js)) reached.push(tab.id);
    } catch {
      // Not scriptable right now; the registration covers its next load.
    }
  }
  return reached;
}

/**
 * Registers (or re-registers, or removes) the content script for the granted custom domains, and
 * starts it in the open tabs of the domains that were not registered before (tabs of domains
 * already registered keep the instance they have). After an update (`restart`), the open tabs'
 * instances belong to the old version and have stopped, so it starts the script in every granted
 * domain's tabs. Never registers a wildcard over a public suffix (./public-suffix.ts). Returns the
 * registered patterns.
 */
export async function syncCustomContentScripts(
  settings: Pick<Settings, 'customHelpdesks' | 'helpdesks'>,
  apis: RegistrationApis,
  restart = false,
): Promise<string[]> {
  const wanted = customMatchPatterns(settings).filter((pattern) => publicSuffixProblem(pattern) === null);
  const granted: string[] = [];
  for (const pattern of wanted) if (await apis.containsOrigin(pattern)) granted.push(pattern);
  const [current] = await apis.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  const same =
    current !== undefined &&
    (current.matches ?? []).length === granted.length &&
    granted.every((p) => current.matches?.includes(p));
  if (same || (current === undefined && granted.length === 0)) {
    if (restart) await injectIntoOpenTabs(granted, apis);
    return granted;
  }
  if (current) await apis.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (granted.length === 0) return granted;
  const added = granted.filter((p) => !current?.matches?.includes(p));
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
  if (restart) await injectIntoOpenTabs(granted, apis);
  else await injectIntoOpenTabs(added, apis, current?.matches ?? []);
  return granted;
}

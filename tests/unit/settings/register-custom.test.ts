import { describe, expect, it } from 'vitest';
import { isRunning, markRunning, RUNNING_MARKER } from '@/lib/messaging/running-marker';
import { patternMatches } from '@/lib/settings/custom-helpdesks';
import { resolveSettings } from '@/lib/settings/effective';
import {
  CUSTOM_SCRIPT_ID,
  injectIntoOpenTabs,
  type RegistrationApis,
  syncCustomContentScripts,
} from '@/lib/settings/register-custom';

function fakeApis(granted: string[], tabs: { id: number; url: string; status?: string }[] = []) {
  let registered: { id: string; matches: string[]; css?: string[] }[] = [];
  const calls: string[] = [];
  const injected: number[] = [];
  const apis: RegistrationApis = {
    getRegisteredContentScripts: async ({ ids }) => registered.filter((r) => ids.includes(r.id)),
    registerContentScripts: async (scripts) => {
      calls.push('register');
      registered.push(...scripts);
    },
    unregisterContentScripts: async ({ ids }) => {
      calls.push('unregister');
      registered = registered.filter((r) => !ids.includes(r.id));
    },
    containsOrigin: async (p) => granted.includes(p),
    files: { js: ['content-scripts/helpdesk.js'] },
    tabsMatching: async (patterns) => tabs.filter((t) => patterns.some((p) => patternMatches(p, new URL(t.url)))),
    inject: async (tabId) => {
      if (tabId === 666) throw new Error('Cannot access contents of the page');
      // Tab 7 already runs this version (the probe answers so).
      if (tabId === 7) return false;
      injected.push(tabId);
      return true;
    },
  };
  return { apis, calls, injected, registered: () => registered };
}

const settings = (customHelpdesks: { pattern: string; adapter: 'freescout' | 'zammad' }[], freescout = true) =>
  resolveSettings({ customHelpdesks, helpdesks: { freescout } });
const HELP = { pattern: 'https://help.acme.com/*', adapter: 'freescout' } as const;
const ZAMMAD = { pattern: 'https://z.acme.com/*', adapter: 'zammad' } as const;

describe('syncCustomContentScripts', () => {
  it('registers the content script for granted custom domains only', async () => {
    const f = fakeApis(['https://help.acme.com/*']);
    const result = await syncCustomContentScripts(settings([HELP, ZAMMAD]), f.apis);
    expect(result).toEqual(['https://help.acme.com/*']);
    expect(f.registered()).toEqual([
      expect.objectContaining({
        id: CUSTOM_SCRIPT_ID,
        matches: ['https://help.acme.com/*'],
        js: ['content-scripts/helpdesk.js'],
      }),
    ]);
  });

  it('does nothing when already in step, and unregisters when the adapter is switched off', async () => {
    const f = fakeApis(['https://help.acme.com/*']);
    const s = settings([HELP]);
    await syncCustomContentScripts(s, f.apis);
    await syncCustomContentScripts(s, f.apis);
    expect(f.calls).toEqual(['register']);
    await syncCustomContentScripts(settings([HELP], false), f.apis);
    expect(f.calls).toEqual(['register', 'unregister']);
    expect(f.registered()).toEqual([]);
  });

  it('never registers a wildcard over a public suffix, even when the browser granted it', async () => {
    const f = fakeApis(['https://*.github.io/*', 'https://acme.github.io/*']);
    const result = await syncCustomContentScripts(
      settings([
        { pattern: 'https://*.github.io/*', adapter: 'freescout' },
        { pattern: 'https://acme.github.io/*', adapter: 'zammad' },
      ]),
      f.apis,
    );
    expect(result).toEqual(['https://acme.github.io/*']);
  });

  it('starts the script in tabs already open on a newly registered domain, and only there', async () => {
    const tabs = [
      { id: 1, url: 'https://help.acme.com/conversation/1' },
      { id: 2, url: 'https://z.acme.com/#ticket/zoom/1' },
      { id: 3, url: 'https://example.com/' },
      { id: 666, url: 'https://help.acme.com/broken' },
    ];
    const f = fakeApis(['https://help.acme.com/*', 'https://z.acme.com/*'], tabs);
    await syncCustomContentScripts(settings([HELP]), f.apis);
    // The tab that refused is skipped; the registration covers its next load.
    expect(f.injected).toEqual([1]);
    // Adding a second domain starts it there, not again in the tab that already runs it.
    await syncCustomContentScripts(settings([HELP, ZAMMAD]), f.apis);
    expect(f.injected).toEqual([1, 2]);
    // In step (a service-worker restart, the next browser start): nothing is started twice.
    await syncCustomContentScripts(settings([HELP, ZAMMAD]), f.apis);
    expect(f.injected).toEqual([1, 2]);
  });
});

describe('after an update', () => {
  it('restarts the script in every granted domain tab, registration unchanged or not', async () => {
    const tabs = [
      { id: 1, url: 'https://help.acme.com/conversation/1' },
      { id: 2, url: 'https://z.acme.com/' },
    ];
    const f = fakeApis(['https://help.acme.com/*'], tabs);
    const s = settings([HELP]);
    await syncCustomContentScripts(s, f.apis);
    expect(f.injected).toEqual([1]);
    await syncCustomContentScripts(s, f.apis, true);
    expect(f.injected).toEqual([1, 1]);
    expect(f.calls).toEqual(['register']);
  });
});

describe('injectIntoOpenTabs', () => {
  it('skips tabs that patterns already running cover, tabs still loading and tabs already running it', async () => {
    const tabs = [
      { id: 1, url: 'https://help.acme.com/a' },
      { id: 2, url: 'https://other.acme.com/b', status: 'complete' },
      { id: 3, url: 'https://third.acme.com/c', status: 'loading' },
      { id: 7, url: 'https://fourth.acme.com/d', status: 'complete' },
    ];
    const f = fakeApis([], tabs);
    expect(await injectIntoOpenTabs(['https://*.acme.com/*'], f.apis, ['https://help.acme.com/*'])).toEqual([2]);
    expect(await injectIntoOpenTabs([], f.apis)).toEqual([]);
  });
});

describe('running marker', () => {
  it('says whether this version runs in the world, and forgets when the copy stops', () => {
    expect(isRunning(RUNNING_MARKER, '1.0.0')).toBe(false);
    const clear = markRunning('1.0.0');
    expect(isRunning(RUNNING_MARKER, '1.0.0')).toBe(true);
    // An older version's mark left behind by an update does not count.
    expect(isRunning(RUNNING_MARKER, '1.0.1')).toBe(false);
    clear();
    expect(isRunning(RUNNING_MARKER, '1.0.0')).toBe(false);
  });
});

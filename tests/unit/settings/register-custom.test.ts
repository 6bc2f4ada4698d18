import { describe, expect, it } from 'vitest';
import { resolveSettings } from '@/lib/settings/effective';
import { CUSTOM_SCRIPT_ID, type RegistrationApis, syncCustomContentScripts } from '@/lib/settings/register-custom';

function fakeApis(granted: string[]) {
  let registered: { id: string; matches: string[]; css?: string[] }[] = [];
  const calls: string[] = [];
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
  };
  return { apis, calls, registered: () => registered };
}

const settings = (customHelpdesks: { pattern: string; adapter: 'freescout' | 'zammad' }[], freescout = true) =>
  resolveSettings({ customHelpdesks, helpdesks: { freescout } });

describe('syncCustomContentScripts', () => {
  it('registers the content script for granted custom domains only', async () => {
    const f = fakeApis(['https://help.acme.com/*']);
    const result = await syncCustomContentScripts(
      settings([
        { pattern: 'https://help.acme.com/*', adapter: 'freescout' },
        { pattern: 'https://z.acme.com/*', adapter: 'zammad' },
      ]),
      f.apis,
    );
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
    const s = settings([{ pattern: 'https://help.acme.com/*', adapter: 'freescout' }]);
    await syncCustomContentScripts(s, f.apis);
    await syncCustomContentScripts(s, f.apis);
    expect(f.calls).toEqual(['register']);
    await syncCustomContentScripts(
      settings([{ pattern: 'https://help.acme.com/*', adapter: 'freescout' }], false),
      f.apis,
    );
    expect(f.calls).toEqual(['register', 'unregister']);
    expect(f.registered()).toEqual([]);
  });
});

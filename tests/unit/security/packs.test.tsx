import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '@/components/options/OptionsPage';
import { createSettingsStore } from '@/components/options/settings-store';
import { Popup, type PopupData } from '@/components/popup/Popup';
import { validatePack } from '@/lib/engine/packs';
import { checkReply } from '@/lib/engine/rules/check-reply';
import { checkOptionsFrom } from '@/lib/settings/check-options';
import { mergeSettings } from '@/lib/settings/effective';
import { BAD_POLICY_PACKS, GOOD_PACK } from '../../fixtures/hostile';
import { generatedPack } from '../../fixtures/packs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ctx = (reply: string) => ({ reply, customer: null, customerMessages: [], agent: [] });

/**
 * Issue 14, case 6: rule packs had no limits (20,000 phrases: 76 s for the first check;
 * validation quadratic, 3,000 entries over 300 s). Packs are capped, with messages naming the
 * entry, and validation is linear.
 */
describe('rule pack limits (hostile corpus)', () => {
  it('refuses a pack of 20,000 entries at once, saying how many are allowed', () => {
    const result = validatePack(generatedPack(20_000));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual({
        path: 'phrases',
        message: expect.stringMatching(/at most 1,000 entries/),
      });
    }
  }, 10_000);

  it('names the entry whose phrase, examples or texts are too long', () => {
    const pack = generatedPack(3);
    const entries = pack.phrases ?? [];
    (entries[1] as { phrases: string[] }).phrases = Array.from({ length: 51 }, (_, i) => `phrase ${i}`);
    (entries[2] as { examples: { flag: string[] } }).examples.flag.push('x'.repeat(501));
    const result = validatePack(pack);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'phrases[1].phrases',
      'phrases[2].examples.flag[1]',
    ]);
  });

  it('validates a pack of 1,000 entries, the most there may be, compiling each entry once (work linear in its size)', () => {
    // Time on a shared machine is noise; the work is not. Count the patterns compiled: the
    // quadratic validation compiled the whole pack again for every example of every entry.
    const Native = RegExp;
    let compiled = 0;
    vi.stubGlobal(
      'RegExp',
      new Proxy(Native, {
        construct(target, args) {
          compiled += 1;
          return Reflect.construct(target, args);
        },
      }),
    );
    const work = (n: number) => {
      compiled = 0;
      const result = validatePack(generatedPack(n));
      expect(result.ok).toBe(true);
      return compiled;
    };
    try {
      const small = work(200);
      const large = work(1000);
      expect(small).toBeGreaterThanOrEqual(200);
      expect(large).toBeLessThanOrEqual(5 * small + 50);
    } finally {
      vi.unstubAllGlobals();
    }
  }, 60_000);
});

/**
 * Issue 14, case 7: a broken policy pack switched ReplyGuard off on every helpdesk tab. Policy
 * packs are now validated fully where settings are read; a bad one is dropped with a problem
 * that names it, and every other check keeps running.
 */
describe('broken policy packs (hostile corpus)', () => {
  it.each(BAD_POLICY_PACKS.map((c) => [c.name, c] as const))('drops a pack with %s and keeps checking', (_name, c) => {
    const effective = mergeSettings({ user: {}, policy: { rulePacks: [c.pack, GOOD_PACK] } });
    expect(effective.settings.rulePacks.map((p) => p.id)).toEqual(['good']);
    expect(effective.problems.map((p) => p.path)).toContain(`policy:rulePacks[0].${c.path}`);
    const findings = checkReply(
      ctx('It has a lifetime warranty. Mail jane@example.com.'),
      checkOptionsFrom(effective.settings),
    );
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['pack:good/no-lifetime', 'pii-email']));
  });

  it('drops a stored user pack that is broken the same way', () => {
    const effective = mergeSettings({ user: { rulePacks: [BAD_POLICY_PACKS[0]?.pack, GOOD_PACK] }, policy: {} });
    expect(effective.settings.rulePacks.map((p) => p.id)).toEqual(['good']);
    expect(effective.problems.map((p) => p.path)).toContain('rulePacks[0].linkAllowlist[0]');
  });

  it('the popup shows which policy pack was dropped and why', async () => {
    const effective = mergeSettings({ user: {}, policy: { rulePacks: [BAD_POLICY_PACKS[0]?.pack, GOOD_PACK] } });
    const data: PopupData = {
      status: null,
      today: { seen: 0, accepted: 0, edited: 0, rejected: 0, escalated: 0 },
      settings: effective.settings,
      problems: effective.problems,
      url: undefined,
      host: null,
      granted: false,
      pauseLocked: false,
    };
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const noop = async () => {};
    await act(async () =>
      root.render(<Popup load={async () => data} onPause={noop} onOpenDashboard={() => {}} onOpenOptions={() => {}} />),
    );
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    const text = container.querySelector('[data-rg-problems]')?.textContent ?? '';
    act(() => root.unmount());
    container.remove();
    expect(text).toMatch(/links/);
    expect(text).toMatch(/linkAllowlist\[0\]/);
    expect(text).toMatch(/host name/);
  });

  it('the options page lists the dropped pack beside the settings that could not be applied', async () => {
    const effective = mergeSettings({ user: {}, policy: { rulePacks: [BAD_POLICY_PACKS[1]?.pack, GOOD_PACK] } });
    const store = createSettingsStore({
      load: async () => ({ effective, confirmed: null }),
      save: async () => effective,
      replace: async () => effective,
      watch: () => () => {},
    });
    const access = { request: async () => false, granted: async () => ({}), release: async () => {} };
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    await act(async () => root.render(<OptionsPage store={store} access={access} />));
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    const text = container.querySelector('[data-rg-settings-problems]')?.textContent ?? '';
    act(() => root.unmount());
    container.remove();
    expect(text).toContain('policy → rulePacks[0].phrases[0].phrases[0]');
    expect(text).toMatch(/not only spaces; the pack "blank" is not applied/);
  });
});

import { describe, expect, it } from 'vitest';
import { createSettingsStore, type SettingsBackend } from '@/components/options/settings-store';
import { type EffectiveSettings, isLocked, mergeSettings } from '@/lib/settings/effective';

/** A promise the test resolves when it likes, as Chrome answers storage.managed right after it starts. */
function later<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const copy = mergeSettings({ user: {}, policy: { sendGuard: 'block' } });
const real = mergeSettings({ user: {}, policy: { privacyMode: 'none' } });
const tick = () => new Promise((r) => setTimeout(r, 0));

function backend(confirmed: Promise<EffectiveSettings> | null) {
  let onWatch: (e: EffectiveSettings) => void = () => {};
  const b: SettingsBackend = {
    load: async () => ({ effective: copy, confirmed }),
    save: async (change) => mergeSettings({ user: change, policy: real.policy }),
    replace: async (overrides) => mergeSettings({ user: overrides, policy: real.policy }),
    watch: (fn) => {
      onWatch = fn;
      return () => {};
    },
  };
  return { b, watch: (e: EffectiveSettings) => onWatch(e) };
}

describe('options settings store: no waiting on the policy', () => {
  it('shows the copy at once, marked pending, then the real policy and its locks', async () => {
    const policy = later<EffectiveSettings>();
    const store = createSettingsStore(backend(policy.promise).b);
    await tick();
    const first = store.getState();
    expect(first.effective?.settings.sendGuard).toBe('block');
    expect(first.policyPending).toBe(true);
    expect(isLocked(first.effective as EffectiveSettings, 'sendGuard')).toBe(true);
    policy.resolve(real);
    await tick();
    const after = store.getState();
    expect(after.policyPending).toBe(false);
    expect(after.effective).toBe(real);
    expect(isLocked(after.effective as EffectiveSettings, 'sendGuard')).toBe(false);
    expect(isLocked(after.effective as EffectiveSettings, 'privacyMode')).toBe(true);
  });

  it('is confirmed at once when the policy answered in time', async () => {
    const store = createSettingsStore(backend(null).b);
    await tick();
    expect(store.getState().policyPending).toBe(false);
    expect(store.getState().effective).toBe(copy);
  });

  it('keeps a save made meanwhile: its answer already holds the real policy', async () => {
    const policy = later<EffectiveSettings>();
    const store = createSettingsStore(backend(policy.promise).b);
    await tick();
    expect(await store.getState().update({ agentLabel: 'Ana' })).toBe(true);
    expect(store.getState().policyPending).toBe(false);
    policy.resolve(real);
    await tick();
    expect(store.getState().effective?.settings.agentLabel).toBe('Ana');
  });

  it('keeps a change seen in storage meanwhile', async () => {
    const policy = later<EffectiveSettings>();
    const b = backend(policy.promise);
    const store = createSettingsStore(b.b);
    await tick();
    const changed = mergeSettings({ user: { retentionDays: 30 }, policy: real.policy });
    b.watch(changed);
    policy.resolve(real);
    await tick();
    expect(store.getState().effective).toBe(changed);
    expect(store.getState().policyPending).toBe(false);
  });
});

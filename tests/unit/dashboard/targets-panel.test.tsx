import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { createGovernanceStore } from '@/components/dashboard/governance-store';
import { TargetsPanel } from '@/components/dashboard/TargetsPanel';
import { headlineOf } from '@/lib/stats/metrics';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(lockedTargets: string[], allLocked = false) {
  const store = createGovernanceStore();
  store.getState().set({
    targets: { overrideRate: { max: 0.3 }, medianDecisionMs: { min: 5_000, max: 90_000 } },
    lockedTargets,
    allLocked,
  });
  const headline = headlineOf({
    seen: 100,
    accepted: 60,
    edited: 20,
    rejected: 15,
    escalated: 5,
    findings: 30,
    sentWithCritical: 2,
    editSizeSum: 0,
    editChangeSum: 0,
    decisionMs: [3_000, 4_000, 6_000],
  });
  const setTarget = vi.fn();
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() =>
    root.render(<TargetsPanel headline={headline} rules={[]} governance={store.getState()} actions={{ setTarget }} />),
  );
  return { host, setTarget, unmount: () => act(() => root.unmount()) };
}

describe('the targets panel', () => {
  it('shows each figure against its target and the policy’s targets as set by the organisation', () => {
    const { host, unmount } = render(['overrideRate']);
    const row = (key: string) => host.querySelector(`[data-rg-target-row="${key}"]`) as HTMLElement;
    expect(row('overrideRate').textContent).toContain('40.0%');
    expect(row('overrideRate').querySelector('[data-rg-target-status]')?.getAttribute('data-rg-target-status')).toBe(
      'above',
    );
    expect(row('overrideRate').querySelector('[data-rg-locked]')?.textContent).toContain('Set by your organisation');
    expect(row('overrideRate').querySelector('form')).toBeNull();
    // The lead's own target: editable, and below its band (median 4 s against at least 5 s).
    expect(
      row('medianDecisionMs').querySelector('[data-rg-target-status]')?.getAttribute('data-rg-target-status'),
    ).toBe('below');
    expect(row('medianDecisionMs').querySelector('[data-rg-target-editor]')).not.toBeNull();
    unmount();
  });

  it('locks every target when the policy allows no user choice, and saves the lead’s bounds in the figure’s units', () => {
    const locked = render([], true);
    expect(locked.host.querySelectorAll('[data-rg-target-editor]')).toHaveLength(0);
    locked.unmount();
    const { host, setTarget, unmount } = render([]);
    const form = host.querySelector('[data-rg-target-editor="unresolvedCriticalShare"]') as HTMLFormElement;
    const [, max] = [...form.querySelectorAll('input')];
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(max, '2.5');
      max?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => form.requestSubmit());
    expect(setTarget).toHaveBeenCalledWith('unresolvedCriticalShare', { max: 0.025 });
    unmount();
  });
});

import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { type AuditOutcome, AuditPanel } from '@/components/dashboard/AuditPanel';
import { createPanelState, type PanelState } from '@/components/dashboard/panel-state';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TAMPERED: AuditOutcome = {
  status: 'tampered',
  rows: { checked: 2, verified: 1, uncovered: 0 },
  self: 'this browser (ab12 cd34)',
  signers: [
    { name: 'this browser (ab12 cd34)', install: 'ab12cd34', rows: 1, events: 3, signedThrough: 3, problems: 2 },
  ],
  problems: [
    { id: 'row-changed', level: 'tamper', text: 'Row r1 was changed after this browser signed it.', row: 'r1' },
    { id: 'row-removed', level: 'tamper', text: 'Row r2 was removed.', row: 'r2' },
  ],
  counts: { 'row-changed': 1, 'row-removed': 1 },
  ms: 12,
};

function mount(state: PanelState, onVerify: (p: (rows: number) => void) => Promise<AuditOutcome>) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<AuditPanel onVerify={onVerify} state={state} />));
  return { host, unmount: () => act(() => root.unmount()) };
}

describe('the audit panel', () => {
  it('names the rows a verification found changed or removed, with who signed', async () => {
    const onVerify = vi.fn(async (progress: (rows: number) => void) => {
      progress(2);
      return TAMPERED;
    });
    const { host, unmount } = mount(createPanelState(), onVerify);
    await act(async () => host.querySelector<HTMLButtonElement>('[data-rg-verify]')?.click());
    expect(onVerify).toHaveBeenCalledOnce();
    expect(host.querySelector('[data-rg-audit-status]')?.getAttribute('data-rg-audit-status')).toBe('tampered');
    expect(host.querySelector('[data-rg-audit-problem="row-changed"]')?.getAttribute('data-rg-audit-row')).toBe('r1');
    expect(host.querySelector('[data-rg-audit-problem="row-removed"]')?.getAttribute('data-rg-audit-row')).toBe('r2');
    expect(host.querySelector('[data-rg-audit-signer]')?.textContent).toContain('this browser (ab12 cd34)');
    unmount();
  });

  it('keeps its verdict when the dashboard mounts it again elsewhere (an import filled an empty log)', async () => {
    const state = createPanelState();
    const first = mount(state, async () => TAMPERED);
    await act(async () => first.host.querySelector<HTMLButtonElement>('[data-rg-verify]')?.click());
    first.unmount();
    const again = mount(state, async () => TAMPERED);
    expect(again.host.querySelector('[data-rg-audit-phase]')?.getAttribute('data-rg-audit-phase')).toBe('done');
    expect(again.host.querySelectorAll('[data-rg-audit-problem]')).toHaveLength(2);
    again.unmount();
  });

  it('says why when verification itself fails', async () => {
    const { host, unmount } = mount(createPanelState(), async () => {
      throw new Error('IndexedDB is closed');
    });
    await act(async () => host.querySelector<HTMLButtonElement>('[data-rg-verify]')?.click());
    expect(host.textContent).toContain('Verification failed: IndexedDB is closed');
    unmount();
  });
});

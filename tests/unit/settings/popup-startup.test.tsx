import { act } from 'react';
import ReactDOM from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup, type PopupData } from '@/components/popup/Popup';
import { resolveSettings } from '@/lib/settings/effective';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const settings = resolveSettings({});
const base: PopupData = {
  status: {
    helpdesk: 'zendesk',
    host: 'acme.zendesk.com',
    state: 'active',
    detail: '',
  },
  today: { seen: 0, accepted: 0, edited: 0, rejected: 0, escalated: 0 },
  settings,
  url: 'https://acme.zendesk.com/agent/tickets/1',
  host: 'acme.zendesk.com',
  granted: true,
  pauseLocked: true,
  problems: [],
};

describe('popup: no waiting on the policy', () => {
  let root: ReactDOM.Root | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    document.body.innerHTML = '';
  });

  it('renders from the copy of the policy at once, then applies the real one when it answers', async () => {
    let answer: (real: Pick<PopupData, 'settings' | 'pauseLocked'>) => void = () => {};
    const confirmed = new Promise<Pick<PopupData, 'settings' | 'pauseLocked'>>((r) => {
      answer = r;
    });
    const host = document.createElement('div');
    document.body.append(host);
    root = ReactDOM.createRoot(host);
    await act(async () => {
      root?.render(
        <Popup
          load={async () => ({ ...base, confirmed })}
          onPause={async () => {}}
          onOpenDashboard={() => {}}
          onOpenOptions={() => {}}
        />,
      );
    });
    expect(host.textContent).not.toContain('Loading');
    expect(host.querySelector('main')?.dataset.rgPolicy).toBe('pending');
    const pause = () => [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Pause on'));
    expect(pause()?.disabled).toBe(true);
    await act(async () => {
      answer({ settings, pauseLocked: false });
    });
    expect(host.querySelector('main')?.dataset.rgPolicy).toBe('confirmed');
    expect(pause()?.disabled).toBe(false);
  });
});

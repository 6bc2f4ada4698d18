import { useEffect, useState } from 'react';
import { helpdeskName } from '@/lib/hosts/helpdesks';
import type { Protocol, TabStatus } from '@/lib/messaging/protocol';

export interface PopupData {
  status: TabStatus | null;
  today: Protocol['popup→background:today']['response'];
  pausedSites: string[];
}

interface Props {
  load(): Promise<PopupData>;
  onPause(host: string, paused: boolean): Promise<void>;
  onOpenDashboard(): void;
  onOpenOptions(): void;
}

const STATE_TEXT: Record<TabStatus['state'], string> = {
  active: 'Active',
  'paused-by-user': 'Paused on this site',
  'paused-error': 'Paused',
  waiting: 'Waiting for a ticket',
};

/** Status of the current tab, today's counts and the per-site switch. */
export function Popup({ load, onPause, onOpenDashboard, onOpenOptions }: Props) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setData, (e: unknown) => setError(String(e)));
  }, [load]);

  if (error) return <main style={{ padding: 12, width: 300 }}>Could not read the tab: {error}</main>;
  if (!data) return <main style={{ padding: 12, width: 300 }}>Loading…</main>;
  const { status, today } = data;
  const paused = status ? data.pausedSites.includes(status.host) : false;

  return (
    <main style={{ padding: 12, width: 300, display: 'grid', gap: 10 }}>
      <header className="rg-brand">
        <span className="rg-brand__mark" aria-hidden="true">
          ◆
        </span>
        <strong>ReplyGuard</strong>
      </header>
      <section className="rg-card" data-rg-tab-state={status?.state ?? 'none'}>
        {status ? (
          <>
            <div>
              <strong>{status.helpdesk ? helpdeskName(status.helpdesk) : 'Unknown helpdesk'}</strong>:{' '}
              {STATE_TEXT[status.state]}
            </div>
            {status.detail && <div className="rg-muted">{status.detail}</div>}
          </>
        ) : (
          <div className="rg-muted">This tab is not a helpdesk ReplyGuard knows. Admins can add custom domains.</div>
        )}
      </section>
      <section className="rg-card" aria-label="Today">
        <div>
          <strong>{today.seen}</strong> suggestions decided today
        </div>
        <div className="rg-muted">
          {today.accepted} accepted · {today.edited} edited · {today.rejected} rejected · {today.escalated} escalated
        </div>
      </section>
      {status && (
        <button type="button" className="rg-button" onClick={() => void onPause(status.host, !paused)}>
          {paused ? `Resume on ${status.host}` : `Pause on ${status.host}`}
        </button>
      )}
      <button type="button" className="rg-button rg-button--primary" onClick={onOpenDashboard}>
        Open dashboard
      </button>
      <button type="button" className="rg-button" onClick={onOpenOptions}>
        Options
      </button>
    </main>
  );
}

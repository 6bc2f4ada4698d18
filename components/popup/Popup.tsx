import { useCallback, useEffect, useState } from 'react';
import { helpdeskName } from '@/lib/hosts/helpdesks';
import type { Protocol, TabStatus } from '@/lib/messaging/protocol';
import type { Settings, SettingsProblem } from '@/lib/settings/schema';
import { LOCKED_TEXT } from '../options/Locked';
import { explainTab } from './tab-explanation';

export interface PopupData {
  status: TabStatus | null;
  today: Protocol['popup→background:today']['response'];
  settings: Settings;
  /**
   * Settings that could not be applied (a broken policy rule pack, say), each with its path and
   * why: ReplyGuard runs without them, and the agent should know to tell the admin.
   */
  problems: SettingsProblem[];
  /** The active tab's URL when the browser shows it (only on sites ReplyGuard may access). */
  url: string | undefined;
  /** The tab's hostname, for "pause on this site", when known. */
  host: string | null;
  /** Whether the browser granted access to the tab's site (matters for custom domains). */
  granted: boolean;
  /** True when the policy fixes the paused sites. */
  pauseLocked: boolean;
  /**
   * Set when `settings` and `pauseLocked` come from the background's copy of the policy (right
   * after the browser starts, the policy answers about 2 s late): resolves with them under the
   * real policy.
   */
  confirmed?: Promise<Pick<PopupData, 'settings' | 'pauseLocked'>>;
}

interface Props {
  load(): Promise<PopupData>;
  onPause(host: string, paused: boolean): Promise<void>;
  onOpenDashboard(): void;
  onOpenOptions(): void;
}

export const STATE_TEXT: Record<TabStatus['state'], string> = {
  active: 'Active',
  'paused-by-user': 'Paused on this site',
  'paused-error': 'Paused',
  waiting: 'Waiting for a ticket',
  'switched-off': 'Switched off',
};

/** Problems listed in the popup before "and N more" (the options page lists them all). */
const POPUP_PROBLEMS = 5;

/** Where a problem is, in words: `policy:rulePacks[0].…` is in the organisation's policy. */
const problemPlace = (path: string): string => path.replace(/^policy:/, 'policy → ');

/** Status of the current tab (or why ReplyGuard is not there), today's counts and the per-site switch. */
export function Popup({ load, onPause, onOpenDashboard, onOpenOptions }: Props) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(
    () =>
      load().then(
        (first) => {
          setData(first);
          first.confirmed?.then(
            (real) => setData((shown) => (shown === first ? { ...first, ...real, confirmed: undefined } : shown)),
            (e: unknown) => setError(String(e)),
          );
        },
        (e: unknown) => setError(String(e)),
      ),
    [load],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (error) return <main className="rg-popup">Could not read the tab: {error}</main>;
  if (!data) return <main className="rg-popup">Loading…</main>;
  const { status, today, settings, host } = data;
  const paused = host ? settings.pausedSites.includes(host) : false;
  const explanation = status ? null : explainTab(data.url, settings, data.granted);
  const state = status?.state ?? (paused ? 'paused-by-user' : null);
  const canPause =
    host !== null && (status !== null || explanation?.kind === 'paused' || explanation?.kind === 'starting');

  return (
    <main className="rg-popup" data-rg-policy={data.confirmed ? 'pending' : 'confirmed'}>
      <header className="rg-brand">
        <span className="rg-brand__mark" aria-hidden="true">
          ◆
        </span>
        <strong>ReplyGuard</strong>
      </header>
      <section
        className="rg-card"
        aria-label="This tab"
        data-rg-tab-state={state ?? 'none'}
        data-rg-tab-reason={explanation?.kind ?? ''}
      >
        {status ? (
          <>
            <div>
              <strong>{status.helpdesk ? helpdeskName(status.helpdesk) : 'Unknown helpdesk'}</strong>:{' '}
              <span className={`rg-state rg-state--${status.state}`}>{STATE_TEXT[status.state]}</span>
            </div>
            {status.detail && <div className="rg-muted">{status.detail}</div>}
          </>
        ) : (
          <div className="rg-muted">{explanation?.text}</div>
        )}
      </section>
      {data.problems.length > 0 && (
        <section className="rg-card rg-alert" role="status" aria-label="Settings not applied" data-rg-problems>
          <p>Some settings could not be applied; ReplyGuard runs without them. Tell your admin:</p>
          <ul>
            {data.problems.slice(0, POPUP_PROBLEMS).map((p) => (
              <li key={`${p.path}-${p.message}`}>
                <code>{problemPlace(p.path)}</code> {p.message}
              </li>
            ))}
          </ul>
          {data.problems.length > POPUP_PROBLEMS && (
            <p className="rg-muted">and {data.problems.length - POPUP_PROBLEMS} more, listed in the options.</p>
          )}
        </section>
      )}
      <section className="rg-card" aria-label="Today">
        <div>
          <strong data-rg-today-seen={today.seen}>{today.seen}</strong> suggestions decided today
        </div>
        <div className="rg-muted">
          {today.accepted} accepted · {today.edited} edited · {today.rejected} rejected · {today.escalated} escalated
        </div>
      </section>
      {canPause && host && (
        <>
          <button
            type="button"
            className="rg-button"
            disabled={busy || data.pauseLocked}
            onClick={() => {
              setBusy(true);
              void onPause(host, !paused)
                .then(refresh)
                .finally(() => setBusy(false));
            }}
          >
            {paused ? `Resume on ${host}` : `Pause on ${host}`}
          </button>
          {data.pauseLocked && <span className="rg-muted">{LOCKED_TEXT}</span>}
        </>
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

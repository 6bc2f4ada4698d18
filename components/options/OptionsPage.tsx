import { useStore } from 'zustand';
import { HELPDESKS } from '@/lib/hosts/helpdesks';
import type { PrivacyMode, SendGuardMode } from '@/lib/settings/schema';
import type { SettingsStore } from './settings-store';

interface Props {
  store: SettingsStore;
}

const SEND_GUARD: Record<SendGuardMode, string> = {
  off: 'Off: never interrupt sending',
  warn: 'Warn: ask for confirmation when a critical risk is unresolved',
  block: 'Block: stop sending until critical risks are fixed or dismissed with a reason',
};

const PRIVACY: Record<PrivacyMode, string> = {
  full: 'Full text: keep suggestion and sent text as written',
  redacted: 'Redacted: mask personal data before storing text (recommended)',
  none: 'None: keep no text, only outcomes and rule ids',
};

/** The admin's and agent's settings. Every change is saved at once. */
export function OptionsPage({ store }: Props) {
  const { settings, update, error, savedAt, saving } = useStore(store);
  if (!settings) return <main className="rg-page">{error ?? 'Loading…'}</main>;

  return (
    <main className="rg-page">
      <header className="rg-brand">
        <span className="rg-brand__mark" aria-hidden="true">
          ◆
        </span>
        <h1>ReplyGuard options</h1>
        <span className="rg-muted" role="status" data-rg-saved={savedAt ?? ''}>
          {saving ? 'Saving…' : savedAt ? 'Saved' : ''}
        </span>
      </header>
      {error && (
        <p role="alert" className="rg-card">
          {error}
        </p>
      )}

      <section className="rg-card" aria-labelledby="rg-guard">
        <h2 id="rg-guard">Sending</h2>
        <label className="rg-field">
          Send-guard
          <select
            name="sendGuard"
            value={settings.sendGuard}
            onChange={(e) => update({ sendGuard: e.target.value as SendGuardMode })}
          >
            {(Object.keys(SEND_GUARD) as SendGuardMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {SEND_GUARD[mode]}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section className="rg-card" aria-labelledby="rg-privacy">
        <h2 id="rg-privacy">Privacy and the local log</h2>
        <label className="rg-field">
          Text kept in the log
          <select
            name="privacyMode"
            value={settings.privacyMode}
            onChange={(e) => update({ privacyMode: e.target.value as PrivacyMode })}
          >
            {(Object.keys(PRIVACY) as PrivacyMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {PRIVACY[mode]}
              </option>
            ))}
          </select>
        </label>
        <label className="rg-field">
          Keep decisions for (days)
          <input
            type="number"
            name="retentionDays"
            min={1}
            max={3650}
            value={settings.retentionDays}
            onChange={(e) => {
              const days = Number(e.target.value);
              if (Number.isInteger(days) && days >= 1 && days <= 3650) void update({ retentionDays: days });
            }}
          />
        </label>
        <label className="rg-field">
          Agent label (names you in exports merged across a team)
          <input
            type="text"
            name="agentLabel"
            maxLength={64}
            value={settings.agentLabel}
            placeholder="me"
            onChange={(e) => update({ agentLabel: e.target.value })}
          />
        </label>
      </section>

      <section className="rg-card" aria-labelledby="rg-helpdesks">
        <h2 id="rg-helpdesks">Helpdesks</h2>
        {HELPDESKS.filter((h) => h.matches.length > 0).map((h) => (
          <label key={h.id} style={{ display: 'block' }}>
            <input
              type="checkbox"
              name={`helpdesk-${h.id}`}
              checked={settings.helpdesks[h.id]}
              onChange={(e) => update({ helpdesks: { ...settings.helpdesks, [h.id]: e.target.checked } })}
            />{' '}
            {h.name}
          </label>
        ))}
        {settings.pausedSites.length > 0 && (
          <>
            <h3>Paused sites</h3>
            <ul>
              {settings.pausedSites.map((site) => (
                <li key={site}>
                  {site}{' '}
                  <button
                    type="button"
                    className="rg-button"
                    onClick={() => update({ pausedSites: settings.pausedSites.filter((s) => s !== site) })}
                  >
                    Resume
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}

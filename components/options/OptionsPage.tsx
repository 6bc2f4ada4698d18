import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { HELPDESKS, type HelpdeskId } from '@/lib/hosts/helpdesks';
import { AGENT_LABEL_MAX, RETENTION_DAYS } from '@/lib/settings/check';
import { isLocked } from '@/lib/settings/effective';
import type { PrivacyMode, SendGuardMode, SettingsOverrides } from '@/lib/settings/schema';
import { exportSettingsFile, parseSettingsFile } from '@/lib/settings/validate';
import { CustomDomains, type HostAccess } from './CustomDomains';
import { downloadText, readFileText } from './download';
import { type FolderApi, HandoverFolder } from './HandoverFolder';
import { Locked } from './Locked';
import { PackEditor } from './PackEditor';
import { RuleTable } from './RuleTable';
import type { SettingsStore } from './settings-store';

interface Props {
  store: SettingsStore;
  access: HostAccess;
  /** The folder hand-over; absent where the page has none (tests of other sections). */
  folder?: FolderApi;
}

/** While the browser has not handed over the policy yet (right after it starts). */
export const POLICY_PENDING_TEXT =
  'Checking your organisation’s policy: settings are shown as it set them last time, and what it fixes is confirmed as soon as the browser answers.';

export const SEND_GUARD_LABELS: Record<SendGuardMode, string> = {
  off: 'Off: never interrupt sending',
  warn: 'Warn: ask for confirmation when a critical risk is unresolved',
  block: 'Block: stop sending until critical risks are fixed or dismissed with a reason',
};

export const PRIVACY_LABELS: Record<PrivacyMode, string> = {
  full: 'Full text: keep suggestion and sent text as written',
  redacted: 'Redacted: mask personal data before storing text (recommended)',
  none: 'None: keep no text, only outcomes and rule ids',
};

/** A text or number field that saves when the person is done (blur or Enter), not on every keystroke. */
function CommitInput(props: {
  id: string;
  name: string;
  type: 'text' | 'number';
  value: string;
  disabled: boolean;
  onCommit(value: string): void;
  attrs?: Record<string, string | number>;
}) {
  const [draft, setDraft] = useState(props.value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(props.value);
  }, [props.value]);
  const commit = () => {
    if (draft !== props.value) props.onCommit(draft);
  };
  return (
    <input
      id={props.id}
      type={props.type}
      name={props.name}
      value={draft}
      disabled={props.disabled}
      {...props.attrs}
      onFocus={() => {
        focused.current = true;
      }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        focused.current = false;
        commit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

/** The admin's and agent's settings. Every change is checked and saved at once; policy-fixed ones are locked. */
export function OptionsPage({ store, access, folder }: Props) {
  const { effective, policyPending, update, replace, error, problems, savedAt, saving } = useStore(store);
  const importRef = useRef<HTMLInputElement>(null);
  const [importNote, setImportNote] = useState<string | null>(null);
  if (!effective) return <main className="rg-page">{error ?? 'Loading…'}</main>;
  const { settings } = effective;
  const locked = (key: Parameters<typeof isLocked>[1], entry?: string) => isLocked(effective, key, entry);
  const save = (change: SettingsOverrides) => update(change);
  const policyProblems = effective.problems.filter((p) => p.path.startsWith('policy:'));
  const otherProblems = effective.problems.filter((p) => !p.path.startsWith('policy:'));

  const exportAll = () => {
    // Only the person's own choices travel; what the policy fixes comes from the policy.
    const own = Object.fromEntries(
      Object.entries(effective.user).filter(([key]) => !locked(key as keyof typeof settings)),
    ) as SettingsOverrides;
    downloadText('replyguard-settings.json', exportSettingsFile(own, new Date()));
  };
  const importAll = async (file: File) => {
    const result = parseSettingsFile(await readFileText(file));
    if (!result.ok) {
      store.setState({ error: `Nothing imported from ${file.name}:`, problems: result.problems });
      setImportNote(null);
      return;
    }
    if (await replace(result.value)) setImportNote(`Imported ${file.name}.`);
  };

  return (
    <main className="rg-page rg-options" data-rg-policy={policyPending ? 'pending' : 'confirmed'}>
      <header className="rg-brand">
        <span className="rg-brand__mark" aria-hidden="true">
          ◆
        </span>
        <h1>ReplyGuard options</h1>
        <span className="rg-muted" role="status" data-rg-saved={savedAt ?? ''}>
          {saving ? 'Saving…' : savedAt ? 'Saved' : ''}
        </span>
      </header>
      {policyPending && (
        <p className="rg-muted" role="status" data-rg-policy-pending>
          {POLICY_PENDING_TEXT}
        </p>
      )}
      {!settings.allowUserOverrides && (
        <p className="rg-card" data-rg-all-locked>
          Your organisation manages ReplyGuard on this browser: every setting below is fixed by its policy.
        </p>
      )}
      {error && (
        <div role="alert" className="rg-card rg-alert" data-rg-error>
          <p>{error}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}-${p.message}`} data-rg-problem={p.path}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(policyProblems.length > 0 || otherProblems.length > 0) && (
        <div className="rg-card rg-alert" role="status" data-rg-settings-problems>
          <p>Some settings could not be applied; the rest work as shown.</p>
          <ul>
            {[...policyProblems, ...otherProblems].map((p) => (
              <li key={`${p.path}-${p.message}`}>
                <code>{p.path.replace(/^policy:/, 'policy → ')}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <section className="rg-card" aria-labelledby="rg-guard">
        <h2 id="rg-guard">Sending</h2>
        <label className="rg-field">
          Send-guard
          <select
            name="sendGuard"
            value={settings.sendGuard}
            disabled={locked('sendGuard')}
            onChange={(e) => void save({ sendGuard: e.target.value as SendGuardMode })}
          >
            {(Object.keys(SEND_GUARD_LABELS) as SendGuardMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {SEND_GUARD_LABELS[mode]}
              </option>
            ))}
          </select>
          <Locked locked={locked('sendGuard')} name="sendGuard" />
        </label>
      </section>

      <section className="rg-card" aria-labelledby="rg-privacy">
        <h2 id="rg-privacy">Privacy and the local log</h2>
        <label className="rg-field">
          Text kept in the log
          <select
            name="privacyMode"
            value={settings.privacyMode}
            disabled={locked('privacyMode')}
            onChange={(e) => void save({ privacyMode: e.target.value as PrivacyMode })}
          >
            {(Object.keys(PRIVACY_LABELS) as PrivacyMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {PRIVACY_LABELS[mode]}
              </option>
            ))}
          </select>
          <Locked locked={locked('privacyMode')} name="privacyMode" />
        </label>
        <label className="rg-field" htmlFor="rg-retention">
          Keep decisions for (days, {RETENTION_DAYS.min}–{RETENTION_DAYS.max})
          <CommitInput
            id="rg-retention"
            type="number"
            name="retentionDays"
            value={String(settings.retentionDays)}
            disabled={locked('retentionDays')}
            attrs={{ min: RETENTION_DAYS.min, max: RETENTION_DAYS.max }}
            onCommit={(v) => void save({ retentionDays: v === '' ? null : Number(v) })}
          />
          <Locked locked={locked('retentionDays')} name="retentionDays" />
        </label>
        <label className="rg-field" htmlFor="rg-agent-label">
          Agent label (names you in exports merged across a team)
          <CommitInput
            id="rg-agent-label"
            type="text"
            name="agentLabel"
            value={settings.agentLabel}
            disabled={locked('agentLabel')}
            attrs={{ maxLength: AGENT_LABEL_MAX, placeholder: 'me' }}
            onCommit={(v) => void save({ agentLabel: v === '' ? null : v })}
          />
          <Locked locked={locked('agentLabel')} name="agentLabel" />
        </label>
      </section>

      <section className="rg-card" aria-labelledby="rg-helpdesks">
        <h2 id="rg-helpdesks">Helpdesks</h2>
        <table className="rg-table">
          <thead>
            <tr>
              <th scope="col">Helpdesk</th>
              <th scope="col">ReplyGuard on</th>
              <th scope="col">Show signals and findings</th>
            </tr>
          </thead>
          <tbody>
            {HELPDESKS.map((h) => {
              const id: HelpdeskId = h.id;
              return (
                <tr key={id} data-rg-helpdesk={id}>
                  <th scope="row">
                    {h.name}
                    {h.matches.length === 0 && <span className="rg-muted"> (custom domains only)</span>}
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      name={`helpdesk-${id}`}
                      aria-label={`ReplyGuard on ${h.name}`}
                      checked={settings.helpdesks[id]}
                      disabled={locked('helpdesks', id)}
                      onChange={(e) => void save({ helpdesks: { [id]: e.target.checked } })}
                    />{' '}
                    <Locked locked={locked('helpdesks', id)} name={`helpdesks.${id}`} />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name={`analysis-${id}`}
                      aria-label={`Show signals and findings on ${h.name}`}
                      checked={settings.analysis[id]}
                      disabled={locked('analysis', id) || !settings.helpdesks[id]}
                      onChange={(e) => void save({ analysis: { [id]: e.target.checked } })}
                    />{' '}
                    <Locked locked={locked('analysis', id)} name={`analysis.${id}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="rg-muted">
          With signals and findings off, ReplyGuard stays on the helpdesk only to log what agents did with AI
          suggestions.
        </p>
        <h3>Paused sites</h3>
        <Locked locked={locked('pausedSites')} name="pausedSites" />
        {settings.pausedSites.length === 0 ? (
          <p className="rg-muted">None. Agents pause a site from the toolbar popup.</p>
        ) : (
          <ul className="rg-list">
            {settings.pausedSites.map((site) => (
              <li key={site} data-rg-paused={site}>
                {site}{' '}
                <button
                  type="button"
                  className="rg-button rg-button--small"
                  disabled={locked('pausedSites')}
                  onClick={() => void save({ pausedSites: settings.pausedSites.filter((s) => s !== site) })}
                >
                  Resume
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="rg-card" aria-labelledby="rg-custom">
        <h2 id="rg-custom">Custom helpdesk domains</h2>
        <CustomDomains
          domains={settings.customHelpdesks}
          locked={locked('customHelpdesks')}
          access={access}
          onSave={(customHelpdesks) => save({ customHelpdesks })}
        />
      </section>

      <section className="rg-card" aria-labelledby="rg-rules">
        <h2 id="rg-rules">Rules</h2>
        <RuleTable
          overrides={settings.ruleSeverity}
          isLocked={(id) => locked('ruleSeverity', id)}
          onChange={(id, level) => void save({ ruleSeverity: { [id]: level } as SettingsOverrides['ruleSeverity'] })}
        />
      </section>

      <section className="rg-card" aria-labelledby="rg-packs">
        <h2 id="rg-packs">Team rule packs</h2>
        <PackEditor settings={settings} locked={locked('rulePacks')} onSave={(rulePacks) => save({ rulePacks })} />
      </section>

      {folder && (
        <section className="rg-card" aria-labelledby="rg-handover">
          <h2 id="rg-handover">Hand-over folder</h2>
          <HandoverFolder
            settings={settings}
            locked={locked('handoverSchedule')}
            onSchedule={(handoverSchedule) => void save({ handoverSchedule })}
            api={folder}
          />
        </section>
      )}

      <section className="rg-card" aria-labelledby="rg-backup">
        <h2 id="rg-backup">Export and import</h2>
        <p className="rg-muted">
          The file holds your own choices, not what your organisation’s policy sets. An import replaces them all, and a
          file with any problem changes nothing.
        </p>
        <div className="rg-row">
          <button type="button" className="rg-button" onClick={exportAll}>
            Export settings
          </button>
          <button
            type="button"
            className="rg-button"
            disabled={!settings.allowUserOverrides}
            onClick={() => importRef.current?.click()}
          >
            Import settings…
          </button>
          <input
            ref={importRef}
            type="file"
            name="importSettings"
            accept=".json,application/json"
            hidden
            aria-label="Settings file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importAll(file);
              e.target.value = '';
            }}
          />
        </div>
        {importNote && (
          <p role="status" data-rg-imported>
            {importNote}
          </p>
        )}
      </section>
    </main>
  );
}

import { useEffect, useState } from 'react';
import {
  CUSTOM_ADAPTERS,
  GENERIC_SELECTOR_FIELDS,
  isPlainHttpPattern,
  normalizeHelpdeskPattern,
  PATTERN_NOTES,
} from '@/lib/settings/custom-helpdesks';
import { publicSuffixProblem } from '@/lib/settings/public-suffix';
import type { CustomAdapterId, CustomHelpdesk, GenericSelectors } from '@/lib/settings/schema';
import { Locked } from './Locked';

/** What the page needs from the browser to add a domain; passed in so this stays React only. */
export interface HostAccess {
  /** Asks the browser for access to `pattern`. Must be the first await of a click handler (user gesture). */
  request(pattern: string): Promise<boolean>;
  /** Which of these patterns the browser has granted. */
  granted(patterns: readonly string[]): Promise<Record<string, boolean>>;
  /** Gives access back when a domain is removed. */
  release(pattern: string): Promise<void>;
}

interface Props {
  domains: readonly CustomHelpdesk[];
  locked: boolean;
  access: HostAccess;
  onSave(domains: CustomHelpdesk[]): Promise<boolean>;
}

const EMPTY_SELECTORS: GenericSelectors = {
  customerMessage: '',
  agentMessage: '',
  composer: '',
  send: '',
  aiControl: '',
};
const adapterName = (id: CustomAdapterId) => CUSTOM_ADAPTERS.find((a) => a.id === id)?.name ?? id;

/**
 * Self-hosted Chatwoot, Zammad and FreeScout, or any helpdesk through the generic adapter.
 * Each domain is asked for as an optional host permission when it is added (an organisation
 * build holds its domains from install), so the extension holds access only to the helpdesks an
 * admin names. Plain-http domains carry a warning; wildcards over public suffixes are refused.
 */
export function CustomDomains({ domains, locked, access, onSave }: Props) {
  const [address, setAddress] = useState('');
  const [adapter, setAdapter] = useState<CustomAdapterId>('freescout');
  const [selectors, setSelectors] = useState<GenericSelectors>(EMPTY_SELECTORS);
  const [note, setNote] = useState<string | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});

  useEffect(() => {
    let live = true;
    void access.granted(domains.map((d) => d.pattern)).then((g) => live && setGranted(g));
    return () => {
      live = false;
    };
  }, [domains, access]);

  const add = async () => {
    const normal = normalizeHelpdeskPattern(address);
    if (!normal.ok) {
      setNote(normal.error);
      return;
    }
    const refused = publicSuffixProblem(normal.pattern);
    if (refused) {
      setNote(refused);
      return;
    }
    // First await of the click: the browser shows its permission prompt only inside a user gesture.
    const allowed = await access.request(normal.pattern);
    if (!allowed) {
      setNote(`The browser did not grant access to ${normal.pattern}; ReplyGuard cannot run there until it does.`);
      return;
    }
    const entry: CustomHelpdesk =
      adapter === 'generic'
        ? {
            pattern: normal.pattern,
            adapter,
            selectors: Object.fromEntries(
              Object.entries(selectors).filter(([, v]) => v.trim() !== ''),
            ) as unknown as GenericSelectors,
          }
        : { pattern: normal.pattern, adapter };
    const others = domains.filter((d) => d.pattern !== entry.pattern);
    if (await onSave([...others, entry])) {
      // The background starts ReplyGuard in the domain's open tabs once it registers it.
      setNote([`Added ${normal.pattern}.`, ...normal.notes.map((n) => n.text)].join(' '));
      setAddress('');
      setSelectors(EMPTY_SELECTORS);
    } else setNote(null);
  };

  return (
    <div data-rg-custom-domains>
      <Locked locked={locked} name="customHelpdesks" />
      <ul className="rg-list" aria-label="Custom helpdesk domains">
        {domains.length === 0 && <li className="rg-muted">No custom domains.</li>}
        {domains.map((d) => {
          const refused = publicSuffixProblem(d.pattern);
          return (
            <li key={d.pattern} data-rg-domain={d.pattern} data-rg-granted={String(granted[d.pattern] ?? false)}>
              <code>{d.pattern}</code> {adapterName(d.adapter)}{' '}
              {refused && (
                <p className="rg-alert" role="alert" data-rg-refused>
                  Not used: {refused}
                </p>
              )}
              {isPlainHttpPattern(d.pattern) && (
                <p className="rg-warning" data-rg-http-warning>
                  <span aria-hidden="true">⚠ </span>
                  {PATTERN_NOTES.http}
                </p>
              )}
              {!refused && granted[d.pattern] === false && (
                <button
                  type="button"
                  className="rg-button rg-button--small"
                  onClick={() =>
                    void access.request(d.pattern).then((ok) => setGranted((g) => ({ ...g, [d.pattern]: ok })))
                  }
                >
                  Grant access
                </button>
              )}{' '}
              {!locked && (
                <button
                  type="button"
                  className="rg-button rg-button--small"
                  onClick={() =>
                    void onSave(domains.filter((x) => x.pattern !== d.pattern)).then(async (ok) => {
                      if (ok) await access.release(d.pattern);
                    })
                  }
                >
                  Remove
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!locked && (
        <fieldset className="rg-fieldset">
          <legend>Add a domain</legend>
          <label className="rg-field">
            Address, such as help.example.com, *.example.com or http://intranet.example.local:8080 (a port is not
            needed: the domain is covered on every port)
            <input type="text" name="customDomain" value={address} onChange={(e) => setAddress(e.target.value)} />
          </label>
          <label className="rg-field">
            Helpdesk software
            <select
              name="customAdapter"
              value={adapter}
              onChange={(e) => setAdapter(e.target.value as CustomAdapterId)}
            >
              {CUSTOM_ADAPTERS.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          {adapter === 'generic' &&
            GENERIC_SELECTOR_FIELDS.map((f) => (
              <label key={f.key} className="rg-field">
                {f.label}: CSS selector
                <input
                  type="text"
                  name={`selector-${f.key}`}
                  required={f.required}
                  value={selectors[f.key] ?? ''}
                  onChange={(e) => setSelectors((s) => ({ ...s, [f.key]: e.target.value }))}
                />
              </label>
            ))}
          <button type="button" className="rg-button rg-button--primary" onClick={() => void add()}>
            Add domain
          </button>
          {note && (
            <p className="rg-muted" role="status">
              {note}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}

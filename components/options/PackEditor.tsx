import { useMemo, useRef, useState } from 'react';
import { analyzeTicket } from '@/lib/engine/analyze';
import { type PackError, parsePack, type RulePack } from '@/lib/engine/packs';
import { modelsInstalled } from '@/lib/engine/signals/models';
import { checkOptionsFrom } from '@/lib/settings/check-options';
import type { Settings } from '@/lib/settings/schema';
import { downloadText, readFileText } from './download';
import { Locked } from './Locked';
import { useDebounced } from './use-debounced';

/** A pack to start from: one entry of each common kind, with the examples validation runs. */
export const STARTER_PACK: RulePack = {
  id: 'team-pack',
  name: 'Team rules',
  phrases: [
    {
      kind: 'banned',
      id: 'no-lifetime-warranty',
      phrases: ['lifetime warranty'],
      message: 'We do not offer a lifetime warranty.',
      examples: { flag: ['It comes with a lifetime warranty.'], pass: ['It comes with a two-year warranty.'] },
    },
  ],
  competitors: [{ id: 'competitors', names: ['Globex'] }],
};

interface Props {
  settings: Settings;
  /** True when the packs come from the admin's policy. */
  locked: boolean;
  /** Stores the new list of packs; resolves to whether it was stored. */
  onSave(packs: RulePack[]): Promise<boolean>;
}

const pretty = (pack: RulePack) => `${JSON.stringify(pack, null, 2)}\n`;

/** Quiet time after the last edit before the draft is validated (a pack may be a megabyte). */
const VALIDATE_AFTER_MS = 300;
/** Clearing the editor needs no wait. */
const isBlank = (text: string) => text.trim() === '';

/**
 * The rule pack editor: paste or edit a pack as JSON or YAML, see each validation error beside the path
 * of its entry, try the pack on a customer message and a reply, and import or export pack files.
 */
export function PackEditor({ settings, locked, onSave }: Props) {
  const [text, setText] = useState('');
  const [customer, setCustomer] = useState('This is the third time I ask. I want a refund now.');
  const [reply, setReply] = useState('Good news: your plan has a lifetime warranty, unlike Globex.');
  const fileRef = useRef<HTMLInputElement>(null);
  // Validated once the admin pauses, not on every keystroke: validation is linear in the pack, but
  // a pack of the maximum size still takes a noticeable moment.
  const settled = useDebounced(text, VALIDATE_AFTER_MS, isBlank);
  const checking = settled !== text;
  const validation = useMemo(() => (settled.trim() ? parsePack(settled) : null), [settled]);
  const draft = checking ? null : validation?.ok ? validation.pack : null;

  const previewPacks = useMemo(() => {
    const installed = settings.rulePacks.filter((p) => p.id !== draft?.id);
    return draft ? [...installed, draft] : installed;
  }, [settings.rulePacks, draft]);
  const findings = useMemo(() => {
    const options = checkOptionsFrom({ ...settings, rulePacks: previewPacks });
    // The customer message needs the models (options/main.tsx installs them); if they could not be
    // read, the preview checks the reply alone rather than taking the page down.
    const messages = customer.trim() && modelsInstalled() ? [customer] : [];
    return analyzeTicket({ customer: messages, agent: [], reply }, options).findings;
  }, [settings, previewPacks, customer, reply]);

  const save = async () => {
    if (!draft) return;
    const others = settings.rulePacks.filter((p) => p.id !== draft.id);
    if (await onSave([...others, draft])) setText('');
  };

  return (
    <div className="rg-packs">
      <Locked locked={locked} name="rulePacks" />
      <ul className="rg-list" aria-label="Installed rule packs">
        {settings.rulePacks.length === 0 && <li className="rg-muted">No rule packs installed.</li>}
        {settings.rulePacks.map((pack) => (
          <li key={pack.id} data-rg-pack={pack.id}>
            <strong>{pack.name ?? pack.id}</strong> <code>{pack.id}</code>{' '}
            <span className="rg-muted">
              {(pack.phrases?.length ?? 0) + (pack.competitors?.length ?? 0)} entries
              {pack.linkAllowlist ? ', link allowlist' : ''}
            </span>{' '}
            {!locked && (
              <button type="button" className="rg-button rg-button--small" onClick={() => setText(pretty(pack))}>
                Edit
              </button>
            )}{' '}
            <button
              type="button"
              className="rg-button rg-button--small"
              onClick={() => downloadText(`${pack.id}.replyguard-pack.json`, pretty(pack))}
            >
              Export
            </button>{' '}
            {!locked && (
              <button
                type="button"
                className="rg-button rg-button--small"
                onClick={() => void onSave(settings.rulePacks.filter((p) => p.id !== pack.id))}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>

      {!locked && (
        <div className="rg-pack-editor">
          <label className="rg-field">
            Rule pack (JSON or YAML)
            <textarea
              name="packJson"
              rows={14}
              spellCheck={false}
              value={text}
              placeholder={'id: team-pack\nphrases:\n  - kind: banned\n    …   (or the same as JSON)'}
              aria-invalid={validation !== null && !validation.ok}
              aria-describedby="rg-pack-errors"
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <div id="rg-pack-errors" aria-live="polite">
            {checking && <p className="rg-muted">Checking…</p>}
            {!checking && validation && !validation.ok && <PackErrors errors={validation.errors} />}
            {draft && (
              <p className="rg-ok" data-rg-pack-valid={draft.id}>
                Valid pack “{draft.name ?? draft.id}”: every example behaves as written.
              </p>
            )}
          </div>
          <div className="rg-row">
            <button
              type="button"
              className="rg-button rg-button--primary"
              disabled={!draft}
              onClick={() => void save()}
            >
              {draft && settings.rulePacks.some((p) => p.id === draft.id) ? 'Replace pack' : 'Add pack'}
            </button>
            <button type="button" className="rg-button" onClick={() => setText(pretty(STARTER_PACK))}>
              Start from an example
            </button>
            <button type="button" className="rg-button" onClick={() => fileRef.current?.click()}>
              Import pack file…
            </button>
            <input
              ref={fileRef}
              type="file"
              accept=".json,.yaml,.yml,application/json,application/yaml"
              hidden
              aria-label="Rule pack file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readFileText(file).then(setText);
                e.target.value = '';
              }}
            />
            {draft && (
              <button
                type="button"
                className="rg-button"
                onClick={() => downloadText(`${draft.id}.replyguard-pack.json`, pretty(draft))}
              >
                Export this pack
              </button>
            )}
          </div>
        </div>
      )}

      <fieldset className="rg-preview">
        <legend>Preview: the installed packs{draft ? ' and this draft' : ''} on a conversation</legend>
        <label className="rg-field">
          Customer message
          <textarea name="previewCustomer" rows={3} value={customer} onChange={(e) => setCustomer(e.target.value)} />
        </label>
        <label className="rg-field">
          Suggested reply
          <textarea name="previewReply" rows={3} value={reply} onChange={(e) => setReply(e.target.value)} />
        </label>
        <ul className="rg-list" aria-label="Findings" aria-live="polite" data-rg-preview-findings={findings.length}>
          {findings.length === 0 && <li className="rg-muted">No findings.</li>}
          {findings.map((f) => (
            <li key={`${f.rule}-${f.start}`} data-rg-preview-finding={f.rule} data-rg-severity={f.severity}>
              <span className={`rg-pill rg-pill--${f.severity}`}>{f.severity}</span> <code>{f.rule}</code> “{f.text}”:{' '}
              {f.message}
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}

/** Each validation error beside the path of the entry it concerns. */
export function PackErrors({ errors }: { errors: readonly PackError[] }) {
  return (
    <ul className="rg-errors" role="alert" aria-label="Problems in the pack">
      {errors.map((e) => (
        <li key={`${e.path}-${e.message}`} data-rg-pack-error={e.path}>
          <code>{e.path}</code> {e.message}
        </li>
      ))}
    </ul>
  );
}

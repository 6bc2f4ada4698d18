import { type ChangeEvent, useRef } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/db/export-formats';
import type { FileResult, ImportProgress } from '@/lib/handover/import-files';
import type { EventRef } from '@/lib/stats/day-view';
import type { Exportable } from './Dashboard';
import { type PanelState, usePanelState } from './panel-state';

/** What the panel shows once opened: the team keys policy encrypts to, and those this dashboard holds. */
export interface HandoverInfo {
  /** `handoverRecipients` from settings (policy): exports are encrypted to them when there are any. */
  recipients: string[];
  /** Public recipients (`age1…`) of the team keys imported here. */
  teamKeys: string[];
}

/** A finished export: its rows file and audit file, to download. */
export interface HandoverExport {
  rows: number;
  encryptedWith: 'team-keys' | 'passphrase' | null;
  files: { name: string; blob: Blob }[];
}

/** The hand-over's work, loaded on first use (entrypoints/dashboard/handover.ts). */
export interface HandoverActions {
  info(): Promise<HandoverInfo>;
  exportRows(refs: () => Promise<EventRef[]>, format: ExportFormat, passphrase: string): Promise<HandoverExport>;
  download(files: HandoverExport['files']): void;
  importFiles(
    files: File[],
    passphrase: string,
    onProgress: (p: ImportProgress) => void,
    onFile: (r: FileResult) => void,
  ): Promise<FileResult[]>;
  addTeamKey(text: string): Promise<string>;
  removeTeamKey(recipient: string): Promise<void>;
}

interface Props {
  /** What an export of the filtered period would write (null while it is computed). */
  exportable: Exportable | null;
  actions: HandoverActions;
  /** Where the panel's state lives, so it survives the dashboard moving the panel. */
  state: PanelState;
}

type Job =
  | { phase: 'idle' }
  | { phase: 'running'; text: string }
  | { phase: 'done'; text: string }
  | { phase: 'failed'; text: string };

const STATUS_TEXT: Record<FileResult['status'], string> = {
  imported: 'Imported',
  skipped: 'Skipped',
  refused: 'Refused',
  partial: 'Partly stored',
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Hand-over between agents and a lead (issue 16.4): exports with their audit file, encrypted
 * with age to the team's public keys when policy names them, else with an optional passphrase;
 * imports of such files (or many files at once) with a result per file, where a wrong key or
 * passphrase, a cut-short or altered file is refused whole; and the team keys a lead imports.
 * Collapsed until opened, and its code loaded only then.
 */
export function HandoverPanel({ exportable, actions, state }: Props) {
  const [open, setOpen] = usePanelState(state, 'handover.open', false);
  const [info, setInfo] = usePanelState<HandoverInfo | null>(state, 'handover.info', null);
  const [infoError, setInfoError] = usePanelState<string | null>(state, 'handover.infoError', null);
  const [format, setFormat] = usePanelState<ExportFormat>(state, 'handover.format', 'ndjson');
  const [passphrase, setPassphrase] = usePanelState(state, 'handover.passphrase', '');
  const [exportJob, setExportJob] = usePanelState<Job>(state, 'handover.exportJob', { phase: 'idle' });
  const [importJob, setImportJob] = usePanelState<Job>(state, 'handover.importJob', { phase: 'idle' });
  const [progress, setProgress] = usePanelState<ImportProgress | null>(state, 'handover.progress', null);
  const [results, setResults] = usePanelState<FileResult[]>(state, 'handover.results', []);
  const [keyText, setKeyText] = usePanelState(state, 'handover.keyText', '');
  const [keyJob, setKeyJob] = usePanelState<Job>(state, 'handover.keyJob', { phase: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);

  const load = () => {
    if (info) return;
    actions.info().then(setInfo, (e: unknown) => setInfoError(message(e)));
  };
  const byPolicy = (info?.recipients.length ?? 0) > 0;

  const runExport = () => {
    if (!exportable) return;
    setExportJob({ phase: 'running', text: 'Writing the export and its audit file…' });
    actions.exportRows(exportable.refs, format, byPolicy ? '' : passphrase).then(
      (done) => {
        actions.download(done.files);
        const how =
          done.encryptedWith === 'team-keys'
            ? "encrypted to your team's keys"
            : done.encryptedWith === 'passphrase'
              ? 'encrypted with the passphrase'
              : 'not encrypted';
        setExportJob({
          phase: 'done',
          text: `Exported ${done.rows.toLocaleString('en')} rows, ${how}: ${done.files.map((f) => f.name).join(' and ')}`,
        });
      },
      (e: unknown) => setExportJob({ phase: 'failed', text: `Export failed: ${message(e)}` }),
    );
  };

  const runImport = (files: File[]) => {
    setResults([]);
    setProgress(null);
    setImportJob({ phase: 'running', text: `Checking ${files.length} files…` });
    const seen: FileResult[] = [];
    actions
      .importFiles(files, passphrase, setProgress, (r) => {
        seen.push(r);
        setResults([...seen]);
      })
      .then(
        (all) => {
          const rows = all.reduce((n, r) => n + r.imported, 0);
          const refused = all.filter((r) => r.status === 'refused' || r.status === 'partial').length;
          setImportJob({
            phase: refused ? 'failed' : 'done',
            text: `Imported ${rows.toLocaleString('en')} rows from ${all.length} files${refused ? ` · ${refused} not imported` : ''}`,
          });
        },
        (e: unknown) => setImportJob({ phase: 'failed', text: `Import failed: ${message(e)}` }),
      );
  };

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length) runImport(files);
  };

  const addKey = () => {
    setKeyJob({ phase: 'running', text: 'Importing the key…' });
    actions.addTeamKey(keyText).then(
      (recipient) => {
        setKeyText('');
        setInfo((i) => (i ? { ...i, teamKeys: [...new Set([...i.teamKeys, recipient])] } : i));
        setKeyJob({ phase: 'done', text: `Kept ${recipient}. Keep the private key text safe: this is its only copy.` });
      },
      (e: unknown) => setKeyJob({ phase: 'failed', text: `That key was not imported: ${message(e)}` }),
    );
  };
  const removeKey = (recipient: string) => {
    void actions
      .removeTeamKey(recipient)
      .then(() => setInfo((i) => (i ? { ...i, teamKeys: i.teamKeys.filter((k) => k !== recipient) } : i)));
  };

  const jobLine = (job: Job, attr: string) =>
    job.phase === 'idle' ? null : (
      <p
        className={job.phase === 'failed' ? 'rg-error' : undefined}
        aria-busy={job.phase === 'running'}
        {...{ [attr]: job.phase }}
      >
        {job.text}
      </p>
    );

  return (
    <details
      className="rg-section rg-card"
      data-rg-handover=""
      open={open}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        if (e.currentTarget.open) load();
      }}
    >
      <summary>
        <h2 className="rg-inline">Encrypted hand-over and team keys</h2>
      </summary>
      {infoError ? <p className="rg-error">{infoError}</p> : null}
      {info ? (
        <div data-rg-handover-ready="">
          <h3>Export with audit file</h3>
          <p className="rg-small rg-muted">
            Writes the {exportable?.count.toLocaleString('en') ?? '…'} filtered events and an audit file beside them (
            <code>.audit</code>) that lets the lead verify no row was changed, removed or moved. Encryption uses the age
            format.
          </p>
          <div className="rg-row">
            <label>
              Format{' '}
              <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
                {EXPORT_FORMATS.map((f) => (
                  <option key={f.format} value={f.format}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Passphrase{' '}
              <input
                type="password"
                autoComplete="new-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                data-rg-passphrase=""
              />
            </label>
            <button
              type="button"
              className="rg-button rg-button--primary"
              disabled={!exportable?.count || exportJob.phase === 'running'}
              onClick={runExport}
              data-rg-handover-export=""
            >
              Export
            </button>
          </div>
          <p className="rg-small rg-muted" data-rg-encrypt-to={byPolicy ? 'team-keys' : 'passphrase'}>
            {byPolicy
              ? `Your admin set ${info.recipients.length} team key(s): exports are encrypted to them and only a dashboard holding the matching private key opens them (the passphrase is not used for exports).`
              : 'With a passphrase the files are encrypted (share it by another channel than the files); without one they are written in the clear. The same passphrase opens encrypted files on import.'}
          </p>
          {jobLine(exportJob, 'data-rg-handover-export-phase')}

          <h3>Import exports and audit files</h3>
          <p className="rg-small rg-muted">
            Pick many files at once, or a whole hand-over folder: rows files (<code>.ndjson</code>, <code>.json</code>,{' '}
            <code>.csv</code>, also <code>.age</code>) with their <code>.audit</code> files. Each file is decrypted and
            checked whole before anything is written: a wrong key or passphrase, a cut-short or altered file imports
            nothing. Files imported before are skipped without being read.
          </p>
          <p>
            <button
              type="button"
              className="rg-button"
              disabled={importJob.phase === 'running'}
              onClick={() => input.current?.click()}
            >
              Import files…
            </button>{' '}
            <button
              type="button"
              className="rg-button"
              disabled={importJob.phase === 'running'}
              onClick={() => folder.current?.click()}
            >
              Import a folder…
            </button>
            <input
              ref={input}
              type="file"
              multiple
              className="rg-visually-hidden"
              data-rg-handover-import=""
              aria-label="Import hand-over files"
              tabIndex={-1}
              onChange={onPick}
            />
            <input
              ref={folder}
              type="file"
              // A whole hand-over folder, its subfolders included (every browser ReplyGuard runs in has it).
              {...{ webkitdirectory: '' }}
              className="rg-visually-hidden"
              data-rg-handover-folder=""
              aria-label="Import a hand-over folder"
              tabIndex={-1}
              onChange={onPick}
            />
          </p>
          <div aria-live="polite">
            {importJob.phase === 'running' && progress ? (
              <p>
                <progress value={progress.done} max={Math.max(1, progress.total)} aria-label="Import progress" />{' '}
                {progress.phase === 'checking' ? 'Checking' : 'Writing'} {progress.path} ({progress.file + 1} of{' '}
                {progress.files})
              </p>
            ) : null}
            {jobLine(importJob, 'data-rg-handover-import-phase')}
            {results.length ? (
              <table className="rg-table rg-table--compact">
                <caption className="rg-visually-hidden">What happened to each file</caption>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Result</th>
                    <th scope="col">Rows</th>
                    <th scope="col">New</th>
                    <th scope="col">Already here</th>
                    <th scope="col">Audit</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((r) => (
                    <tr
                      key={r.path}
                      data-rg-file-result={r.path}
                      data-status={r.status}
                      data-imported={r.imported}
                      className={r.status === 'refused' || r.status === 'partial' ? 'rg-error' : undefined}
                    >
                      <td>{r.path}</td>
                      <td>
                        {STATUS_TEXT[r.status]}
                        {r.encrypted ? ` (encrypted with ${r.encrypted})` : ''}
                      </td>
                      <td>{r.rows.toLocaleString('en')}</td>
                      <td>{r.imported.toLocaleString('en')}</td>
                      <td>{r.duplicates.toLocaleString('en')}</td>
                      <td data-rg-file-audit={r.audit?.status ?? ''}>
                        {r.audit ? `${r.audit.status} (${r.audit.signers.join(', ')})` : '—'}
                        {r.audit?.problems
                          .filter((p) => p.level === 'tamper')
                          .slice(0, 5)
                          .map((p) => (
                            <div key={p.text} className="rg-small">
                              {p.text}
                            </div>
                          ))}
                      </td>
                      <td>
                        {r.reason ?? ''}
                        {r.errors
                          .filter((e) => e.row > 0)
                          .slice(0, 5)
                          .map((e) => (
                            <div key={`${e.row}:${e.message}`} className="rg-small">
                              Row {e.row}: {e.message}
                            </div>
                          ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>

          <h3>Team keys</h3>
          <p className="rg-small rg-muted">
            A lead imports the team's private key (<code>AGE-SECRET-KEY-1…</code>, made with <code>age-keygen</code>) to
            open files encrypted to it. It is kept non-extractable: this dashboard can decrypt with it, nobody can read
            it back out.
          </p>
          {info.teamKeys.length ? (
            <ul data-rg-team-keys={info.teamKeys.length}>
              {info.teamKeys.map((k) => (
                <li key={k}>
                  <code>{k}</code>{' '}
                  <button type="button" className="rg-link" onClick={() => removeKey(k)}>
                    Forget
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="rg-muted" data-rg-team-keys="0">
              No team key here.
            </p>
          )}
          <div className="rg-row">
            <label>
              Private key{' '}
              <textarea
                rows={2}
                cols={60}
                spellCheck={false}
                autoComplete="off"
                value={keyText}
                onChange={(e) => setKeyText(e.target.value)}
                data-rg-team-key-input=""
              />
            </label>
            <button
              type="button"
              className="rg-button"
              disabled={!keyText.trim() || keyJob.phase === 'running'}
              onClick={addKey}
              data-rg-team-key-add=""
            >
              Import key
            </button>
          </div>
          {jobLine(keyJob, 'data-rg-team-key-phase')}
        </div>
      ) : infoError || !open ? null : (
        // Only an open panel loads (and says so): a folded one is not busy.
        <p className="rg-muted" aria-busy="true">
          Loading…
        </p>
      )}
    </details>
  );
}

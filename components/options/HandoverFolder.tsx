import { useCallback, useEffect, useState } from 'react';
import type { HandoverRun } from '@/lib/handover/folder';
import type { HandoverStatus } from '@/lib/handover/state';
import type { HandoverSchedule, Settings } from '@/lib/settings/schema';
import { Locked } from './Locked';

/** Where the hand-over folder stands, as the options page shows it. */
export interface FolderState {
  /** The chosen folder's name, or null before one is chosen. */
  folder: string | null;
  /** The browser's access to it: `granted`, `prompt` (allow again with a click), `denied`; null without a folder. */
  access: PermissionState | null;
  status: HandoverStatus;
}

/** What the section needs from the page (entrypoints/options/main.tsx); tests pass fakes. */
export interface FolderApi {
  /** False where the browser has no File System Access API (Firefox). */
  supported: boolean;
  read(): Promise<FolderState>;
  /** Opens the browser's folder picker (needs the click) and keeps the folder chosen. */
  choose(): Promise<void>;
  /** Asks the browser again for access to the folder (needs the click). */
  allow(): Promise<PermissionState>;
  /** Writes what is new to the folder now (the background does the writing). */
  writeNow(): Promise<HandoverRun | null>;
}

export const SCHEDULE_LABELS: Record<HandoverSchedule, string> = {
  off: 'Off: only when I click “Write now”',
  daily: 'Daily: the day’s new decisions, once a day',
  weekly: 'Weekly: once every seven days',
};

const when = (at: number) => new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The folder hand-over (issue 17.1): the agent chooses a folder once (a team share, a synced
 * folder) and ReplyGuard writes its new decisions there on the schedule, with their audit file,
 * encrypted to the team's keys when the policy names any; the lead imports the whole folder in the
 * dashboard. Shows the last file written, and what stops the next one, with the click that fixes it.
 */
export function HandoverFolder({
  settings,
  locked,
  onSchedule,
  api,
}: {
  settings: Settings;
  locked: boolean;
  onSchedule: (schedule: HandoverSchedule) => void;
  api: FolderApi;
}) {
  const [state, setState] = useState<FolderState | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const refresh = useCallback(() => {
    api
      .read()
      .then(setState, (e: unknown) => setNote({ text: `Could not read the hand-over: ${text(e)}`, error: true }));
  }, [api]);
  useEffect(refresh, [refresh]);

  const act = async (name: string, work: () => Promise<string | null>) => {
    setBusy(name);
    setNote(null);
    try {
      const done = await work();
      if (done) setNote({ text: done, error: false });
    } catch (e) {
      // The agent closed the folder picker: nothing to say.
      if (!(e instanceof DOMException && e.name === 'AbortError')) setNote({ text: text(e), error: true });
    } finally {
      setBusy(null);
      refresh();
    }
  };

  if (!api.supported) {
    return (
      <p className="rg-muted" data-rg-handover-unsupported>
        This browser cannot write to a folder for ReplyGuard (no File System Access API): export from the dashboard
        instead.
      </p>
    );
  }
  const status = state?.status;
  const encrypted = settings.handoverRecipients.length;
  return (
    <div data-rg-handover-folder={state ? 'ready' : 'loading'}>
      <p className="rg-muted">
        ReplyGuard writes your new decisions to a folder your team lead imports from (a shared or synced folder), with
        an audit file that shows nothing was changed.{' '}
        {encrypted > 0
          ? `Files are encrypted to your team's key${encrypted > 1 ? 's' : ''}, set by your organisation.`
          : 'Files are written as they are kept in your log (your privacy setting applies).'}
      </p>
      {settings.handoverFolderHint && (
        <p data-rg-folder-hint>
          Your organisation asks for this folder: <strong>{settings.handoverFolderHint}</strong>
        </p>
      )}
      <label className="rg-field">
        Write to the folder
        <select
          name="handoverSchedule"
          value={settings.handoverSchedule}
          disabled={locked}
          onChange={(e) => onSchedule(e.target.value as HandoverSchedule)}
        >
          {(Object.keys(SCHEDULE_LABELS) as HandoverSchedule[]).map((s) => (
            <option key={s} value={s}>
              {SCHEDULE_LABELS[s]}
            </option>
          ))}
        </select>
        <Locked locked={locked} name="handoverSchedule" />
      </label>
      <p data-rg-folder={state?.folder ?? ''} data-rg-folder-access={state?.access ?? ''}>
        Folder: {state?.folder ? <strong>{state.folder}</strong> : <span className="rg-muted">none chosen yet</span>}
        {state?.folder && state.access !== 'granted' && (
          <span className="rg-error"> · the browser asks again for access to it</span>
        )}
      </p>
      <div className="rg-row">
        <button
          type="button"
          className="rg-button"
          disabled={busy !== null}
          onClick={() =>
            void act('choose', async () => {
              await api.choose();
              return 'Folder chosen.';
            })
          }
          data-rg-folder-choose=""
        >
          {state?.folder ? 'Change folder…' : 'Choose folder…'}
        </button>
        {state?.folder && state.access !== 'granted' && (
          <button
            type="button"
            className="rg-button rg-button--primary"
            disabled={busy !== null}
            onClick={() =>
              void act('allow', async () =>
                (await api.allow()) === 'granted'
                  ? 'Access allowed: the hand-over goes on.'
                  : 'The browser did not allow it.',
              )
            }
            data-rg-folder-allow=""
          >
            Allow again
          </button>
        )}
        <button
          type="button"
          className="rg-button"
          disabled={busy !== null || !state?.folder}
          onClick={() =>
            void act('write', async () => {
              const run = await api.writeNow();
              if (!run) return null;
              if (run.problem) throw new Error(run.problem);
              return run.rows === 0
                ? 'Nothing new since the last file.'
                : `Wrote ${run.rows.toLocaleString('en')} decisions: ${run.written.join(' and ')}`;
            })
          }
          data-rg-folder-write=""
        >
          {busy === 'write' ? 'Writing…' : 'Write now'}
        </button>
      </div>
      {status && (
        <p className="rg-small rg-muted" data-rg-handover-last={status.lastFile ?? ''}>
          {status.lastWrittenAt !== null && status.lastFile
            ? `Last written ${when(status.lastWrittenAt)}: ${status.lastFile}`
            : 'Nothing written yet.'}
        </p>
      )}
      {status?.problem && !note && (
        <p className="rg-error" role="status" data-rg-handover-problem="">
          The hand-over is waiting: {status.problem}
        </p>
      )}
      {note && (
        <p className={note.error ? 'rg-error' : ''} role="status" data-rg-handover-note={note.error ? 'error' : 'ok'}>
          {note.text}
        </p>
      )}
    </div>
  );
}

function text(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

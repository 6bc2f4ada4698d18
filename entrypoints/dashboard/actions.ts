import type { DashboardActions } from '@/components/dashboard/Dashboard';
import { type DashboardStore, IDLE_IMPORT, type ImportState } from '@/components/dashboard/store';
import type { ReplyGuardDb } from '@/lib/db/database';
import { DOWNLOAD_FORMATS, type DownloadFormat, exportFileName } from '@/lib/db/export-formats';
import { rowsById } from '@/lib/db/queries';
import type { OverrideRow } from '@/lib/db/schema';
import { loadEffectiveSettings } from '@/lib/settings/storage';
import type { EventRef } from '@/lib/stats/day-view';
import { download } from './download';
import type { ImportReply, ImportRequest } from './import-worker';

/** The import, export and demo code, fetched on first use (see ./moves.ts). */
const moves = () => import('./moves');

/** Sets the store's import state. */
const importSetter =
  (store: DashboardStore) =>
  (importState: Partial<ImportState>): void =>
    store.getState().set({ importState: { ...store.getState().importState, ...importState } });

/** Writes the generated demo history, keeping the store's progress and summary current. */
async function importDemo(store: DashboardStore, db: ReplyGuardDb): Promise<void> {
  const set = importSetter(store);
  set({ ...IDLE_IMPORT, phase: 'importing' });
  const started = performance.now();
  try {
    const [m, { settings }] = await Promise.all([moves(), loadEffectiveSettings()]);
    const summary = await m.writeFiles(db, m.demoFiles(), settings.privacyMode, (done, total) =>
      set({ done, total, rows: done }),
    );
    set({ phase: 'done', summary, ms: performance.now() - started });
  } catch (error) {
    set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

/** The import worker's work, in the page (where no module worker starts): streamed all the same. */
async function importInPage(store: DashboardStore, db: ReplyGuardDb, files: File[]): Promise<void> {
  const set = importSetter(store);
  set({ ...IDLE_IMPORT, phase: 'importing', unit: 'bytes' });
  const started = performance.now();
  try {
    const { importIntoLog } = await import('./import-into-log');
    const privacy = loadEffectiveSettings().then((e) => e.settings.privacyMode);
    const { waitMs, ...summary } = await importIntoLog(db, files, privacy, ({ bytes, totalBytes, rows }) =>
      set({ done: bytes, total: totalBytes, rows }),
    );
    set({ phase: 'done', summary, waitMs, ms: performance.now() - started });
  } catch (error) {
    set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Imports files in the import worker (./import-worker.ts): the page only shows progress, so it
 * stays responsive while a million rows are read and written. The files go to the worker at
 * once and this browser's privacy mode follows when the settings are read (the worker reads as
 * it waits; its first write waits for the mode).
 */
async function importInWorker(store: DashboardStore, db: ReplyGuardDb, files: File[]): Promise<void> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    console.error('ReplyGuard: the import worker did not start; importing in the page', error);
    await importInPage(store, db, files);
    return;
  }
  const set = importSetter(store);
  set({ ...IDLE_IMPORT, phase: 'importing', unit: 'bytes' });
  const started = performance.now();
  const post = (request: ImportRequest) => worker.postMessage(request);
  const done = new Promise<void>((resolve) => {
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const m = event.data;
      if (m.type === 'progress') {
        set({ done: m.bytes, total: m.totalBytes, rows: m.rows });
        return;
      }
      if (m.type === 'done')
        set({ phase: 'done', summary: m.summary, waitMs: m.waitMs, ms: performance.now() - started });
      else set({ phase: 'failed', error: m.error });
      worker.terminate();
      resolve();
    };
    worker.onerror = (event) => {
      set({ phase: 'failed', error: event.message || 'the import worker stopped' });
      worker.terminate();
      resolve();
    };
  });
  post({ type: 'files', files });
  loadEffectiveSettings().then(
    ({ settings }) => post({ type: 'privacy', privacy: settings.privacyMode }),
    (error) => {
      set({
        phase: 'failed',
        error: `the settings could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
      worker.terminate();
    },
  );
  await done;
}

/** The dashboard's writes and downloads, wired to the extension. */
export function dashboardActions(store: DashboardStore, db: ReplyGuardDb): DashboardActions {
  return {
    importFiles(files) {
      void importInWorker(store, db, files);
    },
    loadDemo() {
      void importDemo(store, db);
    },
    exportRows(refs: () => Promise<EventRef[]>, format: DownloadFormat) {
      if (format !== 'parquet') {
        // CSV, JSON and NDJSON go the hand-over's way: streamed from the log (never one string),
        // with their audit file, and encrypted to the team's keys when policy names any, so no
        // button writes in the clear what the organisation wants encrypted.
        void Promise.all([refs(), import('./handover')]).then(async ([found, handover]) => {
          const done = await handover.exportWithAudit(db, found, format, '');
          for (const f of done.files) download(f.name, f.blob.type, f.blob);
        });
        return;
      }
      // Parquet (for analytics engines): the full rows read and written in the page, no audit file.
      void Promise.all([refs().then((r) => rowsById(db, r)), moves()]).then(async ([found, m]) => {
        const rows = found.filter((r): r is OverrideRow => r !== undefined);
        const info = DOWNLOAD_FORMATS.find((f) => f.format === format);
        download(exportFileName(format), info?.mime ?? 'text/plain', await m.serialise(rows, format));
      });
    },
  };
}

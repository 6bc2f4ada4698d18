import type { DashboardActions } from '@/components/dashboard/Dashboard';
import { type DashboardStore, IDLE_IMPORT } from '@/components/dashboard/store';
import type { ReplyGuardDb } from '@/lib/db/database';
import { DOWNLOAD_FORMATS, type DownloadFormat, exportFileName } from '@/lib/db/export-formats';
import type { ParsedFile } from '@/lib/db/import';
import { rowsById } from '@/lib/db/queries';
import type { OverrideRow } from '@/lib/db/schema';
import { loadEffectiveSettings } from '@/lib/settings/storage';
import type { EventRef } from '@/lib/stats/day-view';
import { download } from './download';
import type { ImportReply, ImportRequest } from './import-worker';

/** The import, export and demo code, fetched on first use (see ./moves.ts). */
const moves = () => import('./moves');

/** Runs an import of parsed files, keeping the store's progress and summary current. */
async function runImport(
  store: DashboardStore,
  db: ReplyGuardDb,
  files: (m: Awaited<ReturnType<typeof moves>>) => Promise<ParsedFile[]> | ParsedFile[],
): Promise<void> {
  const set = (importState: Partial<typeof IDLE_IMPORT>) =>
    store.getState().set({ importState: { ...store.getState().importState, ...importState } });
  set({ ...IDLE_IMPORT, phase: 'reading' });
  const started = performance.now();
  try {
    const [m, { settings }] = await Promise.all([moves(), loadEffectiveSettings()]);
    const parsed = await files(m);
    set({ phase: 'importing', checkMs: performance.now() - started });
    const summary = await m.writeFiles(db, parsed, settings.privacyMode, (done, total) => set({ done, total }));
    set({ phase: 'done', summary, ms: performance.now() - started });
  } catch (error) {
    set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

/** The import worker's work, in the page (where no module worker starts): streamed all the same. */
async function importInPage(store: DashboardStore, db: ReplyGuardDb, files: File[]): Promise<void> {
  const set = (importState: Partial<typeof IDLE_IMPORT>) =>
    store.getState().set({ importState: { ...store.getState().importState, ...importState } });
  set({ ...IDLE_IMPORT, phase: 'reading' });
  const started = performance.now();
  try {
    const [{ importIntoLog }, { settings }] = await Promise.all([import('./import-into-log'), loadEffectiveSettings()]);
    const { checkMs, ...summary } = await importIntoLog(db, files, settings.privacyMode, (phase, done, total) => {
      if (phase === 'importing' && store.getState().importState.phase === 'reading') {
        set({ phase: 'importing', checkMs: performance.now() - started });
      }
      set({ done, total });
    });
    set({ phase: 'done', summary, checkMs, ms: performance.now() - started });
  } catch (error) {
    set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Imports files in the import worker (./import-worker.ts): the page only shows progress, so it
 * stays responsive through a million rows. Where no module worker starts, the page reads the files itself.
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
  const set = (importState: Partial<typeof IDLE_IMPORT>) =>
    store.getState().set({ importState: { ...store.getState().importState, ...importState } });
  set({ ...IDLE_IMPORT, phase: 'reading' });
  const started = performance.now();
  // Imported rows are kept under this browser's privacy mode; the worker cannot read settings itself.
  const { settings } = await loadEffectiveSettings();
  await new Promise<void>((resolve) => {
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const m = event.data;
      if (m.type === 'progress') {
        if (m.phase === 'importing' && store.getState().importState.phase === 'reading') {
          set({ phase: 'importing', checkMs: performance.now() - started });
        }
        set({ done: m.done, total: m.total });
        return;
      }
      if (m.type === 'done')
        set({ phase: 'done', summary: m.summary, checkMs: m.checkMs, ms: performance.now() - started });
      else set({ phase: 'failed', error: m.error });
      worker.terminate();
      resolve();
    };
    worker.onerror = (event) => {
      set({ phase: 'failed', error: event.message || 'the import worker stopped' });
      worker.terminate();
      resolve();
    };
    worker.postMessage({ files, privacy: settings.privacyMode } satisfies ImportRequest);
  });
}

/** The dashboard's writes and downloads, wired to the extension. */
export function dashboardActions(store: DashboardStore, db: ReplyGuardDb): DashboardActions {
  return {
    importFiles(files) {
      void importInWorker(store, db, files);
    },
    loadDemo() {
      void runImport(store, db, (m) => m.demoFiles());
    },
    exportRows(refs: () => Promise<EventRef[]>, format: DownloadFormat) {
      // The dashboard holds the summary; an export carries every field, so read the full rows.
      void Promise.all([refs().then((r) => rowsById(db, r)), moves()]).then(async ([found, m]) => {
        const rows = found.filter((r): r is OverrideRow => r !== undefined);
        const info = DOWNLOAD_FORMATS.find((f) => f.format === format);
        download(exportFileName(format), info?.mime ?? 'text/plain', await m.serialise(rows, format));
      });
    },
  };
}

import { useRef } from 'react';
import { DOWNLOAD_FORMATS, type DownloadFormat } from '@/lib/db/export-formats';
import type { ImportState } from './store';

const megabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

interface Props {
  /** Rows the export would write (the filtered period). */
  exportCount: number;
  importState: ImportState;
  onExport(format: DownloadFormat): void;
  onImport(files: File[]): void;
  onLoadDemo(): void;
  onDismiss(): void;
}

/**
 * Moving data: export the filtered events, import other agents' exports. The progress bar and
 * the summary are a live region so screen-reader users hear how the import went.
 */
export function DataPanel({ exportCount, importState, onExport, onImport, onLoadDemo, onDismiss }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const busy = importState.phase === 'importing';
  const summary = importState.summary;
  const refused = summary?.files.filter((f) => f.errors.length > 0) ?? [];
  return (
    <section aria-labelledby="rg-data-title" className="rg-section rg-card">
      <h2 id="rg-data-title">Export and import</h2>
      <div className="rg-row">
        <span>
          Export the {exportCount.toLocaleString('en')} filtered events as{' '}
          {DOWNLOAD_FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              className="rg-button"
              data-rg-export={f.format}
              disabled={exportCount === 0}
              onClick={() => onExport(f.format)}
            >
              {f.label}
            </button>
          ))}
        </span>
        <span>
          <button
            type="button"
            className="rg-button rg-button--primary"
            disabled={busy}
            onClick={() => input.current?.click()}
          >
            Import exports…
          </button>
          <button type="button" className="rg-button" disabled={busy} onClick={onLoadDemo} data-rg-demo="">
            Load demo data
          </button>
          <input
            ref={input}
            type="file"
            multiple
            accept=".json,.ndjson,.jsonl,.csv,application/json,text/csv"
            className="rg-visually-hidden"
            data-rg-import=""
            aria-label="Import export files"
            tabIndex={-1}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) onImport(files);
            }}
          />
        </span>
      </div>
      <p className="rg-muted rg-small">
        CSV, JSON and NDJSON exports come with their audit file (<code>.audit</code>: the chain and signatures that let
        a lead verify the rows), and are encrypted when policy names team keys. Files follow the versioned ReplyGuard
        export schema (JSON, NDJSON or CSV). Events already here are skipped; a file with any invalid row imports
        nothing.
      </p>
      <div aria-live="polite" data-rg-import-phase={importState.phase}>
        {busy ? (
          <p>
            <progress value={importState.done} max={Math.max(1, importState.total)} aria-label="Import progress" />{' '}
            {importState.rows.toLocaleString('en')} rows checked and written
            {importState.unit === 'bytes'
              ? ` · ${megabytes(importState.done)} of ${megabytes(importState.total)} read`
              : ''}
          </p>
        ) : null}
        {importState.phase === 'failed' ? <p className="rg-error">Import failed: {importState.error}</p> : null}
        {summary && importState.phase === 'done' ? (
          <div
            className="rg-summary"
            data-rg-summary=""
            data-imported={summary.imported}
            data-skipped={summary.skipped}
            data-rejected={summary.rejected}
            data-rg-import-ms={importState.ms ?? ''}
            data-rg-wait-ms={importState.waitMs ?? ''}
          >
            <p>
              Imported {summary.imported.toLocaleString('en')} · skipped {summary.skipped.toLocaleString('en')} already
              present · rejected {summary.rejected.toLocaleString('en')}
              {importState.ms !== null ? ` · ${(importState.ms / 1000).toFixed(1)} s` : ''}{' '}
              <button type="button" className="rg-link" onClick={onDismiss}>
                Dismiss
              </button>
            </p>
            {refused.map((f) => (
              <div key={f.name} className="rg-error" data-rg-refused={f.name}>
                <p>
                  <strong>{f.name}</strong> was not imported: fix these rows and import it again.
                </p>
                <ul>
                  {f.errors.map((e) => (
                    <li key={`${e.row}:${e.message}`}>
                      {e.row > 0 ? `Row ${e.row}: ` : ''}
                      {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </section>
  );
}

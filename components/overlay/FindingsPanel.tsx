import type { Finding } from '@/lib/engine/types';
import { CATEGORY_LABEL } from './labels';

interface Props {
  findings: readonly Finding[];
  /** The finding under the pointer in the composer (or focused here). */
  focused: string | null;
  dismissed: ReadonlyMap<string, unknown>;
  onDismiss(fingerprint: string): void;
  onRestore(fingerprint: string): void;
  onFocus(fingerprint: string | null): void;
}

const ORDER = { critical: 0, warning: 1, info: 2 } as const;

/** Each risky span of the reply, why it is risky, and a way to say "not a problem". */
export function FindingsPanel({ findings, focused, dismissed, onDismiss, onRestore, onFocus }: Props) {
  if (findings.length === 0) return <p className="rg-empty">No risks found in the reply.</p>;
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.start - b.start);
  return (
    <ul className="rg-findings" aria-label="Risks in the reply">
      {sorted.map((f) => {
        const isDismissed = dismissed.has(f.fingerprint);
        return (
          <li
            key={`${f.fingerprint}:${f.start}`}
            className={`rg-finding rg-finding--${f.severity}${isDismissed ? ' rg-finding--dismissed' : ''}${focused === f.fingerprint ? ' rg-finding--focused' : ''}`}
            data-rg-finding={f.rule}
            data-rg-category={f.category}
            data-rg-severity={f.severity}
            data-rg-dismissed={String(isDismissed)}
            onMouseEnter={() => onFocus(f.fingerprint)}
            onMouseLeave={() => onFocus(null)}
            tabIndex={-1}
          >
            <div className="rg-finding__head">
              <span className="rg-badge">{f.severity}</span>
              <span className="rg-finding__category">{CATEGORY_LABEL[f.category]}</span>
            </div>
            <q className="rg-finding__text">{f.text}</q>
            <p className="rg-finding__message">{f.message}</p>
            <button
              type="button"
              className="rg-link"
              onFocus={() => onFocus(f.fingerprint)}
              onBlur={() => onFocus(null)}
              onClick={() => (isDismissed ? onRestore(f.fingerprint) : onDismiss(f.fingerprint))}
              aria-label={isDismissed ? `Restore finding: ${f.message}` : `Dismiss, not a problem: ${f.message}`}
            >
              {isDismissed ? 'Restore' : 'Dismiss: not a problem'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

import { useEffect, useRef } from 'react';
import type { OverrideReason } from '@/lib/db/schema';
import type { Finding } from '@/lib/engine/types';
import type { GuardPrompt } from '@/lib/overlay/overlay-store';
import { REASON_LABEL } from './labels';

interface Props {
  guard: GuardPrompt;
  /** The critical findings still unresolved right now (the agent may be fixing them). */
  unresolved: readonly Finding[];
  onDismiss(fingerprint: string, reason: OverrideReason): void;
  onRelease(): void;
  onCancel(): void;
}

const DISMISS_REASONS: readonly OverrideReason[] = ['false-alarm', 'policy', 'other'];

/**
 * The send-guard's question. `warn`: one click sends anyway. `block`: sending waits until every
 * critical finding is fixed in the reply or dismissed with a reason.
 */
export function GuardDialog({ guard, unresolved, onDismiss, onRelease, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const blocked = guard.mode === 'block' && unresolved.length > 0;

  return (
    <div
      className="rg-guard"
      role="alertdialog"
      aria-labelledby="rg-guard-title"
      data-rg-guard={guard.mode}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id="rg-guard-title" className="rg-guard__title">
        {unresolved.length === 0
          ? 'All critical risks are resolved.'
          : `This reply has ${unresolved.length} unresolved critical ${unresolved.length === 1 ? 'risk' : 'risks'}.`}
      </p>
      {unresolved.length > 0 && (
        <ul className="rg-guard__list">
          {unresolved.map((f) => (
            <li key={f.fingerprint} data-rg-guard-finding={f.rule}>
              <q>{f.text}</q> {f.message}
              {guard.mode === 'block' && (
                <span className="rg-guard__dismiss">
                  {' '}
                  Not a problem because:{' '}
                  {DISMISS_REASONS.map((reason) => (
                    <button
                      key={reason}
                      type="button"
                      className="rg-chip-button"
                      data-rg-dismiss-reason={reason}
                      onClick={() => onDismiss(f.fingerprint, reason)}
                    >
                      {REASON_LABEL[reason]}
                    </button>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="rg-guard__actions">
        <button ref={first} type="button" className="rg-button" onClick={onCancel} data-rg-guard-cancel="">
          Go back and fix
        </button>
        <button
          type="button"
          className="rg-button rg-button--danger"
          onClick={onRelease}
          disabled={blocked}
          aria-disabled={blocked}
          data-rg-guard-send=""
        >
          {guard.mode === 'warn' ? 'Send anyway' : 'Send now'}
        </button>
      </div>
      {blocked && (
        <p className="rg-guard__note">
          Your organisation requires critical risks to be fixed or dismissed with a reason before sending.
        </p>
      )}
    </div>
  );
}

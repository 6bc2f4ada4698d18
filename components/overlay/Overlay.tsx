import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { type OverlayStore, unresolvedCritical } from '@/lib/overlay/overlay-store';
import { CustomerChip } from './CustomerChip';
import { FindingsPanel } from './FindingsPanel';
import { GuardDialog } from './GuardDialog';
import { ReasonPrompt } from './ReasonPrompt';

interface Props {
  store: OverlayStore;
}

interface Position {
  top: number;
  left: number;
  width: number;
}

const PANEL_WIDTH = 320;
const GAP = 8;

/** Places the panel beside the composer (or below it on narrow screens) and follows it. */
function useAnchorPosition(anchor: Element | null): Position | null {
  const [position, setPosition] = useState<Position | null>(null);
  useEffect(() => {
    if (!anchor) {
      setPosition(null);
      return;
    }
    const win = anchor.ownerDocument.defaultView;
    if (!win) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const rect = anchor.getBoundingClientRect();
        const roomRight = win.innerWidth - rect.right - GAP;
        const next =
          roomRight >= PANEL_WIDTH
            ? { top: Math.max(GAP, rect.top), left: rect.right + GAP, width: PANEL_WIDTH }
            : {
                top: Math.min(rect.bottom + GAP, win.innerHeight - 48),
                left: Math.max(GAP, rect.left),
                width: Math.min(PANEL_WIDTH, win.innerWidth - 2 * GAP),
              };
        setPosition((prev) =>
          prev && prev.top === next.top && prev.left === next.left && prev.width === next.width ? prev : next,
        );
      });
    };
    update();
    const resize = new ResizeObserver(update);
    resize.observe(anchor);
    win.addEventListener('scroll', update, { capture: true, passive: true });
    win.addEventListener('resize', update, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      win.removeEventListener('scroll', update, { capture: true });
      win.removeEventListener('resize', update);
    };
  }, [anchor]);
  return position;
}

/** The panel ReplyGuard shows on a helpdesk page. */
export function Overlay({ store }: Props) {
  const state = useStore(store);
  const position = useAnchorPosition(state.anchor);
  const open = state.findings.filter((f) => !state.dismissed.has(f.fingerprint));
  const critical = open.filter((f) => f.severity === 'critical').length;
  const style = position
    ? { top: position.top, left: position.left, width: position.width }
    : { bottom: 16, right: 16, width: PANEL_WIDTH };

  return (
    <section className="rg-panel" style={style} aria-label="ReplyGuard" data-rg-status={state.status}>
      <header className="rg-panel__head">
        <span className="rg-logo" aria-hidden="true">
          ◆
        </span>
        <strong>ReplyGuard</strong>
        {state.status === 'active' && (
          <span
            className={`rg-count${critical ? ' rg-count--critical' : ''}`}
            data-rg-open-findings={open.length}
            aria-live="polite"
          >
            {open.length === 0 ? 'no risks' : `${open.length} to review`}
          </span>
        )}
        <button
          type="button"
          className="rg-icon-button"
          aria-expanded={!state.collapsed}
          aria-label={state.collapsed ? 'Expand ReplyGuard' : 'Collapse ReplyGuard'}
          onClick={() => state.setCollapsed(!state.collapsed)}
        >
          {state.collapsed ? '▸' : '▾'}
        </button>
      </header>
      {state.saveError && (
        <p className="rg-error" role="alert" data-rg-save-error="">
          {state.saveError}
        </p>
      )}
      {state.status === 'paused' && (
        <p className="rg-paused" data-rg-paused="" role="status">
          ReplyGuard is paused on this page: {state.detail}
        </p>
      )}
      {state.status === 'waiting' && <p className="rg-empty">{state.detail}</p>}
      {state.guard && (
        <GuardDialog
          guard={state.guard}
          unresolved={unresolvedCritical(state)}
          onDismiss={state.dismiss}
          onRelease={state.releaseGuard}
          onCancel={state.cancelGuard}
        />
      )}
      {state.reasonPrompt && <ReasonPrompt prompt={state.reasonPrompt} onAnswer={state.answerReason} />}
      {state.status === 'active' && (
        <>
          <CustomerChip customer={state.customer} messages={state.customerMessages} />
          {!state.collapsed && (
            <FindingsPanel
              findings={state.findings}
              focused={state.focused}
              dismissed={state.dismissed}
              onDismiss={(fp) => state.dismiss(fp, 'false-alarm')}
              onRestore={state.restore}
              onFocus={state.setFocused}
            />
          )}
        </>
      )}
      {!state.collapsed && (
        <footer className="rg-panel__foot">
          <button type="button" className="rg-link" onClick={state.requestPause} data-rg-pause-site="">
            Pause on this site
          </button>
        </footer>
      )}
    </section>
  );
}

import { type RefObject, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { type OverlayStore, unresolvedCritical } from '@/lib/overlay/overlay-store';
import { boxInTopWindow, PANEL_WIDTH, type Placement, placePanel } from '@/lib/overlay/placement';
import { CoverageNote } from './CoverageNote';
import { CustomerChip } from './CustomerChip';
import { FindingsPanel } from './FindingsPanel';
import { GuardDialog } from './GuardDialog';
import { ReasonPrompt } from './ReasonPrompt';

interface Props {
  store: OverlayStore;
}

/** Places the panel beside the composer (never over it or the controls below) and follows it. */
function useAnchorPosition(
  anchor: Element | null,
  avoid: readonly Element[],
  panel: RefObject<HTMLElement | null>,
): Placement | null {
  const [position, setPosition] = useState<Placement | null>(null);
  useEffect(() => {
    if (!anchor) {
      setPosition(null);
      return;
    }
    // The panel lives in the top document; the composer may sit in an editor iframe.
    const top = window;
    const frameWin = anchor.ownerDocument.defaultView;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = placePanel(
          boxInTopWindow(anchor),
          { width: top.innerWidth, height: top.innerHeight },
          panel.current?.offsetHeight ?? 240,
          avoid.filter((el) => el.isConnected).map(boxInTopWindow),
        );
        setPosition((prev) =>
          prev && prev.top === next.top && prev.left === next.left && prev.width === next.width ? prev : next,
        );
      });
    };
    update();
    const resize = new ResizeObserver(update);
    resize.observe(anchor);
    if (panel.current) resize.observe(panel.current);
    const wins = frameWin && frameWin !== top ? [top, frameWin] : [top];
    for (const w of wins) {
      w.addEventListener('scroll', update, { capture: true, passive: true });
      w.addEventListener('resize', update, { passive: true });
    }
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      for (const w of wins) {
        w.removeEventListener('scroll', update, { capture: true });
        w.removeEventListener('resize', update);
      }
    };
  }, [anchor, avoid, panel]);
  return position;
}

/** The panel ReplyGuard shows on a helpdesk page. */
export function Overlay({ store }: Props) {
  const state = useStore(store);
  const panel = useRef<HTMLElement>(null);
  const position = useAnchorPosition(state.anchor, state.avoid, panel);
  const open = state.findings.filter((f) => !state.dismissed.has(f.fingerprint));
  const critical = open.filter((f) => f.severity === 'critical').length;
  const style = position
    ? { top: position.top, left: position.left, width: position.width, maxHeight: position.maxHeight }
    : { bottom: 16, right: 16, width: PANEL_WIDTH };

  return (
    <section
      ref={panel}
      className="rg-panel"
      style={style}
      aria-label="ReplyGuard"
      data-rg-status={state.status}
      data-rg-side={position?.side ?? 'corner'}
    >
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
          <CustomerChip customer={state.customer} reading={state.customerReading} messages={state.customerMessages} />
          {!state.collapsed && <CoverageNote coverage={state.coverage} />}
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

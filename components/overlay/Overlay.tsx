import {
  type PointerEvent as ReactPointerEvent,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useStore } from 'zustand';
import { shadowRoots } from '@/lib/hosts/dom';
import { editorFrame, obstacleBoxes } from '@/lib/overlay/obstacles';
import { type OverlayStore, unresolvedCritical } from '@/lib/overlay/overlay-store';
import { type Box, boxInTopWindow, PILL_SIZE, type Placement, placeOverlay } from '@/lib/overlay/placement';
import { CoverageNote } from './CoverageNote';
import { CustomerChip } from './CustomerChip';
import { FindingsPanel } from './FindingsPanel';
import { GuardDialog } from './GuardDialog';
import { SENTIMENT_LABEL } from './labels';
import { ReasonPrompt } from './ReasonPrompt';

interface Props {
  store: OverlayStore;
}

/** Layout changes come in bursts (a menu opening, a thread loading): place at most this often. */
const PLACE_EVERY_MS = 120;
/**
 * While the agent types (a key within this long), the composer growing re-places the overlay
 * against the page's controls as last measured; they are measured again once typing pauses. On a
 * long ticket a full measure takes several milliseconds, which would land on keystrokes.
 */
const TYPING_QUIET_MS = 400;

const sameBox = (a: Box | null, b: Box | null) =>
  a === b ||
  (a !== null && b !== null && a.top === b.top && a.left === b.left && a.width === b.width && a.height === b.height);

/**
 * Keeps the overlay where it covers neither the composer nor any visible control of the helpdesk
 * (lib/overlay/placement.ts), re-placing it when the page's layout changes: scroll, resize, the
 * composer or panel changing size, menus opening, elements appearing. Typing in the composer is
 * not a layout change; while the agent types, the page's controls are not measured again until a
 * pause (`TYPING_QUIET_MS`): only the composer's box is, so the overlay still moves off a growing
 * composer at once.
 */
function usePlacement(
  store: OverlayStore,
  panel: RefObject<HTMLElement | null>,
  dragging: boolean,
  content: string,
): Placement | null {
  const anchor = useStore(store, (s) => s.anchor);
  const avoid = useStore(store, (s) => s.avoid);
  const collapsed = useStore(store, (s) => s.collapsed);
  const place = useStore(store, (s) => s.place);
  const forced = useStore(store, (s) => s.guard !== null || s.reasonPrompt !== null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  /** The panel's full content height, kept from when it last showed (the pill cannot measure it). */
  const natural = useRef(280);
  useLayoutEffect(() => {
    if (placement?.mode === 'panel' && panel.current) natural.current = panel.current.scrollHeight;
  });

  useEffect(() => {
    // `content`: the panel's content changed (findings, status, prompts), so its height may have.
    void content;
    if (dragging) return;
    const top = window;
    const frameWin = anchor?.ownerDocument.defaultView;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const root = panel.current?.getRootNode();
    const own = root && 'host' in root ? (root as ShadowRoot).host : null;
    // The page's open shadow roots, found again only after elements were added or removed.
    let shadows: ShadowRoot[] | null = null;
    // The controls' boxes as last measured, and when a key was last pressed in the page.
    let measured: { boxes: Box[]; width: number; height: number; composer: Box | null } | null = null;
    let typedAt = 0;
    let quiet: ReturnType<typeof setTimeout> | null = null;
    const compute = () => {
      frame = 0;
      last = Date.now();
      const viewport = { width: top.innerWidth, height: top.innerHeight };
      const composer = anchor?.isConnected ? boxInTopWindow(editorFrame(anchor)) : null;
      const typing = last - typedAt < TYPING_QUIET_MS;
      const sameViewport = measured?.width === viewport.width && measured.height === viewport.height;
      if (!typing || !measured || !sameViewport) {
        shadows ??= shadowRoots(top.document);
        measured = { boxes: obstacleBoxes(top.document, viewport, avoid, own, shadows), ...viewport, composer };
      } else {
        if (!quiet) {
          // Measure again once the agent pauses.
          quiet = setTimeout(() => {
            quiet = null;
            update();
          }, TYPING_QUIET_MS);
        }
        // The composer has not moved or grown: nothing to place again.
        if (sameBox(measured.composer, composer)) return;
        measured.composer = composer;
      }
      const obstacles = measured.boxes;
      const next = placeOverlay({
        viewport,
        composer: composer && composer.width > 0 && composer.height > 0 ? composer : null,
        obstacles,
        panelHeight: natural.current,
        wantPanel: !collapsed || forced,
        preferred: place,
      });
      setPlacement((prev) =>
        prev &&
        prev.mode === next.mode &&
        prev.top === next.top &&
        prev.left === next.left &&
        prev.width === next.width &&
        prev.height === next.height
          ? prev
          : next,
      );
    };
    const update = () => {
      if (frame || timer) return;
      const wait = PLACE_EVERY_MS - (Date.now() - last);
      if (wait > 0) {
        timer = setTimeout(() => {
          timer = null;
          frame = requestAnimationFrame(compute);
        }, wait);
      } else frame = requestAnimationFrame(compute);
    };
    compute();
    const resize = new ResizeObserver(update);
    if (anchor) resize.observe(anchor);
    if (panel.current) resize.observe(panel.current);
    // Menus and popovers open by class or attribute changes; elements appear by child changes.
    // Changes inside the composer (typing) are not layout changes of the page.
    const mutations = new MutationObserver((records) => {
      const outside = records.filter((r) => !anchor?.contains(r.target) && !own?.contains(r.target));
      if (outside.some((r) => r.type === 'childList')) shadows = null;
      if (outside.length > 0) update();
    });
    const onKey = () => {
      typedAt = Date.now();
    };
    mutations.observe(top.document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden', 'open', 'aria-expanded', 'aria-hidden'],
    });
    const wins = frameWin && frameWin !== top ? [top, frameWin] : [top];
    for (const w of wins) {
      w.addEventListener('scroll', update, { capture: true, passive: true });
      w.addEventListener('resize', update, { passive: true });
      w.addEventListener('keydown', onKey, { capture: true, passive: true });
    }
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
      if (quiet) clearTimeout(quiet);
      resize.disconnect();
      mutations.disconnect();
      for (const w of wins) {
        w.removeEventListener('scroll', update, { capture: true });
        w.removeEventListener('resize', update);
        w.removeEventListener('keydown', onKey, { capture: true });
      }
    };
  }, [anchor, avoid, collapsed, place, forced, panel, dragging, content]);
  return placement;
}

/** Dragging the pill or the panel's header: the overlay follows the pointer and stays where it is dropped. */
function useDrag(onDrop: (place: { left: number; top: number }) => void) {
  const [drag, setDrag] = useState<{ left: number; top: number; dx: number; dy: number } | null>(null);
  const start = (event: ReactPointerEvent<HTMLElement>, box: { left: number; top: number }) => {
    if (event.button !== 0 || (event.target as Element).closest('button')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ ...box, dx: event.clientX - box.left, dy: event.clientY - box.top });
  };
  const move = (event: ReactPointerEvent<HTMLElement>) => {
    if (!drag) return;
    setDrag({ ...drag, left: event.clientX - drag.dx, top: event.clientY - drag.dy });
  };
  const end = () => {
    if (!drag) return;
    onDrop({ left: Math.max(0, Math.round(drag.left)), top: Math.max(0, Math.round(drag.top)) });
    setDrag(null);
  };
  return { drag, start, move, end };
}

/** The overlay ReplyGuard shows on a helpdesk page: a panel beside the composer, or a pill where there is no room. */
export function Overlay({ store }: Props) {
  const state = useStore(store);
  const panel = useRef<HTMLElement>(null);
  const { drag, start, move, end } = useDrag(state.moveTo);
  const content = `${state.status}|${state.findings.length}|${state.customerReading}|${!!state.guard}|${!!state.reasonPrompt}|${!!state.saveError}`;
  const placement = usePlacement(store, panel, drag !== null, content);
  const open = state.findings.filter((f) => !state.dismissed.has(f.fingerprint));
  const critical = open.filter((f) => f.severity === 'critical').length;
  const mode = placement?.mode ?? 'pill';
  const at = drag ?? placement ?? { left: -10_000, top: -10_000 };
  const summary =
    state.status === 'active'
      ? open.length === 0
        ? 'no risks'
        : `${open.length} to review`
      : state.status === 'paused'
        ? 'paused'
        : state.customer
          ? SENTIMENT_LABEL[state.customer.sentiment.label]
          : 'ready';
  const handlers = {
    onPointerDown: (e: ReactPointerEvent<HTMLElement>) => start(e, { left: at.left, top: at.top }),
    onPointerMove: move,
    onPointerUp: end,
    onPointerCancel: end,
  };

  if (mode !== 'panel') {
    return (
      <section
        ref={panel}
        className={`rg-pill${critical ? ' rg-pill--critical' : ''}`}
        style={{ top: at.top, left: at.left, width: PILL_SIZE.width, height: PILL_SIZE.height }}
        aria-label="ReplyGuard"
        data-rg-status={state.status}
        data-rg-mode={mode}
        hidden={mode === 'hidden'}
        {...handlers}
      >
        <span className="rg-logo" aria-hidden="true">
          ◆
        </span>
        <span className="rg-pill__text" data-rg-open-findings={open.length} aria-live="polite">
          {summary}
        </span>
        <button
          type="button"
          className="rg-icon-button"
          aria-expanded={false}
          aria-label="Expand ReplyGuard"
          onClick={() => state.setCollapsed(false)}
        >
          ▸
        </button>
      </section>
    );
  }

  return (
    <section
      ref={panel}
      className="rg-panel"
      style={{ top: at.top, left: at.left, width: placement?.width, maxHeight: placement?.height }}
      aria-label="ReplyGuard"
      data-rg-status={state.status}
      data-rg-mode="panel"
      data-rg-side={placement?.side ?? 'free'}
    >
      <header className="rg-panel__head" {...handlers}>
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
            {summary}
          </span>
        )}
        <button
          type="button"
          className="rg-icon-button"
          aria-expanded={true}
          aria-label="Collapse ReplyGuard"
          onClick={() => state.setCollapsed(true)}
        >
          ▾
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
          <CoverageNote coverage={state.coverage} />
          <FindingsPanel
            findings={state.findings}
            focused={state.focused}
            dismissed={state.dismissed}
            onDismiss={(fp) => state.dismiss(fp, 'false-alarm')}
            onRestore={state.restore}
            onFocus={state.setFocused}
          />
        </>
      )}
      <footer className="rg-panel__foot">
        {state.place && (
          <button type="button" className="rg-link" onClick={() => state.moveTo(null)} data-rg-reset-place="">
            Back to its usual place
          </button>
        )}
        <button type="button" className="rg-link" onClick={state.requestPause} data-rg-pause-site="">
          Pause on this site
        </button>
      </footer>
    </section>
  );
}

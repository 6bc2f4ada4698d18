import { createStore } from 'zustand/vanilla';
import type { OverrideReason } from '../db/schema';
import type { ReplyCoverage } from '../engine/rules/check-reply';
import type { CustomerSignals, Finding } from '../engine/types';
import type { SendGuardMode } from '../settings/schema';

/** The send-guard's question to the agent, while a send is held back. */
export interface GuardPrompt {
  mode: Exclude<SendGuardMode, 'off'>;
  /** Fingerprints of the unresolved critical findings that stopped the send. */
  fingerprints: string[];
}

/** The one-click "why?" after an override; never blocks the agent. */
export interface ReasonPrompt {
  overrideId: string;
  outcome: 'edited' | 'rejected' | 'escalated';
}

/** What the agent answered to the reason prompt. */
export type ReasonAnswer =
  | { overrideId: string; reason: OverrideReason; note: string | null }
  | { overrideId: string; skip: true }
  | { overrideId: string; muteToday: true };

/**
 * Where the reading of the customer's messages stands: `none` when there is nothing to read
 * (no customer message, or analysis is off), `pending` while the background works on it,
 * `unavailable` when the background did not answer after retries.
 */
export type CustomerReading = 'none' | 'pending' | 'ready' | 'unavailable';

/** What the overlay shows. The content-script controller pushes into it; React reads it and calls actions. */
export interface OverlayState {
  /** `paused` carries the reason in `detail`. */
  status: 'waiting' | 'active' | 'paused';
  detail: string;
  helpdesk: string;
  ticketId: string | null;
  customer: CustomerSignals | null;
  customerReading: CustomerReading;
  /** The customer messages as analysed, for quoting cues. */
  customerMessages: string[];
  findings: Finding[];
  /**
   * Which checks could read the reply (its language; the rules that stayed silent on a language
   * they cannot read), so the panel can say so; null before the first check.
   */
  coverage: ReplyCoverage | null;
  /** Fingerprints the agent dismissed as "not a problem" on this ticket, with the reason when asked. */
  dismissed: ReadonlyMap<string, OverrideReason | null>;
  /** The agent folded the panel to its pill. */
  collapsed: boolean;
  /**
   * Where the agent moved the overlay on this helpdesk (top-left, viewport px), remembered across
   * pages; used while that spot covers none of the helpdesk's controls. Null: placed automatically.
   */
  place: { left: number; top: number } | null;
  /** Finding fingerprint under the pointer or focus, to emphasise its highlight. */
  focused: string | null;
  /** The composer the panel follows on scroll and resize. */
  anchor: Element | null;
  /**
   * Parts of the helpdesk the overlay must not cover besides its controls, which it finds itself:
   * the thread's messages, AI cards, send and AI controls the adapter knows.
   */
  avoid: readonly Element[];
  guard: GuardPrompt | null;
  /** Bumped when the agent chooses "send anyway" (warn) or "send now" (block, all resolved). */
  guardRelease: number;
  reasonPrompt: ReasonPrompt | null;
  lastReasonAnswer: ReasonAnswer | null;
  /** Set while events cannot be saved (e.g. storage full); shown, never silent. */
  saveError: string | null;
  /** Bumped when the agent asks to pause ReplyGuard on this site. */
  pauseRequested: number;
}

export interface OverlayActions {
  dismiss(fingerprint: string, reason?: OverrideReason | null): void;
  restore(fingerprint: string): void;
  setCollapsed(collapsed: boolean): void;
  /** The agent dropped the overlay at this spot. */
  moveTo(place: { left: number; top: number } | null): void;
  setFocused(fingerprint: string | null): void;
  releaseGuard(): void;
  cancelGuard(): void;
  answerReason(answer: ReasonAnswer): void;
  requestPause(): void;
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;

export function createOverlayStore(helpdesk: string) {
  return createStore<OverlayState & OverlayActions>()((set) => ({
    status: 'waiting',
    detail: 'Looking for the ticket…',
    helpdesk,
    ticketId: null,
    customer: null,
    customerReading: 'none',
    customerMessages: [],
    findings: [],
    coverage: null,
    dismissed: new Map(),
    collapsed: false,
    place: null,
    focused: null,
    anchor: null,
    avoid: [],
    guard: null,
    guardRelease: 0,
    reasonPrompt: null,
    lastReasonAnswer: null,
    saveError: null,
    pauseRequested: 0,
    dismiss: (fp, reason = null) => set((s) => ({ dismissed: new Map([...s.dismissed, [fp, reason]]) })),
    restore: (fp) =>
      set((s) => {
        const next = new Map(s.dismissed);
        next.delete(fp);
        return { dismissed: next };
      }),
    setCollapsed: (collapsed) => set({ collapsed }),
    moveTo: (place) => set({ place }),
    setFocused: (focused) => set({ focused }),
    releaseGuard: () => set((s) => ({ guard: null, guardRelease: s.guardRelease + 1 })),
    cancelGuard: () => set({ guard: null }),
    answerReason: (answer) => set({ reasonPrompt: null, lastReasonAnswer: answer }),
    requestPause: () => set((s) => ({ pauseRequested: s.pauseRequested + 1 })),
  }));
}

/** Critical findings the agent has not dismissed: what the send-guard acts on. */
export function unresolvedCritical(state: Pick<OverlayState, 'findings' | 'dismissed'>): Finding[] {
  return state.findings.filter((f) => f.severity === 'critical' && !state.dismissed.has(f.fingerprint));
}

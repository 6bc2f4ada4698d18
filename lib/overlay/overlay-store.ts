import { createStore } from 'zustand/vanilla';
import type { CustomerSignals, Finding } from '../engine/types';

/** What the overlay shows. The content-script controller pushes into it; React only reads it. */
export interface OverlayState {
  /** `paused` carries the reason in `detail`. */
  status: 'waiting' | 'active' | 'paused';
  detail: string;
  helpdesk: string;
  ticketId: string | null;
  customer: CustomerSignals | null;
  /** The latest customer message, for quoting cues. */
  customerMessages: string[];
  findings: Finding[];
  /** Fingerprints the agent dismissed as "not a problem" on this ticket. */
  dismissed: ReadonlySet<string>;
  collapsed: boolean;
  /** Finding fingerprint under the pointer or focus, to emphasise its highlight. */
  focused: string | null;
  /** The composer the panel follows on scroll and resize. */
  anchor: Element | null;
}

export interface OverlayActions {
  dismiss(fingerprint: string): void;
  restore(fingerprint: string): void;
  setCollapsed(collapsed: boolean): void;
  setFocused(fingerprint: string | null): void;
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;

export function createOverlayStore(helpdesk: string) {
  return createStore<OverlayState & OverlayActions>()((set) => ({
    status: 'waiting',
    detail: 'Looking for the ticket…',
    helpdesk,
    ticketId: null,
    customer: null,
    customerMessages: [],
    findings: [],
    dismissed: new Set(),
    collapsed: false,
    focused: null,
    anchor: null,
    dismiss: (fp) => set((s) => ({ dismissed: new Set([...s.dismissed, fp]) })),
    restore: (fp) =>
      set((s) => {
        const next = new Set(s.dismissed);
        next.delete(fp);
        return { dismissed: next };
      }),
    setCollapsed: (collapsed) => set({ collapsed }),
    setFocused: (focused) => set({ focused }),
  }));
}

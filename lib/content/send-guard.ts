import { type OverlayStore, unresolvedCritical } from '../overlay/overlay-store';
import type { SendGuardMode } from '../settings/schema';

/** How a held-back send is replayed once the agent confirms. */
export type SendVia =
  | { kind: 'click'; target: HTMLElement }
  | { kind: 'submit'; form: HTMLFormElement }
  | { kind: 'key' };

export interface SendGuardOptions {
  store: OverlayStore;
  /** The policy in force; read at each attempt. */
  mode(): SendGuardMode;
  /** A send goes ahead (let through, or replayed after the agent confirmed): follow it to its outcome. */
  onSend(): void;
}

/**
 * The send-guard: a send attempt with an unresolved critical finding is held back (per policy,
 * warn or block) and the agent is asked in the overlay; "send anyway" replays the original
 * click, form submit or keyboard shortcut. Everything else goes through untouched.
 */
export class SendGuard {
  readonly #opts: SendGuardOptions;
  #held: SendVia | null = null;
  /** Set while a confirmed send is replayed, so the replay is not held again. */
  #replaying = false;

  constructor(options: SendGuardOptions) {
    this.#opts = options;
  }

  /** A send attempt seen in the capture phase: let it through, or stop it and ask. */
  attempt(event: Event, via: SendVia): void {
    if (this.#replaying) return;
    const { store } = this.#opts;
    const mode = this.#opts.mode();
    const state = store.getState();
    const critical = state.status === 'active' ? unresolvedCritical(state) : [];
    if (mode === 'off' || critical.length === 0) {
      this.#opts.onSend();
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    this.#held = via;
    store.setState({ guard: { mode, fingerprints: critical.map((f) => f.fingerprint) }, collapsed: false });
  }

  /**
   * The agent confirmed: replay the held send. A keyboard send is replayed through the first send
   * button, or as Ctrl+Enter on the composer when the helpdesk has none.
   */
  replay(sendControls: readonly Element[], composer: Element): void {
    const via = this.#held;
    this.#held = null;
    if (!via) return;
    this.#opts.onSend();
    this.#replaying = true;
    try {
      if (via.kind === 'click') via.target.click();
      else if (via.kind === 'submit') via.form.requestSubmit();
      else {
        const button = sendControls[0] as HTMLElement | undefined;
        if (button) button.click();
        else {
          const init = { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true, bubbles: true, cancelable: true };
          composer.dispatchEvent(new KeyboardEvent('keydown', init));
        }
      }
    } finally {
      this.#replaying = false;
    }
  }

  /** The agent went back to edit, or the ticket changed: nothing is held any more. */
  drop(): void {
    this.#held = null;
  }
}

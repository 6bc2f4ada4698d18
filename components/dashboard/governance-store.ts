import { createStore } from 'zustand/vanilla';
import type { ReviewRecord, VerdictInput } from '@/lib/db/reviews';
import type { PrivacyMode } from '@/lib/settings/schema';
import { DEFAULT_REVIEW_SHARE, type Target } from '@/lib/settings/targets';

/**
 * What the dashboard's governance panels (targets, review sampling, the report link) read: the
 * targets and review share from the extension's settings (policy over the lead's choices), the
 * lead's verdicts, and the last message of a change. The page fills it after the first paint
 * (entrypoints/dashboard/governance.ts), so none of it delays the first render.
 *
 * Why the settings: the dashboard keeps no settings of its own (its period and filters live in
 * the page), and a target must be lockable by policy like every other option, so a lead's
 * targets are stored as ordinary setting overrides (`targets`, `reviewShare`).
 */
export interface GovernanceState {
  /** Null until the settings are read. */
  targets: Record<string, Target> | null;
  /** Target keys the policy fixes. */
  lockedTargets: readonly string[];
  /** The policy allows no user choice at all: every target and the share are locked. */
  allLocked: boolean;
  reviewShare: number;
  reviewShareLocked: boolean;
  /** The privacy mode notes are stored under, for the note field's hint. */
  privacy: PrivacyMode;
  /** Names the reviewer in verdicts: this browser's agent label. */
  reviewer: string;
  /** Verdicts by row id; null until read. */
  verdicts: ReadonlyMap<string, ReviewRecord> | null;
  /** The outcome of the last change or import, shown in a live region. */
  message: { kind: 'error' | 'done'; text: string } | null;
  set(partial: Partial<Omit<GovernanceState, 'set'>>): void;
}

export function createGovernanceStore() {
  return createStore<GovernanceState>()((set) => ({
    targets: null,
    lockedTargets: [],
    allLocked: false,
    reviewShare: DEFAULT_REVIEW_SHARE,
    reviewShareLocked: false,
    privacy: 'redacted',
    reviewer: '',
    verdicts: null,
    message: null,
    set: (partial) => set(partial),
  }));
}

export type GovernanceStore = ReturnType<typeof createGovernanceStore>;

/** The governance panels' writes, wired to the extension by the page. */
export interface GovernanceActions {
  /** Sets (or with null, removes) one target; refused with a message when the policy locks it. */
  setTarget(key: string, target: Target | null): void;
  setReviewShare(share: number): void;
  saveVerdict(input: VerdictInput): void;
  undoVerdict(rowId: string): void;
  exportReviews(): void;
  importReviews(files: File[]): void;
}

/** Whether the policy fixes this target. */
export const targetLocked = (s: Pick<GovernanceState, 'allLocked' | 'lockedTargets'>, key: string): boolean =>
  s.allLocked || s.lockedTargets.includes(key);

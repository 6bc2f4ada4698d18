import { liveQuery } from 'dexie';
import type { GovernanceStore } from '@/components/dashboard/governance-store';
import type { ReplyGuardDb } from '@/lib/db/database';
import {
  allVerdicts,
  deleteVerdict,
  exportReviews,
  importVerdicts,
  parseReviewsFile,
  putVerdict,
  reviewsFileName,
  type VerdictInput,
} from '@/lib/db/reviews';
import { redactPii } from '@/lib/engine/pii';
import type { EffectiveSettings } from '@/lib/settings/effective';
import { isLocked } from '@/lib/settings/effective';
import type { SettingsProblem } from '@/lib/settings/schema';
import { loadEffectiveSettings, updateSettings, watchEffectiveSettings } from '@/lib/settings/storage';
import type { Target } from '@/lib/settings/targets';
import { download } from './download';

/**
 * The governance panels' link to the extension: settings (targets, review share, privacy mode,
 * agent label) and the lead's verdicts. Loaded after the first paint (see ./governance-actions.ts):
 * the settings checker and the PII masking stay out of the first render's code.
 */

let effective: EffectiveSettings | null = null;
let connected = false;

function apply(store: GovernanceStore, e: EffectiveSettings): void {
  effective = e;
  const { settings } = e;
  store.getState().set({
    targets: settings.targets,
    lockedTargets: Object.keys(e.policy.targets ?? {}),
    allLocked: !settings.allowUserOverrides,
    reviewShare: settings.reviewShare,
    reviewShareLocked: isLocked(e, 'reviewShare'),
    privacy: settings.privacyMode,
    reviewer: settings.agentLabel,
  });
}

/** Reads the settings and the verdicts, and follows both. Once per page. */
export function connect(db: ReplyGuardDb, store: GovernanceStore): void {
  if (connected) return;
  connected = true;
  void loadEffectiveSettings().then((e) => apply(store, e));
  watchEffectiveSettings((e) => apply(store, e));
  liveQuery(() => allVerdicts(db)).subscribe({
    next: (records) => store.getState().set({ verdicts: new Map(records.map((r) => [r.rowId, r])) }),
    error: (error: unknown) => console.error('ReplyGuard: reading the review verdicts failed', error),
  });
}

const problemText = (error: unknown): string =>
  error && typeof error === 'object' && Array.isArray((error as { problems?: unknown }).problems)
    ? (error as { problems: SettingsProblem[] }).problems.map((p) => `${p.path}: ${p.message}`).join('; ')
    : error instanceof Error
      ? error.message
      : String(error);

async function change(store: GovernanceStore, write: () => Promise<EffectiveSettings>, done: string): Promise<void> {
  try {
    apply(store, await write());
    store.getState().set({ message: { kind: 'done', text: done } });
  } catch (error) {
    store.getState().set({ message: { kind: 'error', text: `Not saved: ${problemText(error)}` } });
  }
}

export function setTarget(store: GovernanceStore, key: string, target: Target | null): Promise<void> {
  return change(
    store,
    () => updateSettings({ targets: { [key]: target } as Record<string, Target> }),
    target ? 'Target saved.' : 'Target removed.',
  );
}

export function setReviewShare(store: GovernanceStore, share: number): Promise<void> {
  return change(store, () => updateSettings({ reviewShare: share }), 'Review share saved.');
}

const notePrivacy = (store: GovernanceStore) => ({
  privacy: effective?.settings.privacyMode ?? store.getState().privacy,
  redact: redactPii,
});

export async function saveVerdict(db: ReplyGuardDb, store: GovernanceStore, input: VerdictInput): Promise<void> {
  try {
    await putVerdict(db, input, notePrivacy(store));
  } catch (error) {
    store.getState().set({ message: { kind: 'error', text: `Verdict not saved: ${problemText(error)}` } });
  }
}

export const undoVerdict = (db: ReplyGuardDb, rowId: string): Promise<void> => deleteVerdict(db, rowId);

export async function exportAll(db: ReplyGuardDb): Promise<void> {
  download(reviewsFileName(), 'application/json', exportReviews(await allVerdicts(db)));
}

export async function importFiles(db: ReplyGuardDb, store: GovernanceStore, files: readonly File[]): Promise<void> {
  // Every file is checked before any is stored: a bad file imports nothing, as for the log's exports.
  const parsed = await Promise.all(
    files.map(async (f) => ({ name: f.name, result: parseReviewsFile(await f.text()) })),
  );
  const bad = parsed.find((p) => !p.result.ok);
  if (bad && !bad.result.ok) {
    store
      .getState()
      .set({ message: { kind: 'error', text: `${bad.name} was not imported: ${bad.result.errors.join('; ')}` } });
    return;
  }
  const reviews = parsed.flatMap((p) => (p.result.ok ? p.result.reviews : []));
  const { imported, skipped } = await importVerdicts(db, reviews, notePrivacy(store));
  store.getState().set({
    message: { kind: 'done', text: `Imported ${imported} verdicts · skipped ${skipped} older or already here.` },
  });
}

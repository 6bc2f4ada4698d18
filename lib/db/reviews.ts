import type { PrivacyMode } from '../settings/schema';
import type { Verdict } from '../stats/review-sample';
import type { ReplyGuardDb } from './database';
import { OVERRIDE_REASONS, type OverrideReason } from './schema';

/**
 * A lead's verdicts on the review sample (lib/stats/review-sample.ts): for a suggestion an agent
 * sent as suggested, was it good, or should it have been changed, and why. Stored in their own
 * table, one record per reviewed row, and never inside the row: the log's rows stay exactly as
 * the agent's extension wrote them, and the verdicts travel in their own file (`exportReviews`).
 *
 * The dashboard page writes this table itself, as it writes imports: it is the extension's own
 * page on the extension's database, and no helpdesk page is involved.
 */
export interface ReviewRecord {
  /** The reviewed row's id (live or imported). */
  rowId: string;
  /** The reviewed row's `decidedAt`: the retention purge drops a verdict with its row. */
  decidedAt: number;
  verdict: Verdict;
  /** Why it should have been changed; null for `good`. */
  reason: OverrideReason | null;
  /** The lead's words, kept as the privacy mode allows (masked under `redacted`, none under `none`). */
  note: string | null;
  /** Which privacy mode the note was stored under. */
  privacy: PrivacyMode;
  /** Epoch ms of the verdict. */
  reviewedAt: number;
  /** Who reviewed: the reviewing browser's agent label ('' for "me"). */
  reviewer: string;
}

/** Reasons a lead can give for "should have been changed": an override's, less the false alarm. */
export const REVIEW_REASONS: readonly OverrideReason[] = OVERRIDE_REASONS.filter((r) => r !== 'false-alarm');

/** Longest note kept, as for an agent's override note. */
export const REVIEW_NOTE_MAX = 500;

/** How a note is kept: the privacy mode and the masking it needs (lib/engine/pii, passed in to keep it out of the first render). */
export interface NotePrivacy {
  privacy: PrivacyMode;
  redact(text: string): string;
}

/** The note as the privacy mode allows it: all of it, masked, or nothing. */
export function keptNote(note: string | null, options: NotePrivacy): string | null {
  const text = note?.trim().slice(0, REVIEW_NOTE_MAX) ?? '';
  if (!text || options.privacy === 'none') return null;
  return options.privacy === 'redacted' ? options.redact(text) : text;
}

/** What the dashboard asks to store for one verdict. */
export type VerdictInput = Pick<ReviewRecord, 'rowId' | 'decidedAt' | 'verdict' | 'reason' | 'note' | 'reviewer'>;

/** Stores (or replaces) a lead's verdict on a row, applying the privacy mode to the note first. */
export async function putVerdict(
  db: ReplyGuardDb,
  input: VerdictInput,
  options: NotePrivacy,
  now = Date.now(),
): Promise<ReviewRecord> {
  const record: ReviewRecord = {
    rowId: input.rowId,
    decidedAt: input.decidedAt,
    verdict: input.verdict,
    reason: input.verdict === 'should-change' ? input.reason : null,
    note: keptNote(input.note, options),
    privacy: options.privacy,
    reviewedAt: now,
    reviewer: input.reviewer,
  };
  await db.reviews.put(record);
  return record;
}

/** Takes a verdict back (the lead's undo). */
export function deleteVerdict(db: ReplyGuardDb, rowId: string): Promise<void> {
  return db.reviews.delete(rowId);
}

/** Every stored verdict. */
export function allVerdicts(db: ReplyGuardDb): Promise<ReviewRecord[]> {
  return db.reviews.toArray();
}

/** Deletes the verdicts on rows decided before `cutoff`, as the purge deletes the rows. @returns how many */
export function purgeVerdicts(db: ReplyGuardDb, cutoff: number): Promise<number> {
  return db.reviews.where('decidedAt').below(cutoff).delete();
}

/** The file format of a review export, apart from the log's export schema (lib/db/export-schema.json). */
export const REVIEWS_FILE_FORMAT = 'replyguard-reviews';
export const REVIEWS_FILE_VERSION = 1;

/** A review export: the verdicts, nothing of the rows but their ids and decision times. */
export function exportReviews(records: readonly ReviewRecord[], exportedAt = new Date()): string {
  return `${JSON.stringify({
    format: REVIEWS_FILE_FORMAT,
    version: REVIEWS_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    reviews: records,
  })}\n`;
}

/** A review export's file name, sorting by date beside the log's exports. */
export const reviewsFileName = (now = new Date()): string =>
  `replyguard-reviews-${now.toISOString().slice(0, 19).replace(/:/g, '')}.json`;

export type ReviewsFile = { ok: true; reviews: ReviewRecord[] } | { ok: false; errors: string[] };

const PRIVACY: readonly PrivacyMode[] = ['full', 'redacted', 'none'];
const VERDICTS: readonly Verdict[] = ['good', 'should-change'];
/** Times before 2000 or more than a day ahead are not a real decision or review. */
const EARLIEST = Date.UTC(2000, 0, 1);

/** The problems of one verdict of a file; empty when it is valid. */
function recordProblems(r: unknown, now: number): string[] {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return ['is not an object'];
  const x = r as Record<string, unknown>;
  const problems: string[] = [];
  const keys = ['rowId', 'decidedAt', 'verdict', 'reason', 'note', 'privacy', 'reviewedAt', 'reviewer'];
  for (const k of Object.keys(x)) if (!keys.includes(k)) problems.push(`unknown field "${k}"`);
  if (typeof x.rowId !== 'string' || x.rowId.length === 0 || x.rowId.length > 200) problems.push('rowId: not an id');
  for (const k of ['decidedAt', 'reviewedAt'] as const) {
    const t = x[k];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < EARLIEST || t > now + 86_400_000)
      problems.push(`${k}: not a time between 2000 and tomorrow`);
  }
  if (!VERDICTS.includes(x.verdict as Verdict)) problems.push(`verdict: must be ${VERDICTS.join(' or ')}`);
  if (x.reason !== null && !REVIEW_REASONS.includes(x.reason as OverrideReason))
    problems.push(`reason: must be null or one of ${REVIEW_REASONS.join(', ')}`);
  if (x.verdict === 'good' && x.reason !== null) problems.push('reason: a good verdict has none');
  if (x.note !== null && (typeof x.note !== 'string' || x.note.length > REVIEW_NOTE_MAX))
    problems.push(`note: must be null or text of at most ${REVIEW_NOTE_MAX} characters`);
  if (!PRIVACY.includes(x.privacy as PrivacyMode)) problems.push(`privacy: must be ${PRIVACY.join(', ')}`);
  if (typeof x.reviewer !== 'string' || x.reviewer.length > 64) problems.push('reviewer: must be a label');
  return problems;
}

/** Reads a review export; a file with any invalid verdict imports nothing, as for the log's exports. */
export function parseReviewsFile(text: string, now = Date.now()): ReviewsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  const file = data as { format?: unknown; version?: unknown; reviews?: unknown } | null;
  if (typeof file !== 'object' || file === null || file.format !== REVIEWS_FILE_FORMAT)
    return { ok: false, errors: ['not a ReplyGuard review export (use “Export reviews” to make one)'] };
  if (file.version !== REVIEWS_FILE_VERSION)
    return {
      ok: false,
      errors: [`this file is version ${String(file.version)}; this ReplyGuard reads version ${REVIEWS_FILE_VERSION}`],
    };
  if (!Array.isArray(file.reviews)) return { ok: false, errors: ['missing the "reviews" list'] };
  const errors = file.reviews.flatMap((r, i) => recordProblems(r, now).map((p) => `Review ${i + 1}: ${p}`));
  return errors.length
    ? { ok: false, errors: errors.slice(0, 20) }
    : { ok: true, reviews: file.reviews as ReviewRecord[] };
}

/**
 * Stores imported verdicts: for a row reviewed here and in the file, the later verdict wins.
 * Notes are kept under the stricter of this browser's privacy mode and the file's, so a file
 * from a looser install cannot bring text this one would not have stored. @returns how many were stored
 */
export async function importVerdicts(
  db: ReplyGuardDb,
  reviews: readonly ReviewRecord[],
  options: NotePrivacy,
): Promise<{ imported: number; skipped: number }> {
  return db.transaction('rw', db.reviews, async () => {
    const existing = await db.reviews.bulkGet(reviews.map((r) => r.rowId));
    const fresh = new Map<string, ReviewRecord>();
    reviews.forEach((r, i) => {
      const have = fresh.get(r.rowId) ?? existing[i];
      if (have && have.reviewedAt >= r.reviewedAt) return;
      // The stricter of the file's mode and this browser's: a note masked there stays masked here.
      const privacy = PRIVACY[Math.max(PRIVACY.indexOf(options.privacy), PRIVACY.indexOf(r.privacy))] ?? 'none';
      fresh.set(r.rowId, { ...r, note: keptNote(r.note, { privacy, redact: options.redact }), privacy });
    });
    await db.reviews.bulkPut([...fresh.values()]);
    return { imported: fresh.size, skipped: reviews.length - fresh.size };
  });
}

import type { OverrideRow, ShownFinding } from '../db/schema';
import { fingerprint } from '../engine/fingerprint';
import type { Finding } from '../engine/types';
import type { PrivacyMode } from '../settings/schema';

/**
 * The privacy mode, applied to everything personal in a row: the suggestion and sent texts, the
 * reason note, and the finding fingerprints (issue 14). The content script applies it before an
 * event is queued in storage.local; the background applies it again from its own settings before
 * anything is stored, so a row is never kept under a looser mode than either of them says.
 * Everything here is idempotent: masking masked text, or applying a mode twice, changes nothing.
 *
 * What each mode keeps (PRIVACY.md has the full table):
 * - `full`: texts and note as written; fingerprints of the span texts.
 * - `redacted`: texts and note with personal data masked (`[EMAIL]`); fingerprints of the masked
 *   span texts, so a fingerprint tells no more than the stored text.
 * - `none`: no texts, no note; fingerprints made of the rule and position only.
 *
 * In every mode, a finding of a privacy rule (an e-mail address, card number, password…) is
 * fingerprinted by its rule and its occurrence among that rule's findings (first, second…),
 * never by its text: an unsalted 64-bit hash of "pii-ssn" and an SSN was reversed by trying the
 * million SSNs of a known area number in 0.3 s.
 */

/** Masks personal data in a text (the engine's `redactPii`). */
export type Redact = (text: string) => string;

const STRICTNESS: Readonly<Record<PrivacyMode, number>> = { full: 0, redacted: 1, none: 2 };

/** The mode that keeps less of the two. */
export function stricterMode(a: PrivacyMode, b: PrivacyMode): PrivacyMode {
  return STRICTNESS[a] >= STRICTNESS[b] ? a : b;
}

/** A text as the mode keeps it: as written, masked, or not at all. */
export function protectText(text: string | null, mode: PrivacyMode, redact: Redact): string | null {
  if (text === null || mode === 'none') return null;
  return mode === 'redacted' ? redact(text) : text;
}

/** A fingerprint made of no text: the rule and which of its findings this is (0 for the first). */
export function positionalFingerprint(rule: string, occurrence: number): string {
  return fingerprint(rule, `#${occurrence}`);
}

/** Numbers each finding among the findings of its rule, in order. */
function occurrences<T extends { rule: string }>(findings: readonly T[]): number[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = seen.get(f.rule) ?? 0;
    seen.set(f.rule, n + 1);
    return n;
  });
}

/**
 * The findings shown to the agent as a row stores them (content script side, where the span
 * texts are known). `dismissed` is matched on the in-page fingerprints, which follow a finding
 * across keystrokes; only the stored copy changes.
 */
export function storedFindings(
  findings: readonly Finding[],
  dismissed: { has(fingerprint: string): boolean },
  mode: PrivacyMode,
  redact: Redact,
): ShownFinding[] {
  const nth = occurrences(findings);
  return findings.map((f, i) => ({
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    fingerprint:
      f.category === 'privacy' || mode === 'none'
        ? positionalFingerprint(f.rule, nth[i] as number)
        : mode === 'redacted'
          ? fingerprint(f.rule, redact(f.text))
          : f.fingerprint,
    dismissed: dismissed.has(f.fingerprint),
  }));
}

/**
 * A row under the stricter of its own mode and `mode` (background side, from its own settings).
 * Texts and note are masked or dropped again; privacy findings get their positional fingerprint
 * whatever the row claims; when the row was made under a looser mode, the other findings' span
 * texts are unknown here, so they get positional fingerprints too.
 */
export function protectRow(row: OverrideRow, mode: PrivacyMode, redact: Redact): OverrideRow {
  const privacy = stricterMode(row.privacy, mode);
  const repinAll = privacy === 'none' || privacy !== row.privacy;
  const nth = occurrences(row.findings);
  return {
    ...row,
    privacy,
    note: protectText(row.note, privacy, redact),
    suggestionText: protectText(row.suggestionText, privacy, redact),
    sentText: protectText(row.sentText, privacy, redact),
    findings: row.findings.map((f, i) =>
      f.category === 'privacy' || repinAll ? { ...f, fingerprint: positionalFingerprint(f.rule, nth[i] as number) } : f,
    ),
  };
}

/**
 * An imported row under the stricter of its own mode and the importing browser's `mode`. The
 * note is masked again whatever the row claims (rows exported before notes were masked carry
 * them as typed; notes are few and short). The texts are masked again only when the row claims
 * a looser mode than `mode`: a row its exporter masked is not masked twice, which keeps a
 * 100,000-row import within its 5 s budget.
 */
export function protectImportedRow(row: OverrideRow, mode: PrivacyMode, redact: Redact): OverrideRow {
  const privacy = stricterMode(row.privacy, mode);
  if (privacy !== row.privacy) return protectRow(row, mode, redact);
  if (row.note === null || privacy === 'full') return row;
  return { ...row, note: protectText(row.note, privacy, redact) };
}

/**
 * A batch of imported rows under `mode` (`protectImportedRow`), with their texts as read from the
 * file (`lines[i]` is `rows[i]`'s; the import worker stores them as they are instead of serialising
 * the rows again). A row the mode changed no longer says what its line says: its text is dropped,
 * so the row is serialised again and the unprotected text is never stored.
 */
export function protectImportBatch(
  rows: readonly OverrideRow[],
  lines: readonly (string | undefined)[],
  mode: PrivacyMode,
  redact: Redact,
): { rows: OverrideRow[]; lines: (string | undefined)[] } {
  const out = rows.map((r) => protectImportedRow(r, mode, redact));
  return { rows: out, lines: out.map((r, i) => (r === rows[i] ? lines[i] : undefined)) };
}

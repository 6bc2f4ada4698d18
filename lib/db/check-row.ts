import { CATEGORIES, ESCALATION_KINDS, SEVERITIES } from '../engine/types';
import {
  isRowTime,
  OUTCOMES,
  OVERRIDE_REASONS,
  OVERRIDE_ROW_FIELDS,
  type OverrideRow,
  SUGGESTION_SOURCES,
} from './schema';

const ROW_KEYS = new Set<string>(OVERRIDE_ROW_FIELDS);
const FINDING_KEYS = new Set(['rule', 'category', 'severity', 'fingerprint', 'dismissed']);
const CUSTOMER_KEYS = new Set(['sentiment', 'sarcasm', 'escalation']);
const SENTIMENT_KEYS = new Set(['label', 'score']);
const SARCASM_KEYS = new Set(['likely', 'score']);
const ESCALATION_KEYS = new Set(['likely', 'kinds']);

const outcomes = new Set<unknown>(OUTCOMES);
const reasons = new Set<unknown>(OVERRIDE_REASONS);
const categories = new Set<unknown>(CATEGORIES);
const severities = new Set<unknown>(SEVERITIES);
const escalationKinds = new Set<unknown>(ESCALATION_KINDS);
const shapes = new Set<unknown>(['draft-in-composer', 'separate-editor', 'side-panel', 'in-place-rewrite']);
const privacies = new Set<unknown>(['full', 'redacted', 'none']);
const sources = new Set<unknown>(SUGGESTION_SOURCES);
const labels = new Set<unknown>(['negative', 'neutral', 'positive']);

type Obj = Record<string, unknown>;

/** A plain object holding exactly `keys` (zod's strictObject: none missing, none extra). */
function exactly(v: unknown, keys: Set<string>): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  let n = 0;
  for (const k in v) {
    if (!keys.has(k)) return false;
    n += 1;
  }
  return n === keys.size;
}

const str = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const nullableText = (v: unknown): boolean => v === null || str(v, 0, 1_000_000);
const between = (v: unknown, lo: number, hi: number): boolean =>
  typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

function finding(f: unknown): boolean {
  return (
    exactly(f, FINDING_KEYS) &&
    str(f.rule, 1, 200) &&
    categories.has(f.category) &&
    severities.has(f.severity) &&
    str(f.fingerprint, 0, 200) &&
    typeof f.dismissed === 'boolean'
  );
}

function customer(c: unknown): boolean {
  if (c === null) return true;
  if (!exactly(c, CUSTOMER_KEYS)) return false;
  const { sentiment, sarcasm, escalation } = c;
  return (
    exactly(sentiment, SENTIMENT_KEYS) &&
    labels.has(sentiment.label) &&
    between(sentiment.score, -1, 1) &&
    exactly(sarcasm, SARCASM_KEYS) &&
    typeof sarcasm.likely === 'boolean' &&
    between(sarcasm.score, 0, 1) &&
    exactly(escalation, ESCALATION_KEYS) &&
    typeof escalation.likely === 'boolean' &&
    Array.isArray(escalation.kinds) &&
    escalation.kinds.every((k) => escalationKinds.has(k))
  );
}

/**
 * The export schema's row check (lib/db/export-schema.ts) written out by hand: the dashboard
 * checks every imported row, and zod took about 2 s per 100,000 rows, a big share of the 5 s
 * import budget. It is never looser than the schema (a test compares the two on valid
 * and broken rows); a row it refuses goes to zod, which decides and names the problem. Times
 * must lie between 2000 and a day after `now` (`isRowTime`).
 */
export function isOverrideRow(v: unknown, now: number = Date.now()): v is OverrideRow {
  if (!exactly(v, ROW_KEYS)) return false;
  return (
    str(v.id, 1, 200) &&
    isRowTime(v.shownAt, now) &&
    isRowTime(v.decidedAt, now) &&
    str(v.helpdesk, 1, 100) &&
    str(v.ticketHash, 0, 200) &&
    str(v.agent, 0, 200) &&
    outcomes.has(v.outcome) &&
    shapes.has(v.shape) &&
    (v.reason === null || reasons.has(v.reason)) &&
    nullableText(v.note) &&
    between(v.similarity, 0, 1) &&
    Number.isSafeInteger(v.editSize) &&
    (v.editSize as number) >= 0 &&
    Array.isArray(v.findings) &&
    v.findings.length <= 1000 &&
    v.findings.every(finding) &&
    customer(v.customer) &&
    privacies.has(v.privacy) &&
    nullableText(v.suggestionText) &&
    nullableText(v.sentText) &&
    sources.has(v.source) &&
    (v.suggestionWords === null || (Number.isSafeInteger(v.suggestionWords) && (v.suggestionWords as number) >= 0))
  );
}

import { execAll } from '../pii/exec-all';

/**
 * Order, tracking, ticket, account and similar numbers. A labelled one ("order #5512",
 * "tracking number 1Z999AA1") knows what it refers to, so a different number with the same
 * label contradicts the ticket; a bare "#5512" or a long code only says it is a reference.
 */
export type ReferenceRole =
  | 'order'
  | 'tracking'
  | 'ticket'
  | 'account'
  | 'invoice'
  | 'booking'
  | 'policy'
  | 'serial'
  | 'return'
  | 'reference';

export interface Reference {
  start: number;
  end: number;
  /** Upper-cased, letters and digits only. */
  key: string;
  role: ReferenceRole | null;
}

const ROLES: Record<string, ReferenceRole> = {
  order: 'order',
  purchase: 'order',
  tracking: 'tracking',
  shipment: 'tracking',
  parcel: 'tracking',
  package: 'tracking',
  consignment: 'tracking',
  ticket: 'ticket',
  case: 'ticket',
  claim: 'ticket',
  request: 'ticket',
  incident: 'ticket',
  account: 'account',
  acct: 'account',
  customer: 'account',
  member: 'account',
  membership: 'account',
  subscription: 'account',
  invoice: 'invoice',
  receipt: 'invoice',
  transaction: 'invoice',
  bill: 'invoice',
  booking: 'booking',
  reservation: 'booking',
  confirmation: 'booking',
  policy: 'policy',
  contract: 'policy',
  serial: 'serial',
  rma: 'return',
  return: 'return',
  ref: 'reference',
  reference: 'reference',
};

const LABEL = Object.keys(ROLES).join('|');
/** A label, optional "number/no./#/id", then a code with at least three digits. */
const LABELLED = new RegExp(
  String.raw`\b(${LABEL})s?\b(?:[ \t]+(?:number|no\.?|nr\.?|num|id|code|#))?[ \t]*(?:is[ \t]+|:[ \t]*|#[ \t]*)?(#?[A-Z0-9][A-Z0-9-]{2,29})\b`,
  'gi',
);
/** "#5512", or a code mixing letters and digits ("1Z999AA10123456784", "ORD-88231"), or 6+ digits. */
const BARE =
  /(?<![\w#$€£¥₹.,/-])(?:#\d{3,12}|(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z][A-Z0-9]*-?\d[A-Z0-9-]{2,28}|\d{6,20})(?![\w/-])/g;

export function referenceKey(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const digits = (s: string) => s.replace(/\D/g, '').length;

/**
 * References in `text`. `taken` lets the caller skip spans already read as something else
 * (a phone number, an amount, a date).
 */
export function findReferences(text: string, taken: (start: number, end: number) => boolean): Reference[] {
  if (!/\d/.test(text)) return [];
  const out: Reference[] = [];
  const seen = (start: number, end: number) => out.some((r) => r.start < end && start < r.end);
  LABELLED.lastIndex = 0;
  for (const m of execAll(LABELLED, text)) {
    const code = m[2] as string;
    if (digits(code) < 3) continue;
    const start = (m.index ?? 0) + m[0].length - code.length;
    const end = start + code.length;
    if (taken(start, end)) continue;
    out.push({ start, end, key: referenceKey(code), role: ROLES[(m[1] as string).toLowerCase()] ?? null });
  }
  BARE.lastIndex = 0;
  for (const m of execAll(BARE, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // Short codes mixing letters and digits are mostly product models ("DC-200", "X200").
    const min = m[0].startsWith('#') ? 3 : 5;
    if (seen(start, end) || taken(start, end) || digits(m[0]) < min) continue;
    out.push({ start, end, key: referenceKey(m[0]), role: null });
  }
  return out;
}

import { execAll } from '../pii/exec-all';

/**
 * Money amounts, normalised so "$1,234.50", "1234.5 USD" and "USD 1 234,50" compare equal:
 * an ISO currency code and an integer number of cents.
 */
export interface Amount {
  start: number;
  end: number;
  currency: string;
  cents: number;
}

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  ca$: 'CAD',
  c$: 'CAD',
  au$: 'AUD',
  a$: 'AUD',
  nz$: 'NZD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  usd: 'USD',
  eur: 'EUR',
  gbp: 'GBP',
  cad: 'CAD',
  aud: 'AUD',
  nzd: 'NZD',
  jpy: 'JPY',
  inr: 'INR',
  chf: 'CHF',
  sek: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  rupees: 'INR',
};

const NUMBER = String.raw`\d{1,3}(?:[,.\u00a0 ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const PREFIX = String.raw`(?:US|CA|AU|NZ|C|A)?\$|€|£|¥|₹|\b(?:USD|EUR|GBP|CAD|AUD|NZD|JPY|INR|CHF|SEK|NOK|DKK)\b`;
const SUFFIX = String.raw`(?:USD|EUR|GBP|CAD|AUD|NZD|JPY|INR|CHF|SEK|NOK|DKK|dollars?|bucks|euros?|pounds?|quid|rupees)\b|€|£`;
const AMOUNT = new RegExp(
  String.raw`(?<![\w.,])(?:(${PREFIX})[ \u00a0]?(${NUMBER})|(${NUMBER})[ \u00a0]?(${SUFFIX}))(?![\d])`,
  'gi',
);

/** "1,234.50" → 123450; "1.234,5" → 123450; "12,50" → 1250; "1,234" → 123400. */
export function parseCents(text: string): number | null {
  const t = text.replace(/[\u00a0 ]/g, '');
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  const last = Math.max(lastComma, lastDot);
  let whole = t;
  let fraction = '';
  if (last >= 0) {
    const after = t.length - last - 1;
    const both = lastComma >= 0 && lastDot >= 0;
    // One kind of separator followed by exactly three digits groups thousands; anything else marks decimals.
    if (both || after !== 3) {
      whole = t.slice(0, last);
      fraction = t.slice(last + 1);
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  const cents = Number(whole) * 100 + (fraction ? Number(fraction.padEnd(2, '0')) : 0);
  return Number.isSafeInteger(cents) ? cents : null;
}

export function findAmounts(text: string): Amount[] {
  if (!/\d/.test(text)) return [];
  const out: Amount[] = [];
  AMOUNT.lastIndex = 0;
  for (const m of execAll(AMOUNT, text)) {
    const symbol = (m[1] ?? m[4] ?? '').toLowerCase();
    const currency = SYMBOLS[symbol];
    const cents = parseCents(m[2] ?? m[3] ?? '');
    if (!currency || cents === null) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, currency, cents });
  }
  return out;
}

/** "$49.99", for messages. */
export function formatAmount(a: Pick<Amount, 'currency' | 'cents'>): string {
  const value = (a.cents / 100).toFixed(a.cents % 100 === 0 ? 0 : 2);
  return `${value} ${a.currency}`;
}

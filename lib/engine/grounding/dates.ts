import { execAll } from '../pii/exec-all';

/**
 * Calendar dates and durations ("3-5 business days"), normalised for comparison. A numeric date
 * such as 05/03/2024 is ambiguous (5 March or May 3): it keeps both readings and matches either.
 */
export interface DateMention {
  start: number;
  end: number;
  /** "MM-DD" readings. */
  days: string[];
  year: number | null;
}

export interface Duration {
  start: number;
  end: number;
  /** Normalised "3-5 business-day" / "30 day". */
  key: string;
  unit: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORD = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const DATE = new RegExp(
  [
    String.raw`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`,
    String.raw`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`,
    String.raw`\b${ORD}(?: of)? (${MONTH})(?:,? (\d{4}))?\b`,
    String.raw`\b(${MONTH}) ${ORD}(?:,? (\d{4}))?\b`,
  ].join('|'),
  'gi',
);

const pad = (n: number) => String(n).padStart(2, '0');

function day(month: number, dayOfMonth: number): string | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  return `${pad(month)}-${pad(dayOfMonth)}`;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

function year(text: string | undefined): number | null {
  if (!text) return null;
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

export function findDates(text: string): DateMention[] {
  if (!/\d/.test(text)) return [];
  const out: DateMention[] = [];
  DATE.lastIndex = 0;
  for (const m of execAll(DATE, text)) {
    const start = m.index ?? 0;
    let days: (string | null)[] = [];
    let y: number | null = null;
    if (m[1]) {
      days = [day(Number(m[2]), Number(m[3]))];
      y = Number(m[1]);
    } else if (m[4]) {
      const a = Number(m[4]);
      const b = Number(m[5]);
      days = [day(a, b), day(b, a)];
      y = year(m[6]);
    } else if (m[7]) {
      days = [day(monthIndex(m[8] as string), Number(m[7]))];
      y = year(m[9]);
    } else if (m[10]) {
      days = [day(monthIndex(m[10]), Number(m[11]))];
      y = year(m[12]);
    }
    const valid = days.filter((d): d is string => d !== null);
    if (valid.length === 0) continue;
    out.push({ start, end: start + m[0].length, days: [...new Set(valid)], year: y });
  }
  return out;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const COUNT = String.raw`\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety`;
const DURATION = new RegExp(
  String.raw`\b(${COUNT})(?:\s*(?:-|–|to)\s*(${COUNT}))?[ -](business |working |calendar |full )?(hours?|days?|weeks?|months?|years?)\b`,
  'gi',
);

function count(text: string): number {
  const lower = text.toLowerCase();
  return NUMBER_WORDS[lower] ?? Number(lower);
}

export function findDurations(text: string): Duration[] {
  const out: Duration[] = [];
  DURATION.lastIndex = 0;
  for (const m of execAll(DURATION, text)) {
    const from = count(m[1] as string);
    const to = m[2] ? count(m[2]) : null;
    const kind = (m[3] ?? '').trim().toLowerCase().replace('working', 'business');
    const unit = (m[4] as string).toLowerCase().replace(/s$/, '');
    const unitKey = kind === 'business' ? 'business-day' : unit;
    const start = m.index ?? 0;
    out.push({
      start,
      end: start + m[0].length,
      key: `${to === null ? from : `${from}-${to}`} ${unitKey}`,
      unit: unitKey,
    });
  }
  return out;
}

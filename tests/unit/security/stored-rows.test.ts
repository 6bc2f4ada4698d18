import { describe, expect, it } from 'vitest';
import { handleMessage } from '@/lib/background/handle-message';
import { createTicketKeys, installKey } from '@/lib/background/keys';
import { maskStoredNotes } from '@/lib/background/mask-stored-notes';
import { putImported } from '@/lib/db/imported';
import { putOverrides } from '@/lib/db/overrides';
import { rowsById } from '@/lib/db/queries';
import { fingerprint } from '@/lib/engine/fingerprint';
import { redactPii } from '@/lib/engine/pii';
import { checkReply } from '@/lib/engine/rules/check-reply';
import { createReplyChecker } from '@/lib/engine/rules/reply-checker';
import { reasonEvent } from '@/lib/overrides/events';
import { makeOverrideRow } from '@/lib/overrides/make-row';
import { protectImportedRow } from '@/lib/overrides/privacy';
import { backgroundDeps } from '../../fixtures/background';
import { SENSITIVE_NOTE, SENSITIVE_PARTS } from '../../fixtures/hostile';
import { freshDatabases, liveRow } from '../../fixtures/rows';

const freshDb = freshDatabases('stored-rows');
const ctx = (reply: string) => ({ reply, customer: null, customerMessages: [], agent: [] });

const decision = (text: string) => ({
  suggestion: {
    id: 's1',
    shape: 'draft-in-composer' as const,
    text,
    shownAt: Date.now() - 5_000,
    source: 'paste' as const,
    words: text.split(/\s+/).length,
  },
  outcome: 'edited' as const,
  similarity: 0.9,
  editSize: 3,
  sentText: text,
  decidedAt: Date.now(),
});

/** The row a decision on `reply` stores, with the engine's own findings. */
function rowFor(reply: string, privacy: 'full' | 'redacted' | 'none', dismissed: string[] = []) {
  const findings = checkReply(ctx(reply));
  const context = { helpdesk: 'zendesk', ticketId: '1001', customer: null, findings, dismissed: new Set(dismissed) };
  return makeOverrideRow(decision(reply), context, {
    privacy,
    agent: '',
    ticketHash: 'a'.repeat(64),
    redact: redactPii,
  });
}

/**
 * The attack of the issue, cut to what a unit test can afford: an SSN whose area and group are
 * known (536-22-…), its 9,999 serials tried against the stored fingerprints.
 */
function bruteForceSsn(stored: ReadonlySet<string>): string | null {
  for (let serial = 1; serial < 10_000; serial++) {
    const ssn = `536-22-${String(serial).padStart(4, '0')}`;
    if (stored.has(fingerprint('pii-ssn', ssn))) return ssn;
  }
  return null;
}

describe('reason notes follow the privacy mode before they are queued (issue 14, case 1)', () => {
  it.each(['redacted', 'none'] as const)('masks the note of a reason given in %s mode', (mode) => {
    const event = reasonEvent('row-1', 'other', SENSITIVE_NOTE, { privacy: mode, redact: redactPii });
    const queued = JSON.stringify(event);
    for (const part of SENSITIVE_PARTS) expect(queued, part).not.toContain(part);
    if (mode === 'none') expect(event).toMatchObject({ note: null });
  });

  it('keeps the note as written in full mode', () => {
    expect(reasonEvent('row-1', 'other', SENSITIVE_NOTE, { privacy: 'full', redact: redactPii })).toMatchObject({
      note: SENSITIVE_NOTE,
    });
  });
});

describe('finding fingerprints tell nothing about personal data (issue 14, case 2)', () => {
  it.each(['full', 'redacted', 'none'] as const)(
    'in %s mode, two different SSNs store the same fingerprint',
    (mode) => {
      const a = rowFor('Your SSN 536-22-1234 is on file.', mode).findings.find((f) => f.rule === 'pii-ssn');
      const b = rowFor('Your SSN 536-90-4321 is on file.', mode).findings.find((f) => f.rule === 'pii-ssn');
      expect(a?.fingerprint).toBeDefined();
      expect(a?.fingerprint).toBe(b?.fingerprint);
    },
  );

  it('an SSN of known area and group is not recovered from the stored fingerprints by brute force', () => {
    const r = rowFor('Your SSN 536-22-1234 is on file.', 'redacted');
    expect(bruteForceSsn(new Set(r.findings.map((f) => f.fingerprint)))).toBeNull();
    // The same search finds the SSN from a plain hash of its text, which is what rows stored before.
    expect(bruteForceSsn(new Set([fingerprint('pii-ssn', '536-22-1234')]))).toBe('536-22-1234');
  });

  it('in redacted mode, a fingerprint of another rule is of the masked span text', () => {
    const reply = 'We will refund you in full, jane.doe@example.com, within 3 days.';
    const full = rowFor(reply, 'full');
    const redacted = rowFor(reply, 'redacted');
    const rules = full.findings.map((f) => f.rule);
    expect(rules).toContain('pii-email');
    const other = redacted.findings.filter((f) => f.category !== 'privacy');
    for (const f of other) {
      const span = checkReply(ctx(reply)).find((x) => x.rule === f.rule) as { text: string };
      expect(f.fingerprint, f.rule).toBe(fingerprint(f.rule, redactPii(span.text)));
    }
  });

  it('dismissals keep working in the page: the in-page fingerprint follows a finding across keystrokes, and the row says it was dismissed', () => {
    const checker = createReplyChecker();
    const first = checker.check(ctx('Your card 4111 1111 1111 1111 is charged.'));
    const card = first.find((f) => f.rule === 'pii-card-number');
    expect(card).toBeDefined();
    const dismissed = new Set([card?.fingerprint as string]);
    // The agent types before and after the number: the finding moves, its in-page fingerprint stays.
    const later = checker.check(ctx('Hello Ana. Your card 4111 1111 1111 1111 is charged today.'));
    const moved = later.find((f) => f.rule === 'pii-card-number');
    expect(moved?.start).not.toBe(card?.start);
    expect(dismissed.has(moved?.fingerprint as string)).toBe(true);
    const context = { helpdesk: 'zendesk', ticketId: '1001', customer: null, findings: later, dismissed };
    const row = makeOverrideRow(decision('x'), context, {
      privacy: 'redacted',
      agent: '',
      ticketHash: 'a'.repeat(64),
      redact: redactPii,
    });
    expect(row.findings.find((f) => f.rule === 'pii-card-number')?.dismissed).toBe(true);
    expect(row.findings.find((f) => f.rule === 'pii-card-number')?.fingerprint).not.toBe(card?.fingerprint);
  });
});

describe('ticket ids are stored as keyed hashes (issue 14, case 3)', () => {
  const sha256 = async (text: string) =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
  const ask = (d: ReturnType<typeof backgroundDeps>, ticketId = '1001') =>
    handleMessage({ type: 'content→background:ticket-hash', helpdesk: 'zendesk', ticketId }, { tabId: 4 }, d);

  it('the background answers an HMAC under this install’s key, not a plain SHA-256', async () => {
    const d = backgroundDeps(freshDb());
    const answer = await ask(d);
    expect(answer?.ticketHash).toMatch(/^[0-9a-f]{64}$/);
    expect(answer?.ticketHash).not.toBe(await sha256('zendesk:1001'));
    expect((await ask(d)).ticketHash).toBe(answer.ticketHash);
    expect((await ask(d, '1002')).ticketHash).not.toBe(answer.ticketHash);
  });

  it('is not reversed by trying ticket numbers the way a plain SHA-256 was', async () => {
    const d = backgroundDeps(freshDb());
    const stored = (await ask(d, '48213')).ticketHash;
    const tried = new Set<string>();
    for (let n = 40_000; n < 50_000; n++) tried.add(await sha256(`zendesk:${n}`));
    expect(tried.has(stored)).toBe(false);
  });

  it('two installs hash the same ticket differently; an organisation secret makes them agree', async () => {
    const a = backgroundDeps(freshDb());
    const b = backgroundDeps(freshDb());
    expect((await ask(a)).ticketHash).not.toBe((await ask(b)).ticketHash);
    const secret = 'k3Jd9sQ0vLx2Pz8mWn4Rt6Yb1Hc5Fg7A';
    const teamA = backgroundDeps(freshDb(), { ticketIdSecret: secret });
    const teamB = backgroundDeps(freshDb(), { ticketIdSecret: secret });
    expect((await ask(teamA)).ticketHash).toBe((await ask(teamB)).ticketHash);
    expect((await ask(teamA)).ticketHash).not.toBe((await ask(a)).ticketHash);
  });

  it('keeps the install key non-extractable, made once and reused', async () => {
    const db = freshDb();
    const [k1, k2] = await Promise.all([installKey(db), installKey(db)]);
    const sign = async (key: CryptoKey) =>
      new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('x'))).join(',');
    expect(await sign(k1)).toBe(await sign(k2));
    expect(k1.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', k1)).rejects.toThrow();
    expect(await db.keys.count()).toBe(1);
    const again = await createTicketKeys(db).hash('zendesk', '1001', null);
    expect(again).toBe((await ask(backgroundDeps(db))).ticketHash);
  });
});

describe('imported rows follow the importing browser’s privacy mode (issue 14, case 1)', () => {
  it('masks a note an older export carried as typed, and the texts of a row claiming a looser mode', () => {
    const older = liveRow({ privacy: 'redacted', reason: 'other', note: SENSITIVE_NOTE, sentText: 'Call [PHONE].' });
    const kept = protectImportedRow(older, 'redacted', redactPii);
    for (const part of SENSITIVE_PARTS) expect(kept.note, part).not.toContain(part);
    expect(kept.sentText).toBe('Call [PHONE].');
    const full = liveRow({ privacy: 'full', sentText: 'Mail ana.petrova@example.com' });
    expect(protectImportedRow(full, 'redacted', redactPii)).toMatchObject({
      privacy: 'redacted',
      sentText: 'Mail [EMAIL]',
    });
    expect(protectImportedRow(full, 'none', redactPii)).toMatchObject({ privacy: 'none', sentText: null });
    expect(protectImportedRow(full, 'full', redactPii)).toBe(full);
  });
});

describe('notes stored as typed by earlier versions (issue 14, case 1)', () => {
  it('are masked once by the background, in the log and its summary, and masking again changes nothing', async () => {
    const db = freshDb();
    const live = liveRow({ reason: 'other', note: SENSITIVE_NOTE, privacy: 'redacted' });
    const gone = liveRow({ reason: 'other', note: SENSITIVE_NOTE, privacy: 'none' });
    const imported = liveRow({
      reason: 'other',
      note: SENSITIVE_NOTE,
      privacy: 'full',
      decidedAt: Date.now() - 86_400_000,
    });
    await putOverrides(db, [live, gone]);
    await putImported(db, [imported]);
    expect(await maskStoredNotes(db, 'redacted', redactPii)).toBe(3);
    const rows = await rowsById(db, [live, gone, imported]);
    expect(rows.map((r) => r?.note)).toEqual([redactPii(SENSITIVE_NOTE), null, redactPii(SENSITIVE_NOTE)]);
    const summary = JSON.stringify((await db.summary.toArray()).map((d) => d.note));
    for (const part of SENSITIVE_PARTS) expect(summary, part).not.toContain(part);
    expect(await maskStoredNotes(db, 'redacted', redactPii)).toBe(0);
  });
});

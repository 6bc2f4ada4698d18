import { describe, expect, it } from 'vitest';
import {
  changedSpan,
  countWords,
  MIN_SUGGESTION_WORDS,
  SuggestionFollower,
  type SuggestionMemory,
} from '@/lib/content/suggestions';
import type { Decision, TrackedSuggestion } from '@/lib/overrides/tracker';
import type { DecisionContext } from '@/lib/overrides/types';

const DRAFT = 'Hi Dana, I am sorry about the double charge. I have refunded the duplicate payment today.';
const context: DecisionContext = {
  helpdesk: 'freescout',
  ticketId: '7',
  customer: null,
  findings: [],
  dismissed: new Set<string>(),
};

/** A follower on a fake clock, past the settling time of a freshly opened ticket. */
function follower(memory?: SuggestionMemory) {
  let now = 1_000_000;
  const decisions: Decision[] = [];
  const wakes: number[] = [];
  const f = new SuggestionFollower({
    onDecision: (d) => decisions.push(d),
    wakeAfter: (ms) => wakes.push(ms),
    memory,
    now: () => now,
  });
  f.openTicket('freescout:7', '');
  now += 5_000;
  return {
    f,
    decisions,
    wakes,
    tick(ms: number) {
      now += ms;
    },
    /** Types `text` key by key, as trusted key presses followed by the composer's change. */
    type(before: string, text: string) {
      let current = before;
      for (const ch of text) {
        f.noteKey({ isTrusted: true, key: ch, ctrlKey: false, metaKey: false, isComposing: false } as KeyboardEvent);
        current += ch;
        f.composerChanged(current);
        now += 80;
      }
      return current;
    },
  };
}

describe('following suggestions however they land', () => {
  it('never takes the agent’s own typing for a suggestion, however long', () => {
    const t = follower();
    t.type('', `${DRAFT} ${DRAFT}`);
    expect(t.f.current).toBeNull();
  });

  it('takes a paste of a draft as a suggestion from a paste, with its size', () => {
    const t = follower();
    t.f.notePaste();
    t.f.composerChanged(DRAFT);
    expect(t.f.current).toMatchObject({ source: 'paste', words: countWords(DRAFT), text: DRAFT });
  });

  it('ignores a small paste: a name, an order number', () => {
    const t = follower();
    const own = t.type('', 'Hi ');
    t.f.notePaste();
    t.f.composerChanged(`${own}Dana Reyes, order 88412`);
    expect(countWords('Dana Reyes, order 88412')).toBeLessThan(MIN_SUGGESTION_WORDS);
    expect(t.f.current).toBeNull();
  });

  it('takes text the page put there without any event as an insert', () => {
    const t = follower();
    t.f.composerChanged(DRAFT);
    expect(t.f.current?.source).toBe('insert');
  });

  it('names a known AI control used 25 s before the answer landed, and its shape', () => {
    const t = follower();
    t.f.noteAiControl('side-panel');
    t.tick(25_000);
    t.f.composerChanged(DRAFT);
    expect(t.f.current).toMatchObject({ source: 'ai-control', shape: 'side-panel' });
  });

  it('names a macro', () => {
    const t = follower();
    t.f.noteMacro();
    t.tick(300);
    t.f.composerChanged(DRAFT);
    expect(t.f.current?.source).toBe('macro');
  });

  it('leaves a restored draft alone while the composer settles, unless an AI control or paste brought it', () => {
    let now = 0;
    const f = new SuggestionFollower({ onDecision: () => {}, wakeAfter: () => {}, now: () => now });
    f.openTicket('zendesk:1', '');
    now += 200;
    f.composerChanged(DRAFT);
    expect(f.current).toBeNull();
    f.composerAppeared('');
    f.noteAiControl('draft-in-composer');
    now += 100;
    f.composerChanged(DRAFT);
    expect(f.current?.source).toBe('ai-control');
  });

  it('does not take the agent’s own text cut and pasted back, or undone and redone, for a suggestion', () => {
    const t = follower();
    const own = t.type('', DRAFT);
    t.f.composerChanged('');
    t.f.notePaste();
    t.f.composerChanged(own);
    expect(t.f.current).toBeNull();
    t.f.noteInput({ inputType: 'historyUndo' } as InputEvent);
    t.f.composerChanged('');
    t.f.noteInput({ inputType: 'historyRedo' } as InputEvent);
    t.f.composerChanged(own);
    expect(t.f.current).toBeNull();
  });

  it('counts more text added to a followed suggestion as an edit, and a draft pasted over it as a new one', () => {
    const t = follower();
    t.f.notePaste();
    t.f.composerChanged(DRAFT);
    const first = t.f.current?.id;
    t.f.notePaste();
    t.f.composerChanged(`${DRAFT}\nYou can track the refund in your account under Billing, then Payments.`);
    expect(t.f.current?.id).toBe(first);
    t.f.notePaste();
    t.f.composerChanged('Hello, thank you for waiting. Your replacement device ships on Monday by courier.');
    expect(t.f.current?.id).not.toBe(first);
  });

  it('keeps an AI card’s baseline when its text is inserted', () => {
    const t = follower();
    t.f.sighting({ shape: 'separate-editor', text: DRAFT });
    const card = t.f.current;
    t.tick(4_000);
    t.f.noteAiControl('separate-editor');
    t.f.composerChanged(DRAFT);
    expect(t.f.current).toBe(card);
  });
});

describe('following a send to its confirmation', () => {
  function pasted() {
    const t = follower();
    t.f.notePaste();
    t.f.composerChanged(DRAFT);
    return t;
  }

  it('decides when the thread shows the reply and the composer empties', () => {
    const t = pasted();
    t.f.sendAttempt(context, 1);
    t.f.composerChanged('');
    t.f.followThread(['earlier reply'], true);
    expect(t.decisions).toHaveLength(0);
    t.f.followThread(['earlier reply', DRAFT], true);
    expect(t.decisions.map((d) => [d.outcome, d.suggestion.source])).toEqual([['accepted', 'paste']]);
  });

  it('decides a send the page left right after (FreeScout navigates once the server took it)', () => {
    const t = pasted();
    const edited = t.type(DRAFT, ' Thanks!');
    t.f.sendAttempt(context, 1);
    t.tick(300);
    t.f.pageHidden();
    expect(t.decisions.map((d) => [d.outcome, d.sentText])).toEqual([['edited', edited]]);
  });

  it('decides nothing when the agent edits after pressing send (the send did not go)', () => {
    const t = pasted();
    t.f.sendAttempt(context, 1);
    t.type(DRAFT, ' More');
    t.f.pageHidden();
    expect(t.decisions).toHaveLength(0);
    expect(t.f.current).not.toBeNull();
  });

  it('decides a composer that emptied after a send once the thread stayed quiet for a moment', () => {
    const t = pasted();
    t.f.sendAttempt(context, 0);
    t.f.composerChanged('');
    t.f.followThread([], true);
    expect(t.wakes.length).toBe(1);
    t.tick(2_100);
    t.f.followThread([], true);
    expect(t.decisions.map((d) => d.outcome)).toEqual(['accepted']);
  });

  it('forgets a send the helpdesk never carried out', () => {
    const t = pasted();
    t.f.sendAttempt(context, 0);
    t.tick(31_000);
    t.f.followThread([], true);
    t.f.pageHidden();
    expect(t.decisions).toHaveLength(0);
  });

  it('counts a send followed by the next ticket as sent, and a draft left on a ticket as thrown away', () => {
    const t = pasted();
    t.f.sendAttempt(context, 0);
    t.f.leaveTicket(context);
    expect(t.decisions.map((d) => d.outcome)).toEqual(['accepted']);
    const u = pasted();
    u.f.leaveTicket(context);
    expect(u.decisions.map((d) => d.outcome)).toEqual(['rejected']);
  });

  it('counts a send as sent when the helpdesk emptied the composer and the agent moved on before it settled', () => {
    const t = pasted();
    t.f.sendAttempt(context, 0);
    t.f.composerChanged('');
    t.f.followThread([], true);
    t.tick(400); // the next ticket, well inside the settle time
    t.f.leaveTicket(context);
    expect(t.decisions.map((d) => [d.outcome, d.sentText])).toEqual([['accepted', DRAFT]]);
    const u = pasted();
    u.f.sendAttempt(context, 0);
    u.f.composerChanged('');
    u.tick(300);
    u.f.pageHidden();
    expect(u.decisions.map((d) => [d.outcome, d.sentText])).toEqual([['accepted', DRAFT]]);
  });

  it('picks up a suggestion followed on the ticket before the page reloaded, and forgets it once decided', async () => {
    const kept = new Map<string, TrackedSuggestion | null>();
    const memory: SuggestionMemory = {
      load: async (key) => kept.get(key) ?? null,
      save: (key, s) => kept.set(key, s),
    };
    const before = follower(memory);
    before.f.notePaste();
    before.f.composerChanged(DRAFT);
    const id = before.f.current?.id;
    expect(kept.get('freescout:7')?.id).toBe(id);

    const after = new SuggestionFollower({ onDecision: () => {}, wakeAfter: () => {}, memory });
    after.openTicket('freescout:7', DRAFT);
    await Promise.resolve();
    expect(after.current?.id).toBe(id);
    after.sendAttempt(context, 0);
    after.pageHidden();
    expect(kept.get('freescout:7')).toBeNull();
  });
});

describe('changedSpan', () => {
  it('finds what was removed and inserted between the common ends', () => {
    expect(changedSpan('Hello world', 'Hello big world')).toEqual({ removed: '', inserted: 'big ' });
    expect(changedSpan('abc', '')).toEqual({ removed: 'abc', inserted: '' });
    expect(changedSpan('aaa', 'aaaa')).toEqual({ removed: '', inserted: 'a' });
  });
});

import { describe, expect, it } from 'vitest';
import { fingerprint } from '@/lib/engine/fingerprint';
import { checkReply } from '@/lib/engine/rules/check-reply';

const ctx = (reply: string) => ({ reply, customer: null, customerMessages: [], agent: [] });

describe('fingerprint', () => {
  it('ignores case, spacing and position, and separates rules and texts', () => {
    expect(fingerprint('r', 'Hello  World')).toBe(fingerprint('r', 'hello world'));
    expect(fingerprint('r', 'hello')).not.toBe(fingerprint('s', 'hello'));
    expect(fingerprint('r', 'hello')).not.toBe(fingerprint('r', 'hallo'));
    const a = checkReply(ctx('As an AI language model, I cannot.'))[0];
    const b = checkReply(ctx('Hello there. Thanks for waiting! As an AI language model, I cannot.'))[0];
    expect(a?.rule).toBe('ai-self-reference');
    expect(b?.start).not.toBe(a?.start);
    expect(b?.fingerprint).toBe(a?.fingerprint);
  });
});

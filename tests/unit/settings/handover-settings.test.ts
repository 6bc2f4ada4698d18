import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { AGE_RECIPIENT, checkOverrides } from '@/lib/settings/check';
import { isLocked, mergeSettings } from '@/lib/settings/effective';

describe('hand-over settings', () => {
  it('accepts a schedule, team keys as age-keygen prints them, and a folder hint', async () => {
    const recipient = await identityToRecipient(await generateX25519Identity());
    expect(AGE_RECIPIENT.test(recipient)).toBe(true);
    const input = {
      handoverSchedule: 'daily',
      handoverRecipients: [recipient],
      handoverFolderHint: 'OneDrive › Team › ReplyGuard',
    };
    expect(checkOverrides(input, 'policy')).toEqual({ value: input, problems: [] });
  });

  it('drops a list of keys with one bad key whole, naming it, and a bad schedule', async () => {
    const good = await identityToRecipient(await generateX25519Identity());
    const { value, problems } = checkOverrides(
      { handoverRecipients: [good, 'age1notakey', 'AGE-SECRET-KEY-1ABC'], handoverSchedule: 'hourly' },
      'policy',
    );
    expect(value).toEqual({});
    expect(problems.map((p) => p.path)).toEqual(['handoverRecipients[1]', 'handoverRecipients[2]', 'handoverSchedule']);
    expect(problems[0]?.message).toMatch(/must be an age public key/);
  });

  it('lets a policy require the daily hand-over and the team key, locked', async () => {
    const recipient = await identityToRecipient(await generateX25519Identity());
    const effective = mergeSettings({
      user: { handoverSchedule: 'off', handoverRecipients: [] },
      policy: { handoverSchedule: 'daily', handoverRecipients: [recipient] },
    });
    expect(effective.settings.handoverSchedule).toBe('daily');
    expect(effective.settings.handoverRecipients).toEqual([recipient]);
    expect(isLocked(effective, 'handoverSchedule')).toBe(true);
    expect(isLocked(effective, 'handoverFolderHint')).toBe(false);
    expect(effective.settings.handoverFolderHint).toBe('');
  });
});

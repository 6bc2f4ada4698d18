import { describe, expect, it } from 'vitest';
import { checkOverrides } from '@/lib/settings/check';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { isLocked, mergeSettings } from '@/lib/settings/effective';
import { applyChange } from '@/lib/settings/storage';
import { figureOfTargetKey, ruleTarget } from '@/lib/settings/targets';

describe('targets and review sampling settings', () => {
  it('default to no targets and one accepted suggestion in twenty reviewed', () => {
    expect(DEFAULT_SETTINGS.targets).toEqual({});
    expect(DEFAULT_SETTINGS.reviewShare).toBe(0.05);
  });

  it('accept a max, a min or a band per figure and per rule', () => {
    const input = {
      targets: {
        overrideRate: { max: 0.35 },
        unresolvedCriticalShare: { max: 0.01 },
        medianDecisionMs: { min: 5_000, max: 120_000 },
        falseAlarmRate: { max: 0.3 },
        'falseAlarmRate:pii-email': { max: 0.5 },
        'falseAlarmRate:pack:acme/no-lifetime-warranty': { max: 0.1 },
      },
      reviewShare: 0.1,
    };
    expect(checkOverrides(input, 'policy')).toEqual({ value: input, problems: [] });
  });

  it('say what is wrong with each bad target and keep the good ones', () => {
    const { value, problems } = checkOverrides(
      {
        targets: {
          overrideRate: { max: 35 },
          medianDecisionMs: { min: 60_000, max: 5_000 },
          escalationRate: { max: 0.1 },
          'falseAlarmRate:no-such-rule': { max: 0.2 },
          unresolvedCriticalShare: {},
          falseAlarmRate: { max: 0.3, target: 0.2 },
          'falseAlarmRate:pii-email': { max: 0.4 },
        },
        reviewShare: 5,
      },
      'user',
    );
    expect(value).toEqual({ targets: { 'falseAlarmRate:pii-email': { max: 0.4 } } });
    expect(problems.map((p) => p.path)).toEqual([
      'targets.overrideRate.max',
      'targets.medianDecisionMs',
      'targets.escalationRate',
      'targets.falseAlarmRate:no-such-rule',
      'targets.unresolvedCriticalShare',
      'targets.falseAlarmRate',
      'reviewShare',
    ]);
    expect(problems[0]?.message).toMatch(/share from 0 to 1/);
    expect(problems[1]?.message).toMatch(/swap/);
  });

  it('merge entry by entry: the policy locks the targets it names, the lead keeps the others', () => {
    const e = mergeSettings({
      user: { targets: { overrideRate: { max: 0.4 }, medianDecisionMs: { max: 90_000 } }, reviewShare: 0.2 },
      policy: { targets: { overrideRate: { max: 0.3 }, falseAlarmRate: { max: 0.25 } } },
    });
    expect(e.settings.targets).toEqual({
      overrideRate: { max: 0.3 },
      medianDecisionMs: { max: 90_000 },
      falseAlarmRate: { max: 0.25 },
    });
    expect(e.settings.reviewShare).toBe(0.2);
    expect(isLocked(e, 'targets', 'overrideRate')).toBe(true);
    expect(isLocked(e, 'targets', 'medianDecisionMs')).toBe(false);
    expect(isLocked(e, 'reviewShare')).toBe(false);
    const locked = mergeSettings({ user: { reviewShare: 0.2 }, policy: { reviewShare: 0.02 } });
    expect(locked.settings.reviewShare).toBe(0.02);
    expect(isLocked(locked, 'reviewShare')).toBe(true);
  });

  it('store a lead’s change as overrides only: null removes one target, the others stay', () => {
    const stored = applyChange({}, { targets: { overrideRate: { max: 0.3 }, medianDecisionMs: { max: 60_000 } } });
    expect(applyChange(stored, { targets: { overrideRate: null } as never })).toEqual({
      targets: { medianDecisionMs: { max: 60_000 } },
    });
    expect(applyChange(stored, { targets: null })).toEqual({});
  });

  it('find a rule’s own target before the one for every rule', () => {
    const targets = { falseAlarmRate: { max: 0.3 }, 'falseAlarmRate:pii-email': { max: 0.5 } };
    expect(ruleTarget(targets, 'pii-email')).toEqual({ max: 0.5 });
    expect(ruleTarget(targets, 'refund-promise')).toEqual({ max: 0.3 });
    expect(ruleTarget({}, 'refund-promise')).toBeUndefined();
    expect(figureOfTargetKey('falseAlarmRate:')).toBeNull();
    expect(figureOfTargetKey('medianDecisionMs')).toBe('medianDecisionMs');
  });
});

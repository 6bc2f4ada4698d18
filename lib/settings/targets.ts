/**
 * Targets ("predefined success benchmarks"): the figures a lead or an admin can set a target on,
 * their units and bounds. Kept apart from the statistics (lib/stats/targets.ts) and free of
 * imports, because the settings checker runs in the content script too and must stay small.
 */

/** A figure a target can be set on: three headline figures and the false-alarm rate of every rule. */
export type TargetFigure = 'overrideRate' | 'unresolvedCriticalShare' | 'medianDecisionMs' | 'falseAlarmRate';

/**
 * A key of the `targets` setting: a figure, or `falseAlarmRate:<rule id>` for one rule (its own
 * target replaces the `falseAlarmRate` one for that rule).
 */
export type TargetKey = TargetFigure | `falseAlarmRate:${string}`;

/**
 * A target: the figure should stay at or below `max`, at or above `min`, or between both (a band).
 * Rates are shares in [0, 1]; the time to decision is in milliseconds. At least one bound is set.
 */
export interface Target {
  min?: number;
  max?: number;
}

/**
 * Each figure's unit and the largest value a bound may take (1 for shares, a day for times), in
 * the order the dashboard and the report list them. Labels live with the statistics
 * (lib/stats/targets.ts): the content script checks settings too and carries none of them.
 */
export const TARGET_BOUNDS: Readonly<Record<TargetFigure, { unit: 'share' | 'ms'; upTo: number }>> = {
  overrideRate: { unit: 'share', upTo: 1 },
  unresolvedCriticalShare: { unit: 'share', upTo: 1 },
  medianDecisionMs: { unit: 'ms', upTo: 86_400_000 },
  falseAlarmRate: { unit: 'share', upTo: 1 },
};

/** The prefix of a per-rule false-alarm target key. */
export const RULE_TARGET_PREFIX = 'falseAlarmRate:';

/** The figure a target key sets, or null for a key that is not one. */
export function figureOfTargetKey(key: string): TargetFigure | null {
  if (key.startsWith(RULE_TARGET_PREFIX)) return key.length > RULE_TARGET_PREFIX.length ? 'falseAlarmRate' : null;
  return Object.hasOwn(TARGET_BOUNDS, key) ? (key as TargetFigure) : null;
}

/** The target of one rule's false-alarm rate: its own, else the one for every rule. */
export function ruleTarget(targets: Readonly<Record<string, Target>>, rule: string): Target | undefined {
  return targets[`${RULE_TARGET_PREFIX}${rule}`] ?? targets.falseAlarmRate;
}

/**
 * Share of accepted suggestions a lead is asked to review when nothing sets it: one in twenty.
 * A team of six agents deciding 30 suggestions a day each, about half of them accepted, gives a
 * lead some 90 to review a month; 5 of 100 reviewed found wanting give a 95 % Wilson interval of
 * 2.2 % to 11.2 %. @default 0.05
 */
export const DEFAULT_REVIEW_SHARE = 0.05;

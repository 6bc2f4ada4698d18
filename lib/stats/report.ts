import type { Target } from '../settings/targets';
import { ruleTarget } from '../settings/targets';
import { aggregate, falseAlarmRate, overriddenWhenFiredRate, type RuleStat } from './aggregate';
import { type Headline, hasUnresolvedCritical, headlineOf } from './metrics';
import { type MonitoredAlarm, monitorDrift } from './monitor';
import { type ReviewEstimate, reviewEstimate, reviewSample, type VerdictOf } from './review-sample';
import type { StatsRow } from './stats-row';
import {
  MIN_FINDINGS_PER_RULE,
  MIN_SUGGESTIONS_PER_DAY,
  periodTargetChecks,
  type TargetBreach,
  type TargetCheck,
  type TargetStatus,
  targetBreaches,
  targetStatus,
} from './targets';

/**
 * The periodic review report (entrypoints/report): one period and one team, with the headline
 * figures against their targets, the alarms and breaches of the period with what moved, the rules
 * and their false-alarm rates, the review sample's estimate and a few examples to read. Pure: the
 * page reads the log, the settings and the verdicts, and renders what this returns.
 */

/** Who the report is about: a helpdesk and some agents (none named: every agent in the log). */
export interface ReportTeam {
  /** Shown in the title; the lead's words. */
  name: string;
  helpdesk?: string;
  agents: readonly string[];
}

export interface ReportInput {
  /** Every decoded row of the log, oldest first (`decodeChunks`). */
  rows: readonly StatsRow[];
  /** `[start, end)`, local midnights. */
  period: { start: number; end: number };
  team: ReportTeam;
  targets: Readonly<Record<string, Target>>;
  reviewShare: number;
  verdicts: ReadonlyMap<string, VerdictOf & { note?: string | null }>;
}

/** A rule's line in the report. */
export interface ReportRule extends RuleStat {
  falseAlarmRate: number;
  overriddenRate: number;
  target: Target | undefined;
  /** Null when it has no target or too few findings to judge. */
  status: TargetStatus | null;
}

/** Why an example was picked, so the reader knows what to look for. */
export type ExampleKind = 'review-flagged' | 'unresolved-critical' | 'overridden';

/** An event to show as an example; the page reads its text and masks it. */
export interface ExampleRef {
  id: string;
  decidedAt: number;
  kind: ExampleKind;
}

export interface ReviewReport {
  period: { start: number; end: number };
  team: ReportTeam;
  /** Events of the team in the period. */
  events: number;
  agents: string[];
  helpdesks: string[];
  headline: Headline;
  previousHeadline: Headline | null;
  checks: TargetCheck[];
  /** Override rate per day of the period with its target status (days with too few suggestions: null). */
  days: { start: number; seen: number; overrideRate: number | null; status: TargetStatus | null }[];
  /** Drift alarms open at some time in the period, newest first. */
  alarms: MonitoredAlarm[];
  /** Stretches beyond a target that overlap the period, newest first. */
  breaches: TargetBreach[];
  /** Rules by findings shown, most first. */
  rules: ReportRule[];
  reviewShare: number;
  review: ReviewEstimate;
  examples: ExampleRef[];
}

/** True when the row is the team's. */
function teamMatcher(team: ReportTeam): (row: StatsRow) => boolean {
  const agents = new Set(team.agents);
  return (row) => (!team.helpdesk || row.helpdesk === team.helpdesk) && (agents.size === 0 || agents.has(row.agent));
}

/** How many examples of each kind the report shows at most. */
export const EXAMPLES_PER_KIND = 2;

/** Builds the report. The drift monitors and the target breaches run over the team's whole log (their baselines reach back before the period). */
export function buildReport(input: ReportInput): ReviewReport {
  const { period, team, targets } = input;
  const teamRows = input.rows.filter(teamMatcher(team));
  const first = teamRows[0]?.decidedAt ?? period.start;
  const agg = aggregate(teamRows, {}, period, first);
  const overlaps = (from: number, to: number | null) =>
    from < period.end && (to ?? Number.POSITIVE_INFINITY) > period.start;

  const drift = monitorDrift(teamRows);
  const alarms = drift.alarms.filter((a) => overlaps(a.startedAt, a.endedAt));
  const breaches = targetBreaches(teamRows, targets).filter((b) => overlaps(b.startedAt, b.endedAt));

  const overrideTarget = targets.overrideRate;
  const days = agg.trends.day.current.map((b) => {
    const value = b.tally.seen ? headlineOf(b.tally).overrideRate : null;
    return {
      start: b.start,
      seen: b.tally.seen,
      overrideRate: value,
      status: b.tally.seen >= MIN_SUGGESTIONS_PER_DAY ? targetStatus(value, overrideTarget) : null,
    };
  });

  const rules: ReportRule[] = agg.rules.map((r) => {
    const target = ruleTarget(targets, r.rule);
    return {
      ...r,
      falseAlarmRate: falseAlarmRate(r),
      overriddenRate: overriddenWhenFiredRate(r),
      target,
      status: r.fired >= MIN_FINDINGS_PER_RULE ? targetStatus(falseAlarmRate(r), target) : null,
    };
  });

  const accepted = agg.events.filter((r) => r.outcome === 'accepted');
  const sample = reviewSample(accepted, input.reviewShare);
  const review = reviewEstimate(accepted.length, sample, input.verdicts);

  const examples: ExampleRef[] = [];
  const pick = (kind: ExampleKind, rows: readonly StatsRow[]) => {
    for (const r of rows.slice(0, EXAMPLES_PER_KIND)) examples.push({ id: r.id, decidedAt: r.decidedAt, kind });
  };
  pick(
    'review-flagged',
    sample.filter((r) => input.verdicts.get(r.id)?.verdict === 'should-change'),
  );
  const newestFirst = [...agg.events].reverse();
  pick(
    'unresolved-critical',
    newestFirst.filter(
      (r) => (r.outcome === 'accepted' || r.outcome === 'edited') && hasUnresolvedCritical(r.findings),
    ),
  );
  const seenReasons = new Set<string>();
  pick(
    'overridden',
    newestFirst.filter((r) => {
      if (r.outcome === 'accepted' || !r.reason || seenReasons.has(r.reason)) return false;
      seenReasons.add(r.reason);
      return true;
    }),
  );

  return {
    period,
    team,
    events: agg.events.length,
    agents: [...new Set(agg.events.map((r) => r.agent || 'me'))].sort(),
    helpdesks: [...new Set(agg.events.map((r) => r.helpdesk))].sort(),
    headline: agg.headline,
    previousHeadline: agg.previousHeadline,
    checks: periodTargetChecks(agg.headline, agg.rules, targets),
    days,
    alarms,
    breaches,
    rules,
    reviewShare: input.reviewShare,
    review,
    examples,
  };
}

import { useMemo } from 'react';
import { ruleTarget, type Target } from '@/lib/settings/targets';
import { falseAlarmRate, overriddenWhenFiredRate, type RuleStat } from '@/lib/stats/aggregate';
import { formatTarget, MIN_FINDINGS_PER_RULE, targetStatus } from '@/lib/stats/targets';
import { EMPTY_TEXT } from './labels';
import { SortHeader } from './SortHeader';
import type { RuleSortKey, Sort } from './store';

interface Props {
  rules: RuleStat[];
  /** The targets: a rule's false-alarm rate beyond its own (or every rule's) target is marked. */
  targets?: Readonly<Record<string, Target>> | null;
  sort: Sort<RuleSortKey>;
  onSort(key: RuleSortKey): void;
}

const COLUMNS: readonly { key: RuleSortKey; label: string; title: string }[] = [
  { key: 'rule', label: 'Rule', title: 'The rule id, as in the rule catalogue.' },
  { key: 'category', label: 'Category', title: 'The risk category of the rule.' },
  { key: 'fired', label: 'Fired', title: 'Findings of this rule shown to agents in the period.' },
  {
    key: 'falseAlarmRate',
    label: 'False alarms',
    title: 'Share of its findings that agents dismissed as not a problem.',
  },
  {
    key: 'overriddenRate',
    label: 'Overridden when fired',
    title: 'Share of suggestions it fired on that were edited, rejected or escalated.',
  },
];

const value = (r: RuleStat, key: RuleSortKey): number | string =>
  key === 'falseAlarmRate'
    ? falseAlarmRate(r)
    : key === 'overriddenRate'
      ? overriddenWhenFiredRate(r)
      : key === 'fired'
        ? r.fired
        : r[key];

/** Rules with their false-alarm and override rates, sortable: how admins tune rule packs. */
export function RulesTable({ rules, sort, onSort, targets }: Props) {
  const sorted = useMemo(() => {
    const out = [...rules];
    out.sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -c : c;
    });
    return out;
  }, [rules, sort]);

  return (
    <section aria-labelledby="rg-rules-title" className="rg-section rg-card">
      <h2 id="rg-rules-title">Rules</h2>
      {rules.length === 0 ? (
        <p className="rg-muted">{EMPTY_TEXT.noRules}</p>
      ) : (
        <div className="rg-scroll">
          <table className="rg-table" data-rg-rules="">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <SortHeader key={c.key} label={c.label} title={c.title} column={c.key} sort={sort} onSort={onSort} />
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.rule} data-rg-rule={r.rule}>
                  <td>
                    <code>{r.rule}</code>
                  </td>
                  <td>{r.category}</td>
                  <td>{r.fired.toLocaleString('en')}</td>
                  <td>
                    {(falseAlarmRate(r) * 100).toFixed(1)}% <span className="rg-muted">({r.dismissed})</span>
                    <RuleTargetMark rule={r} targets={targets} />
                  </td>
                  <td>
                    {(overriddenWhenFiredRate(r) * 100).toFixed(1)}%{' '}
                    <span className="rg-muted">
                      ({r.overridden}/{r.suggestions})
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Marks a false-alarm rate beyond its target (with enough findings to judge: `MIN_FINDINGS_PER_RULE`). */
function RuleTargetMark({ rule, targets }: { rule: RuleStat; targets: Props['targets'] }) {
  const target = targets ? ruleTarget(targets, rule.rule) : undefined;
  if (!target || rule.fired < MIN_FINDINGS_PER_RULE) return null;
  const status = targetStatus(falseAlarmRate(rule), target);
  if (status === 'met' || status === null) return null;
  return (
    <span
      className="rg-beyond"
      data-rg-rule-beyond={status}
      title={`Target: ${formatTarget('falseAlarmRate', target)}`}
    >
      {' '}
      {status === 'above' ? '▲ above target' : '▼ below target'}
    </span>
  );
}

import { CATEGORY_LABELS } from '@/components/ui/labels';
import { rules } from '@/lib/engine/rules/registry';
import type { Severity } from '@/lib/engine/types';
import type { RuleSeverityOverride } from '@/lib/settings/schema';
import { Locked } from './Locked';

export const SEVERITY_LABELS: Record<RuleSeverityOverride, string> = {
  info: 'Info (a hint)',
  warning: 'Warning',
  critical: 'Critical (send-guard acts)',
  off: 'Off',
};

const LEVELS: RuleSeverityOverride[] = ['info', 'warning', 'critical', 'off'];

interface Props {
  overrides: Readonly<Record<string, RuleSeverityOverride>>;
  isLocked(ruleId: string): boolean;
  onChange(ruleId: string, level: RuleSeverityOverride | null): void;
}

/** Every built-in rule, generated from the registry: what it catches, its default, and the admin's choice. */
export function RuleTable({ overrides, isLocked, onChange }: Props) {
  return (
    <table className="rg-table" data-rg-rule-table>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Category</th>
          <th scope="col">What it catches</th>
          <th scope="col">Default</th>
          <th scope="col">Severity</th>
        </tr>
      </thead>
      <tbody>
        {rules.map(({ meta }) => {
          const override = overrides[meta.id];
          const locked = isLocked(meta.id);
          const selectId = `rg-rule-${meta.id}`;
          return (
            <tr key={meta.id} data-rg-rule={meta.id} data-rg-override={override ?? ''}>
              <td>
                <code>{meta.id}</code>
              </td>
              <td>{CATEGORY_LABELS[meta.category]}</td>
              <td>{meta.description}</td>
              <td>{SEVERITY_LABELS[meta.severity as Severity]}</td>
              <td>
                <label className="rg-visually-hidden" htmlFor={selectId}>
                  Severity of {meta.id}
                </label>
                <select
                  id={selectId}
                  name={`severity-${meta.id}`}
                  value={override ?? ''}
                  disabled={locked}
                  onChange={(e) => onChange(meta.id, (e.target.value || null) as RuleSeverityOverride | null)}
                >
                  <option value="">Default ({meta.severity})</option>
                  {LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {SEVERITY_LABELS[level]}
                    </option>
                  ))}
                </select>{' '}
                {override && !locked && (
                  <button type="button" className="rg-button rg-button--small" onClick={() => onChange(meta.id, null)}>
                    Back to default
                  </button>
                )}
                <Locked locked={locked} name={`ruleSeverity.${meta.id}`} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

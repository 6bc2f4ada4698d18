import { useEffect, useId, useState } from 'react';
import { RULE_TARGET_PREFIX, type Target } from '@/lib/settings/targets';
import type { RuleStat } from '@/lib/stats/aggregate';
import type { Headline } from '@/lib/stats/metrics';
import {
  formatTarget,
  formatTargetValue,
  MIN_FINDINGS_PER_RULE,
  periodTargetChecks,
  TARGET_FIGURES,
  type TargetCheck,
  type TargetFigureInfo,
  type TargetStatus,
} from '@/lib/stats/targets';
import { Locked } from '../options/Locked';
import { type GovernanceActions, type GovernanceState, targetLocked } from './governance-store';

interface Props {
  /** The period's headline figures (filters applied). */
  headline: Headline | null;
  /** The period's rules, once computed after the first paint. */
  rules: readonly RuleStat[] | null;
  governance: GovernanceState;
  actions: Pick<GovernanceActions, 'setTarget'>;
}

const STATUS_TEXT: Record<TargetStatus, string> = { met: 'met', above: 'above target', below: 'below target' };

/** A bound as typed: percent for shares, seconds for times. */
const toInput = (info: TargetFigureInfo, v: number | undefined): string =>
  v === undefined ? '' : String(info.unit === 'share' ? Math.round(v * 10_000) / 100 : v / 1000);
const fromInput = (info: TargetFigureInfo, text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? (info.unit === 'share' ? n / 100 : n * 1000) : Number.NaN;
};

function StatusPill({ status }: { status: TargetStatus | null }) {
  if (!status) return <span className="rg-muted">–</span>;
  return (
    <span className={`rg-pill rg-pill--target-${status}`} data-rg-target-status={status}>
      {STATUS_TEXT[status]}
    </span>
  );
}

/** Min and max of one target, in the figure's own units, with Save and Remove; read-only when the policy fixes it. */
function TargetEditor(props: {
  targetKey: string;
  info: TargetFigureInfo;
  target: Target | undefined;
  locked: boolean;
  onSave(target: Target | null): void;
}) {
  const { info, target, locked } = props;
  const [min, setMin] = useState(toInput(info, target?.min));
  const [max, setMax] = useState(toInput(info, target?.max));
  useEffect(() => {
    setMin(toInput(info, target?.min));
    setMax(toInput(info, target?.max));
  }, [info, target]);
  const id = useId();
  const unit = info.unit === 'share' ? '%' : 's';
  if (locked) return <Locked locked name={props.targetKey} />;
  const save = () => {
    const lo = fromInput(info, min);
    const hi = fromInput(info, max);
    if (lo === undefined && hi === undefined) props.onSave(null);
    else props.onSave({ ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) });
  };
  return (
    <form
      className="rg-target-editor"
      data-rg-target-editor={props.targetKey}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label htmlFor={`${id}-min`}>
        at least{' '}
        <input id={`${id}-min`} inputMode="decimal" size={5} value={min} onChange={(e) => setMin(e.target.value)} />{' '}
        {unit}
      </label>{' '}
      <label htmlFor={`${id}-max`}>
        at most{' '}
        <input id={`${id}-max`} inputMode="decimal" size={5} value={max} onChange={(e) => setMax(e.target.value)} />{' '}
        {unit}
      </label>{' '}
      <button type="submit" className="rg-button">
        Save
      </button>
      {target ? (
        <button type="button" className="rg-link" onClick={() => props.onSave(null)}>
          Remove
        </button>
      ) : null}
    </form>
  );
}

/**
 * The team's targets: each figure of the period against its target, whether it is met, and the
 * editor a lead sets them with (a target the policy fixes shows "Set by your organisation").
 * Rules are held to their own target or the one for every rule once they fired
 * `MIN_FINDINGS_PER_RULE` times in the period.
 */
export function TargetsPanel({ headline, rules, governance, actions }: Props) {
  const { targets } = governance;
  const [newRule, setNewRule] = useState('');
  const checks: TargetCheck[] = targets && headline ? periodTargetChecks(headline, rules, targets) : [];
  const ruleChecks = checks.filter((c) => c.rule);
  const ruleKeys = Object.keys(targets ?? {}).filter((k) => k.startsWith(RULE_TARGET_PREFIX));
  const ruleInfo = TARGET_FIGURES.find((f) => f.figure === 'falseAlarmRate') as TargetFigureInfo;
  const ruleOptions = (rules ?? []).map((r) => r.rule).filter((r) => !ruleKeys.includes(`${RULE_TARGET_PREFIX}${r}`));

  return (
    <section aria-labelledby="rg-targets-title" className="rg-section rg-card" data-rg-targets="">
      <h2 id="rg-targets-title">Targets</h2>
      <p className="rg-muted rg-small">
        The benchmarks the team is held to, for the period and filters above. The trend draws the charted figure’s
        target, the drift panel lists the days beyond one, and the review report checks them all. Shares in %, times in
        seconds.
      </p>
      {targets === null ? (
        <p className="rg-muted" aria-busy="true">
          Reading the settings…
        </p>
      ) : (
        <div className="rg-scroll">
          <table className="rg-table rg-table--compact">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">This period</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col">Set</th>
              </tr>
            </thead>
            <tbody>
              {TARGET_FIGURES.map((info) => {
                const target = targets[info.figure];
                const check = checks.find((c) => c.key === info.figure && !c.rule);
                const beyond = info.figure === 'falseAlarmRate' ? ruleChecks.filter((c) => c.status !== 'met') : [];
                return (
                  <tr key={info.figure} data-rg-target-row={info.figure} title={info.meaning}>
                    <th scope="row">{info.label}</th>
                    <td>
                      {info.figure === 'falseAlarmRate'
                        ? rules
                          ? `${beyond.length} of ${ruleChecks.length} rules beyond`
                          : '…'
                        : formatTargetValue(info.figure, headline ? headline[info.figure] : null)}
                    </td>
                    <td>{target ? formatTarget(info.figure, target) : <span className="rg-muted">none</span>}</td>
                    <td>
                      {info.figure === 'falseAlarmRate' ? (
                        target && rules ? (
                          <StatusPill status={beyond.length ? 'above' : 'met'} />
                        ) : (
                          <StatusPill status={null} />
                        )
                      ) : (
                        <StatusPill status={check?.status ?? null} />
                      )}
                    </td>
                    <td>
                      <TargetEditor
                        targetKey={info.figure}
                        info={info}
                        target={target}
                        locked={targetLocked(governance, info.figure)}
                        onSave={(t) => actions.setTarget(info.figure, t)}
                      />
                    </td>
                  </tr>
                );
              })}
              {ruleKeys.map((key) => {
                const rule = key.slice(RULE_TARGET_PREFIX.length);
                const check = ruleChecks.find((c) => c.rule === rule);
                const stat = rules?.find((r) => r.rule === rule);
                return (
                  <tr key={key} data-rg-target-row={key}>
                    <th scope="row">
                      False alarms of <code>{rule}</code>
                    </th>
                    <td>
                      {stat
                        ? `${formatTargetValue('falseAlarmRate', stat.fired ? stat.dismissed / stat.fired : null)}`
                        : '–'}
                      {stat && stat.fired < MIN_FINDINGS_PER_RULE ? (
                        <span className="rg-muted"> ({stat.fired} findings: too few to judge)</span>
                      ) : null}
                    </td>
                    <td>{formatTarget('falseAlarmRate', targets[key] as Target)}</td>
                    <td>
                      <StatusPill status={check?.status ?? null} />
                    </td>
                    <td>
                      <TargetEditor
                        targetKey={key}
                        info={ruleInfo}
                        target={targets[key]}
                        locked={targetLocked(governance, key)}
                        onSave={(t) => actions.setTarget(key, t)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {ruleOptions.length && !governance.allLocked ? (
            <form
              className="rg-row"
              onSubmit={(e) => {
                e.preventDefault();
                if (!newRule) return;
                const base = targets.falseAlarmRate ?? { max: 0.3 };
                actions.setTarget(`${RULE_TARGET_PREFIX}${newRule}`, base);
                setNewRule('');
              }}
            >
              <label>
                A rule’s own false-alarm target:{' '}
                <select value={newRule} onChange={(e) => setNewRule(e.target.value)} aria-label="Rule">
                  <option value="">Choose a rule</option>
                  {ruleOptions.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button type="submit" className="rg-button" disabled={!newRule}>
                Add
              </button>
            </form>
          ) : null}
          {ruleChecks.some((c) => c.status !== 'met') ? (
            <p data-rg-rules-beyond={ruleChecks.filter((c) => c.status !== 'met').length}>
              Rules beyond their false-alarm target:{' '}
              {ruleChecks
                .filter((c) => c.status !== 'met')
                .map((c) => `${c.rule} ${formatTargetValue('falseAlarmRate', c.value)} of ${c.count} findings`)
                .join(' · ')}
            </p>
          ) : null}
        </div>
      )}
      <div aria-live="polite">
        {governance.message ? (
          <p className={governance.message.kind === 'error' ? 'rg-error' : 'rg-muted'} data-rg-governance-message="">
            {governance.message.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}

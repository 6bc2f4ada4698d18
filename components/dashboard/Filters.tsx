import { OUTCOMES, OVERRIDE_REASONS, SUGGESTION_SOURCES } from '@/lib/db/schema';
import { CATEGORIES } from '@/lib/engine/types';
import { OUTCOME_LABELS, PERIOD_LABELS, REASON_LABELS, SOURCE_LABELS } from './labels';
import type { Filters as FilterValues, PeriodPreset } from './store';

interface Props {
  period: PeriodPreset;
  filters: FilterValues;
  helpdesks: readonly string[];
  agents: readonly string[];
  helpdeskName(id: string): string;
  onPeriod(period: PeriodPreset): void;
  onFilter<K extends keyof FilterValues>(key: K, value: FilterValues[K] | undefined): void;
  onClear(): void;
}

interface Choice {
  value: string;
  label: string;
}

function Select(props: {
  id: string;
  label: string;
  value: string | undefined;
  choices: Choice[];
  onChange(v: string | undefined): void;
}) {
  return (
    <label className="rg-filter" htmlFor={props.id}>
      <span>{props.label}</span>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)}>
        <option value="">Any</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Period and filters. Everything on the page below follows them. */
export function Filters(props: Props) {
  const { filters } = props;
  const active = Object.keys(filters).length > 0;
  return (
    <form className="rg-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label className="rg-filter" htmlFor="rg-f-period">
        <span>Period</span>
        <select id="rg-f-period" value={props.period} onChange={(e) => props.onPeriod(e.target.value as PeriodPreset)}>
          {(Object.keys(PERIOD_LABELS) as PeriodPreset[]).map((p) => (
            <option key={p} value={p}>
              {PERIOD_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <Select
        id="rg-f-helpdesk"
        label="Helpdesk"
        value={filters.helpdesk}
        choices={props.helpdesks.map((h) => ({ value: h, label: props.helpdeskName(h) }))}
        onChange={(v) => props.onFilter('helpdesk', v)}
      />
      <Select
        id="rg-f-agent"
        label="Agent"
        value={filters.agent}
        choices={props.agents.map((a) => ({ value: a, label: a || 'me' }))}
        onChange={(v) => props.onFilter('agent', v)}
      />
      <Select
        id="rg-f-source"
        label="Source"
        value={filters.source}
        choices={SUGGESTION_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
        onChange={(v) => props.onFilter('source', v as FilterValues['source'])}
      />
      <Select
        id="rg-f-category"
        label="Category"
        value={filters.category}
        choices={CATEGORIES.map((c) => ({ value: c, label: c }))}
        onChange={(v) => props.onFilter('category', v as FilterValues['category'])}
      />
      <Select
        id="rg-f-outcome"
        label="Outcome"
        value={filters.outcome}
        choices={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
        onChange={(v) => props.onFilter('outcome', v as FilterValues['outcome'])}
      />
      <Select
        id="rg-f-reason"
        label="Reason"
        value={filters.reason}
        choices={OVERRIDE_REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] }))}
        onChange={(v) => props.onFilter('reason', v as FilterValues['reason'])}
      />
      <button type="button" className="rg-button" onClick={props.onClear} disabled={!active}>
        Clear filters
      </button>
    </form>
  );
}

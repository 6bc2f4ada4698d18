import {
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
  type BreakdownRow,
  breakdownOverrideRate,
} from '@/lib/stats/aggregate';
import { BREAKDOWN_LABELS } from './labels';

interface Props {
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
  dimension: BreakdownDimension;
  onDimension(dimension: BreakdownDimension): void;
  /** Shows the key in people's words (helpdesk names, reason labels). */
  name(dimension: BreakdownDimension, key: string): string;
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '–');

/** Outcomes broken down by one dimension, with a bar for the override rate. */
export function Breakdowns({ breakdowns, dimension, onDimension, name }: Props) {
  const rows = breakdowns[dimension];
  return (
    <section aria-labelledby="rg-breakdown-title" className="rg-section rg-card">
      <div className="rg-section__head">
        <h2 id="rg-breakdown-title">Breakdown</h2>
        <div role="tablist" aria-label="Break down by" className="rg-segmented">
          {BREAKDOWN_DIMENSIONS.map((d) => (
            <button
              key={d}
              type="button"
              role="tab"
              aria-selected={d === dimension}
              className="rg-button"
              onClick={() => onDimension(d)}
            >
              {BREAKDOWN_LABELS[d]}
            </button>
          ))}
        </div>
      </div>
      <div className="rg-scroll" role="tabpanel" aria-label={BREAKDOWN_LABELS[dimension]}>
        <table className="rg-table" data-rg-breakdown={dimension}>
          <thead>
            <tr>
              <th scope="col">{BREAKDOWN_LABELS[dimension]}</th>
              <th scope="col">Suggestions</th>
              <th scope="col">Accepted</th>
              <th scope="col">Edited</th>
              <th scope="col">Rejected</th>
              <th scope="col">Escalated</th>
              <th scope="col">Override rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.key} data-rg-key={b.key}>
                <th scope="row">{name(dimension, b.key)}</th>
                <td>{b.seen.toLocaleString('en')}</td>
                <td>{pct(b.accepted, b.seen)}</td>
                <td>{pct(b.edited, b.seen)}</td>
                <td>{pct(b.rejected, b.seen)}</td>
                <td>{pct(b.escalated, b.seen)}</td>
                <td>
                  <span className="rg-bar" style={{ width: `${Math.round(breakdownOverrideRate(b) * 80)}px` }} />{' '}
                  {pct(b.seen - b.accepted, b.seen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import type { Mover } from '@/lib/stats/monitor';
import { MOVER_LABELS } from './labels';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const signedPts = (v: number) => `${v > 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} pts`;

/**
 * "What moved most": the biggest changes between a baseline and a window, one table for the
 * drift alarms and the target breaches alike, so a lead reads both the same way.
 */
export function MoversTable({
  movers,
  caption,
  limit = 5,
}: {
  movers: readonly Mover[];
  caption: string;
  limit?: number;
}) {
  return (
    <table className="rg-table rg-table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Baseline</th>
          <th scope="col">During alarm</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {movers.slice(0, limit).map((m) => (
          <tr key={`${m.dimension}:${m.key}`} title={m.meaning} data-rg-mover={`${m.dimension}:${m.key}`}>
            <td>
              {MOVER_LABELS[m.dimension]}: {m.key}
            </td>
            <td>{pct(m.baseline)}</td>
            <td>{pct(m.window)}</td>
            <td>{signedPts(m.delta)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

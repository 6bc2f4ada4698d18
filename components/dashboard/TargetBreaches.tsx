import { formatTarget, formatTargetValue, type TargetBreach, targetLabel } from '@/lib/stats/targets';
import { MoversTable } from './MoversTable';

const day = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

/** The last day of a breach: the day before its (exclusive) end. */
const lastDay = (b: TargetBreach) => b.endedAt - 12 * 3_600_000;

/**
 * Stretches of days a figure spent beyond its target, newest first, each with the same "what
 * moved" table as a drift alarm: the breach's days against the days within target before it.
 */
export function TargetBreaches({ breaches }: { breaches: readonly TargetBreach[] }) {
  return (
    <>
      <h3>Target breaches</h3>
      {breaches.length === 0 ? (
        <p className="rg-muted" data-rg-breaches="0">
          No day beyond a target.
        </p>
      ) : (
        <ul className="rg-alarms" data-rg-breaches={breaches.length}>
          {breaches.map((b) => (
            <li
              key={`${b.figure}-${b.startedAt}`}
              className="rg-alarm rg-alarm--target"
              data-rg-breach={b.figure}
              data-rg-breach-open={b.open}
            >
              <div>
                <strong>
                  {targetLabel(b.figure)} {b.direction === 'above' ? 'above' : 'below'} its target
                </strong>{' '}
                ({formatTarget(b.figure, b.target)}): {formatTargetValue(b.figure, b.level)} over {b.days}{' '}
                {b.days === 1 ? 'day' : 'days'} ({b.suggestions.toLocaleString('en')} suggestions), against{' '}
                {formatTargetValue(b.figure, b.baseline)} on the days within target before · {day.format(b.startedAt)}
                {b.days > 1 || b.endedAt - b.startedAt > 86_400_000 ? ` to ${day.format(lastDay(b))}` : ''}
                {b.open ? ' · still beyond' : ''}
              </div>
              {b.movers.length ? (
                <MoversTable movers={b.movers} caption="What moved most (breach days vs days within target)" />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

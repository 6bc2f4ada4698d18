-- Per rule in the period (lib/stats/aggregate.ts, `RuleStat`): findings shown, dismissed as not a
-- problem (the false-alarm rate), suggestions it fired on and how many of those were not sent as
-- suggested. Portable SQL over rg_finding and rg_params.
WITH scoped AS (
  SELECT f.*
  FROM rg_finding f CROSS JOIN rg_params p
  WHERE f.decided_at >= p.period_start AND f.decided_at < p.period_end
),
per_event AS (
  SELECT rule, ord, MAX(CASE WHEN outcome <> 'accepted' THEN 1 ELSE 0 END) AS overridden
  FROM scoped
  GROUP BY rule, ord
),
fired AS (
  SELECT
    rule,
    MIN(category) AS category,
    COUNT(*) AS fired,
    SUM(CASE WHEN dismissed THEN 1 ELSE 0 END) AS dismissed
  FROM scoped
  GROUP BY rule
),
events AS (
  SELECT rule, COUNT(*) AS suggestions, SUM(overridden) AS overridden
  FROM per_event
  GROUP BY rule
)
SELECT
  f.rule,
  f.category,
  f.fired,
  f.dismissed,
  e.suggestions,
  e.overridden,
  CAST(f.dismissed AS DOUBLE) / NULLIF(f.fired, 0) AS false_alarm_rate,
  CAST(e.overridden AS DOUBLE) / NULLIF(e.suggestions, 0) AS overridden_rate
FROM fired f
JOIN events e ON e.rule = f.rule
ORDER BY f.fired DESC, f.rule;

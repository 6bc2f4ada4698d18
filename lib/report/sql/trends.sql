-- Day and week trend points of the period and the period before (lib/stats/aggregate.ts,
-- `PeriodTallies`): one row per granularity, period and local day or week (Monday) that holds
-- events; buckets without events are left out. Portable SQL over rg_event and rg_params.
WITH scoped AS (
  SELECT e.*, CASE WHEN e.decided_at >= p.period_start THEN 'current' ELSE 'previous' END AS period
  FROM rg_event e CROSS JOIN rg_params p
  WHERE e.decided_at >= p.prev_start AND e.decided_at < p.period_end
),
days AS (
  SELECT
    period,
    local_day,
    local_week,
    COUNT(*) AS seen,
    SUM(CASE WHEN outcome = 'accepted' THEN 1 ELSE 0 END) AS accepted,
    SUM(CASE WHEN outcome = 'edited' THEN 1 ELSE 0 END) AS edited,
    SUM(CASE WHEN outcome = 'rejected' THEN 1 ELSE 0 END) AS rejected,
    SUM(CASE WHEN outcome = 'escalated' THEN 1 ELSE 0 END) AS escalated,
    SUM(finding_count) AS findings,
    SUM(CASE WHEN outcome IN ('accepted', 'edited') AND critical_open THEN 1 ELSE 0 END) AS sent_with_critical,
    SUM(CASE WHEN outcome = 'edited' THEN edit_size ELSE 0 END) AS edit_size_sum,
    SUM(CASE WHEN outcome = 'edited' THEN 1 - similarity ELSE 0 END) AS edit_change_sum
  FROM scoped
  GROUP BY period, local_day, local_week
),
points AS (
  SELECT
    'day' AS granularity, period, local_day AS bucket, seen, accepted, edited, rejected, escalated, findings,
    sent_with_critical, edit_size_sum, edit_change_sum
  FROM days
  UNION ALL
  SELECT
    'week' AS granularity, period, local_week AS bucket, SUM(seen), SUM(accepted), SUM(edited), SUM(rejected),
    SUM(escalated), SUM(findings), SUM(sent_with_critical), SUM(edit_size_sum), SUM(edit_change_sum)
  FROM days
  GROUP BY period, local_week
)
SELECT
  granularity,
  period,
  CAST(bucket AS VARCHAR) AS bucket,
  seen,
  accepted,
  edited,
  rejected,
  escalated,
  findings,
  sent_with_critical,
  edit_size_sum,
  edit_change_sum,
  CAST(accepted AS DOUBLE) / NULLIF(seen, 0) AS acceptance_rate,
  CAST(seen - accepted AS DOUBLE) / NULLIF(seen, 0) AS override_rate,
  CAST(edited AS DOUBLE) / NULLIF(seen, 0) AS edit_rate,
  CAST(rejected AS DOUBLE) / NULLIF(seen, 0) AS rejection_rate,
  CAST(escalated AS DOUBLE) / NULLIF(seen, 0) AS escalation_rate,
  CAST(100 * findings AS DOUBLE) / NULLIF(seen, 0) AS findings_per_100,
  CAST(sent_with_critical AS DOUBLE) / NULLIF(seen, 0) AS unresolved_critical_share
FROM points
ORDER BY granularity, period, bucket;

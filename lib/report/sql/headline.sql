-- Headline figures of the period and of the same-length period before it (lib/stats/metrics.ts,
-- `headlineOf`): one row per period ('current', 'previous'). Portable SQL over rg_event and rg_params.
WITH scoped AS (
  SELECT e.*, CASE WHEN e.decided_at >= p.period_start THEN 'current' ELSE 'previous' END AS period
  FROM rg_event e CROSS JOIN rg_params p
  WHERE e.decided_at >= p.prev_start AND e.decided_at < p.period_end
),
tally AS (
  SELECT
    period,
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
  GROUP BY period
),
-- The median time to decision, exactly: the middle one or two of the sorted times.
ranked AS (
  SELECT
    period,
    decided_at - shown_at AS ms,
    ROW_NUMBER() OVER (PARTITION BY period ORDER BY decided_at - shown_at) AS rn,
    COUNT(*) OVER (PARTITION BY period) AS n
  FROM scoped
  WHERE decided_at - shown_at >= 0
),
middle AS (
  SELECT period, AVG(ms) AS median_decision_ms
  FROM ranked
  WHERE rn = FLOOR((n + 1) / 2.0) OR rn = FLOOR((n + 2) / 2.0)
  GROUP BY period
)
SELECT
  t.period,
  t.seen,
  t.accepted,
  t.edited,
  t.rejected,
  t.escalated,
  t.findings,
  t.sent_with_critical,
  t.edit_size_sum,
  t.edit_change_sum,
  CAST(t.accepted AS DOUBLE) / NULLIF(t.seen, 0) AS acceptance_rate,
  CAST(t.edited AS DOUBLE) / NULLIF(t.seen, 0) AS edit_rate,
  CAST(t.rejected AS DOUBLE) / NULLIF(t.seen, 0) AS rejection_rate,
  CAST(t.escalated AS DOUBLE) / NULLIF(t.seen, 0) AS escalation_rate,
  CAST(t.seen - t.accepted AS DOUBLE) / NULLIF(t.seen, 0) AS override_rate,
  CAST(t.edit_size_sum AS DOUBLE) / NULLIF(t.edited, 0) AS mean_edit_size,
  t.edit_change_sum / NULLIF(t.edited, 0) AS mean_edit_change,
  m.median_decision_ms,
  CAST(100 * t.findings AS DOUBLE) / NULLIF(t.seen, 0) AS findings_per_100,
  CAST(t.sent_with_critical AS DOUBLE) / NULLIF(t.seen, 0) AS unresolved_critical_share
FROM tally t
LEFT JOIN middle m ON m.period = t.period
ORDER BY t.period;

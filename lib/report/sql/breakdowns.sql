-- Breakdowns of the period (lib/stats/aggregate.ts, `BreakdownRow`): per helpdesk, agent, source,
-- reason, customer sentiment, sarcasm and finding category, what agents did with the suggestions.
-- An event counts once per category it showed a finding of. Portable SQL over rg_event,
-- rg_finding and rg_params.
WITH scoped AS (
  SELECT e.*
  FROM rg_event e CROSS JOIN rg_params p
  WHERE e.decided_at >= p.period_start AND e.decided_at < p.period_end
),
keyed AS (
  SELECT 'helpdesk' AS dimension, helpdesk AS key, outcome, finding_count FROM scoped
  UNION ALL
  SELECT 'agent', CASE WHEN agent = '' THEN 'me' ELSE agent END, outcome, finding_count FROM scoped
  UNION ALL
  SELECT 'source', source, outcome, finding_count FROM scoped
  UNION ALL
  SELECT 'reason', COALESCE(reason, 'none given'), outcome, finding_count FROM scoped
  UNION ALL
  SELECT 'sentiment', COALESCE(sentiment, 'unknown'), outcome, finding_count FROM scoped
  UNION ALL
  SELECT
    'sarcasm',
    CASE WHEN sarcasm IS NULL THEN 'unknown' WHEN sarcasm THEN 'sarcastic' ELSE 'not sarcastic' END,
    outcome,
    finding_count
  FROM scoped
  UNION ALL
  SELECT 'category', c.category, s.outcome, s.finding_count
  FROM scoped s
  JOIN (SELECT DISTINCT ord, category FROM rg_finding) c ON c.ord = s.ord
  UNION ALL
  SELECT 'category', 'no findings', outcome, finding_count FROM scoped WHERE finding_count = 0
)
SELECT
  dimension,
  key,
  COUNT(*) AS seen,
  SUM(CASE WHEN outcome = 'accepted' THEN 1 ELSE 0 END) AS accepted,
  SUM(CASE WHEN outcome = 'edited' THEN 1 ELSE 0 END) AS edited,
  SUM(CASE WHEN outcome = 'rejected' THEN 1 ELSE 0 END) AS rejected,
  SUM(CASE WHEN outcome = 'escalated' THEN 1 ELSE 0 END) AS escalated,
  SUM(finding_count) AS findings,
  CAST(SUM(CASE WHEN outcome <> 'accepted' THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS override_rate
FROM keyed
GROUP BY dimension, key
ORDER BY dimension, seen DESC, key;

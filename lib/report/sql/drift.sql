-- Drift inputs (lib/stats/monitor.ts, `monitorDrift`): every event of the log in time order (ties
-- by id) cut into blocks of `block_size` events, max(25, ceil(events / 300)); per full block, its
-- first and last decision time and the share of events overridden ('override-rate') and with a
-- finding of each category that appears in the log ('category:<name>'). The CUSUM monitors
-- (lib/stats/drift.ts) run on these few hundred observations. Portable SQL over rg_event and rg_finding
-- (`ord`: the events' numbers in time order, ties by id).
WITH ordered AS (
  SELECT ord, decided_at, CASE WHEN outcome = 'accepted' THEN 0 ELSE 1 END AS overridden, ord - 1 AS i
  FROM rg_event
),
size AS (
  SELECT COUNT(*) AS n, GREATEST(25, CAST(CEIL(COUNT(*) / 300.0) AS BIGINT)) AS block_size FROM rg_event
),
blocked AS (
  SELECT o.ord, o.decided_at, o.overridden, o.i, s.block_size,
    CAST((o.i - MOD(o.i, s.block_size)) / s.block_size AS BIGINT) AS block
  FROM ordered o CROSS JOIN size s
  WHERE o.i < s.n - MOD(s.n, s.block_size)
),
blocks AS (
  SELECT block, MIN(block_size) AS block_size, MIN(i) AS first_event, MIN(decided_at) AS from_ms,
    MAX(decided_at) AS to_ms, AVG(overridden) AS override_rate
  FROM blocked
  GROUP BY block
),
categories AS (SELECT DISTINCT category FROM rg_finding),
category_hits AS (
  SELECT b.block, f.category, COUNT(*) AS hits
  FROM blocked b
  JOIN (SELECT DISTINCT ord, category FROM rg_finding) f ON f.ord = b.ord
  GROUP BY b.block, f.category
)
SELECT 'override-rate' AS metric, block, block_size, first_event, from_ms, to_ms, override_rate AS value
FROM blocks
UNION ALL
SELECT
  CONCAT('category:', c.category), b.block, b.block_size, b.first_event, b.from_ms, b.to_ms,
  CAST(COALESCE(h.hits, 0) AS DOUBLE) / b.block_size
FROM blocks b
CROSS JOIN categories c
LEFT JOIN category_hits h ON h.block = b.block AND h.category = c.category
ORDER BY metric, block;

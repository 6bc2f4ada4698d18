-- The log as a whole: events (after removing repeated ids), rows that repeated an id, first and last decision, helpdesks and agents.
SELECT
  COUNT(*) AS events,
  SUM(copies) - COUNT(*) AS repeated,
  MIN(decided_at) AS first_ms,
  MAX(decided_at) AS last_ms,
  COUNT(DISTINCT helpdesk) AS helpdesks,
  COUNT(DISTINCT agent) AS agents
FROM rg_event;

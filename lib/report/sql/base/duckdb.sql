-- ReplyGuard report, DuckDB base: turns the export rows into the three relations every figure query
-- reads (rg_event, rg_finding; rg_params comes from the runner; see the README's "The same figures
-- on an analytics engine"). The runner (lib/cli/report-duckdb.ts) first defines `rg_rows`: one row
-- per NDJSON line or Parquet row of the export files, with the export schema's field names and
-- `file`, the path it came from. `{{tz}}` is the IANA time zone of the report's local days.

-- One row per event id: an id seen in several files (overlapping exports) counts once, from the
-- first file by path; `copies` says how many rows carried it. Lines that are no rows (no id, or
-- an outcome the schema does not know, e.g. a header line) are left out.
CREATE OR REPLACE TEMP TABLE rg_kept AS
SELECT * EXCLUDE (copy) FROM (
  SELECT
    id,
    decidedAt AS decided_at,
    shownAt AS shown_at,
    helpdesk,
    agent,
    outcome,
    reason,
    similarity,
    editSize AS edit_size,
    -- Version-1 exports have no source: ReplyGuard then followed AI controls only.
    COALESCE(source, 'ai-control') AS source,
    customer.sentiment.label AS sentiment,
    customer.sarcasm.likely AS sarcasm,
    COALESCE(len(findings), 0) AS finding_count,
    COALESCE(len(list_filter(findings, f -> f.severity = 'critical' AND NOT f.dismissed)) > 0, false) AS critical_open,
    findings,
    ROW_NUMBER() OVER (PARTITION BY id ORDER BY file) AS copy,
    COUNT(*) OVER (PARTITION BY id) AS copies
  FROM rg_rows
  WHERE id IS NOT NULL AND decidedAt IS NOT NULL AND shownAt IS NOT NULL
    AND outcome IN ('accepted', 'edited', 'rejected', 'escalated')
) WHERE copy = 1;

-- Local day and week (Monday) of each minute that holds a decision. Converting every row's time
-- through the time zone database cost as much as reading the JSON; the minutes of a log are far
-- fewer than its rows, and every offset change since 1972 falls on a whole minute.
CREATE OR REPLACE TEMP TABLE rg_minute AS
SELECT
  minute,
  CAST(timezone('{{tz}}', to_timestamp(minute * 60)) AS DATE) AS local_day,
  CAST(date_trunc('week', timezone('{{tz}}', to_timestamp(minute * 60))) AS DATE) AS local_week
FROM (SELECT DISTINCT decided_at // 60000 AS minute FROM rg_kept);

-- `ord` numbers the events in time order, ties by id (1, 2, …): the drift monitors' order, and a
-- number to join events and findings on instead of their id strings. It is numbered over the two
-- columns it needs and joined back: sorting the whole rows took half the base's time at 10 million.
CREATE OR REPLACE TEMP TABLE rg_event AS
WITH o AS (SELECT id, ROW_NUMBER() OVER (ORDER BY decided_at, id) AS ord FROM rg_kept)
SELECT k.* EXCLUDE (findings), m.local_day, m.local_week, o.ord
FROM rg_kept k
JOIN rg_minute m ON m.minute = k.decided_at // 60000
JOIN o ON o.id = k.id;

CREATE OR REPLACE TEMP TABLE rg_finding AS
SELECT e.id, e.ord, e.decided_at, e.outcome, x.f.rule AS rule, x.f.category AS category, x.f.severity AS severity,
  x.f.dismissed AS dismissed
FROM (SELECT id, unnest(findings) AS f FROM rg_kept) x
JOIN rg_event e ON e.id = x.id;

DROP TABLE rg_kept;
DROP TABLE rg_minute;

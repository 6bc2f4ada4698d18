-- ReplyGuard report, DuckDB base: turns the export rows into the three relations every figure query
-- reads (see ../README.md for their columns). The runner (lib/cli/report.ts) first defines
-- `rg_rows`: one row per NDJSON line or Parquet row of the export files, with the export schema's
-- field names and `file`, the path it came from. `{{tz}}` is the IANA time zone of the report's
-- local days. `rg_params` is set by the runner after this script (it needs the first and last event).

-- One row per event id: an id seen in several files (overlapping exports) counts once, from the
-- first file by path. Lines that are no rows (no id, or an outcome the schema does not know,
-- e.g. a header line) are left out and counted by the runner.
CREATE OR REPLACE TEMP TABLE rg_kept AS
SELECT * FROM (
  SELECT r.*, ROW_NUMBER() OVER (PARTITION BY id ORDER BY file) AS copy, COUNT(*) OVER (PARTITION BY id) AS copies
  FROM rg_rows r
  WHERE id IS NOT NULL AND decidedAt IS NOT NULL AND shownAt IS NOT NULL
    AND outcome IN ('accepted', 'edited', 'rejected', 'escalated')
) WHERE copy = 1;

CREATE OR REPLACE TEMP TABLE rg_event AS
SELECT
  id,
  copies,
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
  CAST(timezone('{{tz}}', to_timestamp(decidedAt / 1000)) AS DATE) AS local_day,
  CAST(date_trunc('week', timezone('{{tz}}', to_timestamp(decidedAt / 1000))) AS DATE) AS local_week
FROM rg_kept;

CREATE OR REPLACE TEMP TABLE rg_finding AS
SELECT id, decided_at, outcome, f.rule AS rule, f.category AS category, f.severity AS severity, f.dismissed AS dismissed
FROM (
  SELECT id, decidedAt AS decided_at, outcome, unnest(findings) AS f FROM rg_kept
);

DROP TABLE rg_kept;

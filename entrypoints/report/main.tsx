import '@/components/ui/base.css';
import ReactDOM from 'react-dom/client';
import { localDate } from '@/components/dashboard/report-link';
import { Report, type ReportExample } from '@/components/report/Report';
import { parseReportParams } from '@/components/report/report-params';
import { openDatabase } from '@/lib/db/database';
import { rowsById, summaryDays } from '@/lib/db/queries';
import { allVerdicts } from '@/lib/db/reviews';
import type { OverrideRow } from '@/lib/db/schema';
import { decodeChunks } from '@/lib/db/summary';
import { redactPii } from '@/lib/engine/pii';
import { helpdeskName } from '@/lib/hosts/helpdesks';
import { loadSettings } from '@/lib/settings/storage';
import { totalsExtent } from '@/lib/stats/day-figures';
import { buildReport, type ExampleRef } from '@/lib/stats/report';

/** Longest example text shown; the report is for reading, not for the whole reply. @default 420 */
const EXAMPLE_CHARS = 420;

/** A text for the report: personal data masked whatever the stored privacy mode, shortened. */
function masked(text: string | null): string | null {
  if (text === null) return null;
  const m = redactPii(text);
  return m.length > EXAMPLE_CHARS ? `${m.slice(0, EXAMPLE_CHARS).trimEnd()}…` : m;
}

function exampleOf(ref: ExampleRef, row: OverrideRow, note: string | null): ReportExample {
  return {
    id: ref.id,
    kind: ref.kind,
    decidedAt: row.decidedAt,
    helpdesk: row.helpdesk,
    agent: row.agent,
    outcome: row.outcome,
    reason: row.reason,
    findings: row.findings.map((f) => `${f.rule} (${f.severity}${f.dismissed ? ', dismissed' : ''})`),
    text: masked(row.sentText ?? row.suggestionText),
    privacy: row.privacy,
    note: masked(note),
  };
}

/**
 * The review report page: reads the whole log (the summary days, decoded), the settings (targets,
 * review share) and the verdicts, builds the report for the URL's period and team, reads the few
 * example rows in full, and renders. The page sets `data-rg-report-ready` once it has painted, for
 * the test that prints it.
 */
async function main(): Promise<void> {
  const db = openDatabase();
  const { period, team } = parseReportParams(location.search, Date.now());
  const [summary, settings, verdicts] = await Promise.all([summaryDays(db), loadSettings(), allVerdicts(db)]);
  const rows = decodeChunks(summary.days);
  const extent = totalsExtent(summary.totals);
  const byRow = new Map(verdicts.map((v) => [v.rowId, v]));
  const report = buildReport({
    rows,
    period,
    team,
    targets: settings.targets,
    reviewShare: settings.reviewShare,
    verdicts: byRow,
  });
  const full = await rowsById(db, report.examples);
  const examples = report.examples.flatMap((ref, i) => {
    const row = full[i];
    return row ? [exampleOf(ref, row, byRow.get(ref.id)?.note ?? null)] : [];
  });
  const root = document.getElementById('root');
  if (!root) return;
  document.title = `ReplyGuard review report: ${team.name || 'team'}, ${localDate(period.start)} to ${localDate(period.end - 1)}`;
  ReactDOM.createRoot(root).render(
    <Report
      report={report}
      examples={examples}
      choices={{ helpdesks: extent.helpdesks, agents: extent.agents }}
      helpdeskName={helpdeskName}
      generatedAt={Date.now()}
      from={localDate(period.start)}
      to={localDate(period.end - 1)}
    />,
  );
  requestAnimationFrame(() =>
    setTimeout(() => {
      document.documentElement.dataset.rgReportReady = String(report.events);
    }, 0),
  );
}

main().catch((error: unknown) => {
  console.error('ReplyGuard: the review report failed', error);
  const root = document.getElementById('root');
  if (root)
    root.textContent = `The report could not be built: ${error instanceof Error ? error.message : String(error)}`;
  document.documentElement.dataset.rgReportError = '';
});

import type { Filters } from './store';

/** A local day as the report's URL names it: YYYY-MM-DD. */
export function localDate(t: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The review report (entrypoints/report) for the dashboard's period and team: the first and last
 * local day, and the helpdesk and agent filters when set. The report page takes it from there.
 */
export function reportHref(period: { start: number; end: number }, filters: Filters): string {
  const params = new URLSearchParams({ from: localDate(period.start), to: localDate(period.end - 1) });
  if (filters.helpdesk) params.set('helpdesk', filters.helpdesk);
  if (filters.agent) params.set('agents', filters.agent);
  return `report.html?${params}`;
}

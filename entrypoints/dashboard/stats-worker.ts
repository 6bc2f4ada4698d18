/**
 * The dashboard's statistics worker: reads the packed summary days from IndexedDB itself and
 * computes every panel beyond the first render (lib/stats/day-view.ts), so a million rows are
 * read, walked and sorted off the page's main thread. Messages: see ./stats-client.ts.
 */
import { openDatabase } from '@/lib/db/database';
import { everyRecord } from '@/lib/db/queries';
import { DayView, KEPT_PANELS } from '@/lib/stats/day-view';
import type { StatsMessage, StatsReply } from './stats-client';

const db = openDatabase();
let current: { version: number; view: Promise<DayView> } | null = null;
/** The newest view request: older ones still queued are dropped between their two phases. */
let latest = -1;

const post = (reply: StatsReply) => postMessage(reply);
/** The panels last posted (the page keeps them): an unchanged one is not copied again. */
const sent: Partial<Record<(typeof KEPT_PANELS)[number], unknown>> = {};
const viewAt = (version: number) => {
  if (!current || current.version !== version) {
    current = { version, view: everyRecord(db.summary).then((days) => new DayView(days)) };
  }
  return current.view;
};
const later = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Views whose candidates are built (`DaySeq.prepareCandidates`). */
const prepared = new WeakSet<DayView>();

addEventListener('message', async (event: MessageEvent<StatsMessage>) => {
  const m = event.data;
  if (m.type === 'view') latest = m.id;
  try {
    const view = await viewAt(m.version);
    if (m.type === 'refs') {
      post({ type: 'refs', id: m.id, refs: view.refs(m.req) });
      return;
    }
    if (m.id !== latest) return;
    post({ type: 'figures', id: m.id, figures: view.figures(m.req) });
    // Let a newer request in before the heavier half.
    await later();
    if (m.id !== latest) return;
    const result = view.panels(m.req);
    const same = KEPT_PANELS.filter((key) => sent[key] === result[key]);
    for (const key of KEPT_PANELS) sent[key] = result[key];
    post({ type: 'panels', id: m.id, result: { ...result, ...Object.fromEntries(same.map((k) => [k, null])) }, same });
    // The page is complete: index the log by helpdesk, agent, outcome and source while the lead reads it.
    if (!prepared.has(view)) {
      await later();
      if (m.id === latest && !prepared.has(view)) {
        prepared.add(view);
        view.seq.prepareCandidates();
      }
    }
  } catch (error) {
    post({ type: 'error', id: m.id, message: error instanceof Error ? error.message : String(error) });
  }
});

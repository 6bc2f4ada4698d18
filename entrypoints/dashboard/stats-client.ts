import type { ReplyGuardDb } from '@/lib/db/database';
import { everyRecord } from '@/lib/db/queries';
import type { PeriodFigures } from '@/lib/stats/aggregate';
import {
  type EventRef,
  KEPT_PANELS,
  type KeptPanel,
  localStats,
  type StatsSource,
  type ViewRequest,
  type ViewResult,
} from '@/lib/stats/day-view';

/** The page → worker messages (./stats-worker.ts). */
export type StatsMessage =
  | { type: 'view'; id: number; version: number; req: ViewRequest }
  | { type: 'refs'; id: number; version: number; req: ViewRequest };

/** The worker → page messages. `same`: panels of `result` left out, the same as last sent. */
export type StatsReply =
  | { type: 'figures'; id: number; figures: PeriodFigures | null }
  | { type: 'panels'; id: number; result: ViewResult; same: KeptPanel[] }
  | { type: 'refs'; id: number; refs: EventRef[] }
  | { type: 'error'; id: number; message: string };

interface Pending {
  onFigures?: (figures: PeriodFigures | null) => void;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * A `StatsSource` backed by the statistics worker. Only the newest view request is answered (the
 * worker drops older ones), so a request that a newer one replaced stays pending forever: callers
 * ignore answers to stale requests anyway.
 */
export function workerStats(worker: Worker): StatsSource {
  let next = 0;
  const pending = new Map<number, Pending>();
  // The panels last received, answered or not: the worker leaves out what it sent before.
  const kept: Partial<Pick<ViewResult, KeptPanel>> = {};
  worker.onmessage = (event: MessageEvent<StatsReply>) => {
    const m = event.data;
    if (m.type === 'panels') {
      const result = m.result as Record<KeptPanel, unknown>;
      for (const key of KEPT_PANELS) {
        if (m.same.includes(key)) result[key] = kept[key];
        else (kept as Record<KeptPanel, unknown>)[key] = result[key];
      }
    }
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'figures') {
      p.onFigures?.(m.figures);
      return;
    }
    pending.delete(m.id);
    if (m.type === 'error') p.reject(new Error(m.message));
    else if (m.type === 'panels') (p.resolve as (v: ViewResult) => void)(m.result);
    else (p.resolve as (v: EventRef[]) => void)(m.refs);
  };
  // A worker that failed to load or crashed answers nothing: fail what waits, so the caller can
  // compute in the page instead of showing "Computing…" for ever.
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const error = new Error(`the statistics worker failed: ${event.message || 'it did not start'}`);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const send = <T>(message: StatsMessage, onFigures?: Pending['onFigures']) =>
    new Promise<T>((resolve, reject) => {
      // Requests the worker dropped are forgotten here too once a newer view request is made.
      if (message.type === 'view') {
        for (const [id, p] of pending) if (p.onFigures) pending.delete(id);
      }
      pending.set(message.id, { onFigures, resolve: resolve as (v: never) => void, reject });
      worker.postMessage(message);
    });
  return {
    view: (req, version, onFigures) => send<ViewResult>({ type: 'view', id: next++, version, req }, onFigures),
    refs: (req, version) => send<EventRef[]>({ type: 'refs', id: next++, version, req }),
  };
}

/**
 * The dashboard's stats source: the worker, started on the first request (after the first render
 * has painted, so starting it never delays that render); where no module worker can start, the
 * same code in the page.
 */
export function dashboardStats(db: ReplyGuardDb): StatsSource {
  let source: StatsSource | undefined;
  const inPage = (error: unknown) => {
    console.error('ReplyGuard: the statistics worker failed; computing in the page', error);
    source = localStats(() => everyRecord(db.summary));
    return source;
  };
  const get = () => {
    if (!source) {
      try {
        source = workerStats(new Worker(new URL('./stats-worker.ts', import.meta.url), { type: 'module' }));
      } catch (error) {
        return inPage(error);
      }
    }
    return source;
  };
  // A request the worker could not answer (it crashed, or its database connection failed) is
  // asked again in the page, and so is every later one.
  const retry = <T>(ask: (s: StatsSource) => Promise<T>) => {
    const first = get();
    return ask(first).catch((error: unknown) => ask(source === first ? inPage(error) : get()));
  };
  return {
    view: (req, version, onFigures) => retry((s) => s.view(req, version, onFigures)),
    refs: (req, version) => retry((s) => s.refs(req, version)),
  };
}

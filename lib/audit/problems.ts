/**
 * What a verification found, as data with ids (the dashboard and the CLI render the same
 * problems in words with `describeProblem`). `tamper` means the log or file was changed after
 * its install signed it; `warning` needs a look; `info` explains something expected.
 */
export type AuditProblem =
  /** A row differs from every version its install signed. */
  | { id: 'row-changed'; install: string; seq: number; row: string }
  /** A row its install signed is not there (and no retention took it). */
  | { id: 'row-removed'; install: string; seq: number; row: string }
  /** The exporting browser's own log had already lost the row when it exported. */
  | { id: 'row-missing-at-export'; install: string; seq: number; row: string }
  /** The export says retention took a row, but no checkpoint of the exporter covers its time. */
  | { id: 'retention-unexplained'; install: string; seq: number; row: string }
  /** Rows stand in another order than the export wrote them: these moved. */
  | { id: 'rows-reordered'; rows: { row: string; line: number; expected: number }[] }
  /** Chain events with these sequence numbers are gone (from the file or the database). */
  | { id: 'events-missing'; install: string; from: number; to: number }
  /** An event is stored at another place in the chain than its link says it belongs. */
  | { id: 'event-out-of-order'; install: string; seq: number; storedAt: number; row: string }
  /** The event stored at `seq` does not follow the one before it: changed, or one before it removed. */
  | { id: 'chain-broken'; install: string; seq: number; row: string }
  /** The events up to `to` do not hash to what the install signed at `to`: something from `from` on was altered. */
  | { id: 'signature-mismatch'; install: string; from: number; to: number }
  /** A signature does not verify with the install's key. */
  | { id: 'signature-invalid'; install: string; seq: number }
  /** A retention checkpoint's signature does not verify. */
  | { id: 'checkpoint-invalid'; install: string; at: number }
  /** The audit file's closing signature is missing or wrong: the file was altered or cut short. */
  | { id: 'audit-file-altered'; detail: string }
  /** Events of an install whose public key is not in the file. */
  | { id: 'unknown-install'; install: string }
  /** An imported record of another install's events was changed in this browser's database. */
  | { id: 'imported-record-altered'; install: string; source: string }
  /** Two sources hold different events under the same sequence number: the install's history was rewritten. */
  | { id: 'fork'; install: string; seq: number; sources: [string, string] }
  /** Events the install signed after the last signature seen: not vouched for yet. */
  | { id: 'unsigned-events'; install: string; from: number; to: number }
  /** Events of an install that no imported file carried (a hand-over file is missing). */
  | { id: 'gap-between-files'; install: string; from: number; to: number }
  /** A row matches an earlier version its install signed (a reason given later was not imported). */
  | { id: 'older-version'; install: string; seq: number; row: string }
  /** Live rows of this browser with no event in its chain: written around ReplyGuard, or the chain was deleted. */
  | { id: 'rows-unchained'; count: number; sample: string[] }
  /** Rows with no event in any chain (the demo history, exports from before version 3). */
  | { id: 'rows-uncovered'; count: number; sample: string[] }
  /** Rows whose texts this dashboard masked on import (its privacy mode); checked before masking. */
  | { id: 'masked-on-import'; count: number }
  /** One agent label signed by several installs: a reinstall, another machine, or an impostor. */
  | { id: 'agent-several-installs'; agent: string; installs: string[] };

export type ProblemId = AuditProblem['id'];
export type ProblemLevel = 'tamper' | 'warning' | 'info';

export const PROBLEM_LEVEL: Record<ProblemId, ProblemLevel> = {
  'row-changed': 'tamper',
  'row-removed': 'tamper',
  'row-missing-at-export': 'tamper',
  'retention-unexplained': 'tamper',
  'rows-reordered': 'tamper',
  'events-missing': 'tamper',
  'event-out-of-order': 'tamper',
  'chain-broken': 'tamper',
  'signature-mismatch': 'tamper',
  'signature-invalid': 'tamper',
  'checkpoint-invalid': 'tamper',
  'audit-file-altered': 'tamper',
  fork: 'tamper',
  'imported-record-altered': 'tamper',
  'rows-unchained': 'tamper',
  'unknown-install': 'warning',
  'gap-between-files': 'warning',
  'agent-several-installs': 'warning',
  'unsigned-events': 'info',
  'older-version': 'info',
  'rows-uncovered': 'info',
  'masked-on-import': 'info',
};

/** An install id as people read it: the first 8 hex digits, grouped. */
export const shortInstall = (id: string): string => `${id.slice(0, 4)} ${id.slice(4, 8)}`;

const list = (items: readonly string[], max = 5): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

const range = (from: number, to: number): string => (from === to ? `event ${from}` : `events ${from}–${to}`);

/** A problem in words. `who(install)` names an install (its agent labels and short id). */
export function describeProblem(p: AuditProblem, who: (install: string) => string): string {
  switch (p.id) {
    case 'row-changed':
      return `Row ${p.row} was changed after ${who(p.install)} signed it (event ${p.seq}).`;
    case 'row-removed':
      return `Row ${p.row} (event ${p.seq} of ${who(p.install)}) was removed.`;
    case 'row-missing-at-export':
      return `Row ${p.row} (event ${p.seq} of ${who(p.install)}) was already missing from the exporting browser's log, with no retention to explain it.`;
    case 'retention-unexplained':
      return `Row ${p.row} (event ${p.seq} of ${who(p.install)}) is said to be removed by retention, but no signed checkpoint covers its time.`;
    case 'rows-reordered':
      return `Rows were reordered: ${list(p.rows.map((r) => `${r.row} (line ${r.line}, written as line ${r.expected})`))}.`;
    case 'events-missing':
      return `Chain ${range(p.from, p.to)} of ${who(p.install)} ${p.from === p.to ? 'is' : 'are'} missing: rows were removed together with their chain events.`;
    case 'event-out-of-order':
      return `Row ${p.row}: its chain event is stored as event ${p.storedAt} of ${who(p.install)} but belongs at ${p.seq}: the order was changed.`;
    case 'chain-broken':
      return `The chain of ${who(p.install)} breaks at event ${p.seq} (row ${p.row}): that event, or one just before it, was changed or removed.`;
    case 'signature-mismatch':
      return `${range(p.from, p.to)} of ${who(p.install)} do not match what it signed at event ${p.to}: they were altered.`;
    case 'signature-invalid':
      return `The signature at event ${p.seq} of ${who(p.install)} does not verify with its key.`;
    case 'checkpoint-invalid':
      return `A retention checkpoint of ${who(p.install)} (${new Date(p.at).toISOString()}) does not verify with its key.`;
    case 'audit-file-altered':
      return `The audit file was altered or cut short: ${p.detail}.`;
    case 'unknown-install':
      return `Events of install ${shortInstall(p.install)} come without its public key: they cannot be verified.`;
    case 'imported-record-altered':
      return `The events of ${who(p.install)} imported from ${p.source} were changed in this browser's database after the import.`;
    case 'fork':
      return `${who(p.install)} has two different histories at event ${p.seq} (${p.sources[0]} and ${p.sources[1]}): its log was rewritten between exports.`;
    case 'unsigned-events':
      return `${range(p.from, p.to)} of ${who(p.install)} are not signed yet.`;
    case 'gap-between-files':
      return `${range(p.from, p.to)} of ${who(p.install)} were in no imported file: a hand-over file is missing.`;
    case 'older-version':
      return `Row ${p.row} is an earlier version of event ${p.seq} of ${who(p.install)}: a reason given later was not imported.`;
    case 'rows-unchained':
      return `${p.count.toLocaleString('en')} rows of this browser's log are in no chain event: they were written around ReplyGuard or the chain was deleted${p.sample.length ? `, e.g. ${list(p.sample, 3)}` : ''}.`;
    case 'rows-uncovered':
      return `${p.count.toLocaleString('en')} rows carry no audit trail (demo data or exports from before version 3)${p.sample.length ? `, e.g. ${list(p.sample, 3)}` : ''}.`;
    case 'masked-on-import':
      return `${p.count.toLocaleString('en')} rows had their texts masked on import (this browser's privacy mode); they were verified before.`;
    case 'agent-several-installs':
      return `Agent "${p.agent}" signed with ${p.installs.length} installs (${p.installs.map(shortInstall).join(', ')}): a reinstall, another machine, or someone else using the label.`;
  }
}

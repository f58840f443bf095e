// The aggregated report of several repositories (`--out/summary.json`, `migrate-hapikey aggregate`), schemaVersion 1:
// `{ schemaVersion, repositories: [{ name, path, exitCode, summary, scopes, error }] }` as fixed in the spec, plus
// additive fields (tool, mode, totals, per repository `remaining`, `clean` and `report`).
import type { Mode, Report } from './report.js';

/** One repository: a run of this machine, or a report.json made elsewhere. */
export interface RepositoryEntry {
  /** Unique within the aggregate; also the name of its reports folder under --out. */
  name: string;
  /** The repository as given (absolute), or report.root for a report made elsewhere (the report file when unreadable). */
  path: string;
  /** The exit code its run had (or would have had, for a report made elsewhere); 2 or 70 when it could not run. */
  exitCode: number;
  summary: Report['summary'] | null;
  scopes: Report['scopes'] | null;
  /** Why it has no report: one sentence; null when it ran. */
  error: string | null;
  // additions
  mode: Mode | null;
  /** Account-key uses still in the code (auto + manual not applied); null without a report. */
  remaining: number | null;
  /** Ran, and no account-key use remains. */
  clean: boolean;
  /** Its report.json, relative to the folder of summary.json (forward slashes); null when none was written. */
  report: string | null;
}

export interface Aggregate {
  schemaVersion: 1;
  tool: { name: 'migrate-hapikey'; version: string };
  repositories: RepositoryEntry[];
  totals: {
    repositories: number;
    clean: number;
    withKeyUse: number;
    failed: number;
    sites: number;
    byStatus: Report['summary']['byStatus'];
    applied: number;
  };
  /** Every scope some repository needs (union), sorted. */
  scopes: Report['scopes'];
}

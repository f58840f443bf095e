// The aggregated report of several repositories: entries from runs or from report.json files made elsewhere,
// totals, the union of scopes, and summary.json. Pure.
import type { Aggregate, RepositoryEntry } from '../model/aggregate.js';
import type { Mode, Report } from '../model/report.js';
import { maskAll } from './mask.js';
import { compareText } from './select.js';

/** Skip reasons that make a run exit 3 (some files could not be processed or written). */
const PROBLEM_REASONS = new Set(['parse-error', 'unreadable', 'write-failed', 'changed-since-read', 'read-only']);
const MODES: readonly Mode[] = ['dry-run', 'write', 'interactive', 'check'];

/** What the aggregate needs of a report (a run's, or one read from report.json). */
export type ReportDigest = Pick<Report, 'root' | 'mode' | 'summary' | 'scopes'> & { skipped: ReadonlyArray<{ reason: string }> };

function remainingOf(summary: Report['summary']): number {
  return Math.max(0, summary.byStatus.auto + summary.byStatus.manual - summary.applied);
}

/** The exit code a run that wrote this report had (0, 1 for --check with key use left, 3 for unprocessed files). */
export function exitCodeOf(report: ReportDigest): number {
  if (report.mode === 'check' && remainingOf(report.summary) > 0) return 1;
  return report.skipped.some((s) => PROBLEM_REASONS.has(s.reason)) ? 3 : 0;
}

export function entryFromReport(name: string, report: ReportDigest, exitCode: number, reportPath: string | null): RepositoryEntry {
  const remaining = remainingOf(report.summary);
  return {
    name,
    path: report.root,
    exitCode,
    summary: report.summary,
    scopes: report.scopes,
    error: null,
    mode: report.mode,
    remaining,
    clean: remaining === 0,
    report: reportPath,
  };
}

export function failedEntry(name: string, path: string, exitCode: number, error: string): RepositoryEntry {
  return { name, path, exitCode, summary: null, scopes: null, error: maskAll(error), mode: null, remaining: null, clean: false, report: null };
}

/**
 * A report.json's text as a digest, or an error sentence. Checks the fields the aggregate reads; anything else in
 * the file (a later version's additions) is ignored.
 */
export function parseReport(text: string): ReportDigest | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON (${(e as Error).message})` };
  }
  const r = data as Record<string, any>;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return { error: 'not a migrate-hapikey report (not a JSON object)' };
  if (r.tool?.name !== 'migrate-hapikey') return { error: 'not a migrate-hapikey report (no tool.name "migrate-hapikey")' };
  if (r.schemaVersion !== 1) return { error: `unsupported schemaVersion ${JSON.stringify(r.schemaVersion)} (this version reads 1)` };
  const s = r.summary;
  const counts = [s?.filesScanned, s?.filesSkipped, s?.sites, s?.applied, s?.byStatus?.auto, s?.byStatus?.manual, s?.byStatus?.['developer-key'], s?.byStatus?.ignored];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0)) return { error: 'summary counts missing or not whole numbers' };
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!strings(r.scopes?.required) || !strings(r.scopes?.uncertain)) return { error: 'scopes.required / scopes.uncertain missing' };
  if (typeof r.root !== 'string' || !MODES.includes(r.mode)) return { error: 'root or mode missing' };
  const skipped = Array.isArray(r.skipped) ? r.skipped.filter((x: any) => typeof x?.reason === 'string') : [];
  return {
    root: r.root,
    mode: r.mode,
    summary: {
      filesScanned: s.filesScanned, filesSkipped: s.filesSkipped, sites: s.sites,
      byStatus: { auto: s.byStatus.auto, manual: s.byStatus.manual, 'developer-key': s.byStatus['developer-key'], ignored: s.byStatus.ignored },
      applied: s.applied,
      unresolvedRequests: Number.isInteger(s.unresolvedRequests) ? s.unresolvedRequests : 0,
    },
    scopes: { required: [...r.scopes.required], uncertain: [...r.scopes.uncertain] },
    skipped,
  };
}

/**
 * Folder-safe, unique names from repository base names, in order: characters outside `[A-Za-z0-9._-]` become `_`,
 * `.`/`..`/empty become `repository`, names of the summary files are avoided, and a repeated name gets `-2`, `-3`…
 */
export function uniqueNames(bases: readonly string[]): string[] {
  const taken = new Set(['summary.md', 'summary.json']);
  return bases.map((b) => {
    let name = b.replace(/[^A-Za-z0-9._-]/g, '_');
    if (name === '' || /^\.+$/.test(name)) name = 'repository';
    let out = name;
    for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${name}-${i}`;
    taken.add(out.toLowerCase());
    return out;
  });
}

/** Exit code of the whole: 1 when some repository's --check found key use; else 3 when one failed or exited 3; else 0. */
export function overallExitCode(entries: readonly RepositoryEntry[]): number {
  if (entries.some((e) => e.exitCode === 1)) return 1;
  return entries.some((e) => e.exitCode !== 0) ? 3 : 0;
}

export function buildAggregate(entries: readonly RepositoryEntry[], version: string): Aggregate {
  const byStatus = { auto: 0, manual: 0, 'developer-key': 0, ignored: 0 };
  let sites = 0;
  let applied = 0;
  const required = new Set<string>();
  const uncertain = new Set<string>();
  for (const e of entries) {
    if (e.summary) {
      sites += e.summary.sites;
      applied += e.summary.applied;
      for (const k of Object.keys(byStatus) as (keyof typeof byStatus)[]) byStatus[k] += e.summary.byStatus[k];
    }
    for (const s of e.scopes?.required ?? []) required.add(s);
    for (const s of e.scopes?.uncertain ?? []) uncertain.add(s);
  }
  for (const s of required) uncertain.delete(s);
  return {
    schemaVersion: 1,
    tool: { name: 'migrate-hapikey', version },
    repositories: [...entries],
    totals: {
      repositories: entries.length,
      clean: entries.filter((e) => e.clean).length,
      withKeyUse: entries.filter((e) => (e.remaining ?? 0) > 0).length,
      failed: entries.filter((e) => e.error !== null).length,
      sites,
      byStatus,
      applied,
    },
    scopes: { required: [...required].sort(compareText), uncertain: [...uncertain].sort(compareText) },
  };
}

const ENTRY_KEYS = ['name', 'path', 'exitCode', 'summary', 'scopes', 'error', 'mode', 'remaining', 'clean', 'report'] as const satisfies readonly (keyof RepositoryEntry)[];

/** summary.json: the spec's fields first, in its order, then the additions; 2-space indent, final newline. */
export function renderAggregateJson(agg: Aggregate): string {
  const repositories = agg.repositories.map((e) => Object.fromEntries(ENTRY_KEYS.map((k) => [k, e[k]])));
  const out = { schemaVersion: agg.schemaVersion, repositories, tool: agg.tool, totals: agg.totals, scopes: agg.scopes };
  return `${JSON.stringify(out, null, 2)}\n`;
}

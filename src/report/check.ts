// The one line `--check` prints.
import type { Report } from '../model/report.js';
import { masker } from './mask.js';
import { distinctFiles, plural, remainingSites, sortSites } from './select.js';
import { verificationCheckSuffix } from './verification.js';

/**
 * `migrate-hapikey: 3 account-key uses remain (2 auto, 1 manual) in 2 files`, or
 * `migrate-hapikey: no account-key use found`. Counts account-key sites not rewritten by this run.
 */
export function renderCheckLine(report: Report): string {
  const remaining = remainingSites(report.sites);
  const token = verificationCheckSuffix(report.verification);
  if (remaining.length === 0) return `migrate-hapikey: no account-key use found${token}`;
  const auto = remaining.filter((s) => s.status === 'auto').length;
  const manual = remaining.length - auto;
  const verb = remaining.length === 1 ? 'remains' : 'remain';
  const files = plural(distinctFiles(remaining).length, 'file');
  return `migrate-hapikey: ${plural(remaining.length, 'account-key use')} ${verb} (${auto} auto, ${manual} manual) in ${files}${token}`;
}

/** The most `--check` lists on stderr; the rest are counted. */
export const CHECK_LIST_MAX = 100;

/**
 * Where the remaining account-key uses are, one per line as compilers write them (`src/a.ts:12:5: manual: …`), so
 * that a terminal, an editor or a pre-commit log points at them. Empty when none remains. Messages are masked.
 */
export function renderCheckSites(report: Report, showSecrets = false): string {
  const mask = showSecrets ? (t: string) => t : masker(report.sites);
  const remaining = sortSites(remainingSites(report.sites));
  const lines = remaining.slice(0, CHECK_LIST_MAX).map((s) => `${s.file}:${s.line}:${s.column}: ${s.status}: ${mask(s.message).replace(/\s*\n\s*/g, ' ')}`);
  if (remaining.length > CHECK_LIST_MAX) lines.push(`… and ${remaining.length - CHECK_LIST_MAX} more (report.json lists them all)`);
  return lines.join('\n');
}

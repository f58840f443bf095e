// The one line `--check` prints.
import type { Report } from '../model/report.js';
import { distinctFiles, plural, remainingSites } from './select.js';
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

// A short Markdown summary of one run for a CI job page (`--summary "$GITHUB_STEP_SUMMARY"`): the verdict, the
// counts, the scopes, and the account-key uses left (at most MAX_ROWS; report.md has everything). Pure, masked.
import type { Report } from '../model/report.js';
import { renderCheckLine } from './check.js';
import { masker } from './mask.js';
import { cell, code, inline, table } from './md.js';
import { remainingSites, sortSites } from './select.js';

export const MAX_ROWS = 50;

export interface StepSummaryOptions {
  /** A heading for the run, e.g. the repository's name. */
  title: string;
  showSecrets?: boolean;
}

export function renderStepSummary(report: Report, opts: StepSummaryOptions): string {
  const mask = opts.showSecrets ? (t: string) => t : masker(report.sites);
  const b = report.summary.byStatus;
  const verdict = renderCheckLine(report).replace(/^migrate-hapikey: /, '');
  const out = [`## migrate-hapikey: ${inline(opts.title)}`, '', `${verdict[0].toUpperCase()}${verdict.slice(1)}.`, ''];
  out.push(table(['files scanned', 'key sites', 'auto', 'manual', 'developer keys', 'ignored', 'rewritten'], [[
    String(report.summary.filesScanned), String(report.summary.sites), String(b.auto), String(b.manual), String(b['developer-key']), String(b.ignored), String(report.summary.applied),
  ]]), '');
  const { required, uncertain } = report.scopes;
  if (required.length || uncertain.length) {
    out.push(`Scopes the token needs: ${required.length ? required.map(code).join(', ') : 'none known'}${uncertain.length ? `; maybe ${uncertain.map(code).join(', ')}` : ''}.`, '');
  }
  const left = sortSites(remainingSites(report.sites));
  if (left.length) {
    const rows = left.slice(0, MAX_ROWS).map((s) => [code(`${s.file}:${s.line}`), s.status, cell(inline(mask(s.message)))]);
    out.push(table(['where', 'status', 'what to do'], rows), '');
    if (left.length > MAX_ROWS) out.push(`… and ${left.length - MAX_ROWS} more: see report.md.`, '');
  }
  return out.join('\n');
}

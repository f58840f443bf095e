// summary.md: the repositories in one table (sites found / auto / manual / developer keys, clean or not), then
// the scopes each repository's token needs. Pure; links go to each repository's report.md beside its report.json.
import type { Aggregate, RepositoryEntry } from '../model/aggregate.js';
import { cell, code, inline, linkTarget, table } from './md.js';
import { plural } from './select.js';

function nameCell(e: RepositoryEntry): string {
  const label = cell(e.name).replace(/([[\]\\])/g, '\\$1');
  if (!e.report) return label;
  const md = e.report.replace(/report\.json$/, 'report.md');
  return `[${label}](${linkTarget(md)})`;
}

function statusCell(e: RepositoryEntry): string {
  if (e.error !== null) return `**failed** (exit ${e.exitCode}): ${cell(inline(e.error))}`;
  const remaining = e.remaining ?? 0;
  const parts: string[] = [];
  if (remaining > 0) parts.push(`**${plural(remaining, 'account-key use')} left**`);
  else parts.push('clean');
  if (e.summary && e.summary.applied > 0) parts.push(`${e.summary.applied} rewritten`);
  if (e.exitCode === 3) parts.push('some files not processed (exit 3)');
  return parts.join(', ');
}

function row(e: RepositoryEntry): string[] {
  const s = e.summary;
  const n = (v: number | undefined): string => (v === undefined ? '–' : String(v));
  return [nameCell(e), n(s?.sites), n(s?.byStatus.auto), n(s?.byStatus.manual), n(s?.byStatus['developer-key']), n(e.scopes?.required.length), statusCell(e)];
}

function scopesLine(required: readonly string[], uncertain: readonly string[]): string {
  const req = required.length ? required.map(code).join(', ') : 'none';
  return uncertain.length ? `${req}; maybe ${uncertain.map(code).join(', ')}` : req;
}

function headline(agg: Aggregate): string {
  const t = agg.totals;
  const parts = [`${plural(t.clean, 'clean')}`, `${t.withKeyUse} with account-key use`];
  if (t.failed > 0) parts.push(`${t.failed} failed`);
  const b = t.byStatus;
  return `**${plural(t.repositories, 'repository', 'repositories')}**: ${parts.join(', ')}. ` +
    `${plural(t.sites, 'key site')} in all: ${b.auto} auto, ${b.manual} manual, ${b['developer-key']} developer-key, ${b.ignored} ignored` +
    `${t.applied > 0 ? `; ${t.applied} rewritten` : ''}.`;
}

export function renderAggregateMarkdown(agg: Aggregate): string {
  const out: string[] = ['# HubSpot API key migration: repositories', '', headline(agg), ''];
  const header = ['repository', 'sites', 'auto', 'manual', 'developer keys', 'scopes', 'status'];
  out.push(table(header, agg.repositories.map(row)), '');
  const withScopes = agg.repositories.filter((e) => e.scopes && (e.scopes.required.length || e.scopes.uncertain.length));
  if (withScopes.length > 0) {
    out.push('## Scopes per repository', '');
    for (const e of withScopes) out.push(`- **${cell(e.name)}**: ${scopesLine(e.scopes!.required, e.scopes!.uncertain)}`);
    out.push('');
    out.push(`All repositories together: ${scopesLine(agg.scopes.required, agg.scopes.uncertain)}.`, '');
  }
  const failed = agg.repositories.filter((e) => e.error !== null);
  if (failed.length > 0) {
    out.push('## Not processed', '');
    for (const e of failed) out.push(`- **${cell(e.name)}**${e.error!.includes(e.path) ? '' : ` (${code(e.path)})`}: ${inline(e.error!)}`);
    out.push('');
  }
  return out.join('\n');
}

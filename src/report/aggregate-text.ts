// The terminal lines after several repositories: one per repository, aligned, and where the reports are.
import type { Aggregate, RepositoryEntry } from '../model/aggregate.js';
import { maskAll } from './mask.js';
import { plural } from './select.js';

function counts(e: RepositoryEntry): string {
  const s = e.summary;
  if (!s) return '';
  const b = s.byStatus;
  return `${plural(s.sites, 'site')} (${b.auto} auto, ${b.manual} manual, ${b['developer-key']} developer-key)`;
}

function verdict(e: RepositoryEntry): string {
  if (e.error !== null) return `failed (exit ${e.exitCode}): ${maskAll(e.error)}`;
  const left = e.remaining ?? 0;
  const v = left > 0 ? `${plural(left, 'account-key use')} left` : 'clean';
  return e.exitCode === 3 ? `${v}; some files not processed (exit 3)` : v;
}

export function renderAggregateText(agg: Aggregate, opts: { outDir: string }): string {
  const t = agg.totals;
  const head = `migrate-hapikey: ${plural(t.repositories, 'repository', 'repositories')}: ${t.clean} clean, ${t.withKeyUse} with account-key use${t.failed ? `, ${t.failed} failed` : ''}`;
  const nameWidth = Math.max(...agg.repositories.map((e) => e.name.length), 0);
  const countWidth = Math.max(...agg.repositories.map((e) => counts(e).length), 0);
  const lines = agg.repositories.map((e) => `  ${e.name.padEnd(nameWidth)}  ${counts(e).padEnd(countWidth)}  ${verdict(e)}`.replace(/\s+$/, ''));
  return [head, ...lines, `Reports: ${opts.outDir}/summary.md (each repository's in ${opts.outDir}/<name>/)`].join('\n');
}

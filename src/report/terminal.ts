// What the CLI prints on a TTY (or a pipe): a short summary and the colored diff.
// Pure: colour is decided by the caller (see color.ts) and passed in; chalk is an explicit instance.
import { Chalk, type ChalkInstance } from 'chalk';
import type { FilePlan } from '../model/edit.js';
import type { Report } from '../model/report.js';
import type { Site } from '../model/site.js';
import { displayHunks, fileTraits } from './display-diff.js';
import { FACTS } from './facts.js';
import { maskAll, masker, type Masker } from './mask.js';
import { tokenSourcesOf } from './token-sources.js';
import { changedPlans, describeRequest, hasFlag, isAccountSite, isUpdatePlace, plural, sortSites } from './select.js';
import { verificationLines } from './verification.js';
import { gapPhrase, NO_CALLS_REASON, scopeGaps, type ScopeGaps } from './unresolved.js';

/** How many manual follow-ups the summary lists before pointing at report.md. */
export const TOP_MANUAL = 5;

/** How many calls with unknown scopes the summary lists before pointing at report.md. */
export const TOP_UNRESOLVED = 5;

export interface SummaryOptions {
  color: boolean;
  /** Where the report files were written; omitted, the summary does not mention them. */
  outDir?: string;
}

export interface DiffOptions {
  color: boolean;
  showSecrets: boolean;
}

const paint = (color: boolean): ChalkInstance => new Chalk({ level: color ? 1 : 0 });

const KIND_SHORT = {
  'service-key': `a Service Key (${FACTS.serviceKeyMenu})`,
  'project-app': 'a project-based app (app-hsmeta.json in report.md)',
  oauth: 'an OAuth app (see report.md)',
} as const;

function statusLine(report: Report, c: ChalkInstance): string {
  const b = report.summary.byStatus;
  const account = b.auto + b.manual;
  const parts = [c.green(`${b.auto} auto`), b.manual > 0 ? c.red(`${b.manual} manual`) : `${b.manual} manual`];
  const extra: string[] = [];
  if (b['developer-key'] > 0) extra.push(`${plural(b['developer-key'], 'developer key')} left alone`);
  if (b.ignored > 0) extra.push(`${b.ignored} ignored`);
  return `${c.bold(plural(account, 'account-key use'))}: ${parts.join(', ')}${extra.length > 0 ? c.dim(` (${extra.join(', ')})`) : ''}`;
}

function modeLine(report: Report): string | null {
  if (report.mode === 'write') return `Rewrote ${report.summary.applied} of ${plural(report.summary.byStatus.auto, 'auto site')}.`;
  if (report.mode === 'interactive') return `Wrote ${plural(report.summary.applied, 'accepted change')}.`;
  return null;
}

function manualLines(sites: Site[], c: ChalkInstance, mask: Masker): string[] {
  const manual = sites.filter((s) => s.status === 'manual');
  if (manual.length === 0) return [];
  const shown = manual.slice(0, TOP_MANUAL);
  const width = Math.max(...shown.map((s) => `${s.file}:${s.line}`.length));
  const reasonWidth = Math.max(...shown.map((s) => s.reason.length));
  const out = [c.bold(`Needs you (${manual.length} manual):`)];
  for (const s of shown) {
    out.push(`  ${c.cyan(`${s.file}:${s.line}`.padEnd(width))}  ${c.yellow(s.reason.padEnd(reasonWidth))}  ${mask(s.message)}`);
  }
  if (manual.length > shown.length) out.push(c.dim(`  …and ${manual.length - shown.length} more in report.md`));
  return out;
}

/** The scope headline: a count only when every call's scopes are known. */
function scopeHeadline(kind: keyof typeof KIND_SHORT, required: number, uncertain: number, gaps: ScopeGaps): string {
  if (gaps.total === 0 && required === 0 && uncertain > 0) return `Create ${KIND_SHORT[kind]} with those of these scopes your calls need (none is certain: it depends on run-time arguments):`;
  if (gaps.total === 0) return `Create ${KIND_SHORT[kind]} with ${plural(required, 'scope')}:`;
  if (required === 0) return `Create ${KIND_SHORT[kind]}; its scopes are not known yet (${gapPhrase(gaps)}, below).`;
  return `Create ${KIND_SHORT[kind]} with at least these scopes (${gapPhrase(gaps)}, below):`;
}

/** Each call (or key use) whose scopes are unknown, with file:line and why, and what to check. */
function unresolvedLines(gaps: ScopeGaps, c: ChalkInstance): string[] {
  if (gaps.total === 0) return [];
  const rows = [
    ...gaps.calls.map((u) => ({ where: `${u.request.file}:${u.request.line}`, reason: u.reason, what: describeRequest(u.request) ?? `${u.request.client} call` })),
    ...gaps.sitesWithoutCalls.map((s) => ({ where: `${s.file}:${s.line}`, reason: NO_CALLS_REASON, what: 'key use' })),
  ];
  const shown = rows.slice(0, TOP_UNRESOLVED);
  const width = Math.max(...shown.map((r) => r.where.length));
  const reasonWidth = Math.max(...shown.map((r) => r.reason.length));
  const out = [c.bold(`Scopes unknown (${gaps.total}): check what each calls and add the scopes it needs:`)];
  for (const r of shown) out.push(`  ${c.cyan(r.where.padEnd(width))}  ${c.yellow(r.reason.padEnd(reasonWidth))}  ${r.what}`);
  if (rows.length > shown.length) out.push(c.dim(`  …and ${rows.length - shown.length} more in report.md`));
  return out;
}

function warningLines(report: Report, sites: Site[], c: ChalkInstance): string[] {
  const out: string[] = [];
  const secrets = sites.filter((s) => s.secret !== null);
  if (secrets.length > 0) {
    const where = secrets.slice(0, 3).map((s) => `${s.file}:${s.line} ${s.secret!.masked}`).join(', ');
    out.push(c.red(`! ${plural(secrets.length, 'hard-coded key')}: rotate ${secrets.length === 1 ? 'it' : 'them'} (${where}${secrets.length > 3 ? ', …' : ''})`));
  }
  const browser = sites.filter((s) => hasFlag(s, 'browser-code'));
  if (browser.length > 0) out.push(c.yellow(`! ${plural(browser.length, 'call')} ${browser.length === 1 ? 'runs' : 'run'} in the browser: move ${browser.length === 1 ? 'it' : 'them'} to a server`));
  const lifecycle = new Set(sites.filter(isAccountSite).flatMap((s) => s.requests)
    .filter((r) => r.lifecycle && r.lifecycle.status !== 'supported').map((r) => `${r.method ?? ''} ${r.call ?? r.path ?? ''}`));
  if (lifecycle.size > 0) out.push(c.yellow(`! ${plural(lifecycle.size, 'endpoint')} removed or going unsupported: see report.md`));
  if (report.skipped.length > 0) out.push(c.yellow(`! ${plural(report.skipped.length, 'file')} skipped: see report.md`));
  const places = sites.filter(isUpdatePlace);
  if (places.length > 0) out.push(c.yellow(`! ${plural(places.length, 'place')} to update with the code (env files, config, option schemas, tests): see report.md`));
  const temps = report.removedTempFiles ?? [];
  if (temps.length > 0) out.push(`Removed ${plural(temps.length, 'temporary file')} left by an interrupted --write: ${temps.slice(0, 3).join(', ')}${temps.length > 3 ? ', …' : ''}`);
  return out;
}

function nextLine(report: Report, c: ChalkInstance): string | null {
  const pending = report.sites.filter((s) => s.status === 'auto' && !s.applied).length;
  if (pending === 0) return null;
  if (report.mode === 'check') return `${c.bold('Next:')} run without --check to see the planned rewrite.`;
  return `${c.bold('Next:')} review the diff, then run again with --write (or git apply changes.patch).`;
}

export function renderSummary(report: Report, opts: SummaryOptions): string {
  const c = paint(opts.color);
  const sites = sortSites(report.sites);
  const s = report.summary;
  const blocks: string[][] = [];
  blocks.push([
    `${c.bold(`${report.tool.name} ${report.tool.version}`)}: ${report.mode} · ${plural(s.filesScanned, 'file')} scanned${s.filesSkipped > 0 ? `, ${s.filesSkipped} skipped` : ''}`,
    statusLine(report, c),
    ...[modeLine(report)].filter((x): x is string => x !== null),
  ]);
  if (sites.some(isAccountSite)) {
    const kind = report.token?.kind ?? 'service-key';
    const gaps = scopeGaps(report.sites);
    const scopes = [c.bold(scopeHeadline(kind, report.scopes.required.length, report.scopes.uncertain.length, gaps))];
    for (const scope of report.scopes.required) scopes.push(`  ${c.green(scope)}`);
    for (const scope of report.scopes.uncertain) scopes.push(`  ${c.dim(`maybe ${scope} (see report.md)`)}`);
    const sources = tokenSourcesOf(report);
    if (sources.length > 0) scopes.push(`Put it in: ${sources.join(', ')}`);
    blocks.push(scopes);
    const unresolved = unresolvedLines(gaps, c);
    if (unresolved.length > 0) blocks.push(unresolved);
  } else {
    blocks.push([c.green('No account API key use found: nothing to migrate.')]);
  }
  const verification = verificationLines(report, c);
  if (verification.length > 0) blocks.push(verification);
  const manual = manualLines(sites, c, masker(report.sites));
  if (manual.length > 0) blocks.push(manual);
  const warnings = warningLines(report, sites, c);
  if (warnings.length > 0) blocks.push(warnings);
  const tail: string[] = [];
  if (opts.outDir !== undefined) {
    tail.push(`${c.bold('Reports:')} ${opts.outDir.replace(/[\\/]+$/, '')}/ (report.md, changes.patch, report.json, report.sarif)`);
  }
  const next = nextLine(report, c);
  if (next) tail.push(next);
  if (tail.length > 0) blocks.push(tail);
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

function colorLine(line: string, c: ChalkInstance): string {
  if (line.startsWith('@@')) return c.cyan(line);
  if (line.startsWith('+')) return c.green(line);
  if (line.startsWith('-')) return c.red(line);
  if (line.startsWith('\\')) return c.dim(line);
  return line;
}

/** Every planned change as a unified diff for the terminal: masked unless showSecrets, LF lines, no BOM. */
export function renderDiff(plans: FilePlan[], opts: DiffOptions): string {
  const c = paint(opts.color);
  let out = '';
  for (const plan of changedPlans(plans)) {
    const traits = fileTraits(plan);
    out += `${c.bold(`--- a/${plan.file}`)}\n${c.bold(`+++ b/${plan.file}`)}${traits.length > 0 ? c.dim(`  (${traits.join(', ')} kept)`) : ''}\n`;
    for (const line of displayHunks(plan, opts.showSecrets ? (t) => t : maskAll).split('\n')) {
      if (line !== '') out += `${colorLine(line, c)}\n`;
    }
  }
  return out;
}

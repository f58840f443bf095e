// report.md: what a person reads (or pastes into a PR) to finish the migration. Counts first, details after.
import type { Report } from '../model/report.js';
import { FACTS, TOKEN_KIND_LABEL } from './facts.js';
import { changesSection } from './markdown-changes.js';
import { createContext, type MarkdownInput, type MdContext } from './markdown-context.js';
import {
  browserSection, callSitesSection, developerKeySection, hardcodedSection, ignoredSection, lifecycleSection,
  manualSection, skippedSection, UNRESOLVED_HEADING, unresolvedSection, updateSection, type Section,
} from './markdown-sites.js';
import { tokenSection } from './markdown-token.js';
import { verificationSection } from './markdown-verification.js';
import { tokenSourcesOf } from './token-sources.js';
import { code, slug } from './md.js';
import { hasFlag, isAccountSite, plural } from './select.js';
import { gapPhrase, scopeGaps } from './unresolved.js';

export type { MarkdownInput } from './markdown-context.js';

function modeSentence(report: Report): string {
  const { auto, manual } = report.summary.byStatus;
  switch (report.mode) {
    case 'dry-run':
      return 'This was a dry run: no source file was changed.';
    case 'check':
      return '`--check` only scans: no source file was changed.';
    case 'write':
      return `\`--write\` rewrote ${report.summary.applied} of ${plural(auto, 'auto site')}; ${plural(manual, 'manual site')} still ${manual === 1 ? 'needs' : 'need'} a person.`;
    case 'interactive':
      return `You accepted ${report.summary.applied} of ${plural(auto, 'auto site')}; they were written.`;
  }
}

function nextSteps(ctx: MdContext): string {
  const { report } = ctx;
  const steps: string[] = [];
  const kind = report.token?.kind ?? 'service-key';
  const scopes = report.scopes.required.length;
  const gaps = scopeGaps(ctx.sites);
  if (gaps.total === 0 && scopes === 0 && report.scopes.uncertain.length > 0) steps.push(`create ${TOKEN_KIND_LABEL[kind]} with those of the scopes that may be needed (below) that your calls use`);
  else if (gaps.total === 0) steps.push(`create ${TOKEN_KIND_LABEL[kind]} with the ${plural(scopes, 'scope')} below`);
  else {
    const unknown = `the scopes of the ${gapPhrase(gaps)} (under "${UNRESOLVED_HEADING}")`;
    steps.push(scopes === 0 ? `create ${TOKEN_KIND_LABEL[kind]} with ${unknown}` : `create ${TOKEN_KIND_LABEL[kind]} with the ${plural(scopes, 'known scope')} below plus ${unknown}`);
  }
  const sources = tokenSourcesOf(ctx.report);
  if (sources.length > 0) steps.push(`put it where the code now reads it (${sources.slice(0, 2).map(code).join(', ')}${sources.length > 2 ? ', …' : ''})`);
  const pending = ctx.sites.filter((s) => s.status === 'auto' && !s.applied).length;
  if (pending > 0) steps.push(report.mode === 'check' ? 'run again without `--check` to plan the rewrite' : 'review and apply the changes (`git apply changes.patch`, or run again with `--write`)');
  const manual = report.summary.byStatus.manual;
  if (manual > 0) steps.push(`work through the ${plural(manual, 'manual follow-up')}`);
  const secrets = ctx.sites.filter((s) => s.secret !== null).length;
  if (secrets > 0) steps.push(`rotate the ${plural(secrets, 'hard-coded key')}`);
  const last = steps.pop()!;
  return `Next: ${steps.length > 0 ? `${steps.join(', ')}, then ${last}` : last}.`;
}

function summary(ctx: MdContext): string {
  const { summary: s, root } = ctx.report;
  const b = s.byStatus;
  const parts = [
    `Scanned **${plural(s.filesScanned, 'file')}** under ${code(root)}${s.filesSkipped > 0 ? ` (${s.filesSkipped} skipped, listed below)` : ''}`,
    `and found **${plural(s.sites, 'key site')}**: **${b.auto} auto**, **${b.manual} manual**, ${b['developer-key']} developer-key, ${b.ignored} ignored.`,
  ];
  const sentences = [parts.join(' '), modeSentence(ctx.report)];
  const temps = ctx.report.removedTempFiles ?? [];
  if (temps.length > 0) sentences.push(`Removed ${plural(temps.length, 'temporary file')} left by an interrupted \`--write\`: ${temps.map(code).join(', ')}.`);
  if (ctx.sites.some(isAccountSite)) {
    const browser = ctx.sites.filter((x) => hasFlag(x, 'browser-code')).length;
    if (browser > 0) sentences.push(`${plural(browser, 'call')} ${browser === 1 ? 'runs' : 'run'} in the browser and must move to a server.`);
    sentences.push(nextSteps(ctx));
  } else {
    sentences.push(`No account API key use was found: nothing to migrate${b['developer-key'] > 0 ? ' (developer keys are still valid and were left alone)' : ''}.`);
  }
  return sentences.join(' ');
}

function contents(sections: Section[]): string {
  return `**Contents:** ${sections.map((s) => `[${s.heading}](#${slug(s.heading)})`).join(' · ')}`;
}

export function renderMarkdown(input: MarkdownInput): string {
  const ctx = createContext(input);
  const sections: Section[] = [];
  for (const make of [
    tokenSection, verificationSection, callSitesSection, unresolvedSection, manualSection, updateSection, developerKeySection, lifecycleSection, hardcodedSection,
    browserSection, skippedSection, ignoredSection, changesSection,
  ]) {
    const s = make(ctx);
    if (s !== null) sections.push(s);
  }
  const head = [
    '# HubSpot API key migration report',
    '',
    summary(ctx),
  ];
  if (sections.length > 1) head.push('', contents(sections));
  const body = sections.map((s) => `## ${s.heading}\n\n${s.body}`);
  const foot = `_Generated by ${ctx.report.tool.name} ${ctx.report.tool.version}. HubSpot facts as of late 2026: account API keys off since ${FACTS.apiKeySunset}; legacy private apps cannot be created since ${FACTS.privateAppCreationEndExistingAccounts}._`;
  return `${[head.join('\n'), ...body, foot].join('\n\n')}\n`;
}

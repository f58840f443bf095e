// report.md sections about sites: the call-site table and the lists that need a person's attention.
import type { Lifecycle, RequestInfo, Site } from '../model/site.js';
import { FACTS } from './facts.js';
import type { MdContext } from './markdown-context.js';
import { cell, code, table } from './md.js';
import { compareText, describeRequest, hasFlag, isAccountSite, isUpdatePlace, plural } from './select.js';
import { NO_CALLS_REASON, scopeGaps, UNKNOWN_REASON, unresolvedHint, unresolvedReason } from './unresolved.js';

export interface Section {
  heading: string;
  body: string;
}

const section = (heading: string, lines: string[]): Section => ({ heading, body: lines.join('\n') });

function statusLabel(site: Site): string {
  if (site.status === 'auto') return site.applied ? 'auto (applied)' : 'auto';
  return site.status === 'manual' ? '**manual**' : site.status;
}

function scopesCell(r: RequestInfo): string {
  const sure = r.scopes.map(code);
  const maybe = (r.scopesUncertain ?? []).map((s) => `${code(s)}?`);
  return [...sure, ...maybe].join(', ') || '—';
}

function endpointCell(r: RequestInfo): string {
  if (r.path) return r.call ? `${code(r.call)} (${code(r.path)})` : code(r.path);
  const reason = unresolvedReason(r) ?? UNKNOWN_REASON;
  const why = reason === UNKNOWN_REASON ? 'endpoint unknown' : `endpoint unknown: ${code(reason)}`;
  return r.call ? `${code(r.call)} (${why})` : `unknown (${code(reason)})`;
}

export function callSitesSection(ctx: MdContext): Section | null {
  const sites = ctx.sites.filter(isAccountSite);
  if (sites.length === 0) return null;
  const rows: string[][] = [];
  let calls = 0;
  for (const site of sites) {
    if (site.requests.length === 0) {
      rows.push([ctx.link(site.file, site.line), '—', '—', `unknown (${code(NO_CALLS_REASON)})`, '—', statusLabel(site)]);
      continue;
    }
    for (const r of [...site.requests].sort((a, b) => compareText(a.file, b.file) || a.line - b.line)) {
      calls++;
      rows.push([ctx.link(r.file, r.line), cell(r.client), r.method ?? '?', cell(endpointCell(r)), cell(scopesCell(r)), statusLabel(site)]);
    }
  }
  return section(`Call sites (${calls})`, [
    `${plural(sites.length, 'key site')} feeding ${plural(calls, 'HTTP call')}. A scope with \`?\` is needed only in some cases (see "Scopes that may be needed").`,
    '',
    table(['Where', 'Client', 'Method', 'Endpoint', 'Scopes', 'Status'], rows),
  ]);
}

export const UNRESOLVED_HEADING = 'Calls with unknown scopes';

/** Every call (or key use) whose endpoint, so whose scopes, is unknown: file:line, why, what to check. */
export function unresolvedSection(ctx: MdContext): Section | null {
  const gaps = scopeGaps(ctx.sites);
  if (gaps.total === 0) return null;
  const lines = [
    ...gaps.calls.map((u) => {
      const described = describeRequest(u.request);
      const what = described ? code(described) : `${u.request.client} call`;
      return `- [ ] ${ctx.link(u.request.file, u.request.line)} ${what}, ${code(u.reason)}: ${unresolvedHint(u.reason)}.`;
    }),
    ...gaps.sitesWithoutCalls.map((s) => `- [ ] ${ctx.link(s.file, s.line)} key use, ${code(NO_CALLS_REASON)}: ${unresolvedHint(NO_CALLS_REASON)}.`),
  ];
  return section(`${UNRESOLVED_HEADING} (${gaps.total})`, [
    'The endpoint of these could not be resolved, so the scopes listed above may be incomplete. Check what each one calls and add the scopes it needs before you rely on the token (a missing scope fails with 403 only when the call runs).',
    '',
    ...lines,
  ]);
}

export function manualSection(ctx: MdContext): Section | null {
  const sites = ctx.sites.filter((s) => s.status === 'manual');
  if (sites.length === 0) return null;
  return section(`Manual follow-ups (${sites.length})`, [
    'These were not rewritten: each needs a person. The message says what to change.',
    '',
    ...sites.map((s) => `- [ ] ${ctx.link(s.file, s.line)} ${code(s.reason)}: ${ctx.text(s.message)}`),
  ]);
}

export function developerKeySection(ctx: MdContext): Section | null {
  const sites = ctx.sites.filter((s) => s.status === 'developer-key');
  if (sites.length === 0) return null;
  return section(`Developer-key sites, left alone (${sites.length})`, [
    `These use a **developer API key** (\`hapikey\` with an \`appId\` on app-configuration endpoints such as webhook settings or timeline templates). That is a different credential, and HubSpot still accepts it, so it was not rewritten. It belongs to a legacy public app, and legacy apps go unsupported in ${FACTS.legacyUnsupported}; project-based apps configure the same things in \`*-hsmeta.json\` files instead.`,
    '',
    ...sites.map((s) => `- ${ctx.link(s.file, s.line)}: ${ctx.text(s.message)}`),
  ]);
}

interface EndpointUse {
  what: string;
  lifecycle: Lifecycle;
  uses: RequestInfo[];
}

function lifecycleText(l: Lifecycle): string {
  const when = l.date ?? 'date not published';
  return l.status === 'removed' ? `removed (${when})` : `unsupported from ${when}`;
}

export function lifecycleSection(ctx: MdContext): Section | null {
  const byKey = new Map<string, EndpointUse>();
  for (const site of ctx.sites) {
    if (!isAccountSite(site)) continue;
    for (const r of site.requests) {
      const l = r.lifecycle;
      if (!l || l.status === 'supported') continue;
      const what = r.call ?? (r.path ? `${r.method ? `${r.method} ` : ''}${r.path}` : 'unknown endpoint');
      const key = JSON.stringify([what, l.status, l.date, l.replacement, l.note ?? '']);
      const entry = byKey.get(key) ?? { what, lifecycle: l, uses: [] };
      entry.uses.push(r);
      byKey.set(key, entry);
    }
  }
  if (byKey.size === 0) return null;
  const entries = [...byKey.values()].sort((a, b) =>
    Number(b.lifecycle.status === 'removed') - Number(a.lifecycle.status === 'removed') ||
    compareText(a.lifecycle.date ?? '9999', b.lifecycle.date ?? '9999') || compareText(a.what, b.what));
  const rows = entries.map((e) => {
    const uses = e.uses.slice(0, 5).map((r) => ctx.link(r.file, r.line));
    if (e.uses.length > 5) uses.push(`+${e.uses.length - 5} more`);
    const status = e.lifecycle.note ? `${lifecycleText(e.lifecycle)}: ${ctx.text(e.lifecycle.note)}` : lifecycleText(e.lifecycle);
    return [cell(code(e.what)), cell(status), e.lifecycle.replacement ? cell(code(e.lifecycle.replacement)) : '—', uses.join(', ')];
  });
  return section(`Endpoints removed or going unsupported (${entries.length})`, [
    `A new token is not enough for these. HubSpot's v4 APIs go unsupported on ${FACTS.v4Unsupported} and v1–v3 APIs in ${FACTS.legacyUnsupported}; HubSpot advises moving straight to the date-based versions (e.g. ${code(FACTS.dbvExample)}).`,
    '',
    table(['Endpoint', 'Status', 'Replacement', 'Used at'], rows),
  ]);
}

export function hardcodedSection(ctx: MdContext): Section | null {
  const sites = ctx.sites.filter((s) => s.secret !== null);
  if (sites.length === 0) return null;
  return section(`Hard-coded keys (${sites.length})`, [
    'These keys are written in the source, so they are in your git history too. Treat each one as leaked: **rotate this key** (delete or regenerate it in HubSpot) and never reuse it as the new token. The rewrite reads the token from the environment instead.',
    '',
    ...sites.map((s) => {
      const secret = s.secret!;
      const kind = secret.kind === 'private-app-token' ? 'private-app token, still valid until rotated' : 'legacy account API key';
      return `- ${ctx.link(s.file, s.line)} ${code(secret.masked)} (${kind}; fingerprint ${code(secret.fingerprint.slice(0, 12))}): rotate this key.`;
    }),
  ]);
}

export function browserSection(ctx: MdContext): Section | null {
  const sites = ctx.sites.filter((s) => hasFlag(s, 'browser-code'));
  if (sites.length === 0) return null;
  return section(`Browser-exposed calls (${sites.length})`, [
    'This code runs in the browser, where any key or token is public. Do not put a Service Key or app token here: move the HubSpot call to your server (or a HubSpot app function) and call that instead.',
    '',
    ...sites.map((s) => `- ${ctx.link(s.file, s.line)} (${s.status}): ${ctx.text(s.message)}`),
  ]);
}

export function skippedSection(ctx: MdContext): Section | null {
  const skipped = [...ctx.report.skipped].sort((a, b) => compareText(a.file, b.file));
  if (skipped.length === 0) return null;
  return section(`Skipped files (${skipped.length})`, [
    'These were not (fully) scanned or written. A key may hide in the ones that failed to parse or read: check them by hand.',
    '',
    table(['File', 'Reason', 'Details'], skipped.map((s) => [cell(code(s.file)), cell(code(s.reason)), cell(ctx.text(s.message))])),
  ]);
}

export function updateSection(ctx: MdContext): Section | null {
  const sites = ctx.sites.filter(isUpdatePlace);
  if (sites.length === 0) return null;
  return section(`Update with the code (${sites.length})`, [
    'No request is made here, but each place declares, reads or sets the key: update it in the same change, so that it holds or asks for the access token.',
    '',
    ...sites.map((s) => `- [ ] ${ctx.link(s.file, s.line)} ${code(s.reason)}: ${ctx.text(s.message)}`),
  ]);
}

export function ignoredSection(ctx: MdContext): Section | null {
  const sites = ctx.sites.filter((s) => s.status === 'ignored' && !isUpdatePlace(s));
  if (sites.length === 0) return null;
  return section(`Ignored (${sites.length})`, [
    '<details><summary>Looked like a key use but is not an account key in use (commented out, not HubSpot, already Bearer, …)</summary>',
    '',
    ...sites.map((s) => `- ${ctx.link(s.file, s.line)} ${code(s.reason)}: ${ctx.text(s.message)}`),
    '',
    '</details>',
  ]);
}

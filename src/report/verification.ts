// `--verify-token` in the terminal and the --check line: pure text from report.verification.
import type { ChalkInstance } from 'chalk';
import type { Report } from '../model/report.js';
import type { Verification } from '../model/verification.js';
import type { Site } from '../model/site.js';
import { maskAll } from './mask.js';
import { compareSites, compareText, plural } from './select.js';

export const METHOD_LABEL: Record<Verification['method'], string> = {
  'private-app-info': "HubSpot's private-app token info",
  'oauth-introspect': "HubSpot's OAuth token introspection",
  'read-probes': 'read-only probe calls',
};

/** How many call sites a missing scope lists before "…". */
const SHOWN_SITES = 3;

/** `src/a.js:12` for each site id (ids the report does not hold are shown as ids). */
export function siteLocations(report: Report, ids: readonly string[]): Array<{ id: string; site: Site | undefined }> {
  const byId = new Map(report.sites.map((s) => [s.id, s]));
  const found = ids.map((id) => ({ id, site: byId.get(id) }));
  // file and line order; ids the report does not hold last
  return found.sort((a, b) => (a.site && b.site ? compareSites(a.site, b.site) : a.site ? -1 : b.site ? 1 : compareText(a.id, b.id)));
}

/** `7 of 8 required scopes granted, 1 missing, 0 unverified`. */
export function countsLine(v: Verification): string {
  const total = v.granted.length + v.missing.length + v.unverified.length;
  return `${v.granted.length} of ${plural(total, 'required scope')} granted, ${v.missing.length} missing, ${v.unverified.length} unverified`;
}

export function verificationLines(report: Report, c: ChalkInstance): string[] {
  const v = report.verification;
  if (!v) return [];
  const head = `Token check (${METHOD_LABEL[v.method]}; token ${v.token.masked}${v.hubId !== null ? `, HubSpot account ${v.hubId}` : ''}):`;
  const out = [c.bold(head)];
  if (v.error !== null) out.push(c.red(`  ! could not finish: ${maskAll(v.error)}`));
  out.push(v.granted.length + v.missing.length + v.unverified.length === 0 && v.error === null
    ? '  No account-key call needs a scope: nothing to check the token against.'
    : `  ${countsLine(v)}`);
  for (const m of v.missing) {
    const where = siteLocations(report, m.sites).map(({ id, site }) => (site ? `${site.file}:${site.line}` : id));
    const shown = where.slice(0, SHOWN_SITES).join(', ') + (where.length > SHOWN_SITES ? `, …${where.length - SHOWN_SITES} more` : '');
    out.push(`  ${c.red('✗ missing')} ${c.bold(m.scope)}${shown ? ` (needed at ${shown})` : ''}`);
  }
  for (const s of v.unverified) out.push(`  ${c.yellow('? unverified')} ${s}`);
  if (v.extra.length > 0) out.push(c.dim(`  Not needed by this code (remove for least privilege): ${v.extra.join(', ')}`));
  if (v.error === null && v.missing.length === 0 && v.granted.length > 0 && v.unverified.length === 0) out.push(c.green('  The token has every scope this code needs.'));
  else if (v.missing.length > 0) out.push(`  Add the missing ${v.missing.length === 1 ? 'scope' : 'scopes'} to the token (report.md lists the calls), then run again.`);
  return out;
}

/** Appended to the --check line: `; token lacks 1 scope (crm.objects.deals.write)`. */
export function verificationCheckSuffix(v: Verification | undefined): string {
  if (!v) return '';
  if (v.missing.length > 0) return `; the token lacks ${plural(v.missing.length, 'scope')} (${v.missing.map((m) => m.scope).join(', ')})`;
  if (v.error !== null) return '; the token could not be checked';
  if (v.granted.length + v.unverified.length === 0) return '; the token was checked (no scope is required)';
  if (v.unverified.length > 0) return `; the token has ${v.granted.length} required scopes, ${v.unverified.length} unverified`;
  return `; the token has all ${plural(v.granted.length, 'required scope')}`;
}

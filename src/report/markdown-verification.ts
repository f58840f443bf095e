// report.md "Token check": the --verify-token result, one row per required scope, with the calls that need each
// missing scope.
import type { MdContext } from './markdown-context.js';
import type { Section } from './markdown-sites.js';
import { code, table } from './md.js';
import { isAccountSite } from './select.js';
import { plural } from './select.js';
import { countsLine, METHOD_LABEL, siteLocations } from './verification.js';

export const VERIFICATION_HEADING = 'Token check';

/** scope → ids of the account-key sites whose calls need it, in report order. */
function sitesNeedingScope(ctx: MdContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of ctx.sites) {
    if (!isAccountSite(s)) continue;
    for (const scope of new Set(s.requests.flatMap((r) => r.scopes))) (out.get(scope) ?? out.set(scope, []).get(scope)!).push(s.id);
  }
  return out;
}

export function verificationSection(ctx: MdContext): Section | null {
  const v = ctx.report.verification;
  if (!v) return null;
  const out: string[] = [];
  const account = v.hubId !== null ? ` It belongs to HubSpot account ${v.hubId}; make sure that is the account this code works with.` : '';
  out.push(`Checked the token ${code(v.token.masked)} (sha256 ${code(v.token.fingerprint.slice(0, 12))}…) with ${METHOD_LABEL[v.method]}.${account}`);
  out.push('');
  if (v.error !== null) out.push(`> **The check could not be finished:** ${ctx.text(v.error)}`, '');
  const verdict = v.missing.length > 0
    ? `**${plural(v.missing.length, 'required scope')} missing**: calls that need ${v.missing.length === 1 ? 'it' : 'them'} will fail with 403 \`MISSING_SCOPES\`. Add ${v.missing.length === 1 ? 'it' : 'them'} to the token and run again.`
    : v.error !== null ? 'What could not be checked is listed as unverified.'
      : v.unverified.length === 0 ? 'The token has every scope this code needs.' : 'No required scope was found missing.';
  out.push(`${countsLine(v)}. ${verdict}`);
  const rows: string[][] = [];
  const missing = new Map(v.missing.map((m) => [m.scope, m.sites]));
  const needing = sitesNeedingScope(ctx);
  const all = [...v.granted, ...v.missing.map((m) => m.scope), ...v.unverified].sort();
  for (const scope of all) {
    const sites = missing.get(scope);
    const result = sites ? '**missing**' : v.granted.includes(scope) ? 'granted' : 'unverified';
    // the calls are listed where a person has to act: a missing scope, or one to check by hand
    const ids = sites ?? (result === 'unverified' ? needing.get(scope) ?? [] : []);
    const where = siteLocations(ctx.report, ids).map(({ id, site }) => (site ? ctx.link(site.file, site.line) : code(id))).join(', ');
    rows.push([code(scope), result, where || '—']);
  }
  if (rows.length > 0) out.push('', table(['scope', 'result', 'calls that need it'], rows));
  if (v.unverified.length > 0 && v.error === null) {
    out.push('', `Check the unverified ${v.unverified.length === 1 ? 'scope' : 'scopes'} on the token's page in HubSpot (a write scope cannot be tested without writing).`);
  }
  if (v.extra.length > 0) {
    out.push('', `**Not needed by this code** (remove for least privilege): ${v.extra.map(code).join(', ')}.`);
  }
  if (v.probes.length > 0) {
    out.push('', 'Read probes made (GET only, never a write):', '');
    for (const p of v.probes) {
      const also = p.alsoAccepts.length > 0 ? `; the call also accepts ${p.alsoAccepts.map(code).join(', ')}, so only a refusal counts` : '';
      out.push(`- ${code(`GET ${p.path}`)} → ${p.status ?? 'no answer'}: ${p.result} (${code(p.scope)}${also})`);
    }
  }
  if (v.notes.length > 0) {
    out.push('', 'Notes:', '');
    for (const n of v.notes) out.push(`- ${ctx.text(n)}`);
  }
  return { heading: VERIFICATION_HEADING, body: out.join('\n') };
}

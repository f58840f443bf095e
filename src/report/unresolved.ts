// Calls whose endpoint, so whose scopes, is unknown: the report says so instead of a scope count that
// looks complete. A request is unresolved when its `path` is null; its reason is the scan's
// (`dynamic-path`, `unknown-method`, `client-not-followed`, …) or `unknown` where the scan gave none.
// An account-key site with no request at all is a gap too: the calls its key feeds were not found.
import type { RequestInfo, Site, UnresolvedReason } from '../model/site.js';
import { compareText, isAccountSite, plural } from './select.js';

export const UNKNOWN_REASON = 'unknown';

/** null when the endpoint is known; else the reason code (`unknown` when none was given). */
export function unresolvedReason(r: RequestInfo): UnresolvedReason | null {
  return r.path !== null ? null : r.unresolved || UNKNOWN_REASON;
}

/** Every request gets `unresolved`: null when its path is known, else the scan's reason or `unknown`. */
export function fillUnresolved(sites: readonly Site[]): void {
  for (const s of sites) for (const r of s.requests) r.unresolved = unresolvedReason(r);
}

export interface UnresolvedCall {
  site: Site;
  request: RequestInfo;
  reason: UnresolvedReason;
}

/** Unresolved requests of auto/manual sites, in file and line order. */
export function unresolvedCalls(sites: readonly Site[]): UnresolvedCall[] {
  const out: UnresolvedCall[] = [];
  for (const site of sites) {
    if (!isAccountSite(site)) continue;
    for (const request of site.requests) {
      const reason = unresolvedReason(request);
      if (reason !== null) out.push({ site, request, reason });
    }
  }
  return out.sort((a, b) => compareText(a.request.file, b.request.file) || a.request.line - b.request.line || compareText(a.site.id, b.site.id));
}

/** Auto/manual sites that feed no request the scan found: their scopes are unknown too. */
export function sitesWithoutCalls(sites: readonly Site[]): Site[] {
  return sites.filter((s) => isAccountSite(s) && s.requests.length === 0);
}

export function countUnresolved(sites: readonly Site[]): number {
  return unresolvedCalls(sites).length;
}

/** What to check, per reason code, in words. */
const HINTS: Record<string, string> = {
  'dynamic-path': 'the URL or path is built at run time; find which endpoints it calls',
  'dynamic-method': 'the HTTP method is chosen at run time; find which ones it uses',
  'unknown-method': 'a client-library method we have no endpoint for; look up the endpoint it calls',
  'client-not-followed': 'the client is used where the scan did not follow it; find the calls made through it',
  [UNKNOWN_REASON]: 'the endpoint could not be determined; check which endpoint this call reaches',
};

export const NO_CALLS_REASON = 'no-calls-found';

export function unresolvedHint(reason: string): string {
  if (reason === NO_CALLS_REASON) return 'no HTTP call was found for this key; find where it is sent and which endpoints those calls reach';
  return HINTS[reason] ?? HINTS[UNKNOWN_REASON];
}

export interface ScopeGaps {
  /** Unresolved requests of account-key sites. */
  calls: UnresolvedCall[];
  /** Account-key sites that feed no request we found. */
  sitesWithoutCalls: Site[];
  /** calls + sites without calls: the number of places whose scopes are unknown. */
  total: number;
}

export function scopeGaps(sites: readonly Site[]): ScopeGaps {
  const calls = unresolvedCalls(sites);
  const without = sitesWithoutCalls(sites);
  return { calls, sitesWithoutCalls: without, total: calls.length + without.length };
}

/** `2 calls whose scopes are unknown`, `1 call whose scopes are unknown and 1 key use whose calls were not found`. */
export function gapPhrase(g: ScopeGaps): string {
  const parts: string[] = [];
  if (g.calls.length > 0) parts.push(`${plural(g.calls.length, 'call')} whose scopes are unknown`);
  if (g.sitesWithoutCalls.length > 0) parts.push(`${plural(g.sitesWithoutCalls.length, 'key use')} whose calls were not found`);
  return parts.join(' and ');
}

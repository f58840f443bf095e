// The token's scopes against the required ones, and which sites need each scope (pure).
import type { Verification } from '../model/verification.js';
import type { Site } from '../model/site.js';
import { scopesCovering } from '../scopes/index.js';

type SiteLike = Pick<Site, 'id' | 'status' | 'requests'>;

/** scope → ids of the account-key sites (auto or manual) whose calls need it, sorted. */
export function sitesNeeding(sites: readonly SiteLike[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const s of sites) {
    if (s.status !== 'auto' && s.status !== 'manual') continue;
    for (const r of s.requests) for (const scope of r.scopes) (out.get(scope) ?? out.set(scope, new Set()).get(scope)!).add(s.id);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

export type Comparison = Pick<Verification, 'granted' | 'missing' | 'extra' | 'notes'>;

/**
 * granted = required scopes the token has (itself, another spelling of it, or a scope HubSpot documents to cover
 * it); missing = the rest, with their sites; extra = the token's scopes that cover no required scope.
 */
export function compareScopes(required: readonly string[], tokenScopes: readonly string[], sites: Map<string, string[]>): Comparison {
  const has = new Set(tokenScopes);
  const used = new Set<string>();
  const out: Comparison = { granted: [], missing: [], extra: [], notes: [] };
  for (const scope of [...new Set(required)].sort()) {
    if (has.has(scope)) {
      out.granted.push(scope);
      used.add(scope);
      continue;
    }
    const cover = scopesCovering(scope).find((c) => has.has(c));
    if (cover) {
      out.granted.push(scope);
      used.add(cover);
      out.notes.push(`${scope} is covered by the token's ${cover}.`);
      continue;
    }
    out.missing.push({ scope, sites: sites.get(scope) ?? [] });
  }
  out.extra = [...has].filter((s) => !used.has(s)).sort();
  return out;
}

// For `--verify-token` by read probes: the read-only GET calls that need exactly one given scope, and which scopes
// HubSpot documents as covering another (so a token with the wider one is not reported as lacking the narrower).
import { catalog } from './catalog.js';
import { scopesFor } from './match.js';
import { objectTypeEntry } from './object-types.js';

/**
 * Scopes whose HubSpot description says they include another: the 2024 scope table describes
 * `crm.objects.{contacts,companies,deals}.write` as "View properties and create, delete, or make changes to …"
 * (hubspot-facts.md §1.1), so each covers its `.read`. No other write scope is described that way.
 */
const COVERS: Record<string, string[]> = {
  'crm.objects.contacts.read': ['crm.objects.contacts.write'],
  'crm.objects.companies.read': ['crm.objects.companies.write'],
  'crm.objects.deals.read': ['crm.objects.deals.write'],
};

/** The other spellings of a scope (HubSpot's 2024 table and its 2026 spec disagree for a few). */
export function scopeSpellings(scope: string): string[] {
  const out: string[] = [];
  for (const d of catalog.scopeSpellingDifferences) {
    if (d.docTable === scope) out.push(d.spec);
    if (d.spec === scope) out.push(d.docTable);
  }
  return out;
}

/** Scopes that, when granted, give what `scope` gives: its other spellings and the scopes documented to cover it. */
export function scopesCovering(scope: string): string[] {
  return [...scopeSpellings(scope), ...(COVERS[scope] ?? [])];
}

/** A scope that only allows changes: a read-only call can never show that a token has it. */
export function isWriteOnlyScope(scope: string): boolean {
  return /(^|[._-])(write|delete|publish|send|create)(\.v2)?$/.test(scope) || scope.endsWith('read_write') || /\.write\./.test(scope);
}

const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function versionRank(path: string): number {
  const v = /\/(v\d+|\d{4}-\d{2})\//.exec(`${path}/`)?.[1] ?? '';
  if (v === 'v3') return 0;
  if (v.startsWith('v')) return 1;
  return 2;
}

/**
 * GET paths (no placeholder, no beta version) that need `scope` and nothing else, most dependable first: the CRM
 * objects API for an object type whose read scope it is, then catalog operations whose only scope alternative is
 * `scope` (or a scope documented to cover it), v3 before other versions, shorter before longer. Each candidate is
 * checked against scopesFor(), so a probe never disagrees with what the scan reports for the same call.
 */
export function readProbePaths(scope: string): string[] {
  if (isWriteOnlyScope(scope)) return [];
  const accepted = new Set([scope, ...scopesCovering(scope)]);
  const objects: string[] = [];
  for (const [type, raw] of Object.entries(catalog.objectTypes)) {
    if (raw.aliasOf) continue;
    const entry = objectTypeEntry(type);
    // only the type the scope is named after (`crm.objects.deals.read` → deals), or a type whose coarse scope it is
    // (`tickets`): other types that share a read scope (calls → contacts) make odd probes
    const named = /^crm\.objects\.([a-z_]+)\.read$/.exec(scope)?.[1];
    if (type === 'custom' || (named ? named !== type : scope.includes('.'))) continue;
    if (entry && same(entry.read, [scope])) objects.push(`/crm/v3/objects/${type}`);
  }
  const operations = operationPaths(scope, accepted, false).map((o) => o.path);
  return [...new Set([...objects.sort(), ...operations])].filter((p) => agrees(p, scope));
}

/**
 * For a scope no GET needs alone: GET paths that accept it or a few other scopes (`GET /crm/v3/owners` takes
 * crm.objects.owners.read or automation). HubSpot refusing such a call with 403 MISSING_SCOPES shows the token lacks
 * the scope; a 200 shows nothing about it (the token may hold one of the others).
 */
export function refusalProbePaths(scope: string): Array<{ path: string; others: string[] }> {
  if (isWriteOnlyScope(scope)) return [];
  return operationPaths(scope, null, true).filter((o) => agrees(o.path, scope));
}

/** The scopes stage reports exactly `scope` for a GET of this path. */
function agrees(path: string, scope: string): boolean {
  const m = scopesFor('GET', path);
  return !m.developerKey && m.uncertain.length === 0 && same(m.scopes, [scope]);
}

const MAX_OTHERS = 3;

/** Placeholder-free, non-beta catalog GETs whose alternatives are single scopes including `scope`, best first. */
function operationPaths(scope: string, accepted: Set<string> | null, withOthers: boolean): Array<{ path: string; others: string[] }> {
  const out: Array<{ path: string; others: string[] }> = [];
  for (const g of catalog.paths) {
    const i = g.ops.GET;
    if (i === undefined || g.beta || g.p.includes('{') || /beta/.test(g.v)) continue;
    const auth = catalog.auth[i];
    if (auth.a !== 'account-token' || auth.dk || auth.any || !auth.s?.length) continue;
    if (!auth.s.every((alt) => alt.length === 1) || !auth.s.some((alt) => alt[0] === scope)) continue;
    const others = auth.s.map((alt) => alt[0]).filter((s) => s !== scope && !accepted?.has(s));
    if (withOthers ? others.length === 0 || others.length > MAX_OTHERS : others.length > 0) continue;
    out.push({ path: g.p.replace(/\/$/, ''), others: [...new Set(others)].sort() });
  }
  const segments = (p: string): number => p.split('/').length;
  return out.sort((a, b) => versionRank(a.path) - versionRank(b.path) || segments(a.path) - segments(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

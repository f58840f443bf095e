// Small pure helpers shared by the renderers: ordering, filtering and counting sites and plans.
import type { FilePlan } from '../model/edit.js';
import type { RequestInfo, Site } from '../model/site.js';

/** Code-unit order, independent of locale, so every output is byte-stable. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSites(a: Site, b: Site): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.id, b.id);
}

export function sortSites(sites: readonly Site[]): Site[] {
  return [...sites].sort(compareSites);
}

/** Sites that use an account API key (the ones the migration is about). */
export function isAccountSite(site: Site): boolean {
  return site.status === 'auto' || site.status === 'manual';
}

/** Account-key sites still in the code (not rewritten by this run). */
export function remainingSites(sites: readonly Site[]): Site[] {
  return sites.filter((s) => isAccountSite(s) && !s.applied);
}

export function distinctFiles(sites: readonly Site[]): string[] {
  return [...new Set(sites.map((s) => s.file))].sort(compareText);
}

/** Plans that change their file, in file order. */
export function changedPlans(plans: readonly FilePlan[]): FilePlan[] {
  return plans.filter((p) => p.before !== p.after).sort((a, b) => compareText(a.file, b.file));
}

export function hasFlag(site: Site, flag: string): boolean {
  return site.flags?.includes(flag) ?? false;
}

/** `3 files`, `1 file`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a request calls, for people: `GET /crm/v3/objects/contacts`, `crm.contacts.basicApi.getPage`, or null. */
export function describeRequest(r: RequestInfo): string | null {
  if (r.call) return r.call;
  if (r.path) return r.method ? `${r.method} ${r.path}` : r.path;
  return null;
}

/** Why a request's uncertain scopes are uncertain. */
export function uncertaintyReason(r: RequestInfo): string {
  if (r.path === null && r.unresolved === 'unknown-method') return 'its library method is not in our maps: these are the scopes of its API family';
  if (r.method === null && r.path === null && !r.call) return 'its HTTP method and endpoint could not be determined';
  if (r.method === null && !r.call) return 'its HTTP method could not be determined';
  if (r.path === null && !r.call) return 'its endpoint could not be determined';
  return 'it depends on arguments only known at run time';
}

/**
 * A place a person updates together with the rewrite, though nothing is sent there: a declaration of the key's
 * variable or option (env files, deploy config, schemas, env reads) or a test that sets the key. Manual sites of
 * the same kind (a Zapier auth field, committed build output) are listed with the manual follow-ups.
 */
export function isUpdatePlace(s: Site): boolean {
  return s.status === 'ignored' && (s.category === 'P30_CONFIG_DECL' || s.reason === 'test-sets-key');
}

// App-configuration endpoints that keep the developer API key (`?hapikey=` + appId), and calls that
// private-app / service-key tokens cannot make. Facts: catalog developerKeyEndpoints and
// unsupportedForPrivateApps (hubspot-facts.md §3, §4); spec operations whose authClass is `developer`.
import type { HttpMethod } from '../model/site.js';
import { developerKeyPatterns, legacyRules, unsupportedPatterns, type DeveloperKeyPattern } from './catalog.js';
import { findOperations } from './operations.js';
import { normalisePath } from './normalise.js';

// Account-level endpoints inside an app-configuration API: hubspot-facts.md §3 path gotchas ("POST
// /automation/v4/actions/callbacks/complete … are account-level (scope automation) — exclude them from
// the /automation/v4/actions/{appId} developer pattern"). Checked before anything else.
const ACCOUNT_LEVEL = [/^\/automation\/v4\/actions\/callbacks(\/|$)/, /^\/automation\/actions\/callbacks\//];

/** The developer-key pattern a path matches (the automation-actions pattern excludes `callbacks`). */
export function developerKeyPattern(method: HttpMethod | null, normalised: string): DeveloperKeyPattern | null {
  for (const { pattern, regex } of developerKeyPatterns()) {
    if (!regex.test(normalised)) continue;
    if (pattern.methods && method && !pattern.methods.includes(method)) continue;
    return pattern;
  }
  return null;
}

/**
 * True for app-configuration endpoints called with a developer API key: a developerKeyEndpoints
 * pattern, or a spec operation of auth class `developer`. A spec operation that lists no
 * authentication at all (e.g. GET /crm/v3/extensions/cards-dev/sample-response) is not one.
 */
export function isDeveloperKeyEndpoint(method: HttpMethod | null, path: string): boolean {
  const p = normalisePath(path);
  if (ACCOUNT_LEVEL.some((re) => re.test(p))) return false;
  const ops = findOperations(p);
  const best = method ? ops.find((o) => o.auth(method)) : ops[0];
  const classes = best ? (method ? [best.auth(method)!.a] : best.authClasses()) : [];
  if (classes.length && classes.every((a) => a === 'none-listed')) return false;
  if (developerKeyPattern(method, p)) return true;
  return classes.includes('developer');
}

/** What HubSpot says instead, when private-app / service-key tokens cannot make this call. */
export function unsupportedForPrivateApps(normalised: string): string | undefined {
  for (const u of unsupportedPatterns()) {
    if (u.regexes.some((r) => r.test(normalised))) return u.what;
  }
  for (const { rule, regex } of legacyRules()) {
    if (rule.privateApps === false && regex.test(normalised)) return `${rule.family}: not supported with private-app tokens (public app / OAuth only)`;
  }
  return undefined;
}

// Which request-body arrays name the object types a call associates (catalog legacy rules' `bodyTypes`, e.g.
// engagements v1: `associations.companyIds` → companies). The scan reads them; scopesFor then takes those types.
import type { HttpMethod } from '../model/site.js';
import { catalog, legacyRules } from './catalog.js';
import { scopesFor } from './match.js';
import { normalisePath } from './normalise.js';

/** Key path (`associations.companyIds`) → object type, for the rule a call matches; null when its body does not matter. */
export function bodyTypeKeys(method: HttpMethod | null, path: string | null): Readonly<Record<string, string>> | null {
  if (!path) return null;
  const p = normalisePath(path);
  if (!legacyRules().some(({ rule, regex }) => rule.bodyTypes && regex.test(p))) return null;
  const m = scopesFor(method, path);
  if (m.matched !== 'legacy-rule') return null;
  return catalog.legacyRules.find((r) => r.id === m.pattern)?.bodyTypes ?? null;
}

// Scopes of one spec operation (method + matched path template).
import type { HttpMethod } from '../model/site.js';
import { accessOf } from './access.js';
import { chooseAlternative } from './choose.js';
import { objectKind, objectTypeEntry, objectTypesFromPath, scopesForObjectTypes } from './object-types.js';
import type { OperationMatch } from './operations.js';
import type { ScopeMatch } from './types.js';

/**
 * Spec artefact: a generic `/objects/{objectType}` operation whose only scopes name one other object
 * type (e.g. GET /crm/objects/2026-09/{objectType}/{objectId}/associations/{toObjectType} lists
 * crm.objects.partner-services.read). Such an operation is resolved by object type instead.
 */
function foreignObjectScopes(op: OperationMatch, alternatives: string[][] | undefined, objectType?: string): boolean {
  if (!alternatives?.length || !/\/objects\/(v\d+\/|\d{4}-\d{2}(-beta)?\/)?\{(from)?objectType\}/i.test(op.template)) return false;
  const named = new Set(alternatives.flat().map((s) => s.match(/^crm\.objects\.([^.]+)\./)?.[1] ?? '*'));
  if (named.size !== 1 || named.has('*')) return false;
  const { from } = objectTypesFromPath(op.entry.segments, op.segments, objectType);
  const entry = from ? objectTypeEntry(from) : undefined;
  if (!from || !entry) return false;
  const own = [...entry.read, ...entry.write];
  return !alternatives.flat().some((s) => own.includes(s));
}

export const NO_AUTH_NOTE = 'HubSpot lists no authentication for this endpoint';

export function scopesOfOperation(op: OperationMatch, method: HttpMethod, normalised: string, objectType?: string): ScopeMatch {
  const auth = op.auth(method);
  const result: ScopeMatch = {
    scopes: [],
    uncertain: [],
    developerKey: false,
    matched: 'operation',
    confidence: 'spec',
    pattern: op.template,
    version: op.version,
  };
  if (!auth) {
    result.note = `no ${method} operation at ${op.template}`;
    return result;
  }
  if (auth.a === 'developer') {
    result.developerKey = true;
    result.note = 'app configuration endpoint: developer API key (or developer-platform credential), not an account token';
    return result;
  }
  if (auth.a === 'none-listed') {
    result.note = NO_AUTH_NOTE;
    return result;
  }
  if (auth.any || foreignObjectScopes(op, auth.s, objectType)) {
    const types = objectTypesFromPath(op.entry.segments, op.segments, objectType);
    const r = scopesForObjectTypes(objectKind(op.template), types, accessOf(method, normalised), auth.any);
    if (!auth.any) r.note = 'the spec lists another object type\'s scopes for this generic path; resolved by object type';
    result.scopes = [...new Set(r.scopes)].sort();
    result.uncertain = [...new Set(r.uncertain)].filter((s) => !result.scopes.includes(s)).sort();
    if (types.from) result.objectType = types.from;
    if (r.note) result.note = r.note;
    return result;
  }
  const best = chooseAlternative(auth.s);
  if (best) result.scopes = best;
  else result.note = 'HubSpot lists no scope for this operation';
  return result;
}

// Scopes of one spec operation (method + matched path template).
import type { HttpMethod } from '../model/site.js';
import { accessOf } from './access.js';
import { chooseAlternative } from './choose.js';
import { objectKind, objectTypesFromPath, scopesForObjectTypes } from './object-types.js';
import type { OperationMatch } from './operations.js';
import type { ScopeMatch } from './types.js';

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
  if (auth.any) {
    const types = objectTypesFromPath(op.entry.segments, op.segments, objectType);
    const r = scopesForObjectTypes(objectKind(op.template), types, accessOf(method, normalised), auth.any);
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

// (method, path) → scopes. Order (hubspot-facts.md §2): developer-key endpoints, spec operations
// (most specific template first, then documented path aliases), legacy rules (first match), the
// API family of an unknown path (as uncertain), else nothing.
import type { HttpMethod } from '../model/site.js';
import { accessOf } from './access.js';
import { developerKeyPattern, isDeveloperKeyEndpoint, unsupportedForPrivateApps } from './developer-key.js';
import { familyScopes } from './family.js';
import { findLegacyRule, scopesFromRule } from './legacy.js';
import { definedAssociationScopes } from './association-definitions.js';
import { normalisePath } from './normalise.js';
import { NO_AUTH_NOTE, scopesOfOperation } from './operation-scopes.js';
import { findOperations, type OperationMatch } from './operations.js';
import type { ScopeMatch } from './types.js';

function none(note: string): ScopeMatch {
  return { scopes: [], uncertain: [], developerKey: false, matched: 'none', confidence: 'none', note };
}

function finish(r: ScopeMatch): ScopeMatch {
  r.scopes = [...new Set(r.scopes)].sort();
  r.uncertain = [...new Set(r.uncertain)].filter((s) => !r.scopes.includes(s)).sort();
  return r;
}

/** Unknown method: the read operations' scopes, the write ones as uncertain. */
function methodless(op: OperationMatch, normalised: string, objectType?: string): ScopeMatch {
  const result: ScopeMatch = { scopes: [], uncertain: [], developerKey: false, matched: 'operation', confidence: 'spec', pattern: op.template, version: op.version };
  const notes = new Set<string>();
  for (const m of op.methods()) {
    const r = scopesOfOperation(op, m, normalised, objectType);
    if (r.developerKey) result.developerKey = true;
    if (r.objectType) result.objectType = r.objectType;
    if (r.note) notes.add(r.note);
    if (accessOf(m, normalised) === 'read') {
      result.scopes.push(...r.scopes);
      result.uncertain.push(...r.uncertain);
    } else result.uncertain.push(...r.scopes, ...r.uncertain);
  }
  notes.add('method unknown: write scopes listed as uncertain');
  result.note = [...notes].join('; ');
  return result;
}

/** The path matched but not with this method: same-access operations of that path, as uncertain. */
function otherMethods(op: OperationMatch, method: HttpMethod, normalised: string, objectType?: string): ScopeMatch {
  const access = accessOf(method, normalised);
  const same = op.methods().filter((m) => accessOf(m, normalised) === access);
  const uncertain = (same.length ? same : op.methods()).flatMap((m) => {
    const r = scopesOfOperation(op, m, normalised, objectType);
    return [...r.scopes, ...r.uncertain];
  });
  return {
    scopes: [],
    uncertain,
    developerKey: false,
    matched: 'family',
    confidence: 'spec',
    pattern: op.template,
    version: op.version,
    note: `no ${method} operation at ${op.template} (has ${op.methods().join(', ')})`,
  };
}

/**
 * `objectType`: the call's object type when the path does not name it; or the object types the call associates, as
 * a list (read from the request body: legacy rules with `bodyTypes`).
 */
export function scopesFor(method: HttpMethod | null, path: string | null, objectType?: string | readonly string[]): ScopeMatch {
  if (path === null || path === undefined || path.trim() === '') return none('path unknown');
  const p = normalisePath(path);
  const result = finish(match(method, p, objectType));
  const unsupported = unsupportedForPrivateApps(p);
  if (unsupported && result.note !== NO_AUTH_NOTE) result.unsupportedForPrivateApps = unsupported;
  return result;
}

function match(method: HttpMethod | null, p: string, types?: string | readonly string[]): ScopeMatch {
  const objectType = typeof types === 'string' ? types : undefined;
  const ops = findOperations(p);
  if (isDeveloperKeyEndpoint(method, p)) {
    const pattern = developerKeyPattern(method, p);
    const op = ops[0];
    return {
      scopes: [],
      uncertain: [],
      developerKey: true,
      matched: op ? 'operation' : 'legacy-rule',
      confidence: op ? 'spec' : pattern?.conf ?? 'spec',
      pattern: op?.template ?? pattern?.re,
      version: op?.version,
      note: `keeps the developer API key: ${pattern?.what ?? 'app configuration endpoint'}`,
    };
  }
  if (ops.length) {
    if (!method) return methodless(ops[0], p, objectType);
    const op = ops.find((o) => o.auth(method));
    if (op) return scopesOfOperation(op, method, p, objectType);
    const rule = findLegacyRule(p);
    if (rule) return scopesFromRule(rule, method, p, types);
    return otherMethods(ops[0], method, p, objectType);
  }
  const defined = definedAssociationScopes(method, p, types);
  if (defined) return defined;
  const rule = findLegacyRule(p);
  if (rule) return scopesFromRule(rule, method, p, types);
  const family = familyScopes(method, p, objectType);
  if (family) {
    return {
      scopes: [],
      uncertain: family.uncertain,
      developerKey: false,
      matched: 'family',
      confidence: family.confidence,
      pattern: family.prefix,
      version: family.version,
      note: `unknown endpoint under ${family.prefix}: that API's scopes, unconfirmed`,
    };
  }
  return none('no HubSpot operation or legacy rule matches this path');
}

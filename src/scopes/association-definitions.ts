// CRM associations v1 name the association by a HubSpot-defined id (`HUBSPOT_DEFINED/4`: contact to deal). The
// catalog's rule for the family accepts any one object's scope; with the id in the path, the objects are known:
// reading an object's associations needs that object's read scope (required), and the associated object's read
// scope may be asked too (uncertain). Ids from the definition table of HubSpot's CRM associations v1 overview
// (developers.hubspot.com/docs/methods/crm-associations/crm-associations-overview: 15 contact→ticket, 26 ticket→company).
import type { HttpMethod } from '../model/site.js';
import { recordScope } from './object-types.js';
import type { ScopeMatch } from './types.js';

/** definitionId → [from, to] object types (engagements are left to the family rule: their scopes follow others). */
const DEFINITIONS: Readonly<Record<number, readonly [string, string]>> = {
  1: ['contacts', 'companies'], 2: ['companies', 'contacts'], 3: ['deals', 'contacts'], 4: ['contacts', 'deals'],
  5: ['deals', 'companies'], 6: ['companies', 'deals'], 13: ['companies', 'companies'], 14: ['companies', 'companies'],
  15: ['contacts', 'tickets'], 16: ['tickets', 'contacts'], 19: ['deals', 'line_items'], 20: ['line_items', 'deals'],
  25: ['companies', 'tickets'], 26: ['tickets', 'companies'], 27: ['deals', 'tickets'], 28: ['tickets', 'deals'],
};

const PATH = /^\/crm-associations\/v1\/associations\/[^/]+\/HUBSPOT_DEFINED\/(\d+)\/?$/;
/** Where the id is in the body (`{ fromObjectId, toObjectId, category, definitionId }`): create and delete one. */
const BODY_PATH = /^\/crm-associations\/v1\/associations(\/delete)?\/?$/;


/** The [from, to] object types of a HubSpot-defined association id, or null. */
export function definitionTypes(id: number): readonly [string, string] | null {
  return DEFINITIONS[id] ?? null;
}

/** Whether the body of `method path` names the association by `definitionId` (the scan then reads it). */
export function takesDefinitionInBody(method: HttpMethod | null, normalised: string): boolean {
  return method === 'PUT' && BODY_PATH.test(normalised);
}

/**
 * Scopes of `GET /crm-associations/v1/associations/{id}/HUBSPOT_DEFINED/{definitionId}` for a known id, and of
 * creating or deleting one (`PUT …/associations`, `…/delete`) when the body's id gave `types` ([from, to]): the
 * from-object's write scope, the other one's uncertain. Null otherwise.
 */
export function definedAssociationScopes(method: HttpMethod | null, normalised: string, types?: string | readonly string[]): ScopeMatch | null {
  if (takesDefinitionInBody(method, normalised) && Array.isArray(types) && types.length === 2) {
    const from = recordScope(types[0], 'write');
    const to = recordScope(types[1], 'write');
    if (!from) return null;
    return { scopes: [from], uncertain: to && to !== from ? [to] : [], developerKey: false, matched: 'legacy-rule', confidence: 'inferred', pattern: 'crm-associations-v1', version: 'v1', objectType: types[0] };
  }
  const m = PATH.exec(normalised);
  if (!m || (method !== null && method !== 'GET')) return null;
  const pair = DEFINITIONS[Number(m[1])];
  if (!pair) return null;
  const from = recordScope(pair[0], 'read');
  const to = recordScope(pair[1], 'read');
  if (!from) return null;
  return {
    scopes: [from],
    uncertain: to && to !== from ? [to] : [],
    developerKey: false,
    matched: 'legacy-rule',
    confidence: 'inferred',
    pattern: 'crm-associations-v1',
    version: 'v1',
    objectType: pair[0],
  };
}

// Object types: canonical names, and the scopes a generic `/{objectType}` endpoint needs once the
// type is known. Per-type scopes come from the catalog's objectTypes (hubspot-facts.md §2.2).
import { catalog, type ObjectTypeEntry } from './catalog.js';
import { chooseScope } from './choose.js';
import { isPlaceholder } from './normalise.js';
import type { Access } from './types.js';

// Object type IDs the catalog does not list. Source: HubSpot, "Understanding the CRM", object type ID
// table (https://developers.hubspot.com/docs/guides/api/crm/understanding-the-crm#object-type-ids):
// 0-1 contacts, 0-2 companies, 0-3 deals, 0-5 tickets, 0-18 communications, 0-48 calls, 0-142 carts,
// 0-410 courses, 0-421 appointments (read in the stored copy); 0-7 products, 0-8 line items, 0-14 quotes,
// 0-27 tasks, 0-46 notes, 0-47 meetings, 0-49 emails (same table, rows not in the stored excerpt).
const TYPE_IDS: Record<string, string> = {
  '0-1': 'contacts',
  '0-2': 'companies',
  '0-5': 'tickets',
  '0-7': 'products',
  '0-8': 'line_items',
  '0-14': 'quotes',
  '0-18': 'communications',
  '0-27': 'tasks',
  '0-46': 'notes',
  '0-47': 'meetings',
  '0-48': 'calls',
  '0-49': 'emails',
  '0-142': 'carts',
};

/** Canonical object type name (`contacts`, `deals`, `custom`, …), or null when not a concrete type. */
export function canonicalObjectType(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const t = raw.trim().replace(/^['"`]|['"`]$/g, '');
  if (!t || isPlaceholder(t) || t.includes('{') || t.includes('$')) return null;
  if (/^2-\d+$/.test(t) || /^p\d*_/i.test(t)) return 'custom';
  const lower = t.toLowerCase();
  const types = catalog.objectTypes;
  const direct = types[lower];
  if (direct) return direct.aliasOf ?? lower;
  if (TYPE_IDS[lower]) return TYPE_IDS[lower];
  for (const plural of [lower + 's', lower.replace(/y$/, 'ies'), lower.replace(/(ch|sh|x)$/, '$1es')]) {
    const e = types[plural];
    if (e) return e.aliasOf ?? plural;
  }
  return lower;
}

export function objectTypeEntry(type: string): ObjectTypeEntry | undefined {
  const e = catalog.objectTypes[type];
  return e?.aliasOf ? catalog.objectTypes[e.aliasOf] : e;
}

/** How a generic endpoint uses its object type(s). */
export type ObjectKind = 'records' | 'schema' | 'pipeline' | 'association' | 'any-object';

export function objectKind(template: string): ObjectKind {
  if (/\/(limits|object-library)\//.test(template) || /\/associations\/(definitions\/configurations\/all|usage)\b/.test(template)) {
    return 'any-object';
  }
  if (/\/(properties|property-validations)\//.test(template)) return 'schema';
  if (/\/pipelines\//.test(template)) return 'pipeline';
  if (/\/associations\//.test(template) && /\{toObjectType(Id)?\}/.test(template)) return 'association';
  if (/\/associations\/(v\d|\d{4}-\d{2}(-beta)?)\/\{fromObjectType\}\/\{toObjectType\}/.test(template)) return 'association';
  return 'records';
}

/** The object types a generic operation applies to, read from the path (or the given type). */
export function objectTypesFromPath(
  templateSegments: string[],
  pathSegments: string[],
  given?: string,
): { from: string | null; to: string | null } {
  let from: string | null = null;
  let to: string | null = null;
  const at = (i: number) => (i >= 0 && i < pathSegments.length && !isPlaceholder(pathSegments[i]) ? pathSegments[i] : null);
  templateSegments.forEach((seg, i) => {
    if (/^\{(from)?objectType(Id)?\}$/i.test(seg)) from ??= at(i) ?? '';
    else if (/^\{toObjectType(Id)?\}$/i.test(seg)) to ??= at(i) ?? '';
  });
  if (from === null) {
    // literal type after `/objects/` (`/crm/v3/objects/calls`, `/crm/objects/2026-09-beta/calls`)
    const o = templateSegments.indexOf('objects');
    if (o >= 0) {
      const next = templateSegments[o + 1] ?? '';
      const i = /^(v\d+|\d{4}-\d{2}(-beta)?)$/.test(next) ? o + 2 : o + 1;
      const seg = templateSegments[i];
      if (seg && !seg.startsWith('{')) from = seg;
    }
  }
  return {
    from: canonicalObjectType(from || given),
    to: canonicalObjectType(to || null),
  };
}

export interface ObjectScopes {
  scopes: string[];
  uncertain: string[];
  note?: string;
}

/** The scope an object type's records need for `access` (its least-privileged one), or null for an unknown type. */
export function recordScope(type: string, access: Access): string | null {
  const list = objectTypeEntry(type)?.[access] ?? [];
  return list.length ? chooseScope(list) ?? list[0] : null;
}

function recordCandidates(type: string, access: Access): string[] {
  const e = objectTypeEntry(type);
  const list = e ? (access === 'read' ? e.read : e.write) : [];
  return list.length ? list : [`crm.objects.${type}.${access}`];
}

function schemaCandidates(type: string, access: Access): string[] {
  const e = objectTypeEntry(type);
  const schema = (access === 'read' ? e?.schemaRead : e?.schemaWrite) ?? `crm.schemas.${type}.${access}`;
  return [schema, ...recordCandidates(type, access)];
}

/**
 * Picks the least-privileged candidate the operation accepts (`anyOf`: the spec's any-one-of list).
 * When no candidate is in the spec's list, the best candidate is returned as uncertain.
 */
function pick(candidates: string[], anyOf: string[] | undefined): { scope: string | null; certain: boolean } {
  const accepted = anyOf ? candidates.filter((c) => anyOf.includes(c)) : candidates;
  if (accepted.length) return { scope: chooseScope(accepted), certain: true };
  return { scope: chooseScope(candidates), certain: false };
}

/**
 * The object types a run-time `objectType` most often is: their scopes are the candidates when it is unknown. The
 * generic objects API is also the custom objects API (HubSpot, "Custom objects": records of a custom object are read
 * and written at /crm/v3/objects/{objectTypeId}, with crm.objects.custom.*), so a custom object is one of them.
 */
const COMMON_TYPES = ['contacts', 'companies', 'deals', 'tickets', 'custom'];
const COMMON_TYPES_TEXT = 'contacts, companies, deals, tickets, a custom object';

/** Scopes of an object-type dependent endpoint. */
export function scopesForObjectTypes(
  kind: ObjectKind,
  types: { from: string | null; to: string | null },
  access: Access,
  anyOf?: string[],
): ObjectScopes {
  const scopes: string[] = [];
  const uncertain: string[] = [];
  const add = (r: { scope: string | null; certain: boolean }) => {
    if (r.scope) (r.certain ? scopes : uncertain).push(r.scope);
  };
  if (kind === 'any-object') {
    const prefer = anyOf?.includes('crm.objects.contacts.read') ? 'crm.objects.contacts.read' : chooseScope(anyOf ?? []);
    return {
      scopes: [],
      uncertain: prefer ? [prefer] : [],
      note: 'accepts the scope of any CRM object type; one object scope suffices',
    };
  }
  if (!types.from) {
    // the object type is chosen at run time: the scopes of the common CRM types are the candidates, one of which
    // the call needs (`hs.crm[objectType]`): listed as uncertain so the person creating the token can pick
    const candidates = new Set<string>();
    for (const t of COMMON_TYPES) {
      const r = scopesForObjectTypes(kind, { from: t, to: types.to }, access, anyOf);
      for (const x of [...r.scopes, ...r.uncertain]) candidates.add(x);
    }
    return { scopes: [], uncertain: [...candidates].sort(), note: `object type unknown: needs the scope of the object type used (one of ${COMMON_TYPES_TEXT}, or another)` };
  }
  const from = types.from;
  if (kind === 'schema') add(pick(schemaCandidates(from, access), anyOf));
  else if (kind === 'pipeline') {
    // reading pipelines: the object's read scope (hubspot-2026.md §3.2 "object read scope (e.g.
    // crm.objects.deals.read, tickets)"); the schema scope only when the spec does not accept it
    const records = pick(recordCandidates(from, access), anyOf);
    add(access === 'read' && records.certain ? records : pick(schemaCandidates(from, access), anyOf));
  } else add(pick(recordCandidates(from, access), anyOf));
  let note: string | undefined;
  if (kind === 'association') {
    if (types.to) add(pick(recordCandidates(types.to, access), anyOf));
    else {
      // associations need the scope of both object types (hubspot-facts.md §2.1): the associated type's candidates
      for (const t of COMMON_TYPES) {
        const r = pick(recordCandidates(t, access), anyOf);
        if (r.scope && !scopes.includes(r.scope)) uncertain.push(r.scope);
      }
      note = `associated object type unknown: also needs the scope of that object type (one of ${COMMON_TYPES_TEXT}, or another)`;
    }
  }
  if (!objectTypeEntry(from) && from !== 'custom') note ??= `object type ${from} not in the catalog`;
  return { scopes, uncertain, note };
}

// A library method the maps do not know still gets candidates: the scopes of its API family (the
// known methods sharing the longest chain prefix, `crm.owners.*` → owners), as uncertain scopes. The family
// table is derived from the maps (chain → endpoints) and the catalog (endpoint → scopes), not written by hand.
import { catalog } from './catalog.js';
import { asMethod, chainSegments, libraryEndpoints, maps, type Library, type LibraryCallOptions, type LibraryEndpoint, type LibraryMap } from './client-maps.js';
import { scopesFor } from './match.js';
import { canonicalObjectType } from './object-types.js';

export interface LibraryCall {
  /** The endpoints the call makes; empty when the method is unknown (or apiRequest without a path). */
  endpoints: LibraryEndpoint[];
  /** When the method is unknown: the scopes of its API family (the library's known methods that share
   *  the longest chain prefix, e.g. `crm.owners.*`), as candidates the call may need. */
  uncertainScopes: string[];
  /** The chain prefix whose methods gave `uncertainScopes` (`crm.owners`), null when none did. */
  family: string | null;
}

/**
 * `libraryEndpoints`, and for a method the maps do not know, the scopes of its API family as
 * uncertain candidates: never nothing where the library has a family for the chain.
 */
export function libraryCall(lib: Library, chain: string, options: LibraryCallOptions = {}): LibraryCall {
  const endpoints = libraryEndpoints(lib, chain, options);
  if (endpoints) return { endpoints, uncertainScopes: [], family: null };
  const family = familyOf(lib, chain);
  return { endpoints: [], uncertainScopes: family ? [...family.scopes] : [], family: family?.prefix ?? null };
}

interface ChainFamily {
  prefix: string;
  scopes: string[];
}

const familyMemo = new Map<string, ChainFamily | null>();

/**
 * The chain family of an unknown method: the longest prefix of its segments (after an optional client
 * variable) under which the map has methods. A family's methods are those reached from the prefix
 * through API objects only (`crm.contacts` → `basicApi.*`, `batchApi.*`, `getAll`; not the nested
 * `crm.contacts.associations…` namespaces, and `crm` alone is no family since every method under it
 * sits in a namespace); the scopes are the union of what the catalog says their endpoints need.
 */
export function familyOf(lib: Library, chain: string): ChainFamily | null {
  const map = maps[lib];
  if (!map) return null;
  // crm[objectType].… is the generic objects API (crm.objects.…)
  let segs = chainSegments(chain).map((s, i, all) => (s === '[]' && all[i - 1] === 'crm' ? 'objects' : s)).filter((s) => s !== '[]');
  if (segs[0] === 'this') segs = segs.slice(1);
  if (segs.length && segs[segs.length - 1] === 'apiRequest') return null;
  let best: ChainFamily | null = null;
  for (let drop = 0; drop <= 2 && drop < segs.length; drop++) {
    for (let len = segs.length - 1; len >= 1; len--) {
      if (best && len <= best.prefix.split('.').length) break;
      const prefix = segs.slice(drop, drop + len).join('.');
      const f = familyAt(lib, map, prefix);
      if (f) {
        best = f;
        break;
      }
    }
  }
  if (best || lib !== 'hubspot-api-client') return best;
  // crm.<objectType>.… that the maps do not name (an object added after the versions read): the
  // generic objects API's family for that object type, when the catalog knows the type.
  const at = segs.indexOf('crm');
  const type = at >= 0 && at <= 2 ? segs[at + 1] : undefined;
  const canonical = type ? canonicalObjectType(type) : null;
  if (canonical && canonical in catalog.objectTypes) return familyAt(lib, map, 'crm.objects', canonical, `crm.${type}`);
  return null;
}

/**
 * The family at `prefix`: the union of the certain scopes of its methods' endpoints; where no endpoint
 * has a certain scope (generic object paths), their uncertain ones.
 */
function familyAt(lib: Library, map: LibraryMap, prefix: string, objectType?: string, name = prefix): ChainFamily | null {
  const key = `${lib}|${prefix}|${objectType ?? ''}`;
  if (familyMemo.has(key)) return familyMemo.get(key)!;
  const depth = prefix.split('.').length;
  const certain = new Set<string>();
  const uncertain = new Set<string>();
  let members = 0;
  for (const [c, entries] of Object.entries(map.chains)) {
    if (!c.startsWith(prefix + '.')) continue;
    const rest = c.split('.').slice(depth);
    if (!rest.slice(0, -1).every((s) => /Api$/.test(s))) continue;
    members++;
    for (const [m, path] of entries) {
      const r = scopesFor(asMethod(m), path, objectType);
      for (const sc of r.scopes) certain.add(sc);
      for (const sc of r.uncertain) uncertain.add(sc);
    }
  }
  const f = members ? { prefix: name, scopes: [...(certain.size ? certain : uncertain)].sort() } : null;
  familyMemo.set(key, f);
  return f;
}

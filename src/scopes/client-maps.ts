// Client-library calls → the HTTP endpoints they make. Facts derived from the libraries' published
// code by scripts/build-client-maps.mjs (client-maps.json records the versions read: every minor line
// of @hubspot/api-client 3.x–9.0 plus the latest, every minor line of hubspot 1.x–2.x).
import type { HttpMethod } from '../model/site.js';
import raw from './client-maps.json' with { type: 'json' };
import { catalog } from './catalog.js';
import { scopesFor } from './match.js';
import { canonicalObjectType } from './object-types.js';

export type Library = 'hubspot-api-client' | 'hubspot' | 'hubspot-api';

/** [method, path, versions (absent: every version read; else ranges over `versions`: `3.0.1..5.0.0,8.9.0`)] */
type Entry = [string, string] | [string, string, string];

interface LibraryMap {
  package: string;
  versions: string[];
  chains: Record<string, Entry[]>;
  dynamic: Record<string, { methodFrom: string; pathFrom: string; defaultMethod: string }>;
  notDerived: string[];
}

const maps = (raw as unknown as { libraries: Record<Library, LibraryMap> }).libraries;

export interface LibraryEndpoint {
  method: HttpMethod | null;
  path: string;
}

export interface LibraryCallOptions {
  /** For request-passing methods (`apiRequest`): the method and path arguments (method absent: the
   *  library default GET; null: present but not known statically). */
  method?: string | null;
  path?: string | null;
  /** The repository's library version (`8.4.1`, `~8.4.0`, `^8.0.0` from package.json): prefer the
   *  endpoints of that minor line (exact or `~`) or major line (`^`, `8.x`); without it, or when that
   *  line does not have the method, the union over every version read. */
  version?: string;
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function asMethod(m: string | null | undefined): HttpMethod | null {
  const u = m?.toUpperCase();
  return u && METHODS.has(u) ? (u as HttpMethod) : null;
}

/** `a?.b['c'][x]` → ['a', 'b', 'c', '[]'] (a computed, non-literal member becomes `[]`). */
export function chainSegments(chain: string): string[] {
  const out: string[] = [];
  const re = /\??\.?\s*([A-Za-z_$][\w$]*)|\[\s*(['"`])([^'"`]*)\2\s*\]|\[[^\]]*\]|\(\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(chain.replace(/\s+/g, '')))) {
    if (m[1]) out.push(m[1]);
    else if (m[3] !== undefined) out.push(m[3]);
    else if (m[0] !== '()') out.push('[]');
  }
  return out;
}

function lookup(map: LibraryMap, segs: string[]): Entry[] | null {
  const key = segs.join('.');
  const direct = map.chains[key] ?? map.chains[key.replace(/WithHttpInfo$/, '')];
  if (direct) return direct;
  // crm[objectType].basicApi.getPage → crm.objects.basicApi.getPage (the {objectType} path)
  const dyn = segs.indexOf('[]');
  if (dyn === 1 && segs[0] === 'crm') return lookup(map, ['crm', 'objects', ...segs.slice(2)]);
  return null;
}

const rangeMemo = new Map<string, Set<string>>();

/** The versions an entry was read from. */
function versionsOf(map: LibraryMap, entry: Entry): Set<string> {
  const ranges = entry[2];
  const key = `${map.package}|${ranges ?? ''}`;
  let set = rangeMemo.get(key);
  if (!set) {
    set = new Set(ranges ? expandRanges(map.versions, ranges) : map.versions);
    rangeMemo.set(key, set);
  }
  return set;
}

/** `3.0.1..5.0.0,8.9.0` over the ordered version list → the versions it names. */
export function expandRanges(all: readonly string[], ranges: string): string[] {
  const out: string[] = [];
  for (const part of ranges.split(',')) {
    const [a, b = a] = part.split('..');
    const i = all.indexOf(a);
    const j = all.indexOf(b);
    if (i >= 0 && j >= i) out.push(...all.slice(i, j + 1));
  }
  return out;
}

function parts(v: string): number[] {
  return v.split(/[.-]/).slice(0, 3).map((x) => (/^\d+$/.test(x) ? Number(x) : 0));
}

function compare(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * The read versions a package.json range or an installed version stands for: `8.4.1`, `~8.4.0`, `8.4.x`
 * → the 8.4 line; `^8.1.0` → 8.1 and later 8.x lines; `8`, `8.x` → the 8 line; `>=8.1` → 8.1 and later.
 * A line that was not read stands for the newest read line before it in the same major (8.7.x → 8.6).
 * Empty when the hint names no read version.
 */
export function versionsForHint(all: readonly string[], hint: string): string[] {
  const m = hint.trim().match(/^(\^|~|>=|=|v)?\s*(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/);
  if (!m) return [];
  const [, op, major, minor, patch] = m;
  const wild = (x: string | undefined) => x === undefined || x === 'x' || x === '*';
  const base = `${major}.${wild(minor) ? 0 : minor}.${wild(patch) ? 0 : patch}`;
  const sameMajor = all.filter((v) => v.split('.')[0] === major);
  if (op === '>=') return all.filter((v) => compare(v, base) >= 0);
  if (wild(minor)) return sameMajor;
  const line = (v: string) => v.split('.').slice(0, 2).join('.');
  if (op === '^') {
    const from = sameMajor.filter((v) => compare(v, base) >= 0 || line(v) === line(base));
    return from.length ? from : sameMajor.filter((v) => compare(v, base) <= 0).slice(-1);
  }
  const sameMinor = sameMajor.filter((v) => line(v) === `${major}.${minor}`);
  if (sameMinor.length) return sameMinor;
  const before = sameMajor.filter((v) => compare(v, base) <= 0).pop();
  return before ? [before] : sameMajor;
}

/**
 * Endpoints a library call makes. `chain` is the member chain without the client variable
 * (`crm.contacts.basicApi.getPage`); a leading client variable is tolerated. For generic object calls
 * (`crm.objects.basicApi.getPage`, `crm[x].basicApi.getPage`) the path keeps `{objectType}`.
 * `apiRequest` passes its own method and path: give them in `options`. Null when the chain is unknown.
 */
export function libraryEndpoints(lib: Library, chain: string, options: LibraryCallOptions = {}): LibraryEndpoint[] | null {
  const map = maps[lib];
  if (!map) return null;
  const all = chainSegments(chain);
  for (let drop = 0; drop <= 2 && drop < all.length; drop++) {
    const entries = lookup(map, all.slice(drop));
    if (entries) return select(map, entries, options.version);
  }
  // apiRequest({ method, path }) (optionally on the client variable)
  const dyn = all.length <= 2 ? map.dynamic[all[all.length - 1] ?? ''] : undefined;
  if (dyn && options.path) {
    return [{ method: options.method === undefined ? asMethod(dyn.defaultMethod) : asMethod(options.method), path: options.path }];
  }
  return null;
}

function select(map: LibraryMap, entries: Entry[], version?: string): LibraryEndpoint[] {
  let chosen = entries;
  const wanted = version ? versionsForHint(map.versions, version) : [];
  if (wanted.length) {
    const same = entries.filter((e) => wanted.some((v) => versionsOf(map, e).has(v)));
    if (same.length) chosen = same;
  }
  const seen = new Set<string>();
  const out: LibraryEndpoint[] = [];
  for (const [m, path] of chosen) {
    const key = `${m} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: asMethod(m), path });
  }
  return out;
}

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
  let segs = chainSegments(chain).filter((s) => s !== '[]');
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

/** True when the method passes its own method/path (`apiRequest`). */
export function isRequestPassthrough(lib: Library, chain: string): boolean {
  const all = chainSegments(chain);
  return all.length <= 2 && Boolean(maps[lib]?.dynamic[all[all.length - 1] ?? '']);
}

/** The versions read that have the chain (as written, after an optional client variable), oldest first. */
export function chainVersions(lib: Library, chain: string): string[] {
  const map = maps[lib];
  if (!map) return [];
  const all = chainSegments(chain);
  for (let drop = 0; drop <= 2 && drop < all.length; drop++) {
    const entries = lookup(map, all.slice(drop));
    if (entries) {
      const have = new Set(entries.flatMap((e) => [...versionsOf(map, e)]));
      return map.versions.filter((v) => have.has(v));
    }
  }
  return [];
}

/**
 * The version range a package.json gives for the library (dependencies, devDependencies,
 * peerDependencies, optionalDependencies), to pass as `version`; undefined when it names none.
 */
export function libraryVersionHint(pkg: Record<string, unknown> | null | undefined, lib: Library): string | undefined {
  const name = maps[lib]?.package;
  if (!pkg || !name) return undefined;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = pkg[field];
    const v = deps && typeof deps === 'object' ? (deps as Record<string, unknown>)[name] : undefined;
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

/** The library versions the map was derived from, and what could not be derived. */
export function libraryInfo(lib: Library): { package: string; versions: string[]; notDerived: string[] } | null {
  const map = maps[lib];
  return map ? { package: map.package, versions: [...map.versions], notDerived: [...map.notDerived] } : null;
}

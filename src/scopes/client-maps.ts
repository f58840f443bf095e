// Client-library calls → the HTTP endpoints they make. Facts derived from the libraries' published
// code by scripts/build-client-maps.mjs (client-maps.json records the versions read: every minor line
// of @hubspot/api-client 3.x–9.0 plus the latest, every minor line of hubspot 1.x–2.x).
import type { HttpMethod } from '../model/site.js';
import raw from './client-maps.json' with { type: 'json' };
import { versionsForHint } from './client-versions.js';

export type Library = 'hubspot-api-client' | 'hubspot' | 'hubspot-api';

/** [method, path, versions (absent: every version read; else ranges over `versions`: `3.0.1..5.0.0,8.9.0`)] */
type Entry = [string, string] | [string, string, string];

export interface LibraryMap {
  package: string;
  versions: string[];
  chains: Record<string, Entry[]>;
  dynamic: Record<string, { methodFrom: string; pathFrom: string; defaultMethod: string }>;
  notDerived: string[];
}

export const maps = (raw as unknown as { libraries: Record<Library, LibraryMap> }).libraries;

export interface LibraryEndpoint {
  method: HttpMethod | null;
  path: string;
}

export interface LibraryCallOptions {
  /** For request-passing methods (`apiRequest`): the method and path arguments (method absent: the
   *  library default GET; null: present but not known statically). */
  method?: string | null;
  path?: string | null;
  /** The repository's library version or range (`8.4.1`, `~8.4.0`, `^8.1.0`, from package.json, see
   *  libraryVersionHint): prefer the endpoints of the versions it stands for (versionsForHint); without
   *  it, or when those versions do not have the method, the union over every version read. */
  version?: string;
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function asMethod(m: string | null | undefined): HttpMethod | null {
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
  const key = chainKey(map, segs);
  return key === null ? null : map.chains[key];
}

/** The map's key for a chain's segments, or null. */
function chainKey(map: LibraryMap, segs: string[]): string | null {
  const key = segs.join('.');
  if (map.chains[key]) return key;
  const plain = key.replace(/WithHttpInfo$/, '');
  if (map.chains[plain]) return plain;
  // crm[objectType].basicApi.getPage → crm.objects.basicApi.getPage (the {objectType} path)
  const dyn = segs.indexOf('[]');
  if (dyn === 1 && segs[0] === 'crm') return chainKey(map, ['crm', 'objects', ...segs.slice(2)]);
  return null;
}

/** The map's name for a call's chain (`client.crm[x].basicApi.getPage` → `crm.objects.basicApi.getPage`), or null. */
export function matchedChain(lib: Library, chain: string): string | null {
  const map = maps[lib];
  if (!map) return null;
  const all = chainSegments(chain);
  for (let drop = 0; drop <= 2 && drop < all.length; drop++) {
    const key = chainKey(map, all.slice(drop));
    if (key !== null) return key;
  }
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

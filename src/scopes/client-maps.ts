// Client-library calls → the HTTP endpoints they make. Facts derived from the libraries' published
// code by scripts/build-client-maps.mjs (client-maps.json records the versions read).
import type { HttpMethod } from '../model/site.js';
import raw from './client-maps.json' with { type: 'json' };

export type Library = 'hubspot-api-client' | 'hubspot' | 'hubspot-api';

/** [method, path, versions (absent: every version read)] */
type Entry = [string, string] | [string, string, string[]];

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
  /** Installed library version (e.g. `8.4.1` or `^8.0.0`): prefer endpoints of that major version. */
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

function majorOf(v: string): string | null {
  return v.match(/(\d+)/)?.[1] ?? null;
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
  const major = version ? majorOf(version) : null;
  if (major) {
    const same = entries.filter((e) => (e[2] ?? map.versions).some((v) => majorOf(v) === major));
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

/** The library versions the map was derived from, and what could not be derived. */
export function libraryInfo(lib: Library): { package: string; versions: string[]; notDerived: string[] } | null {
  const map = maps[lib];
  return map ? { package: map.package, versions: [...map.versions], notDerived: [...map.notDerived] } : null;
}

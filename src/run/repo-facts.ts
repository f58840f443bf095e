// Facts about the repository as a whole that the per-file scan needs: is it a HubSpot library itself,
// is it a browser app, which names stand for HubSpot libraries, which exported functions wrap fetch.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LIB_MODULES, type Lib } from '../scan/library-names.js';
import { libraryVersionHint } from '../scopes/index.js';

const LIBRARY_PACKAGES = new Set(['hubspot', '@hubspot/api-client', 'hubspot-api', 'node-hubspot']);
const BROWSER_DEPS = ['react-scripts', 'vite', '@vue/cli-service', 'parcel', 'parcel-bundler', 'gatsby', '@angular/core', 'svelte', 'webpack-dev-server', 'preact'];
const SERVER_DEPS = ['express', 'koa', 'fastify', '@hapi/hapi', 'next', 'nuxt', '@nestjs/core', 'serverless'];
const ALIAS = /\bthis\.([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"](hubspot-api|hubspot|@hubspot\/api-client)['"]\s*\)/g;

export async function readPackageJson(root: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function libraryAliases(texts: Iterable<string>): Map<string, Lib> {
  const out = new Map<string, Lib>();
  for (const t of texts) {
    if (!t.includes('require')) continue;
    for (const m of t.matchAll(ALIAS)) out.set(m[1], LIB_MODULES[m[2]]);
  }
  return out;
}

export function repoKind(pkg: Record<string, unknown> | null): { libraryPackage: string | null; browserApp: boolean } {
  if (!pkg) return { libraryPackage: null, browserApp: false };
  const name = typeof pkg.name === 'string' ? pkg.name : null;
  const deps = { ...(pkg.dependencies as object ?? {}), ...(pkg.devDependencies as object ?? {}) } as Record<string, string>;
  const browser = BROWSER_DEPS.some((d) => d in deps) && !SERVER_DEPS.some((d) => d in deps);
  return { libraryPackage: name && LIBRARY_PACKAGES.has(name) ? name : null, browserApp: browser };
}


/** The HubSpot library versions the root package.json asks for (an SDK method maps to that version's endpoint). */
export function libraryVersions(pkg: Record<string, unknown> | null): Partial<Record<Lib, string>> {
  const out: Partial<Record<Lib, string>> = {};
  if (!pkg) return out;
  for (const [name, lib] of Object.entries(LIB_MODULES)) {
    const v = libraryVersionHint(pkg, lib);
    if (v) out[lib] = v;
  }
  return out;
}

/** HTTP client modules a member may be bound to (`this.fetch = require('node-fetch')`). */
const CLIENT_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'undici', 'axios', 'got', 'request', 'request-promise', 'request-promise-native', 'superagent']);
const MEMBER = /\b(?:this|[A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Member names bound to an HTTP client module anywhere in the repository (`this.fetch = require('node-fetch')` in a
 * class), with the stems of the files that bind them: `$.fetch` is that client only where `$` is an instance of a
 * class imported from one of those files.
 */
export function memberModules(texts: Iterable<[string, string]>): Map<string, { module: string; stems: string[] }> {
  const out = new Map<string, { module: string; stems: string[] }>();
  for (const [file, t] of texts) {
    if (!t.includes('require')) continue;
    for (const m of t.matchAll(MEMBER)) {
      if (!CLIENT_MODULES.has(m[2])) continue;
      const entry = out.get(m[1]) ?? { module: m[2], stems: [] };
      const stem = path.posix.basename(file).replace(/\.[^.]+$/, '');
      if (!entry.stems.includes(stem)) entry.stems.push(stem);
      out.set(m[1], entry);
    }
  }
  return out;
}

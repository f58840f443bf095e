// Facts about the repository as a whole that the per-file scan needs: is it a HubSpot library itself,
// is it a browser app, which names stand for HubSpot libraries, which exported functions wrap fetch.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LIB_MODULES, type Lib } from '../scan/library-names.js';
import { libraryVersionHint } from '../scopes/index.js';

const LIBRARY_PACKAGES = new Set(['hubspot', '@hubspot/api-client', 'hubspot-api', 'node-hubspot']);
const BROWSER_DEPS = ['react-scripts', 'vite', '@vue/cli-service', 'parcel', 'parcel-bundler', 'gatsby', '@angular/core', 'svelte', 'webpack-dev-server', 'preact'];
const SERVER_DEPS = ['express', 'koa', 'fastify', '@hapi/hapi', 'next', 'nuxt', '@nestjs/core', 'serverless'];

export async function readPackageJson(root: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function repoKind(pkg: Record<string, unknown> | null): { libraryPackage: string | null; browserApp: boolean } {
  if (!pkg) return { libraryPackage: null, browserApp: false };
  const name = typeof pkg.name === 'string' ? pkg.name : null;
  const deps = { ...(pkg.dependencies as object ?? {}), ...(pkg.devDependencies as object ?? {}) } as Record<string, string>;
  const browser = BROWSER_DEPS.some((d) => d in deps) && !SERVER_DEPS.some((d) => d in deps);
  const library = name !== null && (LIBRARY_PACKAGES.has(name) || isClientLibrary(name, pkg, deps));
  return { libraryPackage: library ? name : null, browserApp: browser };
}

/** Words a HubSpot API client's package name may hold beside "hubspot" (`node-hubspot-api`, `hubspot-sdk`). */
const CLIENT_WORDS = new Set(['node', 'nodejs', 'js', 'ts', 'api', 'apis', 'client', 'sdk', 'lib', 'wrapper', 'rest', 'http']);

/**
 * A community HubSpot API client, by its own package: named "hubspot" plus generic client words only, published (not
 * `private`), and no app: no server framework or browser build among its dependencies, and not built on an
 * official HubSpot client (a repository that uses one is a consumer). Plugins for other tools
 * (`gatsby-source-hubspot`, `strapi-provider-upload-hubspot`) name their host and are consumers too.
 */
function isClientLibrary(name: string, pkg: Record<string, unknown>, deps: Record<string, string>): boolean {
  if (pkg.private === true) return false;
  const words = name.toLowerCase().replace(/^@[^/]+\//, '').split(/[-_.]+/).filter(Boolean);
  if (!words.includes('hubspot') || !words.every((w) => w === 'hubspot' || CLIENT_WORDS.has(w))) return false;
  if ([...SERVER_DEPS, ...BROWSER_DEPS].some((d) => d in deps)) return false;
  return !Object.keys(deps).some((d) => LIBRARY_PACKAGES.has(d));
}


/** The HubSpot library versions the root package.json asks for (an SDK method maps to that version's endpoint). */
export function libraryVersions(pkg: Record<string, unknown> | null): Partial<Record<Lib, string>> {
  const out: Partial<Record<Lib, string>> = {};
  if (!pkg) return out;
  for (const lib of Object.values(LIB_MODULES)) {
    const v = libraryVersionHint(pkg, lib);
    if (v) out[lib] = v;
  }
  return out;
}

/** HTTP client modules a member may be bound to (`this.fetch = require('node-fetch')`). */
const CLIENT_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'undici', 'axios', 'got', 'request', 'request-promise', 'request-promise-native', 'superagent']);
const MEMBER = /\b(this|[A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface MemberRequires {
  /** `this.hs = require('hubspot')`: member names that stand for a HubSpot library. */
  libraryAliases: Map<string, Lib>;
  /**
   * Member names bound to an HTTP client module anywhere in the repository (`this.fetch = require('node-fetch')` in a
   * class), with the stems of the files that bind them: `$.fetch` is that client only where `$` is an instance of a
   * class imported from one of those files.
   */
  memberModules: Map<string, { module: string; stems: string[] }>;
}

/** Members bound to a required module (`x.m = require('…')`), read from every candidate text in one pass. */
export function memberRequires(texts: Iterable<[string, string]>): MemberRequires {
  const libraryAliases = new Map<string, Lib>();
  const memberModules = new Map<string, { module: string; stems: string[] }>();
  for (const [file, t] of texts) {
    if (!t.includes('require')) continue;
    for (const [, owner, member, module] of t.matchAll(MEMBER)) {
      if (owner === 'this' && Object.hasOwn(LIB_MODULES, module)) libraryAliases.set(member, LIB_MODULES[module]);
      if (!CLIENT_MODULES.has(module)) continue;
      const entry = memberModules.get(member) ?? { module, stems: [] };
      const stem = path.posix.basename(file).replace(/\.[^.]+$/, '');
      if (!entry.stems.includes(stem)) entry.stems.push(stem);
      memberModules.set(member, entry);
    }
  }
  return { libraryAliases, memberModules };
}

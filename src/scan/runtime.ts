// Where a file's code runs: in the browser (any token in it is public) or on a server (build, functions, CLI).
// Decided by the file first (framework server entry points, server-only exports, what it imports, whether server
// code imports it) and by the repository's dependencies only when the file says nothing. Inside a browser file,
// the server-only functions a framework runs on the server (`getServerSideProps`, Remix `loader`, …) are server code.
import { ts, hasModifier } from './ast.js';

export type Runtime = 'browser' | 'server';

export interface RuntimeFacts {
  /** Repository-relative path, forward slashes. */
  path: string;
  text: string;
  /** `vue` and `svelte` components run in the browser. */
  language: string;
  /** package.json says the app is built for the browser (react-scripts, vite, gatsby, …) and names no server framework. */
  browserApp: boolean;
  /** Files imported, directly or not, by server entry points (see `isServerEntry`); asked only of a file that would otherwise be browser code. */
  serverModules?: { has(path: string): boolean };
}

export interface RuntimeDecision {
  runtime: Runtime;
  /** Which rule decided, for tests and --verbose: `server-path`, `use-client`, `server-export`, … */
  why: string;
}

/** Files a framework or platform runs on a server, by path. */
const SERVER_PATHS: Array<[RegExp, string]> = [
  [/(^|\/)gatsby-(node|config|ssr)\.[cm]?[jt]s$/, 'gatsby-node'],
  [/(^|\/)src\/api\//, 'gatsby-function'],
  [/(^|\/)pages\/api\//, 'next-api-route'],
  [/(^|\/)app\/(.*\/)?route\.[cm]?[jt]sx?$/, 'next-route-handler'],
  [/(^|\/)(src\/)?middleware\.[jt]s$/, 'next-middleware'],
  [/(^|\/)\+(server|page\.server|layout\.server)\.[jt]s$/, 'sveltekit-server'],
  [/(^|\/)hooks\.server\.[jt]s$/, 'sveltekit-server'],
  [/(^|\/)src\/lib\/server\//, 'sveltekit-server'],
  [/\.server\.[cm]?[jt]sx?$/, 'server-module'],
  [/(^|\/)server\//, 'server-folder'],
  [/(^|\/)netlify\/(edge-)?functions\//, 'netlify-function'],
  [/(^|\/)(functions|lambdas?|handlers|serverless)\//, 'function'],
  [/(^|\/)api\//, 'api-folder'],
  [/(^|\/)(bin|scripts?|cli|tasks|jobs|cron)\//, 'script'],
  [/(^|\/)[^/]*\.config\.[cm]?[jt]s$/, 'build-config'],
];

/**
 * Exports only a server runs: Gatsby's Node APIs, serverless handlers, Next.js data functions, Remix loaders and
 * actions, Gatsby's getServerData.
 */
const SERVER_EXPORTS = new Set([
  'sourceNodes', 'createPages', 'onCreateNode', 'createSchemaCustomization', 'createResolvers', 'onPreBootstrap',
  'onPostBuild', 'onCreatePage', 'onCreateWebpackConfig', 'pluginOptionsSchema', 'onPluginInit', 'onPreInit',
  'handler', 'getServerSideProps', 'getStaticProps', 'getStaticPaths', 'getServerData', 'loader', 'action',
  'generateStaticParams', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE',
]);
/** Of those, the ones a browser file may hold beside its component: server only inside them. */
const SERVER_FUNCTIONS = new Set(['getServerSideProps', 'getStaticProps', 'getStaticPaths', 'getServerData', 'loader', 'action', 'generateStaticParams']);
/** Exports that make the whole file server code (nothing of it ships to the browser). */
const SERVER_FILE_EXPORTS = new Set([...SERVER_EXPORTS].filter((n) => !SERVER_FUNCTIONS.has(n)));

const NODE_BUILTIN = /\brequire\(\s*['"](node:[a-z_/]+|fs|fs\/promises|path|os|child_process|http|https|net|tls|crypto|zlib|stream|readline|worker_threads|cluster|express|koa|fastify|@hapi\/hapi|@netlify\/functions|aws-lambda|commander|yargs|dotenv)['"]\s*\)|\bfrom\s+['"](node:[a-z_/]+|fs|fs\/promises|path|os|child_process|http|https|net|readline|express|koa|fastify|@netlify\/functions|aws-lambda|@vercel\/node|commander|yargs|dotenv(\/config)?)['"]|^#!.*\bnode\b/m;
const PUBLIC_ENV = /\b(REACT_APP_|NEXT_PUBLIC_|VUE_APP_|VITE_|GATSBY_|PUBLIC_|NUXT_PUBLIC_)[A-Z0-9_]*/;
const USE_CLIENT = /^['"]use client['"]/;

/**
 * The file opens with the `'use client'` directive (after whitespace and comments). A block comment ends at its
 * first `*\/`, so the comments are skipped one by one: a single pattern that lets a comment run on to a later `*\/`
 * tries every way of splitting a bundle's `/******\/` lines and never finishes on a webpack bundle.
 */
function startsWithUseClient(text: string): boolean {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      if (end < 0) return false;
      i = end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else {
      return USE_CLIENT.test(text.slice(i, i + 12));
    }
  }
}

/** A server entry point by its path (the first rule that matches), or null. */
export function serverEntryByPath(path: string): string | null {
  for (const [re, why] of SERVER_PATHS) if (re.test(path)) return why;
  return null;
}

/** Names a file exports (`export function x`, `export const x`, `exports.x =`, `module.exports = { x }`). */
function exportedNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\bexport\s+(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) out.add(m[1]);
  for (const m of text.matchAll(/\b(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=/g)) out.add(m[1]);
  for (const m of text.matchAll(/\bmodule\.exports\s*=\s*\{([^}]*)\}/g)) for (const n of m[1].matchAll(/([A-Za-z_$][\w$]*)\s*(?=[:,]|$)/g)) out.add(n[1]);
  for (const m of text.matchAll(/\bexport\s*\{([^}]*)\}/g)) for (const n of m[1].matchAll(/(?:\bas\s+)?([A-Za-z_$][\w$]*)\s*(?=,|$)/g)) out.add(n[1]);
  return out;
}

/** Where the file as a whole runs. */
export function fileRuntime(f: RuntimeFacts): RuntimeDecision {
  const byPath = serverEntryByPath(f.path);
  const useClient = startsWithUseClient(f.text);
  if (byPath && !useClient) return { runtime: 'server', why: byPath };
  if (useClient) return { runtime: 'browser', why: 'use-client' };
  if (f.language === 'vue' || f.language === 'svelte') return { runtime: 'browser', why: 'component' };
  const exported = exportedNames(f.text);
  if ([...exported].some((n) => SERVER_FILE_EXPORTS.has(n))) return { runtime: 'server', why: 'server-export' };
  if (/(^|\/)app\/(.*\/)?(page|layout)\.[jt]sx?$/.test(f.path)) return { runtime: 'server', why: 'server-component' };
  const byContent: RuntimeDecision = PUBLIC_ENV.test(f.text) ? { runtime: 'browser', why: 'public-env' }
    : NODE_BUILTIN.test(f.text) ? { runtime: 'server', why: 'node-import' }
    : f.browserApp ? { runtime: 'browser', why: 'browser-app' } : { runtime: 'server', why: 'default' };
  // server code importing the file makes it server code whatever it says (the module graph is built only when asked)
  if (byContent.runtime === 'browser' && f.serverModules?.has(f.path)) return { runtime: 'server', why: 'imported-by-server' };
  return byContent;
}

/** [start, end) of the top-level server-only functions of a browser file (`export async function getServerSideProps`). */
export function serverFunctionRanges(sf: ts.SourceFile): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // `loader` / `action` run on the server in Remix; in a React Router single-page app they run in the browser
  const remix = /['"]@remix-run\//.test(sf.text);
  const serverOnly = (name: string): boolean => SERVER_FUNCTIONS.has(name) && (remix || (name !== 'loader' && name !== 'action'));
  for (const st of sf.statements) {
    const exported = hasModifier(st, ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(st) && st.name && serverOnly(st.name.text)) out.push([st.getStart(sf), st.end]);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && serverOnly(d.name.text)) out.push([d.getStart(sf), d.end]);
      }
    }
  }
  return out;
}

/** Whether the code at a position of the file runs in the browser. */
export function browserAt(sf: ts.SourceFile, f: RuntimeFacts): (pos: number) => boolean {
  if (fileRuntime(f).runtime === 'server') return () => false;
  const ranges = serverFunctionRanges(sf);
  return (pos) => !ranges.some(([s, e]) => pos >= s && pos < e);
}

// The link stage: a client configured with a key in one file and used in others. Each file's scan said where its
// clients leave it (an export, a function of another file they are passed to); this stage finds the importers and
// the exported functions, follows the value there with the scan's own receiver analysis, and returns the requests
// made through it in every file, for the site that configured the key.
import type { ClientKind, HostedRequest } from '../scan/client-calls.js';
import { requestInfo, requestOf, requestsOfCall } from '../scan/client-calls.js';
import { hostAndPath } from '../scan/url.js';
import { usesOf } from '../scan/flow.js';
import { usesOfParams } from '../scan/params-flow.js';
import type { RepoFacts, SiteLink } from '../scan/context.js';
import { registerModuleFunctions, registerModuleValues } from '../scan/module-values.js';
import { ts, chainOf, propName, unwrap, walk } from '../scan/ast.js';
import { usesOfBinding, usesOfParameter, usesOfValue, type Escape, type Path, type ReceiverCall, type ReceiverUses } from '../scan/receivers.js';
import { exportedFunction, importedFunctions } from './exported.js';
import { followCallback } from './callbacks.js';
import { followMixin } from './mixins.js';
import { MethodCalls } from '../scan/method-calls.js';
import { Program, type LinkHost, type ParsedFile } from './program.js';
import { Settlement } from './settled.js';

/** How far the stage goes: links followed in all (each one a file and an exported name). */
const MAX_LINKS = 2000;

export interface LinkResult {
  /** Requests found in other files, per site id (each with its own file). */
  requests: Map<string, HostedRequest[]>;
  /** Files parsed by the stage. */
  filesParsed: number;
  /** True when the budget ran out before every link was followed. */
  truncated: boolean;
  /** Sites whose options object was followed to every use, each a request given the whole object (settled.ts). */
  settled: Set<string>;
}

/**
 * `modules`: what the scan knows of other modules (their constants and functions), so URLs the link stage evaluates
 * in the files it parses see them too (`hsUrl('/owners/v2/owners')` with `hsUrl` imported).
 */
export function link(links: readonly SiteLink[], host: LinkHost, modules: Pick<RepoFacts, 'moduleValue' | 'moduleFunction'> = {}): LinkResult {
  const program = new Program(host, (path, sf) => {
    if (modules.moduleValue) registerModuleValues(sf, (spec, p) => modules.moduleValue!(path, spec, p));
    if (modules.moduleFunction) registerModuleFunctions(sf, (spec, p) => modules.moduleFunction!(path, spec, p));
  });
  const result: LinkResult = { requests: new Map(), filesParsed: 0, truncated: false, settled: new Set() };
  const settlement = new Settlement();
  const queue = [...links];
  const seen = new Set<string>();
  const methodCalls = new MethodCalls();
  const wrappers = new Map<string, { client: Extract<ClientKind, { kind: 'wrapper' }>; file: string }>();
  for (const l of links) if (l.client?.kind === 'wrapper' && !wrappers.has(l.siteId)) wrappers.set(l.siteId, { client: l.client, file: l.file });
  let followed = 0;
  while (queue.length) {
    const l = queue.shift()!;
    const { line: _line, ...where } = l.escape;
    const key = `${l.siteId}\0${l.file}\0${l.value ?? ''}\0${JSON.stringify(where)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (++followed > MAX_LINKS) { result.truncated = true; break; }
    const list = result.requests.get(l.siteId) ?? [];
    result.requests.set(l.siteId, list);
    const values: Array<{ file: string; node: ts.Expression; bindings: ParsedFile['bindings'] }> = [];
    const found = l.escape.kind === 'export' ? followExport(program, l.file, l.escape, l.value ? values : null)
      : l.escape.kind === 'package' ? packageCalls(program, l.file)
      : l.escape.kind === 'callback' ? followCallback(program, l.escape, l.file, (f, e) => (e.kind === 'export' ? followExport(program, f, e, null) : e.kind === 'argument' ? followArgument(program, f, e, null) : []), l.value ? values : null)
      : l.escape.kind === 'mixin' ? followMixin(program, l.file, l.escape)
      : followArgument(program, l.file, l.escape, l.value ? values : null);
    const options = l.value === 'options';
    // an options object nobody in the repository takes (an unused export, a function not found) may be used elsewhere
    if (options && !found.length) settlement.lose(l.siteId);
    for (const { file, uses } of found) {
      const ctx = l.client && uses.calls.length ? importedFunctions(program, file) : undefined;
      if (l.client) for (const c of uses.calls) for (const r of requestsOfCall(l.client, c, ctx)) list.push({ ...r, file });
      if (l.client?.kind === 'wrapper') methodCalls.add(l.siteId, l.client, file, uses.calls);
      for (const escape of uses.escapes) queue.push({ ...l, file, escape });
      if (options) settlement.uses(l.siteId, uses);
    }
    // a URL or options value: where it is reached, the scan's own flow analysis finds the requests it is given to
    for (const v of values) {
      if (l.value === 'params') {
        // a query-params object: the requests whose query it becomes (also through functions of that file)
        for (const u of usesOfParams(v.node, { bindings: v.bindings })) {
          if (u.kind === 'request') list.push({ ...u.info, file: v.file });
          else if (u.escape) queue.push({ ...l, file: v.file, escape: u.escape, value: u.as ?? 'params' });
        }
        continue;
      }
      for (const u of usesOf(v.node, l.value!, { bindings: v.bindings, ...(l.method ? { optionsMethod: l.method } : {}) })) {
        if (u.kind === 'request') {
          const r = withSiteUrl(requestOf(u.req), l.url);
          list.push({ ...r, file: v.file });
          if (options) settlement.request(l.siteId, u.req, r);
        } else if (u.escape) queue.push({ ...l, file: v.file, escape: u.escape });
        else {
          // spread into a request config: the requests it reaches are listed (the site stays manual)
          if (u.why === 'spread') list.push(...spreadRequests(u.node, v, l));
          if (options) settlement.unknown(l.siteId, u);
        }
      }
    }
  }
  // methods that use a request wrapper, called with arguments that say more (`client.objects.search('COMPANY')`)
  for (const [siteId, w] of wrappers) {
    const sf = program.parsed(w.file)?.sf;
    // the key's file: its callers were evaluated by the scan; its templates serve the callers found here
    if (sf) methodCalls.addOwnClass(siteId, w.client, w.file, sf, false);
    const more = methodCalls.requests(siteId, w.client);
    if (more.length) (result.requests.get(siteId) ?? result.requests.set(siteId, []).get(siteId)!).push(...more);
  }
  result.settled = settlement.settled(result.truncated);
  result.filesParsed = program.parsedCount;
  return result;
}

interface Found { file: string; uses: ReceiverUses }

/**
 * Options spread into the config of a request (`axios({ ...options, data })` in a helper the scan could not vouch
 * for): the requests that config reaches, listed for the site (their scopes count) though the site stays manual.
 * The method is the config's own, else the one the options named, else the client's default.
 */
function spreadRequests(spread: ts.Node, v: { file: string; bindings: ParsedFile['bindings'] }, l: SiteLink): HostedRequest[] {
  const into = spread.parent;
  if (!ts.isObjectLiteralExpression(into)) return [];
  const out: HostedRequest[] = [];
  const ownMethod = into.properties.some((p) => propName(p.name) === 'method');
  for (const u of usesOf(into, 'options', { bindings: v.bindings })) {
    if (u.kind !== 'request') continue;
    const req = !ownMethod && l.method ? { ...u.req, method: l.method } : u.req;
    out.push({ ...withSiteUrl(requestOf(req), l.url), file: v.file });
  }
  return out;
}

/**
 * A request reached by a URL or options value: where the request's own URL is a parameter (`rp({ uri: url })`),
 * the URL evaluated at the key's site says where it goes.
 */
function withSiteUrl(r: HostedRequest, url: string | undefined): HostedRequest {
  if (url === undefined || (r.path !== null && !/^(\/\{\})+$/.test(r.path))) return r;
  const hp = hostAndPath(url);
  if (!hp.path) return r;
  return { ...requestInfo(r.client, r.method, hp.path, r.line), host: hp.host };
}
type Values = Array<{ file: string; node: ts.Expression; bindings: ParsedFile['bindings'] }> | null;

/** `file` exports the value as `escape.name`: follow it in every file that imports it (and re-exports on). */
function followExport(program: Program, file: string, escape: Extract<Escape, { kind: 'export' }>, values: Values): Found[] {
  const out: Found[] = [];
  for (const importer of program.importersOf(file)) {
    const pf = program.parsed(importer);
    if (!pf) continue;
    const onValue = values ? (node: ts.Expression): void => { values.push({ file: importer, node, bindings: pf.bindings }); } : undefined;
    for (const imp of importsOf(pf, program, file)) {
      const path = pathAfterImport(escape.name, escape.path, imp.imported);
      if (!path) continue;
      if (imp.reexport !== undefined) {
        // `export { client } from './hubspot'` / `export * from './hubspot'`: the importer exports it on
        const name = imp.reexport === '*' ? escape.name : imp.reexport;
        out.push({ file: importer, uses: { calls: [], escapes: [{ kind: 'export', name, path: imp.reexport === '*' ? escape.path : path, line: escape.line }], lost: [] } });
        continue;
      }
      const uses = imp.start.kind === 'value'
        ? usesOfValue(imp.start.node, pf.bindings, path, onValue)
        : usesOfBinding(imp.start.name, imp.start.decl, pf.bindings, path, onValue);
      out.push({ file: importer, uses });
    }
  }
  return out;
}

/** `file` passes the value to a function another module exports: follow that function's parameter. */
function followArgument(program: Program, file: string, escape: Extract<Escape, { kind: 'argument' }>, values: Values): Found[] {
  const target = program.resolve(file, escape.module);
  if (!target) return [];
  const pf = program.parsed(target);
  if (!pf) return [];
  const fn = exportedFunction(pf.sf, escape.imported, escape.member);
  if (!fn) return [];
  const onValue = values ? (node: ts.Expression): void => { values.push({ file: target, node, bindings: pf.bindings }); } : undefined;
  return [{ file: target, uses: usesOfParameter(fn, escape.index, pf.bindings, escape.path, onValue) }];
}

/**
 * Plumbing of the whole app (a Zapier `beforeRequest` middleware): every `z.request(…)` of the files of the package
 * (the folder with package.json) that holds `file`, whether or not they mention the key.
 */
function packageCalls(program: Program, file: string): Found[] {
  const out: Found[] = [];
  for (const f of program.packageFiles(file)) {
    if (!/\bz\s*\.\s*request\b/.test(program.text(f) ?? '')) continue;
    const pf = program.parsed(f);
    if (!pf) continue;
    const calls: ReceiverCall[] = [];
    walk(pf.sf, (n) => {
      if (ts.isCallExpression(n) && chainOf(n.expression)?.join('.') === 'z.request') calls.push({ call: n, chain: [] });
    });
    if (calls.length) out.push({ file: f, uses: { calls, escapes: [], lost: [] } });
  }
  return out;
}

type Start =
  | { kind: 'value'; node: ts.Expression }
  | { kind: 'binding'; name: ts.Identifier; decl: ts.Node };

interface Import {
  /** 'default', '*' (namespace or whole `require`), or the imported name. */
  imported: string;
  start: Start;
  /** For `export … from`: the name it is exported under ('*' for `export *`). */
  reexport?: string;
}

/** The places in `pf` that import `target`: ESM imports, `import x = require()`, `require()` calls, re-exports. */
function importsOf(pf: ParsedFile, program: Program, target: string): Import[] {
  const out: Import[] = [];
  const names = (spec: string): boolean => program.resolve(pf.path, spec) === target;
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && n.importClause && names(n.moduleSpecifier.text)) {
      const c = n.importClause;
      if (c.name) out.push({ imported: 'default', start: { kind: 'binding', name: c.name, decl: c } });
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.push({ imported: '*', start: { kind: 'binding', name: nb.name, decl: nb } });
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) out.push({ imported: (el.propertyName ?? el.name).text, start: { kind: 'binding', name: el.name, decl: el } });
      return;
    }
    if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier) && names(n.moduleSpecifier.text)) {
      const dummy = { kind: 'value' as const, node: n.moduleSpecifier };
      if (!n.exportClause) out.push({ imported: '*', start: dummy, reexport: '*' });
      else if (ts.isNamedExports(n.exportClause)) for (const el of n.exportClause.elements) out.push({ imported: (el.propertyName ?? el.name).text, start: dummy, reexport: el.name.text });
      else if (ts.isNamespaceExport(n.exportClause)) out.push({ imported: '*', start: dummy, reexport: n.exportClause.name.text });
      return;
    }
    if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression) && names(n.moduleReference.expression.text)) {
      out.push({ imported: '*', start: { kind: 'binding', name: n.name, decl: n } });
      return;
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'require' && n.arguments.length === 1 && ts.isStringLiteral(unwrap(n.arguments[0])) && names((unwrap(n.arguments[0]) as ts.StringLiteral).text)) {
      out.push({ imported: '*', start: { kind: 'value', node: n } });
    }
    ts.forEachChild(n, visit);
  };
  visit(pf.sf);
  return out;
}

/**
 * Where the client is, seen from an import of export `name` (held at `path` in the exporting module) bound as
 * `imported`. `*` as an export name is the CommonJS module object (`module.exports = value`). Null: that import
 * does not reach the client.
 */
export function pathAfterImport(name: string, path: Path, imported: string): Path | null {
  if (name === imported) return path;
  if (name === '*') {
    if (imported === 'default') return path;
    if (path.expect[0] === imported) return { expect: path.expect.slice(1), prefix: path.prefix };
    if (path.expect.length === 0) return { expect: [], prefix: [...path.prefix, imported] };
    return null;
  }
  if (imported === '*' || (imported === 'default' && name !== 'default')) return { expect: [name, ...path.expect], prefix: path.prefix };
  return null;
}

const HUBSPOT_WORDS = /hubspot|hubapi|hapikey/i;

/**
 * Whether HubSpot is in view of `file`: the file itself, a file that imports it, or a file it imports mentions
 * HubSpot. A UUID check named like an API key means a HubSpot key only there.
 */
export function hubspotInView(files: readonly string[], host: LinkHost): Set<string> {
  const program = new Program(host);
  const out = new Set<string>();
  for (const file of files) {
    const text = host.text(file);
    if (text === null || HUBSPOT_WORDS.test(text)) { out.add(file); continue; }
    const near = [...program.importersOf(file), ...program.importsOf(file)];
    if (near.some((f) => HUBSPOT_WORDS.test(host.text(f) ?? ''))) out.add(file);
  }
  return out;
}

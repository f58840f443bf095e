// Follow a query-params object (`const requestOptions = { portalId, hapikey: KEY }`) to the requests whose query it
// becomes: a query option of a request's options (`{ qs: p }`, `{ params: { ...p, limit } }`, `{ params }`), also
// through the parameter of a function of this file it is passed to (`getRows(requestOptions)` with
// `const getRows = (options) => axios.get(URL, { params: options })`; that request's URL is evaluated with the
// caller's arguments), or of a function another file exports (the link stage follows it there).
import { ts, chainOf, declarationOf, enclosingScope, lineOf, outerParent, propName, referencesOf, unwrap } from './ast.js';
import { recogniseRequest, type RequestCall } from './clients.js';
import { requestInfo, requestOf, type HostedRequest } from './client-calls.js';
import { exportNamesOf } from './exports.js';
import { usesOf, type FlowContext, type Use } from './flow.js';
import { isRelative } from './imports.js';
import { calleeFunction } from './receivers.js';
import { evalString, hostAndPath, joinUrl, resolveFunction } from './url.js';

/** Options that hold a request's query string (`data` is a body: a key there is not a query parameter). */
export const QUERY_OPTIONS = new Set(['params', 'qs', 'query', 'searchParams', 'queryParams']);

/** Parameters of the functions passed through, bound to the caller's argument. */
export type { Arguments } from './url.js';
import type { Arguments } from './url.js';

/** A function of this file the object was passed to (at argument `index`), by the call `via`. */
export interface Helper { fn: ts.FunctionLikeDeclaration; index: number; via: ts.CallExpression }

export type ParamsUse =
  /**
   * A request the object is the query of. `options` is the request's own options literal holding the query option
   * (the Authorization header can go there); null when the options reach the request some other way.
   */
  | { kind: 'request'; req: RequestCall; info: HostedRequest; options: ts.ObjectLiteralExpression | null; helpers: Helper[] }
  /** A use not shown; `as: 'options'` when what escapes is the options object that holds the params, not the params. */
  | (Extract<Use, { kind: 'unknown' }> & { as?: 'options' });

const MAX_DEPTH = 8;
const MAX_STEPS = 400;
const NO_PATH = { expect: [], prefix: [] };

/** Where the params object that `ref` (a reference to it, or to a parameter holding it) evaluates to goes. */
export function usesOfParams(ref: ts.Expression, ctx: FlowContext): ParamsUse[] {
  return follow(ref, ctx, new Map(), [], { steps: 0 });
}

function follow(ref: ts.Expression, ctx: FlowContext, args: Arguments, helpers: Helper[], budget: { steps: number }): ParamsUse[] {
  if (helpers.length > MAX_DEPTH || ++budget.steps > MAX_STEPS) return [{ kind: 'unknown', node: ref, why: 'too-deep' }];
  const options = queryOptionOwner(ref);
  if (options) {
    const uses = usesOf(options, 'options', ctx);
    const direct = uses.length === 1 && uses[0].kind === 'request';
    return uses.map((u): ParamsUse => u.kind === 'request'
      ? { kind: 'request', req: u.req, info: requestWithArguments(u.req, args), options: direct ? options : null, helpers }
      : { ...u, as: 'options' });
  }
  const { node: n, parent: p } = outerParent(ref);
  if (!ts.isCallExpression(p) || !p.arguments.includes(n as ts.Expression)) return [{ kind: 'unknown', node: p ?? ref, why: 'params-use' }];
  const index = p.arguments.indexOf(n as ts.Expression);
  if (recogniseRequest(p, ctx.bindings)) return [{ kind: 'unknown', node: p, why: 'params-not-query' }];
  // a function of this file: its parameter holds the object, bound to this call's arguments
  const fn = resolveFunction(p.expression) ?? calleeFunction(p);
  if (fn?.body) {
    if (helpers.some((h) => h.fn === fn)) return [{ kind: 'unknown', node: p, why: 'recursive' }];
    const param = fn.parameters[index];
    if (!param || !ts.isIdentifier(param.name) || param.dotDotDotToken) return [{ kind: 'unknown', node: p, why: 'params-parameter-shape' }];
    const refs = referencesOf(param.name.text, fn, param);
    if (!refs.length) return [{ kind: 'unknown', node: p, why: 'unused-parameter' }];
    const bound = new Map(args);
    fn.parameters.forEach((q, i) => { if (p.arguments[i] && !q.dotDotDotToken) bound.set(q, p.arguments[i]); });
    const through = [...helpers, { fn, index, via: p }];
    return refs.flatMap((r) => follow(r, ctx, bound, through, budget));
  }
  // a function another file of the repository exports: the link stage follows its parameter
  const chain = chainOf(p.expression);
  const b = chain ? ctx.bindings.get(chain[0]) : undefined;
  if (chain && b && isRelative(b.module)) {
    return [{ kind: 'unknown', node: p, why: `passed-to:${chain.join('.')}`, escape: { kind: 'argument', module: b.module, imported: b.imported, member: chain.slice(1), index, isNew: false, path: NO_PATH, line: lineOf(p) } }];
  }
  return [{ kind: 'unknown', node: p, why: `passed-to:${chain ? chain.join('.') : 'call'}` }];
}

export interface ParamsFlow {
  /** Every request the object is the query of (once per request and evaluation). */
  requests: HostedRequest[];
  /** Where an Authorization header makes those requests send the key's token: each request's own options literal. */
  targets: Array<{ req: RequestCall; options: ts.ObjectLiteralExpression }>;
  /** Uses not shown (with escapes for the link stage): the object may reach requests that get no header. */
  unknown: Array<Extract<ParamsUse, { kind: 'unknown' }>>;
  /** A request the object reaches through a function that other calls use too (a header there would go to them as well). */
  sharedHelper: boolean;
}

/** Follow the object declared by `decl` from each of its references `refs`. */
export function followParams(decl: ts.Node, refs: readonly ts.Identifier[], ctx: FlowContext): ParamsFlow {
  const out: ParamsFlow = { requests: [], targets: [], unknown: [], sharedHelper: false };
  const uses = refs.flatMap((r) => usesOfParams(r, ctx));
  const carriers = new Set<ts.Node>([decl]);
  for (const u of uses) if (u.kind === 'request') for (const h of u.helpers) carriers.add(h.fn.parameters[h.index]);
  const listed = new Set<string>();
  for (const u of uses) {
    if (u.kind === 'unknown') { out.unknown.push(u); continue; }
    const key = `${u.req.call.pos}\0${JSON.stringify(u.info)}`;
    if (!listed.has(key)) { listed.add(key); out.requests.push(u.info); }
    if (!u.options) { out.unknown.push({ kind: 'unknown', node: u.req.call, why: 'options-not-own' }); continue; }
    if (u.helpers.some((h) => !onlyCalledWith(h, carriers))) out.sharedHelper = true;
    if (!out.targets.some((t) => t.options === u.options)) out.targets.push({ req: u.req, options: u.options });
  }
  return out;
}

/** The options object in which `ref` is the query option (`{ qs: ref }`, `{ params: { ...ref, x } }`, `{ params }`), or null. */
export function queryOptionOwner(ref: ts.Node): ts.ObjectLiteralExpression | null {
  let { node: n, parent: p } = outerParent(ref);
  if (ts.isShorthandPropertyAssignment(p) && p.name === ref && ts.isObjectLiteralExpression(p.parent)) {
    return QUERY_OPTIONS.has(p.name.text) ? p.parent : null;
  }
  if (ts.isSpreadAssignment(p) && ts.isObjectLiteralExpression(p.parent)) ({ node: n, parent: p } = outerParent(p.parent));
  if (!ts.isPropertyAssignment(p) || p.initializer !== n || !ts.isObjectLiteralExpression(p.parent)) return null;
  const name = propName(p.name);
  return name && QUERY_OPTIONS.has(name) ? p.parent : null;
}

/**
 * Whether a header placed inside `helper.fn` reaches only the calls that pass the object: the function is known by
 * a name of this file, not exported, and every use of that name is a call whose argument `index` is one of
 * `carriers` (the object's declaration, or a parameter of a function it was passed to).
 */
export function onlyCalledWith(helper: Helper, carriers: ReadonlySet<ts.Node>): boolean {
  const named = nameOf(helper.fn);
  if (!named) return false;
  const sf = helper.fn.getSourceFile();
  if (exportNamesOf(sf, named.name.text).length) return false;
  const refs = referencesOf(named.name.text, enclosingScope(named.decl), named.decl).filter((r) => r !== named.name);
  if (!refs.length) return false;
  return refs.every((r) => {
    const { node: n, parent: call } = outerParent(r);
    if (!ts.isCallExpression(call) || call.expression !== n) return false;
    const a = call.arguments[helper.index];
    const id = a ? unwrap(a) : undefined;
    if (!id || !ts.isIdentifier(id)) return false;
    const d = declarationOf(id);
    return !!d && carriers.has(d);
  });
}

/** The name a function is declared under (`function f`, `const f = () =>`, `const f = function`). */
function nameOf(fn: ts.FunctionLikeDeclaration): { name: ts.Identifier; decl: ts.Node } | null {
  if (ts.isFunctionDeclaration(fn) && fn.name) return { name: fn.name, decl: fn };
  const { parent } = outerParent(fn);
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && parent.initializer && unwrap(parent.initializer) === fn) {
    return { name: parent.name, decl: parent };
  }
  return null;
}

/** A request's endpoint, its URL (and method) evaluated with the arguments its enclosing functions were called with. */
export function requestWithArguments(req: RequestCall, outer: Arguments): HostedRequest {
  const info = requestOf(req);
  const args: Arguments = req.args ? new Map([...req.args, ...outer]) : outer;
  if (!args.size || !req.url || !mentions(req.url, args)) return withMethod(info, req, args);
  let url = evalWith(req.url, args, 0);
  if (req.baseURL !== undefined && !/^[a-z]+:\/\//i.test(url)) url = joinUrl(req.baseURL, url);
  const hp = hostAndPath(url);
  if (hp.path === null) return withMethod(info, req, args);
  return withMethod({ ...requestInfo(req.client, req.method, hp.path, info.line), host: hp.host }, req, args);
}

/** A config's `method` given by a parameter (`axios({ method, url, params })`): the caller's argument says which. */
function withMethod(info: HostedRequest, req: RequestCall, args: Arguments): HostedRequest {
  if (!req.configForm || info.method !== null) return info;
  const cfg = req.call.arguments[req.optionsIndex];
  const o = cfg ? unwrap(cfg) : undefined;
  if (!o || !ts.isObjectLiteralExpression(o)) return info;
  const m = o.properties.find((q) => propName(q.name) === 'method');
  const v = m && ts.isShorthandPropertyAssignment(m) ? m.name : m && ts.isPropertyAssignment(m) ? m.initializer : undefined;
  if (!v || !mentions(v, args)) return info;
  const s = evalWith(v, args, 0).toUpperCase();
  const method = s === 'GET' || s === 'POST' || s === 'PUT' || s === 'PATCH' || s === 'DELETE' ? s : null;
  if (!method) return info;
  const r = requestInfo(req.client, method, info.path, info.line, info.call);
  return { ...r, host: info.host, ...(info.path === null ? { unresolved: info.unresolved } : {}) };
}

function boundArgument(id: ts.Identifier, args: Arguments): ts.Expression | undefined {
  const d = declarationOf(id);
  return d && ts.isParameter(d) ? args.get(d) : undefined;
}

function mentions(e: ts.Node, args: Arguments): boolean {
  if (ts.isIdentifier(e) && boundArgument(e, args)) return true;
  return !!ts.forEachChild(e, (c) => mentions(c, args) || undefined);
}

/** `evalString` where a parameter stands for the caller's argument. */
function evalWith(e: ts.Expression, args: Arguments, depth: number): string {
  return evalString(e, depth, args);
}

// Follow a value (a URL, a URL object, an options object) from where it is built to the HTTP calls it feeds.
import { ts, chainOf, enclosingScope, lineOf, getProp, outerParent, propName, referencesOf, unwrap, walk } from './ast.js';
import { methodFrom, recogniseRequest, type RequestCall } from './clients.js';
import type { Bindings } from './imports.js';
import { isRelative } from './imports.js';
import { resolveFunction } from './url.js';
import { cjsExportName, exportNamesOf } from './exports.js';
import { calleeFunction, usesOfResult, type Escape, type Path } from './receivers.js';
import { implicitGlobalReads } from './implicit-global.js';
import type { HttpMethod } from '../model/site.js';
import { configWrapperOfFunction, type ConfigWrapper } from './config-wrappers.js';
import { helperRequestCall } from './helper-requests.js';

export type Use =
  | { kind: 'request'; req: RequestCall; as: 'url' | 'options' }
  /** A use the file does not show; `escape` says where the value leaves the file, for the link stage to follow. */
  | { kind: 'unknown'; node: ts.Node; why: string; escape?: Escape };

const NO_PATH: Path = { expect: [], prefix: [] };


function exportEscape(node: ts.Node, name: string, path: Path): Use {
  return { kind: 'unknown', node, why: 'exported', escape: { kind: 'export', name, path, line: lineOf(node) } };
}

export interface FlowContext {
  bindings: Bindings;
  /** The HubSpot library versions package.json asks for. */
  libraryVersions?: Partial<Record<string, string>>;
  /** Wrapper functions of other files: `(module, exportName)` → which parameters are URL and options of a fetch-like call. */
  wrapperOf?(module: string, name: string): { urlIndex: number; optionsIndex: number } | null;
  /**
   * The `method` of the options object being followed (set from the object itself when following starts there, or
   * by the link stage from the key's site): a request given the whole object, `request(options, cb)`, sends it.
   */
  optionsMethod?: HttpMethod | null;
  /** Request helpers of other modules that hand their caller's options to axios (config-wrappers.ts). */
  configWrapperOf?(module: string, path: string[]): ConfigWrapper | null;
}

const MAX_DEPTH = 10;

/** Where the value of `node` goes. `as` says whether the value is a URL or an options object. */
export function usesOf(node: ts.Expression, as: 'url' | 'options', ctx: FlowContext, depth = 0, seen = new Set<ts.Node>()): Use[] {
  if (depth > MAX_DEPTH) return [{ kind: 'unknown', node, why: 'too-deep' }];
  if (depth === 0 && as === 'options' && ctx.optionsMethod === undefined && ts.isObjectLiteralExpression(unwrap(node))) {
    ctx = { ...ctx, optionsMethod: methodFrom(node, null) };
  }
  if (seen.has(node)) return [];
  seen.add(node);
  const { node: n, parent: p } = outerParent(node);
  const next = (e: ts.Expression, a: 'url' | 'options' = as): Use[] => usesOf(e, a, ctx, depth + 1, seen);

  if (!p) return [{ kind: 'unknown', node, why: 'no-parent' }];

  // passed as an argument
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    // console.log('url', url): logged, not sent
    const logger = chainOf(p.expression);
    if (logger && logger.length === 2 && logger[0] === 'console') return [];
    const index = p.arguments.indexOf(n as ts.Expression);
    const req = recogniseRequest(p, ctx.bindings);
    if (req) {
      if (as === 'url' && req.url && unwrap(req.url) === unwrap(n as ts.Expression)) return [{ kind: 'request', req, as }];
      if (as === 'options' && index === req.optionsIndex) return [{ kind: 'request', req, as }];
      // request(options, cb): the first argument of the request family may be the whole options object
      if (as === 'options' && index === 0 && req.client === 'request' && !req.configForm) {
        // its method is the object's own, unless a verb says it (`request.post(options)` sets it)
        const method = isVerbCall(p) ? req.method : ctx.optionsMethod ?? req.method;
        return [{ kind: 'request', req: { ...req, url: null, optionsIndex: 0, configForm: true, method }, as }];
      }
      const body = req.client === 'axios' && !req.configForm && index === req.optionsIndex - 1;
      return [{ kind: 'unknown', node: p, why: body ? 'body-position' : as === 'url' ? 'url-not-in-url-position' : 'options-not-in-options-position' }];
    }
    // a local function that passes its parameter on
    // (also a method of this class: `this.makeRequest(method, url, data)`)
    const fn = resolveFunction(p.expression) ?? calleeFunction(p);
    if (fn && fn.body) {
      const param = fn.parameters[index];
      // a local helper that spreads these options into an axios config: the request is this call
      const local = as === 'options' && param ? configWrapperOfFunction(fn, ctx.bindings, true) : null;
      if (local && local.index === index) return [{ kind: 'request', req: helperRequestCall(p, local), as }];
      if (param && ts.isIdentifier(param.name)) {
        const refs = referencesOf(param.name.text, fn, param);
        if (refs.length === 0) return [{ kind: 'unknown', node: p, why: 'unused-parameter' }];
        return refs.flatMap((r) => next(r)).map((u) => throughWrapper(u, fn, p));
      }
    }
    // a wrapper imported from another file of the repository
    const chain = chainOf(p.expression);
    if (chain && chain.length === 1 && ctx.wrapperOf) {
      const b = ctx.bindings.get(chain[0]);
      if (b && isRelative(b.module)) {
        const w = ctx.wrapperOf(b.module, b.imported === '*' ? chain[0] : b.imported);
        if (w && ((as === 'url' && w.urlIndex === index) || (as === 'options' && w.optionsIndex === index))) {
          return [{ kind: 'request', req: { call: p, client: 'fetch', method: methodFrom(p.arguments[w.optionsIndex], 'GET'), url: p.arguments[w.urlIndex] ?? null, optionsIndex: w.optionsIndex, configForm: false, headers: 'options' }, as }];
        }
      }
    }
    // a request helper of another module that hands these options (or this URL) to axios
    const helper = chain && ctx.configWrapperOf ? helperRequest(p, index, as, chain, ctx) : null;
    if (helper) return [{ kind: 'request', req: helper, as }];
    // a function of another file of the repository: the link stage follows its parameter
    if (chain) {
      const b = ctx.bindings.get(chain[0]);
      if (b && isRelative(b.module)) {
        return [{ kind: 'unknown', node: p, why: `passed-to:${chain.join('.')}`, escape: { kind: 'argument', module: b.module, imported: b.imported, member: chain.slice(1), index, isNew: false, path: NO_PATH, line: lineOf(p) } }];
      }
    }
    return [{ kind: 'unknown', node: p, why: `passed-to:${chain ? chain.join('.') : 'call'}` }];
  }
  // new URL(url) → the URL object
  if (ts.isNewExpression(p) && p.arguments?.[0] === n && ts.isIdentifier(p.expression) && p.expression.text === 'URL') return next(p);
  // url.href, url.toString()
  if (ts.isPropertyAccessExpression(p) && p.expression === n) {
    const name = p.name.text;
    if (name === 'href') return next(p);
    if (name === 'toString' && ts.isCallExpression(p.parent) && p.parent.expression === p) return next(p.parent);
    if (name === 'searchParams' || name === 'search') return []; // a mutation of the URL object, not a use
    return [{ kind: 'unknown', node: p, why: `property:${name}` }];
  }
  // a bigger string that embeds it
  if ((ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) || ts.isTemplateSpan(p)) {
    let top: ts.Node = n;
    for (;;) {
      const q = top.parent;
      if (!q) break;
      if (ts.isTemplateSpan(q)) { top = q.parent; continue; }
      if ((ts.isBinaryExpression(q) && q.operatorToken.kind === ts.SyntaxKind.PlusToken) || ts.isParenthesizedExpression(q)) { top = q; continue; }
      break;
    }
    return next(top as ts.Expression);
  }
  if (ts.isConditionalExpression(p) && p.condition !== n) return next(p);
  if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.BarBarToken || p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return next(p);
  // const x = value
  if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name)) {
    const scope = enclosingScope(p);
    const refs = referencesOf(p.name.text, scope, p);
    if (isExported(p)) {
      const names = exportNamesOf(p.getSourceFile(), p.name.text);
      const escapes: Use[] = names.length ? names.map((name) => exportEscape(p, name, NO_PATH)) : [{ kind: 'unknown', node: p, why: 'exported' }];
      return [...refs.flatMap((r) => next(r)), ...escapes];
    }
    if (refs.length === 0) return [{ kind: 'unknown', node: p, why: 'never-used' }];
    return refs.flatMap((r) => next(r));
  }
  // x = value (assignment to a plain variable)
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n) {
    const name = cjsExportName(p.left);
    // `options = { … }` with nothing declared in scope (an implicit global): followed like a variable
    const g = name === null ? implicitGlobalReads(p, ctx.bindings) : null;
    if (g) {
      const elsewhere: Use[] = g.elsewhere.map((r) => ({ kind: 'unknown', node: r, why: 'global-read' }));
      return g.reads.length || elsewhere.length ? [...g.reads.flatMap((r) => next(r)), ...elsewhere] : [{ kind: 'unknown', node: p, why: 'never-used' }];
    }
    return [name === null ? { kind: 'unknown', node: p, why: 'assigned' } : exportEscape(p, name, NO_PATH)];
  }
  // a function's result: `id => \`…\`` or `return …`
  const fn = returnedFrom(n, p);
  if (fn) {
    // the function's result: followed wherever the function goes (calls here, tables of builders, exports)
    const found: Use[] = [];
    const r = usesOfResult(fn, ctx.bindings, (call) => { found.push(...next(call)); });
    for (const escape of r.escapes) found.push({ kind: 'unknown', node: fn, why: 'exported', escape });
    for (const l of r.lost) found.push({ kind: 'unknown', node: l.node, why: l.why });
    return found.length ? found : [{ kind: 'unknown', node: fn, why: 'function-escapes' }];
  }
  // { url: value } inside a config object
  if (ts.isPropertyAssignment(p) && p.initializer === n && as === 'url') {
    const key = propName(p.name);
    if ((key === 'url' || key === 'uri') && ts.isObjectLiteralExpression(p.parent)) {
      const uses = usesOf(p.parent, 'options', ctx, depth + 1, seen);
      return uses.map((u) => (u.kind === 'request' && u.req.configForm ? { ...u, as: 'url' as const } : u));
    }
    // https.request({ hostname, path: '/…?hapikey=' + KEY }): `path` is the URL for node's http clients only
    if (key === 'path' && ts.isObjectLiteralExpression(p.parent)) {
      const uses = usesOf(p.parent, 'options', ctx, depth + 1, seen);
      return uses.map((u) => (u.kind === 'request' && u.req.configForm && u.req.client === 'node-http' ? { ...u, as: 'url' as const }
        : u.kind === 'request' ? { kind: 'unknown' as const, node: u.req.call, why: 'path-option' } : u));
    }
  }
  if (ts.isShorthandPropertyAssignment(p) && as === 'url' && (p.name.text === 'url' || p.name.text === 'uri') && ts.isObjectLiteralExpression(p.parent)) {
    const uses = usesOf(p.parent, 'options', ctx, depth + 1, seen);
    return uses.map((u) => (u.kind === 'request' && u.req.configForm ? { ...u, as: 'url' as const } : u));
  }
  if (ts.isSpreadAssignment(p) && as === 'options' && ts.isObjectLiteralExpression(p.parent)) {
    return [{ kind: 'unknown', node: p, why: 'spread' }];
  }
  if (ts.isExportAssignment(p)) return [exportEscape(p, 'default', NO_PATH)];
  // { name: value } in `module.exports = { … }`
  if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isObjectLiteralExpression(p.parent)) {
    const key = propName(p.name);
    const owner = outerParent(p.parent).parent;
    const whole = owner && ts.isBinaryExpression(owner) && owner.operatorToken.kind === ts.SyntaxKind.EqualsToken ? cjsExportName(owner.left) : null;
    if (key && whole === '*') return [exportEscape(p, key, NO_PATH)];
  }
  if (ts.isExpressionStatement(p)) return [];
  return [{ kind: 'unknown', node: p, why: ts.SyntaxKind[p.kind] }];
}

/** `http.post(options)` / `api.get(path, options)` where the helper is another module's (config-wrappers.ts). */
function helperRequest(call: ts.CallExpression, index: number, as: 'url' | 'options', chain: string[], ctx: FlowContext): RequestCall | null {
  const b = ctx.bindings.get(chain[0]);
  if (!b) return null;
  const w = ctx.configWrapperOf!(b.module, [...(b.imported === '*' ? [] : [b.imported]), ...chain.slice(1)]);
  if (!w) return null;
  if (as === 'options' ? w.index !== index : w.url?.urlIndex !== index) return null;
  return helperRequestCall(call, w);
}

function isExported(d: ts.VariableDeclaration): boolean {
  const stmt = d.parent?.parent;
  if (stmt && ts.isVariableStatement(stmt) && stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  return exportedNames(d.getSourceFile()).has((d.name as ts.Identifier).text);
}

const exportedCache = new WeakMap<ts.SourceFile, Set<string>>();

/** Names a file exports by `module.exports = …`, `exports.x = …` or `export { … }` (computed once per file). */
function exportedNames(sf: ts.SourceFile): Set<string> {
  let names = exportedCache.get(sf);
  if (names) return names;
  const found = new Set<string>();
  walk(sf, (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = chainOf(n.left);
      if (left && (left[0] === 'module' || left[0] === 'exports')) for (const x of namesIn(n.right)) found.add(x);
    }
    if (ts.isExportSpecifier(n)) found.add((n.propertyName ?? n.name).getText());
  });
  exportedCache.set(sf, found);
  names = found;
  return names;
}

/** The names `module.exports = name`, `= { name }`, `= { other: name }` export. */
function namesIn(right: ts.Expression): string[] {
  const r = unwrap(right);
  if (ts.isIdentifier(r)) return [r.text];
  if (ts.isObjectLiteralExpression(r)) {
    return r.properties.flatMap((p) => (ts.isShorthandPropertyAssignment(p) ? [p.name.text]
      : ts.isPropertyAssignment(p) && ts.isIdentifier(unwrap(p.initializer)) ? [(unwrap(p.initializer) as ts.Identifier).text] : []));
  }
  return [];
}

/** If `n` is what a function returns, that function. */
function returnedFrom(n: ts.Node, p: ts.Node): ts.FunctionLikeDeclaration | null {
  if (ts.isArrowFunction(p) && p.body === n) return p;
  if (ts.isReturnStatement(p)) {
    let f: ts.Node | undefined = p.parent;
    while (f && !ts.isFunctionLike(f)) f = f.parent;
    return f && (ts.isFunctionDeclaration(f) || ts.isFunctionExpression(f) || ts.isArrowFunction(f) || ts.isMethodDeclaration(f)) ? f : null;
  }
  return null;
}

/**
 * A request found inside a local wrapper (`const request = (url, opts) => fetch(url, opts)`) whose options are the
 * wrapper's own parameter: the header belongs in the options the wrapper's caller passes, not inside the wrapper
 * (that would add it to every call, keyed or not).
 */
function throughWrapper(u: Use, fn: ts.FunctionLikeDeclaration, outer: ts.CallExpression): Use {
  if (u.kind !== 'request') return u;
  if (u.req.configForm) {
    // axios({ method, url, data }) inside `makeRequest(method, url, data)`: the caller's arguments say where it goes
    const urlIndex = u.req.url ? parameterIndex(fn, u.req.url) : -1;
    const config = u.req.call.arguments[u.req.optionsIndex];
    const m = config && ts.isObjectLiteralExpression(unwrap(config)) ? getProp(unwrap(config) as ts.ObjectLiteralExpression, 'method') : undefined;
    const mValue = m && ts.isShorthandPropertyAssignment(m) ? m.name : m && ts.isPropertyAssignment(m) ? m.initializer : undefined;
    const methodIndex = mValue ? parameterIndex(fn, mValue) : -1;
    const arg = outer.arguments[methodIndex];
    const method = arg && (ts.isStringLiteral(unwrap(arg)) || ts.isNoSubstitutionTemplateLiteral(unwrap(arg))) ? verbOf((unwrap(arg) as ts.StringLiteral).text) : u.req.method;
    return urlIndex < 0 && methodIndex < 0 ? u : { ...u, req: { ...u.req, url: urlIndex >= 0 ? outer.arguments[urlIndex] ?? null : u.req.url, method } };
  }
  const inner = u.req.call.arguments[u.req.optionsIndex];
  // `const load = (u) => axios.get(u)`: the wrapper gives the request no options, so the header can only go inside
  // it; that goes out with every call of the wrapper, which the header edit checks (wrapper-callers.ts). The URL the
  // request reports is the caller's argument.
  if (!inner) {
    const at = u.req.url ? parameterIndex(fn, u.req.url) : -1;
    if (at < 0 || !outer.arguments[at]) return { kind: 'unknown', node: u.req.call, why: 'wrapper-drops-options' };
    return { ...u, req: { ...u.req, url: outer.arguments[at] } };
  }
  const j = parameterIndex(fn, inner);
  if (j < 0) return u;
  const urlIndex = u.req.url ? parameterIndex(fn, u.req.url) : -1;
  const req: RequestCall = {
    ...u.req,
    call: outer,
    optionsIndex: j,
    url: outer.arguments[urlIndex] ?? null,
    method: methodFrom(outer.arguments[j], u.req.method ?? 'GET'),
  };
  return { ...u, req };
}

/** Which parameter of `fn` the expression names (-1 when it is not a bare parameter). */
function parameterIndex(fn: ts.FunctionLikeDeclaration, e: ts.Expression): number {
  const id = unwrap(e);
  if (!ts.isIdentifier(id)) return -1;
  return fn.parameters.findIndex((q) => ts.isIdentifier(q.name) && q.name.text === id.text);
}

/** `request.post(…)`, `rp.get(…)`: the method is the verb's. */
function isVerbCall(call: ts.CallExpression): boolean {
  const chain = chainOf(call.expression);
  return !!chain && chain.length > 1 && /^(get|head|post|put|patch|del|delete)$/.test(chain[chain.length - 1]);
}

function verbOf(s: string): RequestCall['method'] {
  const v = s.toUpperCase();
  return v === 'GET' || v === 'POST' || v === 'PUT' || v === 'PATCH' || v === 'DELETE' ? v : null;
}

// Follow a value (a URL, a URL object, an options object) from where it is built to the HTTP calls it feeds.
import { ts, chainOf, enclosingScope, outerParent, propName, referencesOf, unwrap, walk } from './ast.js';
import { methodFrom, recogniseRequest, type RequestCall } from './clients.js';
import type { Bindings } from './imports.js';
import { isRelative } from './imports.js';
import { resolveFunction } from './url.js';

export type Use =
  | { kind: 'request'; req: RequestCall; as: 'url' | 'options' }
  | { kind: 'unknown'; node: ts.Node; why: string };

export interface FlowContext {
  bindings: Bindings;
  /** Wrapper functions of other files: `(module, exportName)` → which parameters are URL and options of a fetch-like call. */
  wrapperOf?(module: string, name: string): { urlIndex: number; optionsIndex: number } | null;
}

const MAX_DEPTH = 10;

/** Where the value of `node` goes. `as` says whether the value is a URL or an options object. */
export function usesOf(node: ts.Expression, as: 'url' | 'options', ctx: FlowContext, depth = 0, seen = new Set<ts.Node>()): Use[] {
  if (depth > MAX_DEPTH) return [{ kind: 'unknown', node, why: 'too-deep' }];
  if (seen.has(node)) return [];
  seen.add(node);
  const { node: n, parent: p } = outerParent(node);
  const next = (e: ts.Expression, a: 'url' | 'options' = as): Use[] => usesOf(e, a, ctx, depth + 1, seen);

  if (!p) return [{ kind: 'unknown', node, why: 'no-parent' }];

  // passed as an argument
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const index = p.arguments.indexOf(n as ts.Expression);
    const req = recogniseRequest(p, ctx.bindings);
    if (req) {
      if (as === 'url' && req.url && unwrap(req.url) === unwrap(n as ts.Expression)) return [{ kind: 'request', req, as }];
      if (as === 'options' && index === req.optionsIndex) return [{ kind: 'request', req, as }];
      const body = req.client === 'axios' && !req.configForm && index === req.optionsIndex - 1;
      return [{ kind: 'unknown', node: p, why: body ? 'body-position' : as === 'url' ? 'url-not-in-url-position' : 'options-not-in-options-position' }];
    }
    // a local function that passes its parameter on
    const fn = resolveFunction(p.expression);
    if (fn && fn.body) {
      const param = fn.parameters[index];
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
    if (isExported(p)) return [...refs.flatMap((r) => next(r)), { kind: 'unknown', node: p, why: 'exported' }];
    if (refs.length === 0) return [{ kind: 'unknown', node: p, why: 'never-used' }];
    return refs.flatMap((r) => next(r));
  }
  // x = value (assignment to a plain variable)
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n) {
    return [{ kind: 'unknown', node: p, why: 'assigned' }];
  }
  // a function's result: `id => \`…\`` or `return …`
  const fn = returnedFrom(n, p);
  if (fn) return callsOf(fn).flatMap((c) => c === null ? [{ kind: 'unknown' as const, node: fn, why: 'function-escapes' }] : next(c));
  // { url: value } inside a config object
  if (ts.isPropertyAssignment(p) && p.initializer === n && as === 'url') {
    const key = propName(p.name);
    if ((key === 'url' || key === 'uri') && ts.isObjectLiteralExpression(p.parent)) {
      const uses = usesOf(p.parent, 'options', ctx, depth + 1, seen);
      return uses.map((u) => (u.kind === 'request' && u.req.configForm ? { ...u, as: 'url' as const } : u));
    }
  }
  if (ts.isShorthandPropertyAssignment(p) && as === 'url' && (p.name.text === 'url' || p.name.text === 'uri') && ts.isObjectLiteralExpression(p.parent)) {
    const uses = usesOf(p.parent, 'options', ctx, depth + 1, seen);
    return uses.map((u) => (u.kind === 'request' && u.req.configForm ? { ...u, as: 'url' as const } : u));
  }
  if (ts.isSpreadAssignment(p) && as === 'options' && ts.isObjectLiteralExpression(p.parent)) {
    return [{ kind: 'unknown', node: p, why: 'spread' }];
  }
  if (ts.isExportAssignment(p)) return [{ kind: 'unknown', node: p, why: 'exported' }];
  if (ts.isExpressionStatement(p)) return [];
  return [{ kind: 'unknown', node: p, why: ts.SyntaxKind[p.kind] }];
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

/** The calls of a function (null entries: it escapes where calls cannot be found). */
function callsOf(fn: ts.FunctionLikeDeclaration): Array<ts.CallExpression | null> {
  const sf = fn.getSourceFile();
  // name by which it is called: `function f`, `const f = () =>`, `{ f: () => … }` in `const table = {…}`
  let name: string | null = null;
  let owner: string | null = null;
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) name = fn.name.text;
  const { parent } = outerParent(fn);
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) name = parent.name.text;
  if ((ts.isPropertyAssignment(parent) && parent.initializer) || ts.isMethodDeclaration(fn)) {
    const prop = ts.isMethodDeclaration(fn) ? fn : parent as ts.PropertyAssignment;
    name = propName(prop.name);
    const obj = prop.parent;
    if (ts.isObjectLiteralExpression(obj) && ts.isVariableDeclaration(obj.parent) && ts.isIdentifier(obj.parent.name)) owner = obj.parent.name.text;
    else return [null];
  }
  if (!name) return [null];
  const calls: Array<ts.CallExpression | null> = [...(callIndex(sf).get(owner === null ? name : `${owner}.${name}`) ?? [])];
  return calls.length ? calls : [null];
}

/**
 * A request found inside a local wrapper (`const request = (url, opts) => fetch(url, opts)`) whose options are the
 * wrapper's own parameter: the header belongs in the options the wrapper's caller passes, not inside the wrapper
 * (that would add it to every call, keyed or not).
 */
function throughWrapper(u: Use, fn: ts.FunctionLikeDeclaration, outer: ts.CallExpression): Use {
  if (u.kind !== 'request' || u.req.configForm) return u;
  const inner = u.req.call.arguments[u.req.optionsIndex];
  if (!inner) return { kind: 'unknown', node: u.req.call, why: 'wrapper-drops-options' };
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

const callCache = new WeakMap<ts.SourceFile, Map<string, ts.CallExpression[]>>();

/** Every call of a file by its callee chain (`f`, `table.f`), computed once per file. */
function callIndex(sf: ts.SourceFile): Map<string, ts.CallExpression[]> {
  let index = callCache.get(sf);
  if (index) return index;
  const m = new Map<string, ts.CallExpression[]>();
  walk(sf, (n) => {
    if (ts.isCallExpression(n)) {
      const c = chainOf(n.expression);
      if (c && c.length <= 2) {
        const k = c.join('.');
        const list = m.get(k);
        if (list) list.push(n);
        else m.set(k, [n]);
      }
    }
  });
  callCache.set(sf, m);
  index = m;
  return index;
}

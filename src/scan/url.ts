// Evaluate a URL expression statically: constants and base URLs resolved, dynamic parts as `{}`.
import { ts, constInitializer, declarationOf, getProp, propValue, unwrap, propName, walk } from './ast.js';
import { importedFunction, importedString } from './module-values.js';

const MAX_DEPTH = 8;
const MAX_STEPS = 5000;
let steps = 0;

/** Parameters bound to the arguments a call gave them (expressions of the caller, evaluated where needed). */
export type Arguments = ReadonlyMap<ts.ParameterDeclaration, ts.Expression>;

/**
 * The string an expression builds, with `{}` for what cannot be known. A call of a function this file defines is
 * its returned expression with its parameters bound to the call's arguments (`url('/contacts/v1/…')`); `args`
 * holds the parameters already bound.
 */
export function evalString(e: ts.Expression | undefined, depth = 0, args?: Arguments): string {
  // a budget per evaluation: constants and bound parameters that each repeat another (`p + p + p` eight levels deep)
  // would otherwise multiply
  if (depth === 0) steps = 0;
  if (!e || depth > MAX_DEPTH || ++steps > MAX_STEPS) return '{}';
  e = unwrap(e);
  if (args?.size && ts.isIdentifier(e)) {
    const d = declarationOf(e);
    const a = d && ts.isParameter(d) ? args.get(d) : undefined;
    if (a) return evalString(a, depth + 1, args);
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return e.text;
  if (ts.isTemplateExpression(e)) {
    let s = e.head.text;
    for (const span of e.templateSpans) s += evalString(span.expression, depth + 1, args) + span.literal.text;
    return s;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return evalString(e.left, depth + 1, args) + evalString(e.right, depth + 1, args);
  }
  if (ts.isIdentifier(e)) {
    const init = constInitializer(e);
    const s = init ? evalString(init, depth + 1, args) : '{}';
    // a constant another module exports (`import { BASE } from './config'`, `const { base } = require('./config')`)
    return s === '{}' ? importedString(e) ?? s : s;
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments?.length) {
    const [a, b] = e.arguments;
    const path = evalString(a, depth + 1, args);
    if (b && !/^[a-z]+:\/\//i.test(path)) return joinUrl(evalString(b, depth + 1, args), path);
    return path;
  }
  if (ts.isPropertyAccessExpression(e)) {
    const n = e.name.text;
    if (n === 'href' || n === 'url') return evalString(e.expression, depth + 1, args);
    const owner = unwrap(e.expression);
    if (owner.kind === ts.SyntaxKind.ThisKeyword) {
      const assigned = thisAssignment(e, n);
      return assigned ? evalString(assigned, depth + 1) : '{}';
    }
    const obj = literalObject(owner, depth + 1);
    if (obj) return evalString(propValue(getProp(obj, n)), depth + 1);
    return importedString(e) ?? '{}';
  }
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    // x.toString(), encodeURI(x)
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString' && e.arguments.length === 0) {
      return evalString(callee.expression, depth + 1, args);
    }
    if (ts.isIdentifier(callee) && (callee.text === 'encodeURI') && e.arguments.length === 1) return evalString(e.arguments[0], depth + 1, args);
    // util.format / fmt('%s/x/%s', a, b)
    if (e.arguments.length >= 1 && ts.isStringLiteral(unwrap(e.arguments[0])) && /%[sdj]/.test((unwrap(e.arguments[0]) as ts.StringLiteral).text)
      && isFormatCallee(callee)) {
      const fmt = (unwrap(e.arguments[0]) as ts.StringLiteral).text;
      let i = 1;
      return fmt.replace(/%[sdj]/g, () => evalString(e.arguments[i++], depth + 1, args));
    }
    // endpoint tables: endpoints.addRow(id) → the arrow's body
    const fn = resolveFunction(callee) ?? importedFunction(callee);
    if (fn) {
      const body = returnedExpression(fn);
      if (body) return evalString(body, depth + 1, bindParameters(fn, e.arguments, args));
    }
    return '{}';
  }
  if (ts.isConditionalExpression(e)) {
    const a = evalString(e.whenTrue, depth + 1, args);
    const b = evalString(e.whenFalse, depth + 1, args);
    return a === b ? a : commonPrefix(a, b) + '{}';
  }
  return '{}';
}

/** `args` plus `fn`'s parameters bound to `given` (a missing argument to the parameter's default); a spread stops the binding. */
export function bindParameters(fn: ts.FunctionLikeDeclaration, given: ts.NodeArray<ts.Expression>, args: Arguments | undefined): Arguments {
  const out = new Map(args ?? []);
  for (let i = 0; i < fn.parameters.length; i++) {
    const p = fn.parameters[i];
    if (p.dotDotDotToken || given.slice(0, i + 1).some((a) => ts.isSpreadElement(a))) break;
    const a = given[i] ?? p.initializer;
    if (a) out.set(p, a);
  }
  return out;
}

/** The object literal a constant holds, also nested in one: `cfg` → `{ … }`, `cfg.hubspot` → `{ … }`. */
function literalObject(e: ts.Expression, depth: number): ts.ObjectLiteralExpression | null {
  if (depth > MAX_DEPTH) return null;
  e = unwrap(e);
  let v: ts.Expression | null | undefined = null;
  if (ts.isIdentifier(e)) v = constInitializer(e);
  else if (ts.isPropertyAccessExpression(e)) {
    const o = literalObject(e.expression, depth + 1);
    v = o ? propValue(getProp(o, e.name.text)) : null;
  }
  if (v && ts.isIdentifier(unwrap(v)) && depth < MAX_DEPTH) return literalObject(v, depth + 1);
  return v && ts.isObjectLiteralExpression(unwrap(v)) ? unwrap(v) as ts.ObjectLiteralExpression : null;
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function isFormatCallee(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) {
    if (callee.text === 'format' || callee.text === 'fmt' || callee.text === 'sprintf') return true;
    const init = constInitializer(callee);
    return !!init && ts.isPropertyAccessExpression(init) && init.name.text === 'format';
  }
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'format';
}

const thisCache = new WeakMap<ts.SourceFile, Map<string, ts.Expression>>();

/** `this.name = expr` anywhere in the file (class fields, constructor, prototype initialise); the first one wins. */
function thisAssignment(from: ts.Node, name: string): ts.Expression | null {
  const sf = from.getSourceFile();
  let m = thisCache.get(sf);
  if (!m) {
    const found = new Map<string, ts.Expression>();
    walk(sf, (n) => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)
        && n.left.expression.kind === ts.SyntaxKind.ThisKeyword && !found.has(n.left.name.text)) {
        found.set(n.left.name.text, n.right);
      }
      if (ts.isPropertyDeclaration(n) && n.initializer) {
        const k = propName(n.name);
        if (k && !found.has(k)) found.set(k, n.initializer);
      }
    });
    thisCache.set(sf, found);
    m = found;
  }
  return m.get(name) ?? null;
}

/** A function the callee names: a local function, a const arrow, or a property of a const object literal. */
export function resolveFunction(callee: ts.Expression): ts.FunctionLikeDeclaration | null {
  callee = unwrap(callee);
  if (ts.isIdentifier(callee)) {
    const init = constInitializer(callee);
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
    return localFunctionDeclaration(callee);
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(unwrap(callee.expression))) {
    const init = constInitializer(unwrap(callee.expression) as ts.Identifier);
    if (init && ts.isObjectLiteralExpression(init)) {
      const p = getProp(init, callee.name.text);
      if (p && ts.isMethodDeclaration(p)) return p;
      const v = propValue(p);
      if (v && (ts.isArrowFunction(unwrap(v)) || ts.isFunctionExpression(unwrap(v)))) return unwrap(v) as ts.ArrowFunction;
    }
  }
  return null;
}

function localFunctionDeclaration(id: ts.Identifier): ts.FunctionDeclaration | null {
  let scope: ts.Node | undefined = id.parent;
  while (scope) {
    if (ts.isBlock(scope) || ts.isSourceFile(scope)) {
      for (const s of scope.statements) if (ts.isFunctionDeclaration(s) && s.name?.text === id.text && s.body) return s;
    }
    scope = scope.parent;
  }
  return null;
}

/** The expression a function returns when it has a single return (or an expression body). */
export function returnedExpression(fn: ts.FunctionLikeDeclaration): ts.Expression | null {
  const body = fn.body;
  if (!body) return null;
  if (!ts.isBlock(body)) return body;
  const returns: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && n !== fn) return;
    if (ts.isReturnStatement(n) && n.expression) returns.push(n.expression);
    ts.forEachChild(n, visit);
  };
  visit(body);
  return returns.length === 1 ? returns[0] : null;
}

export function joinUrl(base: string, path: string): string {
  if (/^[a-z]+:\/\//i.test(path)) return path;
  if (base.endsWith('/') && path.startsWith('/')) return base + path.slice(1);
  if (!base.endsWith('/') && !path.startsWith('/') && base !== '' && path !== '') return base + '/' + path;
  return base + path;
}

export interface HostPath {
  host: string | null;
  path: string | null;
  query: string;
}

/** Split an evaluated URL into host and path (placeholders normalised); proxy prefixes are dropped. */
export function hostAndPath(url: string): HostPath {
  let rest = url;
  let host: string | null = null;
  const schemes = [...url.matchAll(/[a-z]+:\/\//gi)];
  if (schemes.length) {
    const last = schemes[schemes.length - 1];
    rest = url.slice(last.index! + last[0].length);
    const slash = rest.search(/[/?#]/);
    host = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
    rest = slash < 0 ? '' : rest.slice(slash);
  } else if (/^\/\//.test(url)) {
    rest = url.slice(2);
    const slash = rest.search(/[/?#]/);
    host = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
    rest = slash < 0 ? '' : rest.slice(slash);
  } else {
    // A dynamic base (`{}/contacts/v1/...`): the host is unknown.
    rest = rest.replace(/^\{\}(?=\/)/, '');
  }
  const q = rest.search(/[?#]/);
  const query = q < 0 ? '' : rest.slice(q);
  let path = q < 0 ? rest : rest.slice(0, q);
  if (path === '' || path === '{}') return { host, path: host ? '/' : null, query };
  if (!path.startsWith('/')) path = '/' + path;
  path = path.replace(/\/{2,}/g, '/').split('/').map((seg) => (seg.includes('{}') ? '{}' : seg)).join('/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { host, path, query };
}

const HUBSPOT_HOST = /(^|\.)(hubapi\.com|hubspot\.com|hsforms\.com|hubspotqa\.com|hubapiqa\.com)$/;

export function isHubSpotHost(host: string | null): boolean {
  return host !== null && HUBSPOT_HOST.test(host.replace(/:\d+$/, ''));
}

/**
 * HubSpot endpoints that take no credential (public form submission, the legacy form upload, the tracking pixel):
 * a key sent there was never needed, so the migration removes it and adds no header. The host must be known
 * (a relative or templated host could be any API).
 */
const UNAUTHENTICATED: Array<{ host: RegExp; path: RegExp }> = [
  { host: /(^|\.)hsforms\.com$/, path: /^\/submissions\/v3\/integration\/submit\/[^/]+\/[^/]+$/ },
  { host: /^forms\.hubspot\.com$/, path: /^\/uploads\/form\/v2\/[^/]+\/[^/]+$/ },
  { host: /^track\.hubspot\.com$/, path: /^\/v1\/event$/ },
];

export function isUnauthenticatedEndpoint(host: string | null | undefined, path: string | null): boolean {
  if (!host || !path) return false;
  const h = host.replace(/:\d+$/, '');
  return UNAUTHENTICATED.some((e) => e.host.test(h) && e.path.test(path));
}

/** A host we can tell is not HubSpot (unknown and templated hosts are not "known other"). */
export function isOtherHost(host: string | null): boolean {
  return host !== null && !host.includes('{}') && !isHubSpotHost(host);
}

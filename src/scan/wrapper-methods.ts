// A request wrapper of the repository: a function or method that adds the key to the config it is given and sends
// that config (`async request(config) { config.baseURL = '…'; config.params = { ...config.params, hapikey:
// this.hapikey }; return axios(config) }`). The key reaches every request made through it, so the requests are its
// calls: `this.request({ method, url })` in its class, `this.client.request({…})` in a class the instance is given
// to, `client.request({…})` wherever an instance goes (the link stage follows it into other modules), or
// `hsRequest({…})` for a plain function. Each call's config says where that request goes.
import { ts, hasModifier, chainOf, declarationOf, enclosingScope, outerParent, propName, referencesOf, unwrap, walk } from './ast.js';
import { recogniseRequest } from './clients.js';
import type { ClientKind, HostedRequest } from './client-calls.js';
import { MethodCalls } from './method-calls.js';
import { exportedAs } from './exported-as.js';
import type { Bindings } from './imports.js';
import { enclosingClass, usesOfValue, type Escape, type ReceiverUses } from './receivers.js';
import { evalString } from './url.js';
import { INSTANCE } from './classes.js';

const QUERY_OBJECTS = new Set(['params', 'qs', 'query']);
const NO_PATH = { expect: [] as string[], prefix: [] as string[] };

export interface RequestWrapper {
  client: Extract<ClientKind, { kind: 'wrapper' }>;
  uses: ReceiverUses;
  /** Requests of this file's calls of methods that use the wrapper, with their arguments (see method-calls.ts). */
  more: HostedRequest[];
}

/**
 * `node` sets the key on a config (`config.params = { …, hapikey }`, `config.params.hapikey = k`): when that config is
 * a parameter of the enclosing function and the function sends it as a request's whole config, that function is a
 * request wrapper; the result lists the calls made through it in this file and where it leaves the file.
 */
export function requestWrapperOf(node: ts.Node, bindings: Bindings): RequestWrapper | null {
  const assign = assignmentOf(node);
  const chain = assign ? chainOf(unwrap(assign.left)) : null;
  if (!assign || !chain || chain.length < 2 || chain.length > 3 || !QUERY_OBJECTS.has(chain[1])) return null;
  const target = unwrap(assign.left);
  let owner: ts.Expression = target;
  while (ts.isPropertyAccessExpression(owner) || ts.isElementAccessExpression(owner)) owner = unwrap(owner.expression);
  if (!ts.isIdentifier(owner)) return null;
  const param = declarationOf(owner);
  if (!param || !ts.isParameter(param) || !ts.isIdentifier(param.name)) return null;
  const fn = param.parent;
  if (!isFunctionWithBody(fn)) return null;
  const index = fn.parameters.indexOf(param);
  const http = sentAsConfig(fn, param, bindings);
  if (!http) return null;
  const baseURL = configBase(fn, param.name.text);
  const member = memberName(fn);
  if (member === undefined) return null;
  const client: RequestWrapper['client'] = { kind: 'wrapper', member, index, http, ...(baseURL !== undefined ? { baseURL } : {}) };
  const cls = ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) ? fn.parent : null;
  if (cls?.name) {
    client.cls = cls.name.text;
    const holders = holdersOf(cls);
    if (Object.keys(holders).length) client.holders = holders;
  }
  const uses = usesOfWrapper(fn, bindings);
  // the wrapper calling itself (a retry) sends the config it was given: no request of its own
  uses.calls = uses.calls.filter((c) => c.call.pos < fn.pos || c.call.end > fn.end);
  const methods = new MethodCalls();
  methods.add('', client, '', uses.calls);
  methods.addOwnClass('', client, '', fn.getSourceFile(), true);
  return { client, uses, more: methods.requests('', client) };
}

function assignmentOf(node: ts.Node): ts.BinaryExpression | null {
  for (let n: ts.Node | undefined = node; n && !ts.isStatement(n); n = n.parent) {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) return n;
  }
  return null;
}

function isFunctionWithBody(n: ts.Node): n is ts.FunctionLikeDeclaration {
  return (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n)) && !!n.body;
}

/** The client of the request the parameter is given to as its whole config (`axios(config)`, `request(config)`), or null. */
function sentAsConfig(fn: ts.FunctionLikeDeclaration, param: ts.ParameterDeclaration, bindings: Bindings): 'axios' | 'request' | null {
  const name = (param.name as ts.Identifier).text;
  let found: 'axios' | 'request' | null = null;
  for (const ref of referencesOf(name, fn, param)) {
    const { node, parent } = outerParent(ref);
    // `config = { … }` replaces the config the caller gave: its url is no longer the caller's
    if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return null;
    if (!ts.isCallExpression(parent) || !parent.arguments.includes(node as ts.Expression)) continue;
    if (parent.arguments.indexOf(node as ts.Expression) !== 0) continue;
    const req = recogniseRequest(parent, bindings);
    // `axios(config)` (read as `axios(url)` when the config is no literal), `request(config)`
    if (req?.client === 'axios' && (req.configForm || (parent.arguments.length === 1 && unwrap(parent.expression).kind === ts.SyntaxKind.Identifier))) found = 'axios';
    else if (req?.client === 'request') found = 'request';
    else if (!req) {
      // `axios.request(config)`
      const c = chainOf(parent.expression);
      if (c && c.length === 2 && c[1] === 'request' && (c[0] === 'axios' || bindings.get(c[0])?.module === 'axios') && parent.arguments.length === 1) found = 'axios';
    }
  }
  return found;
}

/** `config.baseURL = 'https://api.hubapi.com'` inside the wrapper (evaluated), if any. */
function configBase(fn: ts.FunctionLikeDeclaration, name: string): string | undefined {
  let base: string | undefined;
  walk(fn.body!, (n) => {
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const c = chainOf(unwrap(n.left));
    if (c && c.length === 2 && c[0] === name && (c[1] === 'baseURL' || c[1] === 'baseUrl')) base = evalString(n.right);
  });
  return base;
}

/** How calls name the wrapper: a method's name, null for a plain function; undefined when it cannot be told. */
function memberName(fn: ts.FunctionLikeDeclaration): string | null | undefined {
  if (ts.isMethodDeclaration(fn)) return propName(fn.name) ?? undefined;
  if (ts.isFunctionDeclaration(fn)) return fn.name ? null : undefined;
  const { node, parent } = outerParent(fn);
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return null;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return propName(parent.name) ?? undefined;
  if (ts.isPropertyDeclaration(parent) && parent.initializer === node) return propName(parent.name) ?? undefined;
  return undefined;
}

/** The values through which the wrapper is called, followed: the instances of its class, its object, the function. */
function usesOfWrapper(fn: ts.FunctionLikeDeclaration, bindings: Bindings): ReceiverUses {
  const out: ReceiverUses = { calls: [], escapes: [], lost: [] };
  const add = (u: ReceiverUses): void => { out.calls.push(...u.calls); out.escapes.push(...u.escapes); out.lost.push(...u.lost); };
  const sf = fn.getSourceFile();
  const holder = ts.isMethodDeclaration(fn) ? fn.parent : outerParent(fn).parent;
  const member = ts.isMethodDeclaration(fn) ? propName(fn.name) : ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder) ? propName(holder.name) : null;
  const cls = ts.isClassLike(holder) ? holder : ts.isPropertyDeclaration(holder) && ts.isClassLike(holder.parent) ? holder.parent : null;
  if (cls) {
    const isStatic = (ts.isMethodDeclaration(fn) ? fn : holder as ts.PropertyDeclaration).modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic) {
      // `Client.request({…})`: the class itself is the value
      if (cls.name) for (const ref of referencesOf(cls.name.text, sf, cls)) add(usesOfValue(ref, bindings));
      if (cls.name) for (const name of exportedAs(sf, cls.name.text)) out.escapes.push(exportOf(name, [], cls));
      return out;
    }
    // the instance: `this` in the class's own members (not inside a function with its own `this`), and `new Class()`
    walk(cls, (n) => {
      if (n.kind !== ts.SyntaxKind.ThisKeyword || enclosingClass(n) !== cls || inStaticMember(n, cls)) return;
      const p = n.parent;
      if (ts.isPropertyAccessExpression(p) && p.expression === n && p.name.text !== member) return;
      add(usesOfValue(n as ts.Expression, bindings));
    });
    if (cls.name) {
      for (const ref of referencesOf(cls.name.text, sf, cls)) {
        const { node, parent } = outerParent(ref);
        if (ts.isNewExpression(parent) && parent.expression === node) add(usesOfValue(parent, bindings));
      }
      for (const name of exportedAs(sf, cls.name.text)) out.escapes.push(exportOf(name, [INSTANCE], cls));
    }
    return out;
  }
  if (ts.isObjectLiteralExpression(holder) || (ts.isPropertyAssignment(holder) && ts.isObjectLiteralExpression(holder.parent))) {
    // `const api = { request(config) { … } }`: calls `api.request({…})`
    add(usesOfValue(ts.isObjectLiteralExpression(holder) ? holder : holder.parent as ts.ObjectLiteralExpression, bindings));
    return out;
  }
  // a plain function: each call of it
  const id = ts.isFunctionDeclaration(fn) ? fn.name : ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? holder.name : undefined;
  if (!id) return out;
  const decl = ts.isFunctionDeclaration(fn) ? fn : holder;
  for (const ref of referencesOf(id.text, enclosingScope(decl), decl)) add(usesOfValue(ref, bindings));
  if (ts.isSourceFile(enclosingScope(decl))) for (const name of exportedAs(sf, id.text)) out.escapes.push(exportOf(name, [], fn));
  return out;
}

/** Members of the class that hold an object built with the instance: `objects = new Objects(this)`, `this.lists = new Lists(this)`. */
function holdersOf(cls: ts.ClassLikeDeclaration): Record<string, string> {
  const out: Record<string, string> = {};
  const built = (e: ts.Expression | undefined): string | null => {
    const v = e ? unwrap(e) : undefined;
    if (!v || !ts.isNewExpression(v) || !v.arguments?.some((a) => unwrap(a).kind === ts.SyntaxKind.ThisKeyword)) return null;
    const c = chainOf(v.expression);
    return c ? c[c.length - 1] : null;
  };
  for (const m of cls.members) {
    const name = ts.isPropertyDeclaration(m) ? propName(m.name) : null;
    const x = ts.isPropertyDeclaration(m) ? built(m.initializer) : null;
    if (name && x) out[name] = x;
  }
  walk(cls, (n) => {
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const c = chainOf(unwrap(n.left));
    const x = built(n.right);
    if (c && c.length === 2 && c[0] === 'this' && x && enclosingClass(n) === cls) out[c[1]] = x;
  });
  return out;
}

function exportOf(name: string, expect: string[], at: ts.Node): Escape {
  const sf = at.getSourceFile();
  return { kind: 'export', name, path: { expect, prefix: NO_PATH.prefix }, line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1 };
}

function inStaticMember(n: ts.Node, cls: ts.ClassLikeDeclaration): boolean {
  for (let p: ts.Node | undefined = n.parent; p && p !== cls; p = p.parent) {
    if (p.parent === cls) return hasModifier(p, ts.SyntaxKind.StaticKeyword) || ts.isClassStaticBlockDeclaration(p);
  }
  return false;
}

// Request plumbing that adds the key to every request of a client: an axios interceptor
// (`api.interceptors.request.use(cfg => …)`, also on the global `axios`) and a Zapier `beforeRequest` middleware
// (`(request, z, bundle) => { request.params.hapikey = bundle.authData.apiKey; … }`). The key's site is the
// interceptor; the requests it reaches are every request made through that client.
import { ts, chainOf, unwrap, walk } from './ast.js';
import { axiosInstanceOf, recogniseRequest } from './clients.js';
import { requestOf, type ClientKind, type HostedRequest } from './client-calls.js';
import type { Bindings } from './imports.js';
import { usesOfValue, type ReceiverUses } from './receivers.js';

type Fn = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;

export type Intercepted =
  /** An axios instance: every call through it (the link stage follows it where it leaves the file). */
  | { kind: 'instance'; client: ClientKind; uses: ReceiverUses }
  /** The global axios: its calls in this file, and a note that other files may use it too. */
  | { kind: 'global'; requests: HostedRequest[] }
  /** A Zapier middleware: every `z.request` of the app (the link stage lists them, file by file). */
  | { kind: 'zapier'; line: number };

/** The function `node` is inside, when that function is a request interceptor or middleware. */
export function interceptorOf(node: ts.Node, bindings: Bindings): { fn: Fn; target: Intercepted } | null {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (!(ts.isArrowFunction(p) || ts.isFunctionExpression(p) || ts.isFunctionDeclaration(p))) continue;
    const target = axiosTarget(p, bindings) ?? zapierTarget(p);
    return target ? { fn: p, target } : null;
  }
  return null;
}

/** `X.interceptors.request.use(fn)`: what X is. */
function axiosTarget(fn: Fn, bindings: Bindings): Intercepted | null {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || unwrap(call.arguments[0] ?? call) !== fn) return null;
  const callee = unwrap(call.expression);
  const chain = chainOf(callee);
  if (!chain || chain.length < 4 || chain.slice(-3).join('.') !== 'interceptors.request.use') return null;
  let owner: ts.Expression = callee;
  for (let i = 0; i < 3 && ts.isPropertyAccessExpression(owner); i++) owner = unwrap(owner.expression);
  if (ts.isIdentifier(owner) && (owner.text === 'axios' || bindings.get(owner.text)?.module === 'axios')) {
    return { kind: 'global', requests: globalAxiosRequests(call, bindings) };
  }
  const inst = axiosInstanceOf(owner, bindings);
  if (!inst) return null;
  return { kind: 'instance', client: { kind: 'axios', baseURL: inst.baseURL }, uses: usesOfValue(inst.create, bindings) };
}

/** The calls of the global axios in this file; other files' calls are not followed (said as an unresolved request). */
function globalAxiosRequests(at: ts.CallExpression, bindings: Bindings): HostedRequest[] {
  const out: HostedRequest[] = [];
  const sf = at.getSourceFile();
  walk(sf, (n) => {
    if (!ts.isCallExpression(n)) return;
    const chain = chainOf(n.expression);
    if (!chain || chain.length > 2 || !(chain[0] === 'axios' || bindings.get(chain[0])?.module === 'axios')) return;
    const req = recogniseRequest(n, bindings);
    if (req && req.client === 'axios') out.push(requestOf(req));
  });
  const line = sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1;
  out.push({ file: '', line, client: 'axios', method: null, path: null, scopes: [], lifecycle: null, unresolved: 'client-not-followed' });
  return out;
}

/**
 * A Zapier middleware: `(request, z, bundle) => …` (the platform calls `beforeRequest` functions with these three);
 * named `z`/`bundle` by every Zapier app and the CLI's templates, so the shape is the test.
 */
function zapierTarget(fn: Fn): Intercepted | null {
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  if (names.length < 3 || names[1] !== 'z' || names[2] !== 'bundle') return null;
  const sf = fn.getSourceFile();
  return { kind: 'zapier', line: sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line + 1 };
}

/** The function that returns `obj` (an arrow's body or a `return`), or null. */
export function returningFunction(obj: ts.Node): Fn | null {
  let n: ts.Node = obj;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (p && ts.isArrowFunction(p) && p.body === n) return p;
  if (p && ts.isReturnStatement(p)) {
    for (let f: ts.Node | undefined = p.parent; f; f = f.parent) {
      if (ts.isArrowFunction(f) || ts.isFunctionExpression(f) || ts.isFunctionDeclaration(f)) return f;
      if (ts.isFunctionLike(f)) return null;
    }
  }
  return null;
}

// A value handed to a callback: `withAPI(callback) { return callback(new HubspotAPI(options)) }`. The callback is a
// parameter of the higher-order function; what it is comes from the calls of that function: an arrow or function
// expression given inline (`this.withAPI(async (api) => api.contacts.getByEmail(email))`), or a named function of
// the file. A higher-order function another module imports is followed there by the link stage (`callback` escape).
import { ts, declarationOf, enclosingScope, outerParent, propName, referencesOf, unwrap } from './ast.js';
import { exportedAs } from './exported-as.js';
import { enclosingClass, memberReferences } from './receivers.js';
import { resolveFunction } from './url.js';

type Fn = ts.FunctionLikeDeclaration;

export interface CallbackTargets {
  /** The functions given as the callback at the calls this file shows. */
  fns: Fn[];
  /**
   * Where the file exports the higher-order function (its callers elsewhere give more callbacks): a function under
   * `name`; a method `member` of the class exported as `name` (called on its instances, or on the class if static).
   * `index`: which of its arguments is the callback.
   */
  exports: Array<{ name: string; member: string | null; instance: boolean; index: number }>;
  /** Calls whose callback argument is no function this file defines (a function of another module, a value). */
  unknown: ts.Node[];
}

const MAX_DEPTH = 4;

/** When `call` calls a parameter of its enclosing function, the functions that parameter may be; else null. */
export function callbackTargets(call: ts.CallExpression | ts.NewExpression): CallbackTargets | null {
  if (!ts.isCallExpression(call)) return null;
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee)) return null;
  const param = declarationOf(callee);
  if (!param || !ts.isParameter(param) || !ts.isIdentifier(param.name)) return null;
  const out: CallbackTargets = { fns: [], exports: [], unknown: [] };
  collect(param, out, 0, new Set());
  return out;
}

function collect(param: ts.ParameterDeclaration, out: CallbackTargets, depth: number, seen: Set<ts.Node>): void {
  if (depth > MAX_DEPTH || seen.has(param)) return;
  seen.add(param);
  const fn = param.parent;
  const index = fn.parameters.indexOf(param);
  const site = callsOf(fn);
  for (const e of site.exports) out.exports.push({ ...e, index });
  for (const call of site.calls) {
    const arg = call.arguments[index];
    if (!arg) continue;
    const a = unwrap(arg);
    if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) { out.fns.push(a); continue; }
    if (ts.isIdentifier(a)) {
      const f = resolveFunction(a);
      if (f) { out.fns.push(f); continue; }
      // a callback handed on: `withClient(cb) { return this.withAPI(cb) }`
      const d = declarationOf(a);
      if (d && ts.isParameter(d) && ts.isIdentifier(d.name)) { collect(d, out, depth + 1, seen); continue; }
    }
    out.unknown.push(call);
  }
}

/** The calls of `fn` this file shows (`fn(…)`, `this.fn(…)`), and the names it is exported under. */
type Exported = Omit<CallbackTargets['exports'][number], 'index'>;

function callsOf(fn: ts.SignatureDeclaration): { calls: ts.CallExpression[]; exports: Exported[] } {
  const calls: ts.CallExpression[] = [];
  const exports: Exported[] = [];
  const sf = fn.getSourceFile();
  const callOf = (ref: ts.Node): void => {
    const { node, parent } = outerParent(ref);
    if (ts.isCallExpression(parent) && parent.expression === node) calls.push(parent);
  };
  if (ts.isMethodDeclaration(fn)) {
    const name = propName(fn.name);
    const cls = fn.parent;
    if (!name || !ts.isClassLike(cls)) return { calls, exports };
    const isStatic = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    for (const ref of memberReferences(cls, isStatic ? cls.name?.text ?? null : 'this', name)) {
      if (isStatic || enclosingClass(ref) === cls) callOf(ref);
    }
    if (cls.name && ts.isSourceFile(cls.parent)) for (const e of exportedAs(sf, cls.name.text)) exports.push({ name: e, member: name, instance: !isStatic });
    return { calls, exports };
  }
  let name: ts.Identifier | null = null;
  let decl: ts.Node = fn;
  if (ts.isFunctionDeclaration(fn) && fn.name) name = fn.name;
  else if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
    const { node, parent } = outerParent(fn);
    if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) { name = parent.name; decl = parent; }
  }
  if (!name) return { calls, exports };
  for (const ref of referencesOf(name.text, enclosingScope(decl), decl)) callOf(ref);
  if (ts.isSourceFile(enclosingScope(decl))) for (const e of exportedAs(sf, name.text)) exports.push({ name: e, member: null, instance: false });
  return { calls, exports };
}

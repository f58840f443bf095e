// Follow a client value (an SDK client, an axios instance, a `request.defaults` instance) to every call made
// through it inside one file: variables, destructuring, sub-clients (`const contacts = hs.crm.contacts`), class
// members (`this.hs = …`, field initialisers), getters and methods that return it (every branch), functions that
// return it, parameters of local functions, methods and constructors. Where the value leaves the file (an export,
// an imported function it is passed to) the result says so as data: the link stage follows it there.
import { ts, hasModifier, chainOf, declarationOf, enclosingScope, lineOf, outerParent, propName, referencesOf, unwrap, walk } from './ast.js';
import type { Bindings } from './imports.js';
import { isRelative } from './imports.js';
import { cjsExportPath, exportNamesOf } from './exports.js';
import { resolveFunction } from './url.js';
import { INSTANCE, PROTO, isClassMarker, isTypePosition, overrides, subclassOf } from './classes.js';
import { callbackTargets } from './callbacks.js';
import { mixinsOf } from './mixins.js';

/**
 * Where the client is, relative to the value being followed: `expect` lists the property names (and `()` for a
 * call) still to be taken to reach the client (`{ client }` → `['client']`, `() => client` → `['()']`); `prefix`
 * lists what was taken beyond it (`hs.crm.contacts` → `['crm', 'contacts']`).
 */
export interface Path {
  expect: string[];
  prefix: string[];
}

/** A call through the client: `hs.crm.contacts.basicApi.getPage()` → chain `['crm', 'contacts', 'basicApi', 'getPage']`. */
export interface ReceiverCall {
  call: ts.CallExpression;
  chain: string[];
}

/** The client leaves the file: exported (importers follow `name`), or passed to a function another file exports. */
export type Escape =
  | { kind: 'export'; name: string; path: Path; line: number }
  | { kind: 'argument'; module: string; imported: string; member: string[]; index: number; isNew: boolean; path: Path; line: number }
  /**
   * Handed to a callback of exported function `name`, or of method `member` of the class exported as `name` (on its
   * instances when `instance`): argument `index` of its calls elsewhere; the value is that callback's parameter `param`.
   */
  | { kind: 'callback'; name: string; member: string | null; instance: boolean; index: number; param: number; path: Path; line: number }
  /** Plumbing every request of an app goes through (a Zapier middleware): the requests of every file of the package. */
  | { kind: 'package'; line: number }
  /** The class `imported` of `module` is mixed into a class holding the value: its `this.member` holds it (at `path`). */
  | { kind: 'mixin'; module: string; imported: string; member: string; path: Path; line: number };

export interface ReceiverUses {
  calls: ReceiverCall[];
  escapes: Escape[];
  /** Places the value went that could not be followed (why, and where). */
  lost: Array<{ node: ts.Node; why: string }>;
}

const MAX_STEPS = 4000;
const MAX_DEPTH = 24;

interface Walker {
  /** Value mode: where the followed value (a URL, an options object) is reached, hand it over instead of climbing on. */
  onValue?: (e: ts.Expression) => void;
  sf: ts.SourceFile;
  bindings: Bindings;
  out: ReceiverUses;
  seen: Set<string>;
  steps: number;
}

/** Every use of the value `start` evaluates to (an expression), holding the client at `path`. */
export function usesOfValue(start: ts.Expression, bindings: Bindings, path: Path = { expect: [], prefix: [] }, onValue?: (e: ts.Expression) => void): ReceiverUses {
  const w = newWalker(start.getSourceFile(), bindings, onValue);
  follow(w, start, path, 0);
  return w.out;
}

/** Every use of a name bound by `decl` (an import, a parameter, a variable) whose value holds the client at `path`. */
export function usesOfBinding(name: ts.Identifier, decl: ts.Node, bindings: Bindings, path: Path, onValue?: (e: ts.Expression) => void): ReceiverUses {
  const w = newWalker(name.getSourceFile(), bindings, onValue);
  followName(w, name.text, scopeOfDeclaration(decl), decl, path, 0);
  return w.out;
}

function newWalker(sf: ts.SourceFile, bindings: Bindings, onValue?: (e: ts.Expression) => void): Walker {
  return { sf, bindings, onValue, out: { calls: [], escapes: [], lost: [] }, seen: new Set(), steps: 0 };
}

function scopeOfDeclaration(decl: ts.Node): ts.Node {
  if (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl)) return decl.getSourceFile();
  if (ts.isParameter(decl)) return decl.parent;
  return enclosingScope(decl);
}


function followName(w: Walker, name: string, scope: ts.Node, decl: ts.Node, path: Path, depth: number): void {
  for (const ref of referencesOf(name, scope, decl)) follow(w, ref, path, depth + 1);
}

/** Follow the value of expression `e`, which holds the client at `path`. */
function follow(w: Walker, e: ts.Expression, path: Path, depth: number): void {
  if (depth > MAX_DEPTH || ++w.steps > MAX_STEPS) { w.out.lost.push({ node: e, why: 'too-deep' }); return; }
  const key = `${e.pos}:${e.end}:${e.kind}|${path.expect.join('.')}|${path.prefix.join('.')}`;
  if (w.seen.has(key)) return;
  w.seen.add(key);
  const expect = [...path.expect];
  const prefix = [...path.prefix];
  let cur: ts.Node = e;
  // climb member accesses and calls
  for (;;) {
    if (w.onValue && expect.length === 0) { w.onValue(cur as ts.Expression); return; }
    const { node: n, parent: p } = outerParent(cur);
    if (!p) return;
    if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n) {
      const name = ts.isPropertyAccessExpression(p) ? p.name.text
        : ts.isStringLiteral(p.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(p.argumentExpression) ? p.argumentExpression.text : '[]';
      if (expect.length) {
        if (expect[0] === '()' || isClassMarker(expect[0])) return;
        if (name !== expect[0] && name !== '[]') return;
        expect.shift();
      } else prefix.push(name);
      cur = p;
      continue;
    }
    if (ts.isCallExpression(p) && p.expression === n) {
      if (expect.length) {
        if (expect[0] !== '()') return;
        expect.shift();
        cur = p;
        continue;
      }
      // `.bind(…)`/`.call(…)` of a method keep nothing we can follow; any other call goes through the client
      w.out.calls.push({ call: p, chain: prefix });
      return;
    }
    if (ts.isTaggedTemplateExpression(p)) return;
    break;
  }
  flowOn(w, cur as ts.Expression, { expect, prefix }, depth);
}

/** The value `n` (client at `path`) is used by its parent: variable, member, property, return, argument… */
function flowOn(w: Walker, e: ts.Expression, path: Path, depth: number): void {
  const { node: n, parent: p } = outerParent(e);
  if (!p) return;
  const next = (x: ts.Expression, q: Path = path): void => follow(w, x, q, depth + 1);
  // a class whose instances hold the client: its subclasses and its instances (`new C()`) hold it too
  if (isClassMarker(path.expect[0])) {
    const sub = subclassOf(n);
    if (sub) { inherited(w, sub, path, depth); return; }
    if (ts.isNewExpression(p) && p.expression === n) { next(p, { expect: path.expect.slice(1), prefix: path.prefix }); return; }
    if (isTypePosition(n)) return;
  }
  // const x = value / const { crm } = value
  if (ts.isVariableDeclaration(p) && p.initializer === n) {
    if (ts.isIdentifier(p.name)) {
      followName(w, p.name.text, enclosingScope(p), p, path, depth);
      for (const name of exportNamesOf(w.sf, p.name.text)) w.out.escapes.push({ kind: 'export', name, path, line: lineOf(p) });
      return;
    }
    destructure(w, p.name, path, depth);
    return;
  }
  // x = value / this.x = value / module.exports = value
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n) {
    assigned(w, p, path, depth);
    return;
  }
  // class field: `private readonly hs = new Client(…)`
  if (ts.isPropertyDeclaration(p) && p.initializer === n) {
    const name = propName(p.name);
    const cls = p.parent;
    if (name && (ts.isClassDeclaration(cls) || ts.isClassExpression(cls))) {
      const isStatic = p.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      for (const ref of memberReferences(cls, isStatic ? cls.name?.text ?? null : 'this', name)) next(ref);
      if (!isStatic) followClass(w, cls, { expect: [INSTANCE, name, ...path.expect], prefix: path.prefix }, depth);
      return;
    }
  }
  // { client: value } / { client } → the object holds it under that name; under a computed name (`[KIND.X]:
  // hs.forms`, a lookup table) only a runtime access `table[kind]` reaches it ('[]'), never a literal `.name`
  if (ts.isPropertyAssignment(p) && p.initializer === n && ts.isObjectLiteralExpression(p.parent)) {
    const name = propName(p.name) ?? (ts.isComputedPropertyName(p.name) ? '[]' : null);
    if (name) { next(p.parent, { expect: [name, ...path.expect], prefix: path.prefix }); return; }
  }
  if (ts.isShorthandPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent)) {
    next(p.parent, { expect: [p.name.text, ...path.expect], prefix: path.prefix });
    return;
  }
  // `return value` / `() => value`: the function's callers get it
  const fn = returnedBy(n, p);
  if (fn) { returnedFrom(w, fn, path, depth); return; }
  // cond ? a : b, a || b, a ?? b, (a, b)
  if (ts.isConditionalExpression(p) && p.condition !== n) { next(p); return; }
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.CommaToken].includes(p.operatorToken.kind) && (p.right === n || p.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken)) { next(p); return; }
  // passed to a function
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(n as ts.Expression)) {
    passed(w, p, p.arguments.indexOf(n as ts.Expression), path, depth);
    return;
  }
  // export default value
  if (ts.isExportAssignment(p)) { w.out.escapes.push({ kind: 'export', name: 'default', path, line: lineOf(p) }); return; }
  if (ts.isExpressionStatement(p) || ts.isIfStatement(p) || ts.isPrefixUnaryExpression(p) || ts.isTypeOfExpression(p)) return;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return; // comparisons
  w.out.lost.push({ node: p, why: ts.SyntaxKind[p.kind] });
}

function destructure(w: Walker, pattern: ts.BindingName, path: Path, depth: number): void {
  if (!ts.isObjectBindingPattern(pattern)) { w.out.lost.push({ node: pattern, why: 'array-pattern' }); return; }
  for (const el of pattern.elements) {
    if (el.dotDotDotToken) continue;
    const prop = el.propertyName ? propName(el.propertyName as ts.PropertyName) : ts.isIdentifier(el.name) ? el.name.text : null;
    if (!prop) continue;
    let q: Path;
    if (path.expect.length) {
      if (path.expect[0] !== prop) continue;
      q = { expect: path.expect.slice(1), prefix: path.prefix };
    } else q = { expect: [], prefix: [...path.prefix, prop] };
    if (ts.isIdentifier(el.name)) followName(w, el.name.text, enclosingScope(el), el, q, depth);
    else destructure(w, el.name, q, depth + 1);
  }
}

function assigned(w: Walker, assign: ts.BinaryExpression, path: Path, depth: number): void {
  const left = unwrap(assign.left);
  const chain = chainOf(left);
  if (!chain) { w.out.lost.push({ node: assign, why: 'assigned' }); return; }
  // module.exports = value / module.exports.x = value / exports.x = value
  const rest = cjsExportPath(left);
  if (rest) {
    // `module.exports = value`: the module object itself is the value (named '*')
    if (rest.length === 0) w.out.escapes.push({ kind: 'export', name: '*', path, line: lineOf(assign) });
    else if (rest.length === 1) w.out.escapes.push({ kind: 'export', name: rest[0], path, line: lineOf(assign) });
    else w.out.lost.push({ node: assign, why: 'exported-deep' });
    return;
  }
  if (chain.length === 1 && ts.isIdentifier(left)) {
    // let client; client = new Client(…) — also assigned inside a function (`function init() { client = … }`):
    // the variable's uses are those of its declaration's scope
    const decl = declarationOf(left);
    const own = decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) ? decl : null;
    for (const ref of own ? referencesOf(left.text, enclosingScope(own), own) : referencesOf(left.text, enclosingScope(assign), assign)) {
      if (ref === left) continue;
      follow(w, ref, path, depth + 1);
    }
    if (own && ts.isSourceFile(enclosingScope(own))) {
      for (const name of exportNamesOf(w.sf, left.text)) w.out.escapes.push({ kind: 'export', name, path, line: lineOf(assign) });
    }
    return;
  }
  if (chain[0] === 'this' && chain.length === 2) {
    const cls = enclosingClass(assign);
    const refs = cls ? memberReferences(cls, 'this', chain[1]) : memberReferences(w.sf, 'this', chain[1]);
    for (const ref of refs) if (ref !== left) follow(w, ref, path, depth + 1);
    if (cls) followClass(w, cls, { expect: [INSTANCE, chain[1], ...path.expect], prefix: path.prefix }, depth);
    return;
  }
  if (chain.length === 2 && ts.isIdentifier(left.kind === ts.SyntaxKind.PropertyAccessExpression ? (left as ts.PropertyAccessExpression).expression : left)) {
    // obj.client = value (an object or namespace of this file)
    for (const ref of memberReferences(w.sf, chain[0], chain[1])) if (ref !== left) follow(w, ref, path, depth + 1);
    const names = exportNamesOf(w.sf, chain[0]);
    for (const name of names) w.out.escapes.push({ kind: 'export', name, path: { expect: [chain[1], ...path.expect], prefix: path.prefix }, line: lineOf(assign) });
    return;
  }
  w.out.lost.push({ node: assign, why: 'assigned' });
}

/** `this.name` (`super.name`, or `Owner.name`) accesses inside `scope`. */
export function memberReferences(scope: ts.Node, owner: string | null, name: string): ts.Expression[] {
  if (!owner) return [];
  const out: ts.Expression[] = [];
  walk(scope, (n) => {
    if (ts.isPropertyAccessExpression(n) && n.name.text === name) {
      const o = n.expression;
      if (owner === 'this' ? o.kind === ts.SyntaxKind.ThisKeyword : owner === 'super' ? o.kind === ts.SyntaxKind.SuperKeyword : ts.isIdentifier(o) && o.text === owner) out.push(n);
    }
  });
  return out;
}

/**
 * The class `cls` holds the client for its instances (`path` starts with a class marker, see classes.ts): follow
 * the class itself: its subclasses in this file, `new cls()`, and (following a client, not a URL or options value)
 * its exports, which the link stage follows into the files that import it.
 */
function followClass(w: Walker, cls: ts.ClassLikeDeclaration, path: Path, depth: number): void {
  if (ts.isClassExpression(cls)) { if (!w.onValue) follow(w, cls, path, depth + 1); return; }
  if (!cls.name) {
    if (!w.onValue && hasModifier(cls, ts.SyntaxKind.DefaultKeyword)) w.out.escapes.push({ kind: 'export', name: 'default', path, line: lineOf(cls) });
    return;
  }
  for (const ref of referencesOf(cls.name.text, enclosingScope(cls), cls)) {
    // a URL or options value: only what stays in this file (the subclasses, instances); an exported class's
    // other uses are not followed for a value (as before: its own `this.m()` calls are the requests)
    if (w.onValue && !subclassOf(ref) && !ts.isNewExpression(outerParent(ref).parent)) continue;
    follow(w, ref, path, depth + 1);
  }
  if (!w.onValue) for (const name of exportNamesOf(w.sf, cls.name.text)) w.out.escapes.push({ kind: 'export', name, path, line: lineOf(cls) });
  if (!w.onValue && ts.isClassDeclaration(cls)) mixedIn(w, cls, path, depth);
}

/**
 * The instances of `cls` hold the client at `path` (`#instance`/`#proto`, member, rest): inside its mixin classes
 * (mixins.ts), `this.member` reaches it too; a mixin imported from another module is followed by the link stage.
 */
function mixedIn(w: Walker, cls: ts.ClassDeclaration, path: Path, depth: number): void {
  const [, member] = path.expect;
  if (!member) return;
  const rest: Path = { expect: path.expect.slice(2), prefix: path.prefix };
  for (const m of mixinsOf(cls, w.bindings)) {
    if (m.kind === 'local') {
      if (m.cls === cls || overrides(m.cls, member)) continue;
      for (const ref of memberReferences(m.cls, 'this', member)) follow(w, ref, rest, depth + 1);
    } else w.out.escapes.push({ kind: 'mixin', module: m.module, imported: m.imported, member, path: rest, line: lineOf(cls) });
  }
}

/**
 * `sub extends` a class that holds the client at `path` (`#instance`/`#proto`, member, rest): `this.member` inside
 * `sub` (and `super.member` for a method or getter) reaches it, unless `sub` declares its own; then `sub`'s own
 * subclasses, instances and exports.
 */
function inherited(w: Walker, sub: ts.ClassLikeDeclaration, path: Path, depth: number): void {
  const [marker, member] = path.expect;
  if (!member) return;
  const rest: Path = { expect: path.expect.slice(2), prefix: path.prefix };
  const refs = overrides(sub, member) ? [] : memberReferences(sub, 'this', member);
  if (marker === PROTO) refs.push(...memberReferences(sub, 'super', member));
  for (const ref of refs) follow(w, ref, rest, depth + 1);
  if (!overrides(sub, member)) followClass(w, sub, path, depth);
}

export function enclosingClass(n: ts.Node): ts.ClassLikeDeclaration | null {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) return p;
    // `this` inside a plain function is that function's own: stop at non-arrow functions that are not members
    if ((ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p)) && !ts.isClassLike(p.parent)) return null;
  }
  return null;
}

/** If `n` is what a function returns, that function. */
function returnedBy(n: ts.Node, p: ts.Node): ts.FunctionLikeDeclaration | null {
  if (ts.isArrowFunction(p) && p.body === n) return p;
  if (ts.isReturnStatement(p)) {
    let f: ts.Node | undefined = p.parent;
    while (f && !ts.isFunctionLike(f)) f = f.parent;
    return f && (ts.isFunctionDeclaration(f) || ts.isFunctionExpression(f) || ts.isArrowFunction(f) || ts.isMethodDeclaration(f) || ts.isGetAccessorDeclaration(f)) ? f : null;
  }
  return null;
}

/** A function returns the client (at `path`): its callers get it. */
function returnedFrom(w: Walker, fn: ts.FunctionLikeDeclaration, path: Path, depth: number): void {
  const called: Path = { expect: ['()', ...path.expect], prefix: path.prefix };
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    // an async function returns a promise of it: `await f()` unwraps (outerParent skips await)
    follow(w, fn, called, depth + 1);
    return;
  }
  if (ts.isFunctionDeclaration(fn) && fn.name) {
    followName(w, fn.name.text, enclosingScope(fn), fn, called, depth);
    for (const name of exportNamesOf(w.sf, fn.name.text)) w.out.escapes.push({ kind: 'export', name, path: called, line: lineOf(fn) });
    return;
  }
  const name = propName((fn as ts.MethodDeclaration).name);
  if (!name) return;
  const owner = fn.parent;
  if (ts.isClassDeclaration(owner) || ts.isClassExpression(owner)) {
    const isStatic = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    const q = ts.isGetAccessorDeclaration(fn) ? path : called;
    for (const ref of memberReferences(owner, isStatic ? owner.name?.text ?? null : 'this', name)) follow(w, ref, q, depth + 1);
    if (!isStatic) followClass(w, owner, { expect: [PROTO, name, ...q.expect], prefix: q.prefix }, depth);
    return;
  }
  if (ts.isObjectLiteralExpression(owner)) {
    const q = ts.isGetAccessorDeclaration(fn) ? path : called;
    follow(w, owner, { expect: [name, ...q.expect], prefix: q.prefix }, depth + 1);
  }
}

/** The client is passed as argument `index` of `call`: follow the parameter of a function this file defines. */
function passed(w: Walker, call: ts.CallExpression | ts.NewExpression, index: number, path: Path, depth: number): void {
  const fn = calleeFunction(call);
  if (fn) { followParameter(w, fn, index, path, depth); return; }
  // `callback(client)` inside `withAPI(callback)`: the functions given as that callback get it
  const cb = callbackTargets(call);
  if (cb) {
    for (const f of cb.fns) followParameter(w, f, index, path, depth);
    for (const e of cb.exports) w.out.escapes.push({ kind: 'callback', ...e, param: index, path, line: lineOf(call) });
    for (const n of cb.unknown) w.out.lost.push({ node: n, why: 'callback-not-followed' });
    return;
  }
  const chain = chainOf(call.expression);
  if (chain) {
    const b = w.bindings.get(chain[0]);
    if (b && isRelative(b.module)) {
      w.out.escapes.push({ kind: 'argument', module: b.module, imported: b.imported, member: chain.slice(1), index, isNew: ts.isNewExpression(call), path, line: lineOf(call) });
      return;
    }
    // logging and plain containers do not use the client
    if (/^(console|JSON|Object|Array|Promise|Math|logger|log)$/.test(chain[0])) return;
  }
  w.out.lost.push({ node: call, why: `passed-to:${chain ? chain.join('.') : 'call'}` });
}

function followParameter(w: Walker, fn: ts.FunctionLikeDeclaration, index: number, path: Path, depth: number): void {
  const param = fn.parameters[index];
  if (!param) return;
  if (ts.isIdentifier(param.name)) followName(w, param.name.text, fn, param, path, depth);
  else destructure(w, param.name, path, depth);
  // `constructor(private readonly client: Client) {}`: a parameter property is also the member `this.client`
  if (ts.isConstructorDeclaration(fn) && ts.isIdentifier(param.name) && ts.getModifiers(param)?.length && ts.isClassLike(fn.parent)) {
    for (const ref of memberReferences(fn.parent, 'this', param.name.text)) follow(w, ref, path, depth + 1);
  }
}

/** The function a call or `new` runs, when this file defines it: a function, a const arrow, a class constructor, a method of this class. */
export function calleeFunction(call: ts.CallExpression | ts.NewExpression): ts.FunctionLikeDeclaration | null {
  const callee = unwrap(call.expression);
  if (ts.isNewExpression(call)) {
    const cls = ts.isIdentifier(callee) ? localClass(callee) : ts.isClassExpression(callee) ? callee : null;
    return cls ? cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body) ?? null : null;
  }
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(call);
    const m = cls?.members.find((x) => ts.isMethodDeclaration(x) && propName(x.name) === callee.name.text && !!x.body);
    return (m as ts.MethodDeclaration | undefined) ?? null;
  }
  if (ts.isIdentifier(callee)) {
    const fn = resolveFunction(callee);
    if (fn) return fn;
  }
  if (ts.isFunctionExpression(callee) || ts.isArrowFunction(callee)) return callee;
  return null;
}

function localClass(id: ts.Identifier): ts.ClassLikeDeclaration | null {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (!(ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope))) continue;
    for (const s of scope.statements) {
      if (ts.isClassDeclaration(s) && s.name?.text === id.text) return s;
      if (ts.isVariableStatement(s)) {
        for (const d of s.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer && ts.isClassExpression(unwrap(d.initializer))) return unwrap(d.initializer) as ts.ClassExpression;
        }
      }
    }
  }
  return null;
}

/** Every use of parameter `index` of `fn` (a function another file passes the client to), holding the client at `path`. */
export function usesOfParameter(fn: ts.FunctionLikeDeclaration, index: number, bindings: Bindings, path: Path, onValue?: (e: ts.Expression) => void): ReceiverUses {
  const w = newWalker(fn.getSourceFile(), bindings, onValue);
  followParameter(w, fn, index, path, 0);
  return w.out;
}

/** Value mode: where the result of `fn` goes; `onValue` gets each expression that evaluates to it (a call of `fn`). */
export function usesOfResult(fn: ts.FunctionLikeDeclaration, bindings: Bindings, onValue: (e: ts.Expression) => void): ReceiverUses {
  const w = newWalker(fn.getSourceFile(), bindings, onValue);
  returnedFrom(w, fn, { expect: [], prefix: [] }, 0);
  return w.out;
}

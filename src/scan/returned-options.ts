// Library options built by a function: `getOptions() { return { hapikey: this.key } }` whose result is given to the
// library's constructor (`new HubspotAPI(await this.getOptions())`, or through `const options = …`). The object is
// the constructor's options as much as an inline one: its key option is a library option.
import { ts, enclosingScope, hasModifier, outerParent, propName, referencesOf, unwrap } from './ast.js';
import type { Bindings } from './imports.js';
import { libraryOfConstructor, type Lib } from './libraries.js';
import { usesOfResult } from './receivers.js';

type Fn = ts.FunctionLikeDeclaration;

/**
 * How a function's result reaches the library: `shared` when some result also goes elsewhere in this file (then the
 * object is not only the library's options, and renaming its key breaks that other use); `name`, the name other
 * modules would call it by (a method, an exported or assigned function), when they might: the link stage then looks
 * for that name in the other files before the rename is made.
 */
export interface OptionsUse {
  shared: boolean;
  name: string | null;
}

/**
 * The library constructor that receives a result of the function returning `obj` (same file), with how else the
 * result may be used, or null when the object is not returned or no result reaches a library constructor.
 */
export function libraryCtorOfReturned(obj: ts.ObjectLiteralExpression, bindings: Bindings, aliases: Map<string, Lib>): { ctor: ts.NewExpression; lib: Lib; optionsUse: OptionsUse } | null {
  const fn = returnerOf(obj);
  if (!fn) return null;
  const values: ts.Expression[] = [];
  const r = usesOfResult(fn, bindings, (e) => { values.push(e); });
  let shared = r.escapes.length > 0 || r.lost.length > 0;
  let found: { ctor: ts.NewExpression; lib: Lib } | null = null;
  for (const v of values) {
    const ctors = ctorsReceiving(v, bindings, aliases);
    if (!ctors) { shared = true; continue; }
    found ??= ctors[0];
  }
  return found ? { ...found, optionsUse: { shared, name: callableName(fn) } } : null;
}

/**
 * The name code in other modules could call `fn` by: a method's (unless private: `private m()`, `#m()`), a function
 * declaration's, the variable or property a function expression is assigned to; null for none.
 */
function callableName(fn: Fn): string | null {
  if (ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn)) {
    if (ts.isPrivateIdentifier(fn.name) || hasModifier(fn, ts.SyntaxKind.PrivateKeyword)) return null;
    return propName(fn.name);
  }
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text ?? null;
  const { parent: p } = outerParent(fn);
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return ts.isPrivateIdentifier(p.name) ? null : propName(p.name);
  if (ts.isBinaryExpression(p) && ts.isPropertyAccessExpression(p.left)) return p.left.name.text;
  return null;
}

/** The function whose `return` (or expression body) is `obj`. */
function returnerOf(obj: ts.Node): Fn | null {
  const { node, parent: p } = outerParent(obj);
  if (ts.isArrowFunction(p) && p.body === node) return p;
  if (!ts.isReturnStatement(p)) return null;
  for (let f: ts.Node | undefined = p.parent; f; f = f.parent) {
    if (ts.isFunctionDeclaration(f) || ts.isFunctionExpression(f) || ts.isArrowFunction(f) || ts.isMethodDeclaration(f)) return f.body ? f : null;
    if (ts.isFunctionLike(f) || ts.isClassLike(f)) return null;
  }
  return null;
}

/** Library constructors the value `v` is given to, when that is all it is used for (directly or through a const). */
function ctorsReceiving(v: ts.Expression, bindings: Bindings, aliases: Map<string, Lib>): Array<{ ctor: ts.NewExpression; lib: Lib }> | null {
  const direct = ctorOfArgument(v, bindings, aliases);
  if (direct) return [direct];
  const { node, parent: p } = outerParent(v);
  if (!ts.isVariableDeclaration(p) || p.initializer !== node || !ts.isIdentifier(p.name)) return null;
  if (!ts.isVariableDeclarationList(p.parent) || !(p.parent.flags & ts.NodeFlags.Const)) return null;
  const refs = referencesOf(p.name.text, enclosingScope(p), p);
  if (!refs.length) return null;
  const out: Array<{ ctor: ts.NewExpression; lib: Lib }> = [];
  for (const ref of refs) {
    const c = ctorOfArgument(ref, bindings, aliases);
    if (!c) return null;
    out.push(c);
  }
  return out;
}

function ctorOfArgument(e: ts.Expression, bindings: Bindings, aliases: Map<string, Lib>): { ctor: ts.NewExpression; lib: Lib } | null {
  const { node, parent: p } = outerParent(e);
  const a0 = ts.isNewExpression(p) ? p.arguments?.[0] : undefined;
  if (!a0 || unwrap(a0) !== unwrap(node as ts.Expression)) return null;
  const ctor = p as ts.NewExpression;
  const lib = libraryOfConstructor(ctor.expression, bindings, aliases);
  return lib ? { ctor, lib } : null;
}

/** The function returning `obj` also returns options with an access token (`if (token) return { accessToken }`): dual mode. */
export function returnedBesideToken(obj: ts.ObjectLiteralExpression): boolean {
  const fn = returnerOf(obj);
  if (!fn?.body || !ts.isBlock(fn.body)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || (ts.isFunctionLike(n) && n !== fn)) return;
    if (ts.isReturnStatement(n) && n.expression) {
      const e = unwrap(n.expression);
      if (e !== obj && ts.isObjectLiteralExpression(e) && e.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'accessToken')) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return found;
}

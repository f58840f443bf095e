// A header added inside a wrapper function (`makeRequest(method, url)` → `axios({ method, url })`) goes out with
// every call of that wrapper, not only the key's. It is safe only when the wrapper itself sends to HubSpot, or when
// every caller can be seen and each passes a keyed HubSpot URL; otherwise the token would reach other hosts (or
// calls that sent no key would start sending one).
import { ts, hasModifier, unwrap, getProp, propValue, referencesOf, propName, isValueReference, declarationOfName } from './ast.js';
import { exportNamesOf, cjsExportPath } from './exports.js';
import { evalString, hostAndPath, isHubSpotHost } from './url.js';

/** Why the header cannot go into the function around `call` (null when it may): `wrapper-shared`. */
export function wrapperHeaderProblem(call: ts.CallExpression, sitePos: number): string | null {
  if (sendsToHubSpot(innerUrl(call))) return null;
  const fn = wrapperAround(call, sitePos);
  if (!fn || !call.arguments.some((a) => usesParameterOf(a, fn, 0))) return null;
  const callers = callersOf(fn);
  if (!callers) return 'wrapper-shared';
  // each caller must send a keyed HubSpot URL: an unkeyed call (another host, or HubSpot without a key) would change
  return callers.every((c) => c.arguments.some((a) => keyedArgument(a, c, sitePos, 0))) ? null : 'wrapper-shared';
}

/**
 * The argument is a keyed HubSpot URL, or the unchanged parameter of a wrapper around the call (`const run = (u) =>
 * limiter.schedule(() => load(u))`) whose every caller passes one there in turn.
 */
function keyedArgument(a: ts.Expression, call: ts.CallExpression, sitePos: number, depth: number): boolean {
  if (sendsKeyToHubSpot(a)) return true;
  const id = unwrap(a);
  if (depth >= 4 || !ts.isIdentifier(id)) return false;
  const outer = wrapperAround(call, sitePos);
  const decl = declarationOfName(id.text, id);
  if (!outer || !decl || !ts.isParameter(decl) || decl.parent !== outer || !ts.isIdentifier(decl.name) || decl.dotDotDotToken) return false;
  if (reassigned(decl.name.text, outer, decl)) return false;
  const index = outer.parameters.indexOf(decl);
  const callers = callersOf(outer);
  return !!callers && callers.length > 0 && callers.every((c) => !!c.arguments[index] && keyedArgument(c.arguments[index], c, sitePos, depth + 1));
}

/** Whether the parameter is assigned anywhere in its function (`u = other`, `u += '&x'`). */
function reassigned(name: string, fn: ts.FunctionLikeDeclaration, decl: ts.ParameterDeclaration): boolean {
  return referencesOf(name, fn, decl).some((r) => {
    const p = r.parent;
    return (ts.isBinaryExpression(p) && p.left === r && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment)
      || ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && p.operand === r);
  });
}

/** The URL a request call names itself: its first argument, or the `url`/`uri` of a config object. */
function innerUrl(call: ts.CallExpression): ts.Expression | undefined {
  const a0 = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (a0 && ts.isObjectLiteralExpression(a0)) return propValue(getProp(a0, 'url') ?? getProp(a0, 'uri'));
  return a0;
}

function sendsToHubSpot(e: ts.Expression | undefined): boolean {
  return !!e && isHubSpotHost(hostAndPath(evalString(e)).host);
}

function sendsKeyToHubSpot(e: ts.Expression): boolean {
  const url = evalString(e);
  return isHubSpotHost(hostAndPath(url).host) && /[?&]hapikey=/i.test(url);
}

/** Whether `e` reads a parameter of `fn`, directly or through a local variable of `fn` (the caller then decides where it goes). */
function usesParameterOf(e: ts.Node, fn: ts.FunctionLikeDeclaration, depth: number): boolean {
  if (depth > 8) return true;
  if (ts.isIdentifier(e) && (isValueReference(e) || ts.isShorthandPropertyAssignment(e.parent))) {
    const d = declarationOfName(e.text, e.parent);
    if (d && (ts.isParameter(d) || ts.isBindingElement(d)) && isInside(d, fn)) return true;
    if (d && ts.isVariableDeclaration(d) && isInside(d, fn) && d !== e.parent) return !d.initializer || usesParameterOf(d.initializer, fn, depth + 1);
  }
  return !!ts.forEachChild(e, (c) => usesParameterOf(c, fn, depth) || undefined);
}

function isInside(n: ts.Node, fn: ts.Node): boolean {
  return n.pos >= fn.pos && n.end <= fn.end;
}

/** The named function the call sits in, when it is not the key's own (callbacks passed inline belong to their caller). */
function wrapperAround(call: ts.Node, sitePos: number): ts.FunctionLikeDeclaration | null {
  for (let p: ts.Node | undefined = call.parent; p; p = p.parent) {
    if (!ts.isFunctionLike(p)) continue;
    if (p.pos <= sitePos && sitePos < p.end) return null;
    const inline = (ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && (ts.isCallExpression(p.parent) || ts.isParenthesizedExpression(p.parent));
    if (inline) continue;
    return p as ts.FunctionLikeDeclaration;
  }
  return null;
}

/** Every call of `fn` in its file, or null when it is used otherwise (exported, passed as a value, a public method of an exported class). */
function callersOf(fn: ts.FunctionLikeDeclaration): ts.CallExpression[] | null {
  const sf = fn.getSourceFile();
  if (ts.isFunctionDeclaration(fn) && fn.name) return callsOfName(fn.name.text, fn, fn.parent, sf);
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) {
    const decl = fn.parent;
    const scope = decl.parent?.parent?.parent;
    return scope ? callsOfName((decl.name as ts.Identifier).text, decl, scope, sf) : null;
  }
  if (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent)) {
    const name = propName(fn.name);
    if (!name || hasModifier(fn, ts.SyntaxKind.StaticKeyword)) return null;
    const isPrivate = ts.isPrivateIdentifier(fn.name) || hasModifier(fn, ts.SyntaxKind.PrivateKeyword);
    if (!isPrivate && classLeavesFile(fn.parent, sf)) return null;
    return memberCalls(name, sf);
  }
  return null;
}

function callsOfName(name: string, decl: ts.Node, scope: ts.Node, sf: ts.SourceFile): ts.CallExpression[] | null {
  if (exportNamesOf(sf, name).length || hasModifier(decl, ts.SyntaxKind.ExportKeyword)) return null;
  const out: ts.CallExpression[] = [];
  for (const ref of referencesOf(name, scope, decl)) {
    const p = ref.parent;
    if (!ts.isCallExpression(p) || unwrap(p.expression) !== ref) return null;
    out.push(p);
  }
  return out;
}

/** Calls `x.name(…)` anywhere in the file; any other use of `.name` (a value taken, a call through another name) gives null. */
function memberCalls(name: string, sf: ts.SourceFile): ts.CallExpression[] | null {
  const out: ts.CallExpression[] = [];
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if ((ts.isPropertyAccessExpression(n) && n.name.text === name) || (ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression) && n.argumentExpression.text === name)) {
      let top: ts.Node = n;
      while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
      if (ts.isCallExpression(top.parent) && top.parent.expression === top) out.push(top.parent);
      else other = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return other ? null : out;
}

/** A class other files can reach: exported by declaration, by name, or through module.exports / exports.x. */
function classLeavesFile(cls: ts.ClassLikeDeclaration, sf: ts.SourceFile): boolean {
  if (hasModifier(cls, ts.SyntaxKind.ExportKeyword)) return true;
  const name = cls.name?.text ?? (ts.isVariableDeclaration(cls.parent) && ts.isIdentifier(cls.parent.name) ? cls.parent.name.text : null);
  if (!name) return true;
  if (exportNamesOf(sf, name).length) return true;
  let leaves = false;
  const visit = (n: ts.Node): void => {
    if (leaves) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && cjsExportPath(n.left) !== null && mentions(n.right, name)) leaves = true;
    if (ts.isExportAssignment(n) && mentions(n.expression, name)) leaves = true;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return leaves;
}

function mentions(e: ts.Node, name: string): boolean {
  if (ts.isIdentifier(e) && e.text === name) return true;
  return !!ts.forEachChild(e, (c) => mentions(c, name) || undefined);
}

// `options = { … }; return options;` with no `let`/`const`/`var` in scope: sloppy-mode code creates a global. For
// following the value it is a variable like any other: its reads in this file are where the value goes. A read in
// another function that assigns the name first reads its own value; any other read elsewhere may see this value or
// another one, and is reported as such.
import { ts, enclosingScope, referencesOf, walk } from './ast.js';
import type { Bindings } from './imports.js';

export interface GlobalReads {
  /** Reads that see the assigned value (the assigning function's own, and those of functions that do not assign first). */
  reads: ts.Identifier[];
  /** Reads in other functions that may see this value or another (the name is global). */
  elsewhere: ts.Identifier[];
}

/** For `name = value` where no declaration of `name` is in scope (nor an import): its reads; null when it is declared. */
export function implicitGlobalReads(assign: ts.BinaryExpression, bindings: Bindings): GlobalReads | null {
  const left = assign.left;
  if (!ts.isIdentifier(left) || bindings.has(left.text) || declaredAt(left)) return null;
  const name = left.text;
  const own = functionOf(assign);
  const reads: ts.Identifier[] = [];
  const elsewhere: ts.Identifier[] = [];
  for (const ref of referencesOf(name, left.getSourceFile(), assign)) {
    if (ref === left || isAssignmentTarget(ref)) continue;
    const fn = functionOf(ref);
    if (fn === own || isInside(ref, own)) reads.push(ref);
    else if (!assignsBefore(fn, name, ref)) elsewhere.push(ref);
  }
  return { reads, elsewhere };
}

/** Is a declaration of `id`'s name in scope where `id` is (parameters, const/let/var/function/class, hoisted `var`)? */
function declaredAt(id: ts.Identifier): boolean {
  const name = id.text;
  let found = false;
  walk(id.getSourceFile(), (n) => {
    if (found) return;
    let scope: ts.Node | null = null;
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n)) && bindsName(n.name, name)) {
      if (ts.isParameter(n)) scope = n.parent;
      else if (ts.isVariableDeclaration(n) && ts.isVariableDeclarationList(n.parent) && !(n.parent.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) scope = functionOf(n);
      else scope = declarationScope(n);
    } else if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name?.text === name) {
      scope = enclosingScope(n);
    } else if ((ts.isImportClause(n) || ts.isNamespaceImport(n) || ts.isImportSpecifier(n) || ts.isImportEqualsDeclaration(n)) && n.name?.text === name) {
      scope = n.getSourceFile();
    }
    if (scope && isInside(id, scope)) found = true;
  });
  return found;
}

/** The scope a let/const (or a destructured name) belongs to: the nearest block, function or file. */
function declarationScope(n: ts.Node): ts.Node {
  let p: ts.Node | undefined = n.parent;
  while (p && !ts.isBlock(p) && !ts.isSourceFile(p) && !ts.isFunctionLike(p) && !ts.isForStatement(p) && !ts.isForOfStatement(p) && !ts.isForInStatement(p) && !ts.isCatchClause(p)) p = p.parent;
  return p ?? n.getSourceFile();
}

function bindsName(b: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(b)) return b.text === name;
  return b.elements.some((e) => !ts.isOmittedExpression(e) && bindsName(e.name, name));
}

/** The innermost function (or the file) around `n`. */
function functionOf(n: ts.Node): ts.Node {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return p;
  return n.getSourceFile();
}

function isInside(n: ts.Node, outer: ts.Node): boolean {
  return n.pos >= outer.pos && n.end <= outer.end;
}

function isAssignmentTarget(id: ts.Identifier): boolean {
  const p = id.parent;
  return ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/** Does `fn`'s body assign `name` unconditionally (a statement of its own block) before `ref`? */
function assignsBefore(fn: ts.Node, name: string, ref: ts.Node): boolean {
  const body = ts.isFunctionLike(fn) ? (fn as ts.FunctionLikeDeclaration).body : ts.isSourceFile(fn) ? fn : undefined;
  if (!body || !(ts.isBlock(body) || ts.isSourceFile(body))) return false;
  return body.statements.some((s) => s.end <= ref.pos && ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression)
    && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(s.expression.left) && s.expression.left.text === name);
}

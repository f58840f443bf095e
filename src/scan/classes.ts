// Class inheritance, as the receiver analysis sees it: a client held by a class (an instance member, or a method or
// getter that returns it) is held by every subclass too (`class B extends A`, in this file or, through an export,
// in another) and by every instance (`new B()`). The path of such a class value starts with a marker:
// `#instance` (a member the constructor or a field sets: `this.x`) or `#proto` (a method or getter: `this.m`, also
// `super.m`), then the member's name.
import { ts, propName, walk } from './ast.js';

export const INSTANCE = '#instance';
export const PROTO = '#proto';

/** Is this path step a class-value marker? */
export function isClassMarker(step: string | undefined): boolean {
  return step === INSTANCE || step === PROTO;
}

/** The class that `extends` the expression `n` (`class B extends n`), or null. */
export function subclassOf(n: ts.Node): ts.ClassLikeDeclaration | null {
  const p = n.parent;
  if (!p || !ts.isExpressionWithTypeArguments(p) || p.expression !== n) return null;
  const clause = p.parent;
  if (!ts.isHeritageClause(clause) || clause.token !== ts.SyntaxKind.ExtendsKeyword) return null;
  return ts.isClassDeclaration(clause.parent) || ts.isClassExpression(clause.parent) ? clause.parent : null;
}

/**
 * Does `cls` replace the inherited `member` with its own? A method, accessor or field with an initializer does
 * (a bare field declaration, `hs: Client;`, only types it); so does a constructor assigning `this.member`.
 */
export function overrides(cls: ts.ClassLikeDeclaration, member: string): boolean {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && !m.initializer) continue;
    if (!ts.isConstructorDeclaration(m) && propName(m.name as ts.PropertyName | undefined) === member) return true;
    if (ts.isConstructorDeclaration(m) && m.body) {
      let assigns = false;
      walk(m.body, (n) => {
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)
          && n.left.expression.kind === ts.SyntaxKind.ThisKeyword && n.left.name.text === member) assigns = true;
      });
      if (assigns) return true;
    }
  }
  return false;
}

/** A class name used as a type (`x: Base`, `typeof Base`, `implements Base`): no value flows there. */
export function isTypePosition(id: ts.Node): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isTypeReferenceNode(p) || ts.isTypeQueryNode(p) || ts.isQualifiedName(p)) return true;
  if (ts.isExpressionWithTypeArguments(p) && ts.isHeritageClause(p.parent) && p.parent.token === ts.SyntaxKind.ImplementsKeyword) return true;
  return false;
}

// TypeScript mixins: `interface Wrapper extends A, B {}` merged with `class Wrapper`, and A's and B's members copied
// onto it at run time (`applyMixins(Wrapper, [A, B])`, `Object.assign(Wrapper.prototype, …)`). Inside A and B,
// `this.x` is then a Wrapper instance's `x`: a client the wrapper holds reaches the mixins' calls.
import { ts } from './ast.js';
import type { Bindings } from './imports.js';
import { isRelative } from './imports.js';
import { isTypePosition } from './classes.js';

export type Mixin =
  | { kind: 'local'; cls: ts.ClassDeclaration }
  | { kind: 'imported'; module: string; imported: string };

/**
 * The mixin classes of `cls` in its file: the types an interface of the same name extends, each also used as a
 * value in the file (the run-time copy names it). One of this file is returned as a class; one imported from a
 * module of the repository as that import.
 */
export function mixinsOf(cls: ts.ClassDeclaration, bindings: Bindings): Mixin[] {
  const sf = cls.getSourceFile();
  const name = cls.name?.text;
  if (!name) return [];
  const out: Mixin[] = [];
  for (const s of sf.statements) {
    if (!ts.isInterfaceDeclaration(s) || s.name.text !== name) continue;
    for (const clause of s.heritageClauses ?? []) {
      for (const t of clause.types) {
        if (!ts.isIdentifier(t.expression) || !usedAsValue(sf, t.expression.text)) continue;
        const mixin = t.expression.text;
        const local = sf.statements.find((c): c is ts.ClassDeclaration => ts.isClassDeclaration(c) && c.name?.text === mixin);
        if (local) { out.push({ kind: 'local', cls: local }); continue; }
        const b = bindings.get(mixin);
        if (b && isRelative(b.module)) out.push({ kind: 'imported', module: b.module, imported: b.imported });
      }
    }
  }
  return out;
}

/** Is `name` used as a value somewhere in `sf` (not only in types, heritage clauses, imports or its declaration)? */
function usedAsValue(sf: ts.SourceFile, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name && isValueUse(n)) { found = true; return; }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function isValueUse(id: ts.Identifier): boolean {
  const p = id.parent;
  if (isTypePosition(id)) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isExportSpecifier(p)) return false;
  if (ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p)) return false;
  if (ts.isExpressionWithTypeArguments(p) && ts.isHeritageClause(p.parent)) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  return true;
}

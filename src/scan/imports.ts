// What each local name of a file is bound to: `import`/`require` of which module.
import { ts, propName, unwrap, walk } from './ast.js';

export interface Binding {
  module: string;
  /** 'default', '*' (namespace / whole require), or the imported name. */
  imported: string;
}

export type Bindings = Map<string, Binding>;

function requireSpec(e: ts.Expression): string | null {
  e = unwrap(e);
  // require('x').default / require('x').Client
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require'
    && e.arguments.length === 1 && ts.isStringLiteral(e.arguments[0])) {
    return e.arguments[0].text;
  }
  return null;
}

function requireOf(e: ts.Expression): Binding | null {
  e = unwrap(e);
  // util.promisify(require('request')): the same function, called with the same arguments (less the callback)
  const promisified = promisifyArgument(e);
  if (promisified) return requireOf(promisified);
  const spec = requireSpec(e);
  if (spec) return { module: spec, imported: '*' };
  if (ts.isPropertyAccessExpression(e)) {
    const inner = requireSpec(e.expression);
    if (inner) return { module: inner, imported: e.name.text === 'default' ? 'default' : e.name.text };
  }
  // (await import('x')).default is rare: not handled.
  return null;
}

/** `x` in `util.promisify(x)`, `promisify(x)`, `require('util').promisify(x)`. */
function promisifyArgument(e: ts.Expression): ts.Expression | null {
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return null;
  const callee = unwrap(e.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return name === 'promisify' ? e.arguments[0] : null;
}

/**
 * Every binding of the file, plus `this.X = require(...)` class-field aliases (keyed `this.X`). The scan adds
 * members bound repository-wide, keyed `.X`.
 */
export function collectBindings(sf: ts.SourceFile): Bindings {
  const out: Bindings = new Map();
  walk(sf, (n) => {
    const k = n.kind;
    if (k !== ts.SyntaxKind.ImportDeclaration && k !== ts.SyntaxKind.ImportEqualsDeclaration && k !== ts.SyntaxKind.VariableDeclaration && k !== ts.SyntaxKind.BinaryExpression) return;
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && n.importClause) {
      const module = n.moduleSpecifier.text;
      const c = n.importClause;
      if (c.name) out.set(c.name.text, { module, imported: 'default' });
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.set(nb.name.text, { module, imported: '*' });
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) out.set(el.name.text, { module, imported: (el.propertyName ?? el.name).text });
      }
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) {
      out.set(n.name.text, { module: n.moduleReference.expression.text, imported: '*' });
    } else if (ts.isVariableDeclaration(n) && n.initializer) {
      const b = requireOf(n.initializer);
      if (b) {
        if (ts.isIdentifier(n.name)) out.set(n.name.text, b);
        else if (ts.isObjectBindingPattern(n.name)) {
          for (const el of n.name.elements) {
            if (!ts.isIdentifier(el.name)) continue;
            const imported = el.propertyName ? propName(el.propertyName as ts.PropertyName) : el.name.text;
            if (imported) out.set(el.name.text, { module: b.module, imported });
          }
        }
      }
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const b = requireOf(n.right);
      if (b && ts.isPropertyAccessExpression(n.left) && n.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
        out.set('this.' + n.left.name.text, b);
      }
    }
  });
  return out;
}

/** The module a relative specifier points to, as a repo-relative path without extension guessing. */
export function isRelative(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../');
}

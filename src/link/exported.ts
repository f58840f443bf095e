// The function (or class constructor) a file exports under a name: `export function f`, `export const f = () =>`,
// `export default class`, `module.exports = f`, `module.exports = { f }`, `exports.f = function …`.
import { ts, getProp, propValue, unwrap } from '../scan/ast.js';
import { cjsExportPath, exportNamesOf } from '../scan/exports.js';
import { isRelative } from '../scan/imports.js';
import type { ArgContext } from '../scan/object-type-args.js';
import type { Program } from './program.js';

type Fn = ts.FunctionLikeDeclaration;

/** The function the module exports as `name` ('*': `module.exports` itself; 'default'); for a class, its constructor. */
export function exportedFunction(sf: ts.SourceFile, name: string, member: string[]): Fn | null {
  // `ns.f(client)` on a namespace or whole-module import: the export is `f`
  if ((name === '*' || name === 'default') && member.length === 1) {
    const inner = exportedFunction(sf, member[0], []);
    if (inner) return inner;
  }
  const value = exportedValue(sf, name);
  if (!value) return null;
  if (member.length === 0) return asFunction(value);
  if (member.length === 1 && ts.isObjectLiteralExpression(value)) {
    const p = getProp(value, member[0]);
    if (p && ts.isMethodDeclaration(p)) return p;
    const v = propValue(p);
    return v ? asFunction(unwrap(v)) : null;
  }
  return null;
}

function asFunction(e: ts.Node): Fn | null {
  if (ts.isFunctionDeclaration(e) || ts.isFunctionExpression(e) || ts.isArrowFunction(e) || ts.isMethodDeclaration(e)) return e.body ? e : null;
  if (ts.isClassDeclaration(e) || ts.isClassExpression(e)) {
    return e.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body) ?? null;
  }
  if (ts.isIdentifier(e)) return localDeclaration(e);
  return null;
}

function localDeclaration(id: ts.Identifier): Fn | null {
  const sf = id.getSourceFile();
  for (const s of sf.statements) {
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === id.text) return asFunction(s);
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer) return asFunction(unwrap(d.initializer));
      }
    }
  }
  return null;
}

/** The node a module exports under `name`. */
function exportedValue(sf: ts.SourceFile, name: string): ts.Node | null {
  for (const s of sf.statements) {
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name && exportNamesOf(sf, s.name.text).includes(name)) return s;
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && !s.name && name === 'default'
      && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return s;
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && exportNamesOf(sf, d.name.text).includes(name)) return unwrap(d.initializer);
      }
    }
    if (ts.isExportAssignment(s) && name === 'default') return unwrap(s.expression);
    if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const right = unwrap(s.expression.right);
      const rest = cjsExportPath(s.expression.left);
      if (!rest) continue;
      if (rest.length === 0 && (name === '*' || name === 'default')) return right;
      if (rest.length === 0 && ts.isObjectLiteralExpression(right)) {
        const v = propValue(getProp(right, name)) ?? (getProp(right, name) && ts.isMethodDeclaration(getProp(right, name)!) ? getProp(right, name)! : undefined);
        if (v) return ts.isIdentifier(v) ? localValue(v) ?? v : v;
      }
      if (rest.length === 1 && rest[0] === name) return ts.isIdentifier(right) ? localValue(right) ?? right : right;
    }
  }
  return null;
}

function localValue(id: ts.Identifier): ts.Node | null {
  return localDeclaration(id) ?? null;
}

/**
 * For the calls of `file`: the function a callee names when it is imported from another module of the repository
 * (`helper(x)` with `const { helper } = require('./helpers')`, `helpers.helper(x)` with a whole-module import).
 */
export function importedFunctions(program: Program, file: string): ArgContext {
  return {
    importedFunction(callee: ts.Expression): Fn | null {
      const pf = program.parsed(file);
      const c = unwrap(callee);
      const id = ts.isIdentifier(c) ? c : ts.isPropertyAccessExpression(c) && ts.isIdentifier(unwrap(c.expression)) ? (unwrap(c.expression) as ts.Identifier) : null;
      const b = id && pf?.bindings.get(id.text);
      if (!b || !isRelative(b.module)) return null;
      const target = program.resolve(file, b.module);
      const tf = target ? program.parsed(target) : null;
      if (!tf) return null;
      if (id === c) return exportedFunction(tf.sf, b.imported, []);
      return b.imported === '*' || b.imported === 'default' ? exportedFunction(tf.sf, b.imported, [(c as ts.PropertyAccessExpression).name.text]) : null;
    },
  };
}

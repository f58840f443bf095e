// The names a top-level local of a file is exported under, in both module systems.
import { ts, propName, unwrap } from './ast.js';
import { cjsExportPath, exportNamesOf } from './exports.js';

/** The names a top-level local is exported under: ESM, and CommonJS `module.exports = X`, `= { X }`, `exports.y = X`. */
export function exportedAs(sf: ts.SourceFile, local: string): string[] {
  const names = [...exportNamesOf(sf, local)];
  for (const s of sf.statements) {
    if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression) || s.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const rest = cjsExportPath(s.expression.left);
    const right = unwrap(s.expression.right);
    if (!rest || rest.length > 1) continue;
    if (ts.isIdentifier(right) && right.text === local) names.push(rest.length ? rest[0] : '*');
    else if (rest.length === 0 && ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === local) names.push(p.name.text);
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(unwrap(p.initializer)) && (unwrap(p.initializer) as ts.Identifier).text === local) names.push(propName(p.name) ?? '');
      }
    }
  }
  return [...new Set(names.filter(Boolean))];
}

// What a file exports by name: the declarations that carry `export` and `export { a as b }` lists. (Assignments to
// `module.exports`/`exports.x` and `export default <expression>` are values in flow and are followed where they are.)
import { ts } from './ast.js';

const cache = new WeakMap<ts.SourceFile, Map<string, string[]>>();

/** The names under which the file exports its local `local` (`export const local`, `export { local as x }`). */
export function exportNamesOf(sf: ts.SourceFile, local: string): string[] {
  let m = cache.get(sf);
  if (!m) {
    m = collect(sf);
    cache.set(sf, m);
  }
  return m.get(local) ?? [];
}

function collect(sf: ts.SourceFile): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (local: string, name: string): void => {
    const list = m.get(local) ?? [];
    if (!list.includes(name)) list.push(name);
    m.set(local, list);
  };
  for (const s of sf.statements) {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((x) => x.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((x) => x.kind === ts.SyntaxKind.DefaultKeyword);
    if (exported && ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, d.name.text);
    }
    if (exported && (ts.isClassDeclaration(s) || ts.isFunctionDeclaration(s)) && s.name) add(s.name.text, isDefault ? 'default' : s.name.text);
    if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const el of s.exportClause.elements) add((el.propertyName ?? el.name).text, el.name.text);
    }
  }
  return m;
}

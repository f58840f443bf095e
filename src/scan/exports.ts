// What a file exports by name: the declarations that carry `export` and `export { a as b }` lists. (Assignments to
// `module.exports`/`exports.x` and `export default <expression>` are values in flow and are followed where they are.)
import { ts, hasModifier, chainOf } from './ast.js';

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
    const exported = hasModifier(s, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(s, ts.SyntaxKind.DefaultKeyword);
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

/** What a CommonJS export assignment's left side names after `module.exports` / `exports`: `[]`, `['x']`, …; null when it is no export. */
export function cjsExportPath(left: ts.Expression): string[] | null {
  const chain = chainOf(left);
  if (!chain) return null;
  return chain[0] === 'module' && chain[1] === 'exports' ? chain.slice(2) : chain[0] === 'exports' ? chain.slice(1) : null;
}

/** `module.exports` → '*' (the module object itself), `module.exports.x` / `exports.x` → 'x'; anything else null. */
export function cjsExportName(left: ts.Expression): string | null {
  const rest = cjsExportPath(left);
  if (!rest || rest.length > 1) return null;
  return rest.length ? rest[0] : '*';
}

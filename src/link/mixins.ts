// A class mixed into a class that holds a client (scan/mixins.ts) and imported from another module: find the class
// (through `export *` / `export { X } from` re-exports) and follow `this.member` inside it.
import { ts } from '../scan/ast.js';
import { exportNamesOf } from '../scan/exports.js';
import { memberReferences, usesOfValue, type Escape, type ReceiverUses } from '../scan/receivers.js';
import type { Program } from './program.js';

const MAX_REEXPORTS = 8;

/** The uses of the value `this.member` holds inside the mixin class `escape.imported` of `escape.module`. */
export function followMixin(program: Program, file: string, escape: Extract<Escape, { kind: 'mixin' }>): Array<{ file: string; uses: ReceiverUses }> {
  const target = program.resolve(file, escape.module);
  const found = target ? exportedClass(program, target, escape.imported, 0) : null;
  if (!found) return [];
  const pf = program.parsed(found.file)!;
  const uses: ReceiverUses = { calls: [], escapes: [], lost: [] };
  for (const ref of memberReferences(found.cls, 'this', escape.member)) {
    const u = usesOfValue(ref, pf.bindings, escape.path);
    uses.calls.push(...u.calls);
    uses.escapes.push(...u.escapes);
    uses.lost.push(...u.lost);
  }
  return [{ file: found.file, uses }];
}

/** The class `file` exports as `name`, declared there or re-exported from another module. */
function exportedClass(program: Program, file: string, name: string, depth: number): { file: string; cls: ts.ClassDeclaration } | null {
  const pf = program.parsed(file);
  if (!pf || depth > MAX_REEXPORTS) return null;
  for (const s of pf.sf.statements) {
    if (!ts.isClassDeclaration(s)) continue;
    if (s.name && exportNamesOf(pf.sf, s.name.text).includes(name)) return { file, cls: s };
    if (name === 'default' && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return { file, cls: s };
  }
  for (const s of pf.sf.statements) {
    if (!ts.isExportDeclaration(s) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier) || s.isTypeOnly) continue;
    let inner: string | null = null;
    if (!s.exportClause) inner = name;
    else if (ts.isNamedExports(s.exportClause)) {
      const el = s.exportClause.elements.find((e) => e.name.text === name);
      if (el) inner = (el.propertyName ?? el.name).text;
    }
    if (inner === null || (inner === 'default' && !s.exportClause)) continue;
    const next = program.resolve(file, s.moduleSpecifier.text);
    const hit = next ? exportedClass(program, next, inner, depth + 1) : null;
    if (hit) return hit;
  }
  return null;
}

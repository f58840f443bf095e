// Constant strings that other modules of the repository export, read where an importer uses them:
// `module.exports = { hubspot: { base: 'https://api.hubapi.com', keyParam: 'hapikey' } }` seen from
// `const cfg = require('./config').hubspot` as `cfg.base` (a URL) or `[cfg.keyParam]` (a query-parameter name).
// The run gives the scan a resolver (RepoFacts.moduleValue); `evalString` asks it through a per-file registry, so
// every URL and name the scan evaluates sees those values without a parameter threaded through every call.
import { ts, constInitializer, declarationOf, getProp, propValue, unwrap } from './ast.js';
import { cjsExportPath, exportNamesOf } from './exports.js';

/** What an expression names in another module: `require('./config').a.b` → `{ spec: './config', path: ['a', 'b'] }`. */
export interface ImportPath {
  spec: string;
  /** Property names below the module object (ESM: the export name first; `default` for a default import). */
  path: string[];
}

/** The string at `path` of module `spec` (seen from the file being scanned), or null when it is not a known constant. */
export type ModuleLookup = (spec: string, path: string[]) => string | null;

const registry = new WeakMap<ts.SourceFile, ModuleLookup>();

/** Let evaluations in `sf` read constants of the modules it imports. */
export function registerModuleValues(sf: ts.SourceFile, lookup: ModuleLookup): void {
  registry.set(sf, lookup);
}

/** The function at `path` of module `spec` (seen from the file being evaluated), or null. */
export type FunctionLookup = (spec: string, path: string[]) => ts.FunctionLikeDeclaration | null;

const functionRegistry = new WeakMap<ts.SourceFile, FunctionLookup>();

/** Let evaluations in `sf` call functions of the modules it imports (URL builders: `hsUrl('/owners/v2/owners')`). */
export function registerModuleFunctions(sf: ts.SourceFile, lookup: FunctionLookup): void {
  functionRegistry.set(sf, lookup);
}

/** The function of another module that the callee `e` names, or null (no registry for its file, not an import, unknown). */
export function importedFunction(e: ts.Expression): ts.FunctionLikeDeclaration | null {
  const lookup = functionRegistry.get(e.getSourceFile());
  if (!lookup) return null;
  const ip = importPathOf(e);
  return ip && ip.path.length > 0 ? lookup(ip.spec, ip.path) : null;
}

/** The constant string `e` reads from another module, or null (no registry for its file, not an import, unknown). */
export function importedString(e: ts.Expression): string | null {
  const lookup = registry.get(e.getSourceFile());
  if (!lookup) return null;
  const ip = importPathOf(e);
  return ip && (ip.path.length > 0) ? lookup(ip.spec, ip.path) : null;
}

const MAX_DEPTH = 8;

/** Where `e` points in an imported module: through `const` aliases, destructuring, `require()` and ESM imports. */
export function importPathOf(e: ts.Expression, depth = 0): ImportPath | null {
  if (depth > MAX_DEPTH) return null;
  e = unwrap(e);
  if (ts.isPropertyAccessExpression(e)) {
    const inner = importPathOf(e.expression, depth + 1);
    return inner ? { spec: inner.spec, path: [...inner.path, e.name.text] } : null;
  }
  if (ts.isElementAccessExpression(e) && (ts.isStringLiteral(e.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(e.argumentExpression))) {
    const inner = importPathOf(e.expression, depth + 1);
    return inner ? { spec: inner.spec, path: [...inner.path, e.argumentExpression.text] } : null;
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require' && e.arguments.length === 1) {
    const a = unwrap(e.arguments[0]);
    return ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a) ? { spec: a.text, path: [] } : null;
  }
  if (!ts.isIdentifier(e)) return null;
  const decl = declarationOf(e);
  if (decl && ts.isVariableDeclaration(decl)) {
    const init = constInitializer(e);
    return init ? importPathOf(init, depth + 1) : null;
  }
  // const { hubspot } = require('./config') / const { hubspot: { keyParam } } = require('./config')
  if (decl && ts.isBindingElement(decl)) return bindingPath(decl, depth + 1);
  if (decl) return null;
  return esmImport(e);
}

function bindingPath(el: ts.BindingElement, depth: number): ImportPath | null {
  if (depth > MAX_DEPTH || el.dotDotDotToken || !ts.isObjectBindingPattern(el.parent)) return null;
  const key = el.propertyName ? propertyNameText(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : null;
  if (!key) return null;
  const owner = el.parent.parent;
  let inner: ImportPath | null = null;
  if (ts.isBindingElement(owner)) inner = bindingPath(owner, depth + 1);
  else if (ts.isVariableDeclaration(owner)) {
    const list = owner.parent;
    if (owner.initializer && ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const) inner = importPathOf(owner.initializer, depth + 1);
  }
  return inner ? { spec: inner.spec, path: [...inner.path, key] } : null;
}

function propertyNameText(n: ts.PropertyName): string | null {
  return ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : null;
}

/** `import cfg from './config'` → ['default'], `import * as cfg` → [], `import { hubspot as h }` → ['hubspot']. */
function esmImport(id: ts.Identifier): ImportPath | null {
  return esmImportsOf(id.getSourceFile()).get(id.text) ?? null;
}

const esmImports = new WeakMap<ts.SourceFile, Map<string, ImportPath>>();

/** Every name the file's ESM imports bind, with what it names (built once per file: the first import of a name wins). */
function esmImportsOf(sf: ts.SourceFile): Map<string, ImportPath> {
  let m = esmImports.get(sf);
  if (m) return m;
  m = new Map();
  const add = (name: string, ip: ImportPath): void => { if (!m!.has(name)) m!.set(name, ip); };
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !s.importClause || !ts.isStringLiteral(s.moduleSpecifier) || s.importClause.isTypeOnly) continue;
    const spec = s.moduleSpecifier.text;
    const c = s.importClause;
    if (c.name) add(c.name.text, { spec, path: ['default'] });
    const nb = c.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) add(nb.name.text, { spec, path: [] });
    if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) add(el.name.text, { spec, path: [(el.propertyName ?? el.name).text] });
  }
  esmImports.set(sf, m);
  return m;
}

/**
 * The expression module `sf` exports at `path` (walking object literals and local constants), or null. A CommonJS
 * module object read through a default import (`import cfg from './config.js'`) counts as its default export.
 */
export function exportedExpression(sf: ts.SourceFile, path: readonly string[]): ts.Expression | null {
  const n = exportedNode(sf, path);
  return n && !ts.isMethodDeclaration(n) ? n : null;
}

/** As `exportedExpression`, and a method of an exported object literal (`module.exports = { call(options) { … } }`). */
export function exportedNode(sf: ts.SourceFile, path: readonly string[]): ts.Expression | ts.MethodDeclaration | null {
  if (!path.length) return null;
  const esm = esmExport(sf, path[0]);
  if (esm) return walkPath(esm, path.slice(1));
  const cjs = path[0] === 'default' ? path.slice(1) : path;
  if (!cjs.length) return null;
  let found: ts.Expression | ts.MethodDeclaration | null = null;
  for (const s of sf.statements) {
    if (!ts.isExpressionStatement(s)) continue;
    const x = s.expression;
    if (!ts.isBinaryExpression(x) || x.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const rest = cjsExportPath(x.left);
    if (!rest) continue;
    // the last assignment that covers the path wins (`module.exports = {…}` then `module.exports.a = …`)
    const n = Math.min(rest.length, cjs.length);
    if (rest.slice(0, n).some((seg, i) => seg !== cjs[i])) continue;
    if (rest.length > cjs.length) return null; // a deeper assignment changes what the path holds
    const v = walkPath(x.right, cjs.slice(rest.length));
    found = v;
  }
  return found;
}

function esmExport(sf: ts.SourceFile, name: string): ts.Expression | null {
  for (const s of sf.statements) {
    if (name === 'default' && ts.isExportAssignment(s) && !s.isExportEquals) return s.expression;
    if (!ts.isVariableStatement(s) || !(s.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of s.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && exportNamesOf(sf, d.name.text).includes(name)) return d.initializer;
    }
  }
  return null;
}

function walkPath(start: ts.Expression, path: readonly string[]): ts.Expression | ts.MethodDeclaration | null {
  let cur: ts.Expression | null = unwrap(start);
  for (let i = 0; i < path.length; i++) {
    cur = cur ? resolved(cur) : null;
    if (!cur || !ts.isObjectLiteralExpression(cur)) return null;
    // a spread could override the property: only a literal without spreads after it is trusted
    const p = getProp(cur, path[i]);
    if (!p) return null;
    const at = cur.properties.indexOf(p);
    if (cur.properties.some((q, k) => k > at && (ts.isSpreadAssignment(q) || (q.name && ts.isComputedPropertyName(q.name))))) return null;
    if (ts.isMethodDeclaration(p)) return i === path.length - 1 ? p : null;
    const v = propValue(p);
    cur = v ? unwrap(v) : null;
  }
  return cur ? resolved(cur) : null;
}

/** Through local constants: `const hubspot = { … }; module.exports = { hubspot }`. */
function resolved(e: ts.Expression): ts.Expression {
  let cur = unwrap(e);
  for (let i = 0; i < 6 && ts.isIdentifier(cur); i++) {
    const init = constInitializer(cur);
    if (!init) break;
    cur = init;
  }
  return cur;
}

/** The function a module exports at `path`: an exported function declaration, arrow or function expression, or method. */
export function exportedFunction(sf: ts.SourceFile, path: readonly string[]): ts.FunctionLikeDeclaration | null {
  if (path.length === 1) {
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st) && st.name && st.body && exportNamesOf(sf, st.name.text).includes(path[0])) return st;
    }
  }
  const n = exportedNode(sf, path);
  if (!n) return null;
  if (ts.isMethodDeclaration(n)) return n;
  const u = unwrap(n);
  if (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) return u;
  if (ts.isIdentifier(u)) {
    const d = declarationOf(u);
    if (d && ts.isFunctionDeclaration(d) && d.body) return d;
  }
  return null;
}

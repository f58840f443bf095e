// Small helpers over TypeScript's syntax tree (the TypeScript that ts-morph bundles; no type checker).
import ts from './typescript.cjs';
import type { Language } from '../model/site.js';

export { ts };

export function parse(fileName: string, text: string, language: Language): ts.SourceFile {
  const kind =
    language === 'ts' ? ts.ScriptKind.TS
    : language === 'tsx' ? ts.ScriptKind.TSX
    : language === 'jsx' ? ts.ScriptKind.JSX
    : ts.ScriptKind.JS;
  // JSX in .js files is common (Create React App): parse .js as JSX so it recovers.
  const k = kind === ts.ScriptKind.JS ? ts.ScriptKind.JSX : kind;
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, k);
}

export function parseDiagnostics(sf: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** A file's nodes in walk order (parents before children, in source order) with each node's depth. */
interface NodeOrder {
  nodes: ts.Node[];
  depth: number[];
}

/** Built once per parsed file: a scan walks the same file many times (hits, bindings, update places, styles…). */
const orders = new WeakMap<ts.SourceFile, NodeOrder>();

function orderOf(sf: ts.SourceFile): NodeOrder {
  let order = orders.get(sf);
  if (order) return order;
  const nodes: ts.Node[] = [];
  const depth: number[] = [];
  const stack: ts.Node[] = [sf];
  const depths: number[] = [0];
  const kids: ts.Node[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    const d = depths.pop()!;
    nodes.push(n);
    depth.push(d);
    kids.length = 0;
    ts.forEachChild(n, (c) => { kids.push(c); });
    for (let i = kids.length - 1; i >= 0; i--) { stack.push(kids[i]); depths.push(d + 1); }
  }
  order = { nodes, depth };
  orders.set(sf, order);
  return order;
}

/** Where `n` is in its file's walk order, or -1 (a node of no parsed file, or inside JSDoc, which walks skip). */
function indexInOrder(order: NodeOrder, n: ts.Node): number {
  const { nodes } = order;
  // nodes are in non-decreasing `pos` order: find the first at n.pos, then the node itself among those that share it
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (nodes[mid].pos < n.pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < nodes.length && nodes[i].pos === n.pos; i++) if (nodes[i] === n) return i;
  return -1;
}

/**
 * Visit `root` and every node below it, parents before children, in source order. The file's nodes are listed
 * once (with an explicit stack, so code nested thousands of levels deep, which TypeScript parses, does not
 * overflow the call stack) and every later walk of that file or of a subtree reads the list.
 */
export function walk(root: ts.Node, visit: (n: ts.Node) => void): void {
  const sf = ts.isSourceFile(root) ? root : root.parent ? root.getSourceFile() : undefined;
  const order = sf ? orderOf(sf) : undefined;
  const start = order ? (root === sf ? 0 : indexInOrder(order, root)) : -1;
  if (order && start >= 0) {
    const { nodes, depth } = order;
    const d = depth[start];
    visit(nodes[start]);
    for (let i = start + 1; i < nodes.length && depth[i] > d; i++) visit(nodes[i]);
    return;
  }
  const stack: ts.Node[] = [root];
  const kids: ts.Node[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    visit(n);
    kids.length = 0;
    ts.forEachChild(n, (c) => { kids.push(c); });
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** Strip parentheses, `await`, type assertions and non-null assertions. */
export function unwrap(e: ts.Expression): ts.Expression {
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isNonNullExpression(e)
      || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e)) {
      e = e.expression;
    } else return e;
  }
}

/** The parent, skipping the wrappers `unwrap` strips. */
export function outerParent(n: ts.Node): { node: ts.Node; parent: ts.Node } {
  let node = n;
  let parent = n.parent;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent) || ts.isNonNullExpression(parent)
    || ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isSatisfiesExpression(parent))) {
    node = parent;
    parent = parent.parent;
  }
  return { node, parent };
}

/** Name of a property name node (`a`, `'a'`, `"a"`), or null for computed names. */
export function propName(name: ts.PropertyName | ts.MemberName | undefined): string | null {
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}

/** A property of an object literal by name. */
export function getProp(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p)) && propName(p.name) === name);
}

export function propValue(p: ts.ObjectLiteralElementLike | undefined): ts.Expression | undefined {
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** `a.b.c(...)` → ['a','b','c']; element access with a dynamic key gives '[]'; `this` gives 'this'. */
export function chainOf(e: ts.Expression): string[] | null {
  e = unwrap(e);
  if (ts.isIdentifier(e)) return [e.text];
  if (e.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(e)) {
    const left = chainOf(e.expression);
    return left ? [...left, e.name.text] : null;
  }
  if (ts.isElementAccessExpression(e)) {
    const left = chainOf(e.expression);
    if (!left) return null;
    const arg = e.argumentExpression;
    return [...left, ts.isStringLiteral(arg) ? arg.text : '[]'];
  }
  return null;
}

const lineStarts = new WeakMap<ts.SourceFile, number[]>();

/**
 * 1-based line and column of an offset, counting lines the way git, editors and SARIF viewers do: only `\n` ends a
 * line (TypeScript's own line map also breaks at U+2028, U+2029 and a lone CR, which would shift later sites).
 */
export function lineCol(sf: ts.SourceFile, pos: number): { line: number; column: number } {
  let starts = lineStarts.get(sf);
  if (!starts) {
    starts = [0];
    const t = sf.text;
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(sf, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: pos - starts[lo] + 1 };
}

/** The innermost function-like or source file that contains `n` (a scope for `const`/`let` lookups is approximated by it). */
export function enclosingScope(n: ts.Node): ts.Node {
  let p: ts.Node | undefined = n.parent;
  while (p) {
    if (ts.isSourceFile(p) || ts.isFunctionLike(p) || ts.isBlock(p) || ts.isModuleBlock(p)) return p;
    p = p.parent;
  }
  return n.getSourceFile();
}

/** Whether `n` carries the modifier `kind` (`export`, `default`, `static`, `private`, …). */
export function hasModifier(n: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === kind);
}

/** True when the identifier is used as a value (not a property name, not a declaration name). */
export function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p)) && p.name === id) return false;
  if (ts.isVariableDeclaration(p) && p.name === id) return false;
  if ((ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassDeclaration(p) || ts.isParameter(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && (p.name === id || p.propertyName === id)) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isExportSpecifier(p)) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (ts.isJsxAttribute(p)) return false;
  return true;
}

/** Per scope node: every value-reference identifier, by name (built once, so many lookups stay linear). */
const referenceIndex = new WeakMap<ts.Node, Map<string, ts.Identifier[]>>();

function indexOf(scope: ts.Node): Map<string, ts.Identifier[]> {
  let index = referenceIndex.get(scope);
  if (index) return index;
  index = new Map();
  const m = index;
  walk(scope, (n) => {
    if (ts.isIdentifier(n) && isValueReference(n)) {
      const list = m.get(n.text);
      if (list) list.push(n);
      else m.set(n.text, [n]);
    }
  });
  referenceIndex.set(scope, index);
  return index;
}

/** Value references to the variable `name` declared by `decl` inside `scope` (shadowing by inner declarations of the same name is honoured). */
export function referencesOf(name: string, scope: ts.Node, decl: ts.Node): ts.Identifier[] {
  return (indexOf(scope).get(name) ?? []).filter((ref) => {
    for (let p: ts.Node | undefined = ref.parent; p && p !== scope; p = p.parent) {
      if (p !== decl && declaresName(p, name) && !containsNode(p, decl)) return false;
    }
    return true;
  });
}

function containsNode(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** Does this function/block declare `name` itself (parameter or block-level const/let/var/function)? */
function declaresName(n: ts.Node, name: string): boolean {
  if (ts.isFunctionLike(n)) {
    return n.parameters.some((p) => bindsName(p.name, name));
  }
  if (ts.isBlock(n)) {
    return n.statements.some((s) =>
      (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => bindsName(d.name, name)))
      || (ts.isFunctionDeclaration(s) && s.name?.text === name));
  }
  return false;
}

function bindsName(b: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(b)) return b.text === name;
  return b.elements.some((e) => !ts.isOmittedExpression(e) && bindsName(e.name, name));
}

/** Find the declaration of identifier `id` by walking outwards through scopes. */
export function declarationOf(id: ts.Identifier): ts.VariableDeclaration | ts.ParameterDeclaration | ts.FunctionDeclaration | ts.BindingElement | null {
  return declarationOfName(id.text, id.parent);
}

/** The declaration `name` refers to where `from` is (walking outwards through scopes); null for imports and globals. */
export function declarationOfName(name: string, from: ts.Node | undefined): ts.VariableDeclaration | ts.ParameterDeclaration | ts.FunctionDeclaration | ts.BindingElement | null {
  let scope: ts.Node | undefined = from;
  while (scope) {
    if (ts.isFunctionLike(scope)) {
      for (const p of scope.parameters) {
        const found = findBinding(p, p.name, name);
        if (found) return found as ts.ParameterDeclaration | ts.BindingElement;
      }
    }
    if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      const found = statementNames(scope).get(name);
      if (found) return found as ts.VariableDeclaration | ts.BindingElement | ts.FunctionDeclaration;
    }
    if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
      for (const d of scope.initializer.declarations) {
        const found = findBinding(d, d.name, name);
        if (found) return found as ts.VariableDeclaration | ts.BindingElement;
      }
    }
    scope = scope.parent;
  }
  return null;
}

/** Per statement list: the names its variable statements and function declarations bind (the first one wins), built once. */
const scopeNames = new WeakMap<ts.Node, Map<string, ts.Node>>();

function statementNames(scope: ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause): Map<string, ts.Node> {
  let m = scopeNames.get(scope);
  if (m) return m;
  m = new Map();
  for (const s of scope.statements) {
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) bindNames(d, d.name, m);
    else if (ts.isFunctionDeclaration(s) && s.name && !m.has(s.name.text)) m.set(s.name.text, s);
  }
  scopeNames.set(scope, m);
  return m;
}

function bindNames(owner: ts.Node, b: ts.BindingName, m: Map<string, ts.Node>): void {
  if (ts.isIdentifier(b)) {
    if (!m.has(b.text)) m.set(b.text, owner);
    return;
  }
  for (const e of b.elements) {
    if (ts.isOmittedExpression(e)) continue;
    if (ts.isIdentifier(e.name)) { if (!m.has(e.name.text)) m.set(e.name.text, e); } else bindNames(e, e.name, m);
  }
}

function findBinding(owner: ts.Node, b: ts.BindingName, name: string): ts.Node | null {
  if (ts.isIdentifier(b)) return b.text === name ? owner : null;
  for (const e of b.elements) {
    if (ts.isOmittedExpression(e)) continue;
    if (ts.isIdentifier(e.name) && e.name.text === name) return e;
    const inner = findBinding(e, e.name, name);
    if (inner) return inner;
  }
  return null;
}

/** The initializer of a `const x = …` (or `let`/`var` never reassigned in the file), unwrapped. */
export function constInitializer(id: ts.Identifier): ts.Expression | null {
  const d = declarationOf(id);
  if (!d || !ts.isVariableDeclaration(d) || !d.initializer || !ts.isIdentifier(d.name)) return null;
  const list = d.parent;
  if (ts.isVariableDeclarationList(list) && !(list.flags & ts.NodeFlags.Const)) {
    if (isReassigned(d.name.text, enclosingScope(d))) return null;
  }
  return unwrap(d.initializer);
}

/** Per scope: the plain names assigned with `=` somewhere inside it. */
const reassigned = new WeakMap<ts.Node, Set<string>>();

function isReassigned(name: string, scope: ts.Node): boolean {
  let names = reassigned.get(scope);
  if (!names) {
    const found = new Set<string>();
    walk(scope, (n) => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left)) found.add(n.left.text);
    });
    reassigned.set(scope, found);
    names = found;
  }
  return names.has(name);
}

/** What an expression holds through `const` variables (up to 6 of them): `KEY` → `process.env.HUBSPOT_API_KEY`. */
export function constValue(e: ts.Expression): ts.Expression {
  let cur = unwrap(e);
  for (let i = 0; i < 6 && ts.isIdentifier(cur); i++) {
    const init = constInitializer(cur);
    if (!init) break;
    cur = init;
  }
  return cur;
}

/** 1-based line of a node's start, counted as `lineCol` counts. */
export function lineOf(n: ts.Node): number {
  const sf = n.getSourceFile();
  return lineCol(sf, n.getStart(sf)).line;
}

export function isStringLike(n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n);
}

/** Source text of a node. */
export function textOf(n: ts.Node): string {
  return n.getText();
}

/** The statement that contains `n`. */
export function statementOf(n: ts.Node): ts.Statement | null {
  let p: ts.Node | undefined = n;
  while (p && !ts.isSourceFile(p)) {
    if (ts.isStatement(p) && p.parent && (ts.isBlock(p.parent) || ts.isSourceFile(p.parent) || ts.isModuleBlock(p.parent) || ts.isCaseClause(p.parent) || ts.isDefaultClause(p.parent))) return p;
    p = p.parent;
  }
  return null;
}

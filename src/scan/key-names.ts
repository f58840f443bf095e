// The query-parameter name `hapikey` held somewhere else than at its use: `const KEY_PARAM = 'hapikey'`, a config
// module's `apiKeyField: 'hapikey'`. Where it is used as a computed key (`params: { [cfg.apiKeyField]: key }`), as
// the name argument of `params.append(NAME, key)`, or between `?`/`&` and `=` in a URL (`${base}?${NAME}=${key}`),
// that use sends the key just as a literal `hapikey` would. The name is evaluated with the scan's own constant
// evaluation, which reads other modules' exported constants (module-values.ts).
import { ts, outerParent, unwrap, walk } from './ast.js';
import { piecesOf } from './query-string.js';
import { evalString } from './url.js';

export const KEY_NAMES: ReadonlySet<string> = new Set(['hapikey', 'hapiKey', 'HAPIKEY', 'hapi_key']);

/** The key parameter name an expression evaluates to (a literal, a constant, another module's constant), or null. */
export function keyNameOf(e: ts.Expression): string | null {
  const u = unwrap(e);
  if (!(ts.isIdentifier(u) || ts.isPropertyAccessExpression(u) || ts.isElementAccessExpression(u) || ts.isStringLiteral(u) || ts.isNoSubstitutionTemplateLiteral(u))) return null;
  const s = evalString(u);
  return KEY_NAMES.has(s) ? s : null;
}

/**
 * In a URL expression (a template or a `+` chain, the outermost one), the expressions that stand for the parameter
 * name: preceded by text ending in `?` or `&` and followed by text starting with `=`.
 */
export function keyNamesInUrl(top: ts.Expression, sf: ts.SourceFile): ts.Expression[] {
  if (!hasEqualsPiece(top)) return [];
  const pieces = piecesOf(top, sf);
  const out: ts.Expression[] = [];
  for (let i = 1; i + 1 < pieces.length; i++) {
    const p = pieces[i];
    const prev = pieces[i - 1];
    const next = pieces[i + 1];
    if (p.kind !== 'expr' || prev.kind !== 'text' || next.kind !== 'text') continue;
    if (!/[?&]$/.test(prev.raw) || !next.raw.startsWith('=')) continue;
    if (keyNameOf(p.node)) out.push(p.node);
  }
  return out;
}

/** A cheap look before `piecesOf`: some literal piece of the URL starts with `=` (most templates have none). */
function hasEqualsPiece(e: ts.Expression): boolean {
  for (let n: ts.Expression = e; ;) {
    n = ts.isParenthesizedExpression(n) ? n.expression : n;
    if (ts.isTemplateExpression(n)) return n.templateSpans.some((s) => s.literal.text.startsWith('='));
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.PlusToken) return false;
    const r = ts.isParenthesizedExpression(n.right) ? n.right.expression : n.right;
    if ((ts.isStringLiteral(r) || ts.isNoSubstitutionTemplateLiteral(r)) && r.text.startsWith('=')) return true;
    if (ts.isTemplateExpression(r) && (r.head.text.startsWith('=') || hasEqualsPiece(r))) return true;
    n = n.left;
  }
}

const QUOTED_NAME = /(['"`])(hapikey|hapiKey|HAPIKEY|hapi_key)\1/;
const EXPORTS = /\bmodule\.exports\b|\bexports\.|\bexport\s/;

/**
 * Whether the file exports a constant holding the parameter name (`module.exports = { hubspot: { keyParam:
 * 'hapikey' } }`, `export const KEY_PARAM = 'hapikey'`): then files that import it may use the name without ever
 * spelling it, and the run scans them too. A text test first; the tree only when it passes.
 */
export function exportsKeyName(sf: ts.SourceFile): boolean {
  if (!QUOTED_NAME.test(sf.text) || !EXPORTS.test(sf.text)) return false;
  let found = false;
  walk(sf, (n) => {
    if (found || !(ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) || !KEY_NAMES.has(n.text)) return;
    const { node, parent } = outerParent(n);
    if (ts.isVariableDeclaration(parent) && parent.initializer === node) found = true;
    else if (ts.isPropertyAssignment(parent) && parent.initializer === node && ts.isObjectLiteralExpression(parent.parent)) found = true;
    else if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) found = true;
  });
  return found;
}

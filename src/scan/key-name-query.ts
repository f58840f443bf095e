// `${base}?${KEY_PARAM}=${key}` / `url + '?' + KEY_PARAM + '=' + key`: the parameter name is an expression (a
// constant held elsewhere). Where the key's value is and the edits that take `NAME=value` out of the URL with its
// separator, for the shapes that can be edited safely; anything else is an error code (the site stays manual).
import type { TextEdit } from '../model/edit.js';
import { ts } from './ast.js';
import type { Piece } from './query-string.js';

export interface NameQuery {
  valueExpr: ts.Expression | null;
  edits: TextEdit[] | null;
  error?: string;
}

type Text = Extract<Piece, { kind: 'text' }>;

/** `pieces[at]` is the name expression, `pieces[at - 1]` text ending in `?`/`&`, `pieces[at + 1]` text starting with `=`. */
export function analyseNameQuery(pieces: Piece[], at: number): NameQuery {
  const prev = pieces[at - 1] as Text;
  const eq = pieces[at + 1] as Text;
  const name = (pieces[at] as Extract<Piece, { kind: 'expr' }>).node;
  const value = pieces[at + 2];
  const after = pieces[at + 3];
  // a literal value (`?${NAME}=abc`) or nothing after `=`: not a shape worth editing by machine
  if (eq.raw !== '=' || !value || value.kind !== 'expr') return { valueExpr: null, edits: null, error: 'unrecognised-url' };
  const out: NameQuery = { valueExpr: value.node, edits: null };
  if (after !== undefined && after.kind !== 'text') return { ...out, error: 'dynamic-query-after-key' };
  const sepPos = prev.rawStart + prev.raw.length - 1;
  const ends = after === undefined || ((after.raw === '' || after.raw.startsWith('#')) && endsAt(pieces, at + 3));
  const template = prev.quote === '`' && eq.quote === '`' && (after === undefined || after.quote === '`');
  if (template) {
    // every piece belongs to one template: `…?${NAME}=${value}…`
    const tpl = name.parent?.parent;
    if (!tpl || value.node.parent?.parent !== tpl || !ts.isTemplateExpression(tpl) || !after) return { ...out, error: 'complex-concatenation' };
    if (after.raw.startsWith('&')) return { ...out, edits: [{ start: prev.rawStart + prev.raw.length, end: after.rawStart + 1, text: '' }] };
    if (ends) return { ...out, edits: [{ start: sepPos, end: after.rawStart, text: '' }] };
    return { ...out, error: 'dynamic-query-after-key' };
  }
  if ([prev, eq, after].some((p) => p !== undefined && p.quote === '`')) return { ...out, error: 'complex-concatenation' };
  // `… + '?' + NAME + '=' + value [+ '&…']`: consecutive operands of one `+` chain
  const chain = [prev.node, name, eq.node, value.node, ...(after ? [after.node] : [])];
  if (!consecutive(chain)) return { ...out, error: 'complex-concatenation' };
  if (after && after.raw.startsWith('&')) {
    if (after.quote !== prev.quote) return { ...out, error: 'mixed-quotes' };
    // `'…?' + NAME + '=' + value + '&limit=1'` → `'…?limit=1'`: the two literals merge
    return { ...out, edits: [{ start: sepPos + 1, end: after.rawStart + 1, text: '' }] };
  }
  if (!ends) return { ...out, error: 'dynamic-query-after-key' };
  const closing = prev.rawStart + prev.raw.length + 1;
  if (prev.raw.length === 1) {
    // the literal held only the separator: drop ` + '?' + NAME + '=' + value` whole
    const p = prev.node.parent;
    if (!p || !ts.isBinaryExpression(p) || p.right !== prev.node) return { ...out, error: 'complex-concatenation' };
    return { ...out, edits: [{ start: p.left.end, end: value.node.end, text: '' }] };
  }
  return { ...out, edits: [{ start: sepPos, end: sepPos + 1, text: '' }, { start: closing, end: value.node.end, text: '' }] };
}

/** No more pieces after index `i`, or only empty/`#` text. */
function endsAt(pieces: Piece[], i: number): boolean {
  for (let k = i + 1; k < pieces.length; k++) {
    const p = pieces[k];
    if (p.kind === 'expr' || (p.raw !== '' && !p.raw.startsWith('#'))) return false;
  }
  return true;
}

/** The nodes are consecutive right operands of one left-associative `+` chain (no parentheses between them). */
function consecutive(nodes: ts.Node[]): boolean {
  for (let i = 1; i < nodes.length; i++) {
    const p = nodes[i].parent;
    if (!p || !ts.isBinaryExpression(p) || p.operatorToken.kind !== ts.SyntaxKind.PlusToken || p.right !== nodes[i]) return false;
    const before = nodes[i - 1];
    const bp = before.parent;
    const ok = p.left === before || (bp !== undefined && p.left === bp && ts.isBinaryExpression(bp) && bp.right === before);
    if (!ok) return false;
  }
  return true;
}

// `?hapikey=…` inside a URL built from template literals or string concatenation: where the key is, and
// the edits that take it out while keeping the other query parameters and separators right.
import type { TextEdit } from '../model/edit.js';
import { ts, unwrap } from './ast.js';

export type Piece =
  | { kind: 'text'; node: ts.Node; raw: string; rawStart: number; quote: string }
  | { kind: 'expr'; node: ts.Expression };

/** The outermost `+`/template expression that contains the string piece `n`. */
export function urlExpressionOf(n: ts.Node): ts.Expression {
  let top: ts.Node = n;
  if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
    top = ts.isTemplateHead(n) ? n.parent : n.parent.parent; // TemplateExpression
  }
  for (;;) {
    const p = top.parent;
    if (!p) break;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) { top = p; continue; }
    if (ts.isParenthesizedExpression(p) && p.parent && ts.isBinaryExpression(p.parent) && p.parent.operatorToken.kind === ts.SyntaxKind.PlusToken) { top = p; continue; }
    break;
  }
  return top as ts.Expression;
}

/** Flatten a URL expression into literal text pieces and expression pieces, in source order. */
export function piecesOf(e: ts.Expression, sf: ts.SourceFile): Piece[] {
  const u = e;
  if (ts.isParenthesizedExpression(u)) return piecesOf(u.expression, sf);
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...piecesOf(u.left, sf), ...piecesOf(u.right, sf)];
  }
  if (ts.isStringLiteral(u) || ts.isNoSubstitutionTemplateLiteral(u)) {
    const src = u.getText(sf);
    return [{ kind: 'text', node: u, raw: src.slice(1, -1), rawStart: u.getStart(sf) + 1, quote: src[0] }];
  }
  if (ts.isTemplateExpression(u)) {
    const out: Piece[] = [];
    const head = u.head;
    const hs = head.getText(sf); // `…${
    out.push({ kind: 'text', node: head, raw: hs.slice(1, -2), rawStart: head.getStart(sf) + 1, quote: '`' });
    for (const span of u.templateSpans) {
      out.push({ kind: 'expr', node: span.expression });
      const lit = span.literal;
      const ls = lit.getText(sf); // }…${ or }…`
      const raw = ts.isTemplateTail(lit) ? ls.slice(1, -1) : ls.slice(1, -2);
      out.push({ kind: 'text', node: lit, raw, rawStart: lit.getStart(sf) + 1, quote: '`' });
    }
    return out;
  }
  return [{ kind: 'expr', node: unwrap(u) }];
}

export interface QueryKey {
  /** Offset of `hapikey` in the source. */
  pos: number;
  /** The parameter name as written (`hapikey`, `hapiKey`, …). */
  name: string;
  /** The key's expression, or null when the value is literal text (`literal`). */
  valueExpr: ts.Expression | null;
  literal: string | null;
  edits: TextEdit[] | null;
  error?: string;
}

const PARAM = /(^|[?&])(hapikey)=/i;

/** Find the `hapikey=` parameter in `pieces` (the one inside piece `at`) and plan its removal. */
export function analyseQueryKey(pieces: Piece[], at: number): QueryKey | null {
  const p = pieces[at];
  if (p.kind !== 'text') return null;
  const m = PARAM.exec(p.raw);
  if (!m) return null;
  const nameIdx = m.index + m[1].length;
  const name = m[2];
  const pos = p.rawStart + nameIdx;
  const valueStart = nameIdx + name.length + 1;
  const restOfPiece = p.raw.slice(valueStart);
  const litMatch = /^[^&#]*/.exec(restOfPiece)![0];
  // separator before the parameter
  let sepPos: number | null = null;
  if (nameIdx > 0) sepPos = p.rawStart + nameIdx - 1;
  else {
    const prev = pieces[at - 1];
    if (prev && prev.kind === 'text' && /[?&]$/.test(prev.raw) && prev.quote === p.quote && prev.node === p.node) sepPos = prev.rawStart + prev.raw.length - 1;
  }
  const sepChar = sepPos === null ? null : (nameIdx > 0 ? p.raw[nameIdx - 1] : '?');
  const result: QueryKey = { pos, name, valueExpr: null, literal: null, edits: null };

  if (litMatch.length > 0 || valueStart < p.raw.length) {
    // literal value inside this piece
    result.literal = litMatch;
    const after = restOfPiece.slice(litMatch.length);
    const valueEnd = p.rawStart + valueStart + litMatch.length;
    if (after.startsWith('&')) {
      result.edits = [{ start: pos, end: valueEnd + 1, text: '' }];
      return result;
    }
    if (after.length > 0 || isEndOfUrl(pieces, at)) {
      if (sepPos === null) return { ...result, error: 'no-separator' };
      result.edits = [{ start: sepPos, end: valueEnd, text: '' }];
      if (sepChar === '?' && after.startsWith('#')) result.edits = [{ start: sepPos, end: valueEnd, text: '' }];
      return result;
    }
    return { ...result, error: 'dynamic-query-after-key' };
  }
  // value is the next piece, an expression
  const v = pieces[at + 1];
  if (!v || v.kind !== 'expr') return { ...result, error: 'no-key-value' };
  result.valueExpr = v.node;
  const q = pieces[at + 2];
  const textAfter = q && q.kind === 'text' ? q : null;
  if (textAfter && textAfter.raw.startsWith('&')) {
    const sameString = p.quote === textAfter.quote && (p.quote === '`' ? sameTemplate(p.node, textAfter.node) : true);
    if (!sameString) return { ...result, error: 'mixed-quotes' };
    if (p.quote !== '`' && !adjacentConcat(p.node, v.node, textAfter.node)) return { ...result, error: 'complex-concatenation' };
    result.edits = [{ start: pos, end: textAfter.rawStart + 1, text: '' }];
    return result;
  }
  const ends = (textAfter && (textAfter.raw === '' || textAfter.raw.startsWith('#')) && isEndOfUrl(pieces, at + 2)) || (!q);
  if (!ends) return { ...result, error: 'dynamic-query-after-key' };
  if (sepPos === null) return { ...result, error: 'no-separator' };
  if (p.quote === '`') {
    // `…?hapikey=${k}` → `…`
    result.edits = [{ start: sepPos, end: (textAfter ?? v).node.getStart() + 1, text: '' }];
    if (!textAfter) return { ...result, error: 'no-template-tail' };
    return result;
  }
  // '…?hapikey=' + k  (k last operand) → '…'
  if (!q && p.node.parent && ts.isBinaryExpression(p.node.parent)) {
    const closingQuote = p.rawStart + p.raw.length;
    if (sepPos === p.rawStart) {
      // the literal held only `?hapikey=`: drop ` + '?hapikey=' + k` whole
      const prevEnd = previousOperandEnd(p.node);
      if (prevEnd === null) return { ...result, error: 'complex-concatenation' };
      result.edits = [{ start: prevEnd, end: v.node.end, text: '' }];
      return result;
    }
    if (!adjacentConcat(p.node, v.node, null)) return { ...result, error: 'complex-concatenation' };
    result.edits = [
      { start: sepPos, end: closingQuote, text: '' },
      { start: closingQuote + 1, end: v.node.end, text: '' },
    ];
    return result;
  }
  return { ...result, error: 'complex-concatenation' };
}

function sameTemplate(a: ts.Node, b: ts.Node): boolean {
  return a.parent === b.parent || a.parent === b.parent?.parent || a.parent?.parent === b.parent?.parent;
}

/** `'…' + v + '…'` where the three are consecutive operands of one `+` chain (no parentheses between). */
function adjacentConcat(a: ts.Node, v: ts.Node, b: ts.Node | null): boolean {
  const vp = v.parent;
  if (!vp || !ts.isBinaryExpression(vp) || vp.right !== v) return false;
  const left = vp.left;
  const aOk = left === a || (ts.isBinaryExpression(left) && left.right === a);
  if (!aOk) return false;
  if (!b) return true;
  const bp = b.parent;
  return !!bp && ts.isBinaryExpression(bp) && bp.right === b && bp.left === vp;
}

function previousOperandEnd(lit: ts.Node): number | null {
  const p = lit.parent;
  if (!p || !ts.isBinaryExpression(p) || p.right !== lit) return null;
  return p.left.end;
}

/** No more pieces after index `i`, or only empty/`#` text. */
function isEndOfUrl(pieces: Piece[], i: number): boolean {
  for (let k = i + 1; k < pieces.length; k++) {
    const p = pieces[k];
    if (p.kind === 'expr') return false;
    if (p.raw !== '' && !p.raw.startsWith('#')) return false;
  }
  return true;
}

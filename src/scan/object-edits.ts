// Text edits on object literals: add a property, remove one, keeping the literal's own layout.
import type { TextEdit } from '../model/edit.js';
import { ts, constValue, getProp, propValue, unwrap } from './ast.js';
import type { Style } from './style.js';

function lineStart(text: string, pos: number): number {
  const i = text.lastIndexOf('\n', pos - 1);
  return i + 1;
}

/** The whitespace that starts the line holding `pos`. */
export function indentationAt(text: string, pos: number): string {
  const s = lineStart(text, pos);
  return /^[ \t]*/.exec(text.slice(s))![0];
}

function isMultiline(obj: ts.ObjectLiteralExpression, sf: ts.SourceFile): boolean {
  const open = sf.getLineAndCharacterOfPosition(obj.getStart(sf)).line;
  const close = sf.getLineAndCharacterOfPosition(obj.end).line;
  return open !== close;
}

/** Insert `propText` (e.g. `Authorization: …`) as the last property of `obj`. */
export function addProperty(obj: ts.ObjectLiteralExpression, propText: string, style: Style): TextEdit {
  const sf = obj.getSourceFile();
  const text = sf.text;
  const props = obj.properties;
  if (props.length === 0) {
    const start = obj.getStart(sf) + 1;
    const end = obj.end - 1;
    const inner = text.slice(start, end);
    if (inner.includes('\n')) {
      const indent = indentationAt(text, obj.end - 1);
      return { start, end, text: style.eol + indent + style.indentUnit + propText + style.eol + indent };
    }
    return { start, end, text: ` ${propText} ` };
  }
  const last = props[props.length - 1];
  const trailing = props.hasTrailingComma;
  const commaEnd = trailing ? text.indexOf(',', last.end) + 1 : last.end;
  if (isMultiline(obj, sf) && lineOf(sf, last.getStart(sf)) !== lineOf(sf, obj.getStart(sf))) {
    const indent = indentationAt(text, last.getStart(sf));
    return trailing
      ? { start: commaEnd, end: commaEnd, text: style.eol + indent + propText + ',' }
      : { start: last.end, end: last.end, text: ',' + style.eol + indent + propText };
  }
  return trailing
    ? { start: commaEnd, end: commaEnd, text: ' ' + propText + ',' }
    : { start: last.end, end: last.end, text: ', ' + propText };
}

function lineOf(sf: ts.SourceFile, pos: number): number {
  return sf.getLineAndCharacterOfPosition(pos).line;
}

/** Remove property `prop` from `obj` with its comma; whole lines when it stands on its own lines. */
export function removeProperty(obj: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike): TextEdit {
  const sf = obj.getSourceFile();
  const text = sf.text;
  const props = obj.properties;
  const i = props.indexOf(prop);
  const start = prop.getStart(sf);
  const isLast = i === props.length - 1;
  const ownLine = text.slice(lineStart(text, start), start).trim() === '';
  if (ownLine && props.length > 1) {
    // end of the property including its comma and the rest of the line
    let end = prop.end;
    const after = /^[ \t]*,?[ \t]*(\/\/[^\r\n]*)?/.exec(text.slice(end))![0];
    if (after.includes('//')) {
      // keep a trailing comment: just remove the property and its comma
      const comma = /^[ \t]*,/.exec(text.slice(end));
      return { start, end: end + (comma ? comma[0].length : 0), text: '' };
    }
    end += after.length;
    if (isLast && !props.hasTrailingComma) {
      // `a: 1,\n  hapikey: k\n}` → `a: 1\n}`: drop the previous comma instead of leaving a new trailing one
      const prev = props[i - 1];
      return { start: prev.end, end: prop.end, text: '' };
    }
    const nl = /^\r?\n/.exec(text.slice(end));
    if (nl) end += nl[0].length;
    return { start: lineStart(text, start), end, text: '' };
  }
  if (props.length === 1) {
    return { start: obj.getStart(sf) + 1, end: obj.end - 1, text: '' };
  }
  if (!isLast) return { start, end: props[i + 1].getStart(sf), text: '' };
  const prev = props[i - 1];
  return { start: prev.end, end: prop.end, text: '' };
}

/**
 * Edits that make `obj` send `Authorization: <value>` in its `headers`. `defaults` starts a new `headers` object
 * (headers a request helper sets itself, which options with their own `headers` would otherwise drop).
 */
export function addAuthorizationHeader(obj: ts.ObjectLiteralExpression, bearer: string, style: Style, defaults = ''): TextEdit | { error: string } {
  // a spread may carry `headers` of its own: the header added here would replace them, or be replaced by them
  if (obj.properties.some((p) => ts.isSpreadAssignment(p) && !isHeaderFreeObject(p.expression))) return { error: 'options-spread-headers' };
  const headers = getProp(obj, 'headers');
  const auth = `Authorization: ${bearer}`;
  if (!headers) return addProperty(obj, `headers: { ${defaults}${auth} }`, style);
  const v = propValue(headers);
  if (!v) return { error: 'headers-not-literal' };
  const hv = unwrap(v);
  if (ts.isObjectLiteralExpression(hv)) {
    if (hv.properties.some((p) => p.name && /^authorization$/i.test(p.name.getText().replace(/['"]/g, '')))) {
      return { error: 'authorization-header-exists' };
    }
    return addProperty(hv, auth, style);
  }
  // `headers: h` is spread only when `h` is known to be a plain object: a `Headers` instance, a Map or any class
  // spreads to nothing, and every other header (and the request's meaning) would be lost
  if (!isPlainObjectValue(ts.isShorthandPropertyAssignment(headers) ? headers.name : hv)) return { error: 'headers-not-plain-object' };
  if (ts.isShorthandPropertyAssignment(headers) || ts.isIdentifier(hv) || ts.isPropertyAccessExpression(hv)) {
    const expr = hv.getText();
    if (ts.isShorthandPropertyAssignment(headers)) {
      return { start: headers.getStart(), end: headers.end, text: `headers: { ...${expr}, ${auth} }` };
    }
    return { start: v.getStart(), end: v.end, text: `{ ...${expr}, ${auth} }` };
  }
  return { error: 'headers-not-literal' };
}

/** True when `e` is an object literal, directly or through `const` variables. */
function isPlainObjectValue(e: ts.Expression): boolean {
  return ts.isObjectLiteralExpression(constValue(e));
}

/** True when `e` is (through `const`s) an object literal that sets no `headers` and spreads nothing. */
export function isHeaderFreeObject(e: ts.Expression): boolean {
  const cur = constValue(e);
  return ts.isObjectLiteralExpression(cur) && !getProp(cur, 'headers') && !cur.properties.some((p) => ts.isSpreadAssignment(p));
}

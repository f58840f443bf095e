// Shared helpers of the client-map extractors (scripts/build-client-maps.mjs).
import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';

export { ts };

export const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function parse(file, text = readFileSync(file, 'utf8')) {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
}

export function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (c) => walk(c, visit));
}

const OBJECT_TYPE_PARAMS = new Map([
  ['objecttype', '{objectType}'],
  ['fromobjecttype', '{fromObjectType}'],
  ['toobjecttype', '{toObjectType}'],
  ['objecttypeid', '{objectType}'],
  ['fromobjecttypeid', '{fromObjectType}'],
  ['toobjecttypeid', '{toObjectType}'],
]);

/**
 * Which argument of a generated method fills each object-type placeholder of its path, read from the path's
 * `.replace('{' + 'toObjectType' + '}', encodeURIComponent(String(toObjectType)))` chain and the method's
 * parameter list: `{ '{toObjectType}': 1 }`. Only object-type placeholders (the ones that change scopes).
 */
export function objectTypeArgs(pathExpr, method) {
  const params = method.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : null));
  const out = {};
  let e = pathExpr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  // 3.x–5.x: `this.basePath + '/crm/v3/objects/{objectType}'.replace(…)`
  while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) e = e.right;
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'replace') {
    const [what, by] = e.arguments;
    const name = what && concatenated(what)?.replace(/^\{|\}$/g, '');
    const placeholder = name && OBJECT_TYPE_PARAMS.get(name.toLowerCase());
    const variable = by && innermostIdentifier(by);
    const at = variable ? params.indexOf(variable) : -1;
    if (placeholder && at >= 0 && !(placeholder in out)) out[placeholder] = at;
    e = e.expression.expression;
  }
  return out;
}

/** `'{' + 'x' + '}'` → `{x}`; null when not literal. */
function concatenated(e) {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = concatenated(e.left);
    const b = concatenated(e.right);
    return a === null || b === null ? null : a + b;
  }
  return null;
}

/** `encodeURIComponent(String(x))` → `x`. */
function innermostIdentifier(e) {
  while (ts.isCallExpression(e) && e.arguments.length === 1) e = e.arguments[0];
  return ts.isIdentifier(e) ? e.text : null;
}

/** `{contactId}` → `{}`; object-type parameters keep their name. */
export function placeholders(path) {
  return path.replace(/\{([^}]*)\}/g, (_, name) => OBJECT_TYPE_PARAMS.get(name.toLowerCase()) ?? '{}');
}

export function cleanPath(path) {
  let p = path.replace(/^https?:\/\/[^/]+/, '');
  p = p.replace(/\?.*$/, '');
  p = p.replace(/^\{\}(?=\/)/, ''); // `${client.baseUrl}/…`
  p = p.replace(/([^/{}])\{\}$/, '$1'); // `…/upload${queryPart}`
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return placeholders(p);
}

export function addEndpoint(chains, chain, method, path) {
  const list = (chains[chain] ??= []);
  if (!list.some((e) => e[0] === method && e[1] === path)) list.push([method, path]);
}


export function relative(base, file) {
  return file.startsWith(base) ? file.slice(base.length + 1) : file;
}

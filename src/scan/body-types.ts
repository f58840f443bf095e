// The object types a request's body associates it with, where the scopes follow them (engagements v1:
// `associations: { contactIds: [], companyIds: [id] }` → companies). Which keys matter is the catalog's
// (bodyTypeKeys); this file only reads the body: an array literal with no element names no object, any other value
// does; a body that cannot be read statically gives nothing (the rule's default choice stands).
import type { HttpMethod } from '../model/site.js';
import { bodyTypeKeys } from '../scopes/index.js';
import { definitionTypes, takesDefinitionInBody } from '../scopes/association-definitions.js';
import { normalisePath } from '../scopes/normalise.js';
import { ts, constInitializer, getProp, propValue, unwrap } from './ast.js';
import type { RequestCall } from './clients.js';

/** The object types `req`'s body associates, for the scopes of `method path`; undefined when that says nothing. */
export function bodyObjectTypes(req: RequestCall, method: HttpMethod | null, path: string | null): string[] | undefined {
  return objectTypesOfBody(requestBody(req), method, path);
}

/** The same for a body expression (an SDK's `apiRequest({ path, body })`). */
export function objectTypesOfBody(bodyExpr: ts.Expression | undefined, method: HttpMethod | null, path: string | null): string[] | undefined {
  // CRM associations v1: `definitionId: 1` names the two objects, in order (from, to)
  if (path && takesDefinitionInBody(method, normalisePath(path))) {
    const body = objectOf(bodyExpr);
    const id = body ? valueAt(body, ['definitionId']) : undefined;
    const types = id && ts.isNumericLiteral(id) ? definitionTypes(Number(id.text)) : null;
    return types ? [...types] : undefined;
  }
  const keys = bodyTypeKeys(method, path);
  if (!keys) return undefined;
  const body = objectOf(bodyExpr);
  if (!body) return undefined;
  const types = new Set<string>();
  for (const [keyPath, type] of Object.entries(keys)) {
    const v = valueAt(body, keyPath.split('.'));
    if (v && !(ts.isArrayLiteralExpression(v) && v.elements.length === 0)) types.add(type);
  }
  return types.size ? [...types].sort() : undefined;
}

/** The body a request sends: axios verbs' data argument, or the options' body / json / data / form. */
function requestBody(req: RequestCall): ts.Expression | undefined {
  const args = req.call.arguments;
  if (req.client === 'axios' && !req.configForm && req.optionsIndex === 2) return args[1];
  const opts = objectOf(req.optionsIndex >= 0 ? args[req.optionsIndex] : undefined);
  if (!opts) return undefined;
  for (const name of ['body', 'json', 'data', 'form']) {
    const v = propValue(getProp(opts, name));
    if (v && !(v.kind === ts.SyntaxKind.TrueKeyword)) return v;
  }
  return undefined;
}

function valueAt(obj: ts.ObjectLiteralExpression, keys: string[]): ts.Expression | undefined {
  let cur: ts.ObjectLiteralExpression | undefined = obj;
  for (let i = 0; i < keys.length; i++) {
    const v = cur && propValue(getProp(cur, keys[i]));
    if (!v) return undefined;
    if (i === keys.length - 1) return unwrap(v);
    cur = objectOf(v);
  }
  return undefined;
}

/** An object literal, through consts and `JSON.stringify(…)`. */
function objectOf(e: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  let u = e ? unwrap(e) : undefined;
  for (let i = 0; i < 4 && u; i++) {
    if (ts.isObjectLiteralExpression(u)) return u;
    if (ts.isIdentifier(u)) u = constInitializer(u) ?? undefined;
    else if (ts.isCallExpression(u) && u.expression.getText() === 'JSON.stringify' && u.arguments[0]) u = unwrap(u.arguments[0]);
    else return undefined;
  }
  return undefined;
}

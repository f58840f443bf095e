// The object type an SDK call names in its arguments (`associationsApi.getAll(id, 'company')`,
// `basicApi.create(toTypeId(name), …)` with `toTypeId = (n) => \`2-${n}\``): a literal fills the endpoint's
// `{toObjectType}`; an ID built as `2-…` or a `p_…` name is a custom object (HubSpot's object type IDs: 0-… standard
// objects, 2-… custom objects; `p_<name>` fully qualified custom object names). Anything else stays unknown.
import { ts, unwrap } from './ast.js';
import { evalString, resolveFunction, returnedExpression } from './url.js';

/** Where the link stage can find a function another module exports (the scan alone cannot). */
export interface ArgContext {
  importedFunction?(callee: ts.Expression): ts.FunctionLikeDeclaration | null;
}

export type TypeArg = { kind: 'literal'; text: string } | { kind: 'custom' };

/** What an object-type argument is known to be, or null. */
export function objectTypeArgument(e: ts.Expression | undefined, ctx: ArgContext = {}): TypeArg | null {
  if (!e) return null;
  const u = unwrap(e);
  // `['task']`: the generated code sends String(arg), which is the element itself
  if (ts.isArrayLiteralExpression(u) && u.elements.length === 1 && !ts.isSpreadElement(u.elements[0])) return objectTypeArgument(u.elements[0], ctx);
  let text = evalString(u);
  if (text === '{}' && ts.isCallExpression(u) && !resolveFunction(u.expression)) {
    const fn = ctx.importedFunction?.(u.expression);
    const body = fn ? returnedExpression(fn) : null;
    if (body) text = evalString(body);
  }
  if (!text || text === '{}') return null;
  // a name (`company`, `p_cars`, `LINE_ITEM`) or an object type ID (`0-3`, `2-1234`); not a number or a path
  if (!text.includes('{}')) return /^[A-Za-z][\w-]*$/.test(text) || /^\d+-\d+$/.test(text) ? { kind: 'literal', text } : null;
  return /^2-\{\}/.test(text) || /^p\d*_/i.test(text) ? { kind: 'custom' } : null;
}

/** The object type standing for a custom object in a path used for scope lookup (the catalog's `custom` type). */
const CUSTOM = 'custom';

/**
 * An endpoint path with its object-type placeholders filled from the call's arguments: `display` keeps a
 * placeholder unless the argument is a literal; `lookup` (for the scopes) also names a custom object as such.
 */
export function fillObjectTypes(
  path: string,
  placeholders: Readonly<Record<string, number>>,
  args: readonly ts.Expression[],
  ctx: ArgContext = {},
): { display: string; lookup: string } {
  let display = path;
  let lookup = path;
  for (const [placeholder, index] of Object.entries(placeholders)) {
    if (!path.includes(placeholder)) continue;
    const t = objectTypeArgument(args[index], ctx);
    if (!t) continue;
    if (t.kind === 'literal') {
      display = display.replace(placeholder, t.text);
      lookup = lookup.replace(placeholder, t.text);
    } else lookup = lookup.replace(placeholder, CUSTOM);
  }
  return { display, lookup };
}

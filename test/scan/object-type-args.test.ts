// The object type an SDK call's argument names: literals fill the path, a `2-…` ID or `p_…` name is a custom object,
// anything else stays unknown.
import { describe, expect, it } from 'vitest';
import { parse, ts, walk } from '../../src/scan/ast.js';
import { fillObjectTypes, objectTypeArgument } from '../../src/scan/object-type-args.js';

/** The arguments of the last call of `code` (`f(…)`). */
function lastCallArgs(code: string): readonly ts.Expression[] {
  const sf = parse('x.js', code, 'js');
  let args: readonly ts.Expression[] = [];
  walk(sf, (n) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'f') args = n.arguments;
  });
  return args;
}

describe('objectTypeArgument', () => {
  const first = (code: string) => objectTypeArgument(lastCallArgs(code)[0]);
  it('a literal, a const, a one-element array (sent as String(arg))', () => {
    expect(first(`f('company')`)).toEqual({ kind: 'literal', text: 'company' });
    expect(first(`const T = 'deals'; f(T)`)).toEqual({ kind: 'literal', text: 'deals' });
    expect(first(`f(['task'])`)).toEqual({ kind: 'literal', text: 'task' });
    expect(first(`f('2-123456')`)).toEqual({ kind: 'literal', text: '2-123456' });
  });
  it('a custom object: a 2-… ID or p_… name built at run time, through a local helper', () => {
    expect(first('f(`2-${n}`)')).toEqual({ kind: 'custom' });
    expect(first("f('p_' + name)")).toEqual({ kind: 'custom' });
    expect(first('const toId = (n) => `2-${n}`; f(toId(x))')).toEqual({ kind: 'custom' });
  });
  it('unknown: a parameter, an object type that only ends in a known part, a URL-like text', () => {
    expect(first('function g(t) { f(t) }')).toBeNull();
    expect(first('f(`${prefix}-2`)')).toBeNull();
    expect(first("f('a/b')")).toBeNull();
    expect(first('f(0)')).toBeNull();
    expect(first("f('12')")).toBeNull();
    expect(first('f(x, y)')).toBeNull();
  });
  it('an imported helper, through the context the link stage gives', () => {
    const sf = parse('h.js', 'const toId = (n) => `2-${n}`;', 'js');
    const arrow = (sf.statements[0] as ts.VariableStatement).declarationList.declarations[0].initializer as ts.ArrowFunction;
    const args = lastCallArgs("const { toId } = require('./h'); f(toId(x))");
    expect(objectTypeArgument(args[0])).toBeNull();
    expect(objectTypeArgument(args[0], { importedFunction: () => arrow })).toEqual({ kind: 'custom' });
  });
});

describe('fillObjectTypes', () => {
  it('a literal fills the displayed path; a custom object only the lookup path', () => {
    const args = lastCallArgs('f(id, `2-${n}`, "deal")');
    expect(fillObjectTypes('/crm/v3/associations/{fromObjectType}/{toObjectType}/batch/read', { '{fromObjectType}': 2, '{toObjectType}': 1 }, args)).toEqual({
      display: '/crm/v3/associations/deal/{toObjectType}/batch/read',
      lookup: '/crm/v3/associations/deal/custom/batch/read',
    });
  });
  it('nothing known: the path as it is', () => {
    const args = lastCallArgs('f(id, t)');
    expect(fillObjectTypes('/crm/v3/objects/contacts/{}/associations/{toObjectType}', { '{toObjectType}': 1 }, args)).toEqual({
      display: '/crm/v3/objects/contacts/{}/associations/{toObjectType}',
      lookup: '/crm/v3/objects/contacts/{}/associations/{toObjectType}',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parse, ts, walk } from '../../src/scan/ast.js';
import { objectTypesOfBody } from '../../src/scan/body-types.js';

function bodyOf(text: string): ts.Expression {
  const sf = parse('a.js', text, 'js');
  let body: ts.Expression | undefined;
  walk(sf, (n) => { if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === 'body') body = n.initializer; });
  return body!;
}

describe('the body of a CRM associations v1 write', () => {
  it('definitionId names the objects in order (from, to); any other body says nothing', () => {
    const put = (text: string, path = '/crm-associations/v1/associations') => objectTypesOfBody(bodyOf(text), 'PUT', path);
    expect(put("const body = { fromObjectId: a, toObjectId: b, category: 'HUBSPOT_DEFINED', definitionId: 1 };")).toEqual(['contacts', 'companies']);
    expect(put('const body = { definitionId: 16 };', '/crm-associations/v1/associations/delete')).toEqual(['tickets', 'contacts']);
    expect(put('const body = { definitionId: id };')).toBeUndefined();
    expect(put('const body = { definitionId: 999 };')).toBeUndefined();
    expect(objectTypesOfBody(bodyOf('const body = { definitionId: 1 };'), 'GET', '/crm-associations/v1/associations')).toBeUndefined();
  });
});

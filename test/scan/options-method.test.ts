// A request given a whole options object sends the object's own `method`; a request verb (`request.post`) sets it.
import { describe, expect, it } from 'vitest';
import { parse, ts, walk } from '../../src/scan/ast.js';
import { collectBindings } from '../../src/scan/imports.js';
import { usesOf } from '../../src/scan/flow.js';

function methods(code: string): Array<string | null> {
  const sf = parse('x.js', code, 'js');
  let obj: ts.ObjectLiteralExpression | null = null;
  walk(sf, (n) => { if (!obj && ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name?.getText(sf) === 'qs')) obj = n; });
  return usesOf(obj!, 'options', { bindings: collectBindings(sf) }).map((u) => (u.kind === 'request' ? u.req.method : `unknown:${u.why}`));
}

const FACTORY = "const request = require('request');\nconst make = () => {\n  const o = { method: 'POST', url: 'https://api.hubapi.com/contacts/v1/contact', qs: { hapikey: process.env.K } };\n  return o;\n};\n";

describe('the method of a whole options object', () => {
  it('is the object’s own when the request is called without a verb', () => {
    expect(methods(FACTORY + 'request(make(), () => {});')).toEqual(['POST']);
  });

  it('is the verb’s when the request is called with one', () => {
    expect(methods(FACTORY + 'request.put(make(), () => {});')).toEqual(['PUT']);
  });

  it('defaults to GET when the object has none', () => {
    expect(methods(FACTORY.replace("method: 'POST', ", '') + 'request(make(), () => {});')).toEqual(['GET']);
  });
});

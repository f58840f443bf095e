import { describe, expect, it } from 'vitest';
import { parse, ts, walk } from '../../src/scan/ast.js';
import { evalString } from '../../src/scan/url.js';

/** The string the first argument of the last `get(…)` call evaluates to. */
function urlOf(text: string): string {
  const sf = parse('a.js', text, 'js');
  let arg: ts.Expression | undefined;
  walk(sf, (n) => { if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'get') arg = n.arguments[0]; });
  return evalString(arg);
}

describe('evalString: functions called with arguments', () => {
  it('binds parameters to the call\'s arguments, and to their defaults', () => {
    expect(urlOf("const u = (p, q = '') => `https://api.hubapi.com${p}?hapikey=${K}${q}`;\nget(u('/owners/v2/owners'));\n")).toBe('https://api.hubapi.com/owners/v2/owners?hapikey={}');
    expect(urlOf("function u(p) { return BASE + p; }\nconst BASE = 'https://api.hubapi.com';\nget(u('/forms/v2/forms'));\n")).toBe('https://api.hubapi.com/forms/v2/forms');
    // a caller's own parameter stays unknown
    expect(urlOf("const u = (p) => 'https://api.hubapi.com/deals/v1/deal/' + p;\nfunction f(id) { return get(u(id)); }\n")).toBe('https://api.hubapi.com/deals/v1/deal/{}');
  });

  it('nested builders: each call binds its own parameters', () => {
    expect(urlOf("const base = (v) => `https://api.hubapi.com/crm/${v}`;\nconst obj = (t, id) => `${base('v3')}/objects/${t}/${id}`;\nget(obj('contacts', 5));\n")).toBe('https://api.hubapi.com/crm/v3/objects/contacts/5');
  });

  it('stops at a budget where constants or parameters that repeat each other would multiply', () => {
    const spans = (name: string) => '`' + Array.from({ length: 100 }, () => '${' + name + '}').join('') + '`';
    const text = `const a0 = 'x';\nconst a1 = ${spans('a0')};\nconst a2 = ${spans('a1')};\nconst a3 = ${spans('a2')};\nconst a4 = ${spans('a3')};\nget(a4);\n`;
    const s = urlOf(text);
    expect(s.length).toBeLessThan(100_000);
    expect(s).toContain('{}');
  });
});

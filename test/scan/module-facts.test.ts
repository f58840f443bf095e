// What the scan reads of other modules (issue 10): constants a module exports (a config module's base URL or
// query-parameter name) and request helpers that hand their caller's options to axios. Each case is a small program
// of modules given as text; the facts are asked the way the scan asks them.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { makeModuleFacts } from '../../src/scan/module-facts.js';
import { keyNameOf } from '../../src/scan/key-names.js';
import { importPathOf, registerModuleValues } from '../../src/scan/module-values.js';
import { parse, ts } from '../../src/scan/ast.js';

function facts(files: Record<string, string>) {
  return makeModuleFacts({
    text: (p) => files[p] ?? null,
    resolve: (from, spec) => {
      if (!spec.startsWith('.')) return null;
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
      return [base, `${base}.js`, `${base}.ts`, `${base}/index.js`].find((p) => p in files) ?? null;
    },
  });
}

/** The first expression of `src` that `pick` selects, in a file registered with `files`' constants. */
function expressionIn(src: string, files: Record<string, string>, pick: (n: ts.Node) => boolean): ts.Expression {
  const f = facts(files);
  const sf = parse('app/main.js', src, 'js');
  registerModuleValues(sf, (spec, p) => f.moduleValue('app/main.js', spec, p));
  let found: ts.Expression | null = null;
  const visit = (n: ts.Node): void => { if (!found && pick(n)) found = n as ts.Expression; ts.forEachChild(n, visit); };
  visit(sf);
  return found!;
}

const computedName = (n: ts.Node): boolean => !!n.parent && ts.isComputedPropertyName(n.parent) && n.parent.expression === n;

describe('constants other modules export', () => {
  const config = "module.exports = {\n  hubspot: { base: 'https://api.hubapi.com', keyParam: 'hapikey', other: 'limit' },\n};\n";

  it('reads a CommonJS config object by path', () => {
    const f = facts({ 'app/config.js': config });
    expect(f.moduleValue('app/main.js', './config', ['hubspot', 'base'])).toBe('https://api.hubapi.com');
    expect(f.moduleValue('app/main.js', './config', ['default', 'hubspot', 'keyParam'])).toBe('hapikey');
    expect(f.moduleValue('app/main.js', './config', ['hubspot', 'missing'])).toBeNull();
    expect(f.moduleValue('app/main.js', './nowhere', ['hubspot', 'base'])).toBeNull();
    // a number is an id (app, portal): an endpoint keeps its placeholder
    expect(facts({ 'app/ids.js': 'exports.appId = 184022;\n' }).moduleValue('app/main.js', './ids', ['appId'])).toBeNull();
  });

  it('reads ESM exports, export lists and local constants', () => {
    const f = facts({ 'app/c.ts': "const NAME = 'hapikey';\nexport const ROOT = 'https://api.hubapi.com';\nexport { NAME as AUTH };\nexport default { nested: { name: NAME } };\n" });
    expect(f.moduleValue('app/main.js', './c', ['ROOT'])).toBe('https://api.hubapi.com');
    expect(f.moduleValue('app/main.js', './c', ['AUTH'])).toBe('hapikey');
    expect(f.moduleValue('app/main.js', './c', ['default', 'nested', 'name'])).toBe('hapikey');
  });

  it('trusts no value a later spread, a deeper assignment or a let could change', () => {
    const f = facts({
      'app/a.js': "module.exports = { keyParam: 'hapikey', ...overrides };\n",
      'app/b.js': "module.exports = { hs: { keyParam: 'hapikey' } };\nmodule.exports.hs.keyParam = process.env.P;\n",
      'app/c.js': "let P = 'hapikey';\nP = 'x';\nexports.keyParam = P;\n",
    });
    expect(f.moduleValue('app/main.js', './a', ['keyParam'])).toBeNull();
    expect(f.moduleValue('app/main.js', './b', ['hs', 'keyParam'])).toBeNull();
    expect(f.moduleValue('app/main.js', './c', ['keyParam'])).toBeNull();
  });

  it('follows requires, destructuring and imports to the path they name', () => {
    const src = "const cfg = require('./config').hubspot;\nconst { hubspot } = require('./config');\nimport * as all from './config';\nuse(cfg.base, hubspot.base, all.hubspot.base, local.base);\n";
    const sf = parse('app/main.js', src, 'js');
    const call = ((sf.statements[3] as ts.ExpressionStatement).expression as ts.CallExpression);
    expect(call.arguments.map((a) => importPathOf(a))).toEqual([
      { spec: './config', path: ['hubspot', 'base'] },
      { spec: './config', path: ['hubspot', 'base'] },
      { spec: './config', path: ['hubspot', 'base'] },
      null,
    ]);
  });

  it('a computed key names the parameter through a config module, never through another property', () => {
    const files = { 'app/config.js': config };
    const hit = expressionIn("const hs = require('./config').hubspot;\nconst p = { [hs.keyParam]: k, [hs.other]: 10 };\n", files, computedName);
    expect(keyNameOf(hit)).toBe('hapikey');
    const other = expressionIn("const hs = require('./config').hubspot;\nconst p = { [hs.other]: 10 };\n", files, computedName);
    expect(keyNameOf(other)).toBeNull();
    const destructured = expressionIn("const { hubspot: { keyParam } } = require('./config');\nconst p = { [keyParam]: k };\n", files, computedName);
    expect(keyNameOf(destructured)).toBe('hapikey');
    const esm = expressionIn("import cfg from './config';\nconst p = { [cfg.hubspot.keyParam]: k };\n", files, computedName);
    expect(keyNameOf(esm)).toBe('hapikey');
  });
});

describe('request helpers that hand their caller options to axios', () => {
  const helper = (body: string): ReturnType<typeof facts> => facts({ 'lib/http.js': "const axios = require('axios');\n" + body });

  it('spread into a config with default headers and method: the caller can override both', () => {
    const w = helper("exports.post = (options) => axios({ method: 'POST', headers: { 'Content-Type': 'application/json' }, ...options });\n")
      .configWrapperOf('app/x.js', '../lib/http', ['post']);
    expect(w).toEqual({ index: 0, method: 'POST', methodFixed: false, url: null, urlFixed: false, headers: [['Content-Type', 'application/json']] });
  });

  it('a method after the spread is fixed; reads of other option fields are harmless', () => {
    const w = helper('module.exports = {\n  all(options) {\n    const n = options.pages || 1;\n    return axios({ ...options, method: \'GET\', maxRedirects: n });\n  },\n};\n')
      .configWrapperOf('app/x.js', '../lib/http', ['all']);
    expect(w).toMatchObject({ index: 0, method: 'GET', methodFixed: true, headers: null });
  });

  it('(path, options) helpers of an axios instance: the URL is the base plus the caller\'s path', () => {
    const f = facts({ 'lib/api.ts': "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.hubapi.com' });\nexport function get(path: string, options?: object) {\n  return api.get(path, options);\n}\nexport const put = (id: string, body: unknown, options = {}) => api.put(`/crm/v3/objects/deals/${id}`, body, { ...options });\n" });
    expect(f.configWrapperOf('app/x.js', '../lib/api', ['get'])).toEqual({ index: 1, method: 'GET', methodFixed: true, url: { prefix: '', urlIndex: 0 }, urlFixed: true, baseURL: 'https://api.hubapi.com', headers: null });
    // a parameter that ends the helper's URL: the caller's argument completes it
    expect(f.configWrapperOf('app/x.js', '../lib/api', ['put'])).toEqual({ index: 2, method: 'PUT', methodFixed: true, url: { prefix: '/crm/v3/objects/deals/', urlIndex: 0 }, urlFixed: true, baseURL: 'https://api.hubapi.com', headers: null });
  });

  it('is unknown when the options are changed, passed on, or their headers replaced after the spread', () => {
    expect(helper('exports.a = (o) => { o.params = {}; return axios({ ...o }); };\n').configWrapperOf('app/x.js', '../lib/http', ['a'])).toBeNull();
    expect(helper('exports.b = (o) => { log(o); return axios({ ...o }); };\n').configWrapperOf('app/x.js', '../lib/http', ['b'])).toBeNull();
    expect(helper("exports.c = (o) => axios({ ...o, headers: { Accept: 'x' } });\n").configWrapperOf('app/x.js', '../lib/http', ['c'])).toBeNull();
    expect(helper('exports.d = (o) => axios({ ...defaults, ...o });\n').configWrapperOf('app/x.js', '../lib/http', ['d'])).toBeNull();
    expect(helper('exports.e = (o) => other({ ...o });\n').configWrapperOf('app/x.js', '../lib/http', ['e'])).toBeNull();
  });

  it('headers that are not literal strings cannot be carried over', () => {
    const w = helper('exports.f = (o) => axios({ headers: build(), ...o });\n').configWrapperOf('app/x.js', '../lib/http', ['f']);
    expect(w?.headers).toBe('unknown');
  });
});

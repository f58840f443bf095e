// A key-bearing params object passed to functions (issue 10): which requests it reaches, how their URLs are
// evaluated with the caller's arguments, and when a header placed inside a function would reach other calls too.
import { describe, expect, it } from 'vitest';
import type { ListedFile } from '../../src/model/file.js';
import type { Site } from '../../src/model/site.js';
import { scanCode } from '../../src/scan/code.js';

function scan(text: string): { sites: Site[]; links: unknown[] } {
  const file: ListedFile = { path: 'src/rows.js', abs: '/x/src/rows.js', language: 'js', treatment: 'code', size: text.length };
  const res = scanCode({ file, text, eol: '\n', repo: { libraryPackage: null, browserApp: false, libraryAliases: new Map() }, options: { tokenEnv: 'HUBSPOT_ACCESS_TOKEN', rewriteBrowser: false } });
  return { sites: res.sites.filter((s) => s.category === 'P06_QS_SHARED_OBJECT'), links: res.links ?? [] };
}

const head = "const axios = require('axios');\nconst API = 'https://api.hubapi.com/cms/v3/hubdb/tables';\n";
const calls = (s: Site): string[] => s.requests.map((r) => `${r.method} ${r.path} ${r.line}`);

describe('params object passed to a function of the file', () => {
  it('follows `{ params }` shorthand and evaluates the URL with the caller\'s arguments', () => {
    const { sites } = scan(`${head}
const row = (table, id, params) => axios.get(API + '/' + table + '/rows/' + id, { params });
exports.run = () => { const q = { hapikey: process.env.K }; return row('events', 7, q); };
`);
    expect(sites.map((s) => s.status)).toEqual(['auto']);
    expect(calls(sites[0])).toEqual(['GET /cms/v3/hubdb/tables/events/rows/7 4']);
  });

  it('evaluates each call of the function with its own arguments, through two functions', () => {
    const { sites } = scan(`${head}
function send(method, path, options) { return axios({ method, url: API + path, params: options }); }
const rows = (table, options) => send('get', \`/\${table}/rows\`, options);
exports.run = async () => {
  const q = { portalId: 1, hapikey: process.env.K };
  await rows('a', q);
  await send('post', '/b/draft/publish', q);
};
`);
    expect(sites.map((s) => s.status)).toEqual(['auto']);
    expect(calls(sites[0]).sort()).toEqual(['GET /cms/v3/hubdb/tables/a/rows 4', 'POST /cms/v3/hubdb/tables/b/draft/publish 4']);
  });

  it('is manual when the function is exported (other modules call it with their own params)', () => {
    const { sites } = scan(`${head}
const list = (options) => axios.get(API + '/t/rows', { params: options });
exports.list = list;
exports.run = () => { const q = { hapikey: process.env.K }; return list(q); };
`);
    expect(sites.map((s) => `${s.status} ${s.reason}`)).toEqual(['manual params-helper-shared']);
    expect(calls(sites[0])).toEqual(['GET /cms/v3/hubdb/tables/t/rows 4']);
  });

  it('is manual when the function is also passed around as a value', () => {
    const { sites } = scan(`${head}
const list = (options) => axios.get(API + '/t/rows', { params: options });
exports.run = () => { const q = { hapikey: process.env.K }; return [q].map(list); };
exports.again = () => { const q = { hapikey: process.env.K }; return list(q); };
`);
    expect(sites.map((s) => s.status)).toEqual(['manual', 'manual']);
  });

  it('is manual when the parameter is used otherwise too (changed, read)', () => {
    const { sites } = scan(`${head}
const list = (options) => { options.limit = 5; return axios.get(API + '/t/rows', { params: options }); };
exports.run = () => { const q = { hapikey: process.env.K }; return list(q); };
`);
    expect(sites.map((s) => `${s.status} ${s.reason}`)).toEqual(['manual shared-params-object']);
    expect(calls(sites[0])).toEqual(['GET /cms/v3/hubdb/tables/t/rows 4']);
  });

  it('is manual when the object lands in the body (axios data position)', () => {
    const { sites } = scan(`${head}
const add = (options) => axios.post(API + '/t/rows', options);
exports.run = () => { const q = { hapikey: process.env.K }; return add(q); };
`);
    expect(sites.map((s) => s.status)).toEqual(['manual']);
  });

  it('stops at a recursive function', () => {
    const { sites } = scan(`${head}
function page(options, n) { return n ? page(options, n - 1) : axios.get(API + '/t/rows', { params: options }); }
exports.run = () => { const q = { hapikey: process.env.K }; return page(q, 3); };
`);
    expect(sites.map((s) => s.status)).toEqual(['manual']);
  });

  it('hands a function of another file to the link stage as a params value', () => {
    const { sites, links } = scan(`const { list } = require('./hubdb');
exports.run = () => { const q = { hapikey: process.env.K }; return list(q); };
`);
    expect(sites.map((s) => `${s.status} ${s.reason}`)).toEqual(['manual shared-params-object']);
    expect(links).toMatchObject([{ value: 'params', escape: { kind: 'argument', module: './hubdb', imported: 'list', index: 0 } }]);
  });
});

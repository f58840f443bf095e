// Turn a Shape into program text (one file, or two for a builder used in another file).
import type { ClientKind, Shape } from './shape.js';

export const HOST = 'https://api.hubapi.com';
export const PATH = '/crm/v3/objects/contacts';
export const KEY_LITERAL = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

interface Key { decl: string[]; expr: string; param: boolean }

function keyOf(s: Shape): Key {
  switch (s.key) {
    case 'literal': return { decl: [], expr: `'${KEY_LITERAL}'`, param: false };
    case 'env': return { decl: [], expr: 'process.env.HUBSPOT_API_KEY', param: false };
    case 'const': return { decl: ['const KEY = process.env.HUBSPOT_API_KEY;'], expr: 'KEY', param: false };
    case 'config': return { decl: ['const config = { hubspot: { apiKey: process.env.HUBSPOT_API_KEY } };'], expr: 'config.hubspot.apiKey', param: false };
    case 'param': return { decl: [], expr: 'key', param: true };
  }
}

function importOf(s: Shape, name: string, mod: string, star = false): string {
  if (!s.esm) return `const ${name} = require('${mod}');`;
  return star ? `import * as ${name} from '${mod}';` : `import ${name} from '${mod}';`;
}

function imports(s: Shape): string[] {
  const out: string[] = [];
  const c = s.client;
  if (c === 'node-fetch') out.push(importOf(s, 'fetch', 'node-fetch'));
  if (c === 'axios' || c === 'axios-config') out.push(importOf(s, 'axios', 'axios'));
  if (c === 'got') out.push(importOf(s, 'got', 'got'));
  if (c === 'request') out.push(importOf(s, 'request', 'request'));
  if (c === 'superagent') out.push(importOf(s, 'superagent', 'superagent'));
  if (c === 'https') out.push(importOf(s, 'https', 'https', true));
  if (c === 'api-client' || c === 'api-client-set') out.push(importOf(s, 'hubspot', '@hubspot/api-client', true));
  if (c === 'hubspot') out.push(importOf(s, 'Hubspot', 'hubspot'));
  if (c === 'hubspot-api') out.push(importOf(s, 'HubSpotClient', 'hubspot-api'));
  if (s.reach === 'uri-query') out.push(importOf(s, 'URI', 'urijs'));
  return out;
}

/** Query parts of an inline URL, the key first or last. */
function queryParts(s: Shape, keyPart: string): string[] {
  if (!s.extra) return [keyPart];
  return s.keyFirst ? [keyPart, 'limit=10'] : ['limit=10', keyPart];
}

/** Properties of the call's options other than headers and the key: what the method needs. */
function baseProps(c: ClientKind, m: 'GET' | 'POST'): string[] {
  const post = m === 'POST';
  switch (c) {
    case 'fetch': case 'node-fetch': return post ? [`method: 'POST'`, `body: JSON.stringify({ a: 1 })`] : [];
    case 'axios-config': return [`method: '${m.toLowerCase()}'`, ...(post ? ['data: { a: 1 }'] : [])];
    case 'got': return post ? [`method: 'POST'`, 'json: { a: 1 }'] : [];
    case 'request': return post ? [`method: 'POST'`, 'json: true', 'body: { a: 1 }'] : [];
    case 'https': return post ? [`method: 'POST'`] : [];
    case 'jquery': return [`type: '${m}'`, ...(post ? ['data: JSON.stringify({ a: 1 })'] : [])];
    default: return [];
  }
}

function extraProp(c: ClientKind): string {
  switch (c) {
    case 'fetch': case 'node-fetch': return `cache: 'no-store'`;
    case 'got': return 'timeout: { request: 5000 }';
    case 'jquery': return `dataType: 'json'`;
    default: return 'timeout: 5000';
  }
}

const ACCEPT = `{ Accept: 'application/json' }`;

/** The options argument: statements before the call, and the expression (null: no options argument). */
function options(s: Shape, props: string[]): { pre: string[]; expr: string | null; props: string[] } {
  const obj = (p: string[]) => `{ ${p.join(', ')} }`;
  switch (s.options) {
    case 'none': return { pre: [], expr: props.length === 1 && props[0] === '...AUTH' ? 'AUTH' : props.length ? obj(props) : null, props };
    case 'literal': return { pre: [], expr: obj([...props, `headers: ${ACCEPT}`]), props: [...props, `headers: ${ACCEPT}`] };
    case 'literal-no-headers': return { pre: [], expr: obj([...props, extraProp(s.client)]), props: [...props, extraProp(s.client)] };
    case 'variable': return { pre: [`const opts = ${obj([...props, `headers: ${ACCEPT}`])};`], expr: 'opts', props };
    case 'headers-variable': return { pre: [`const h = ${ACCEPT};`], expr: obj([...props, 'headers: h']), props };
    case 'headers-instance': return { pre: [`const h = new Headers(${ACCEPT});`], expr: obj([...props, 'headers: h']), props };
    case 'spread-defaults': return { pre: [], expr: obj(['...DEFAULTS', ...props]), props };
    case 'spread-after-headers': return { pre: [], expr: obj([`headers: ${ACCEPT}`, ...props.filter((p) => p !== '...AUTH'), '...AUTH']), props };
    case 'two-spreads': return { pre: [], expr: obj([...props, '...JSONH']), props };
    case 'object-assign': return { pre: [], expr: `Object.assign({}, AUTH, ${obj([...props.filter((p) => p !== '...AUTH'), `headers: ${ACCEPT}`])})`, props };
  }
}

interface Call { pre: string[]; expr: string }

/** The request itself, through the client, to URL expression `u`, with extra option properties `qsProps`. */
function call(s: Shape, u: string, qsProps: string[], receiver?: string, key?: string): Call {
  const m = s.method;
  const c = s.client;
  if (c === 'superagent') {
    const pre: string[] = [];
    let chain = `superagent.${m.toLowerCase()}(${u})`;
    if (s.reach === 'query-option') chain += `.query({ hapikey: ${key}${s.extra ? ', limit: 10' : ''} })`;
    if (s.options === 'literal') chain += `.set('Accept', 'application/json')`;
    if (s.options === 'literal-no-headers') chain += '.timeout(5000)';
    if (s.options === 'variable' || s.options === 'headers-variable') { pre.push(`const h = ${ACCEPT};`); chain += '.set(h)'; }
    if (m === 'POST') chain += '.send({ a: 1 })';
    return { pre, expr: `${chain}.then((r) => r.body)` };
  }
  if (c === 'xhr') {
    return { pre: ['const xhr = new XMLHttpRequest();', `xhr.open('${m}', ${u});`,
      ...(s.options === 'literal' ? [`xhr.setRequestHeader('Accept', 'application/json');`] : []),
      ...(s.options === 'literal-no-headers' ? ['xhr.timeout = 5000;'] : []),
      `xhr.send(${m === 'POST' ? 'JSON.stringify({ a: 1 })' : ''});`], expr: 'xhr' };
  }
  const o = options(s, [...qsProps, ...baseProps(c, m)]);
  const withOpts = (head: string) => `${head}${o.expr ? ', ' + o.expr : ''}`;
  switch (c) {
    case 'fetch': case 'node-fetch': return { pre: o.pre, expr: `fetch(${withOpts(u)})` };
    case 'axios': {
      const r = receiver ?? 'axios';
      return { pre: o.pre, expr: m === 'POST' ? `${r}.post(${withOpts(`${u}, { a: 1 }`)})` : `${r}.get(${withOpts(u)})` };
    }
    case 'axios-config': return { pre: o.pre, expr: `axios({ url: ${u}${o.props.length ? ', ' + o.props.join(', ') : ''} })` };
    case 'got': return { pre: o.pre, expr: `${receiver ?? 'got'}(${withOpts(u)})` };
    case 'request': return { pre: o.pre, expr: `${receiver ?? 'request'}(${withOpts(u)}, () => {})` };
    case 'https': return { pre: o.pre, expr: m === 'POST' ? `https.request(${withOpts(u)}, () => {}).end('{}')` : `https.get(${withOpts(u)}, () => {})` };
    case 'jquery': return { pre: o.pre, expr: `$.ajax({ url: ${u}${o.props.length ? ', ' + o.props.join(', ') : ''} })` };
    default: throw new Error(`no call for ${c}`);
  }
}

function sdkSetup(s: Shape, k: string): { setup: string[]; expr: string } {
  switch (s.client) {
    case 'api-client': return { setup: [`const client = new hubspot.Client({ apiKey: ${k} });`], expr: 'client.crm.contacts.basicApi.getPage(10)' };
    case 'api-client-set': return { setup: ['const client = new hubspot.Client();', `client.setApiKey(${k});`], expr: 'client.crm.contacts.basicApi.getPage(10)' };
    case 'hubspot': return { setup: [`const client = new Hubspot({ apiKey: ${k} });`], expr: 'client.contacts.get({ count: 10 })' };
    default: return { setup: [`const client = new HubSpotClient({ hapikey: ${k} });`], expr: 'client.contacts.getAll()' };
  }
}

export interface Program {
  /** path → source, in the order they are loaded and driven. */
  files: Map<string, string>;
}

export function render(s: Shape): Program {
  const key = keyOf(s);
  const K = key.expr;
  const qsName = s.client === 'got' ? 'searchParams' : s.client === 'request' ? 'qs' : 'params';
  const full = `'${HOST}${PATH}${s.extra && !['query-option'].includes(s.reach) ? '?limit=10' : ''}'`;
  const setup: string[] = []; // module level, or first in run() when the key is a parameter
  const moduleLevel: string[] = []; // always module level (functions)
  const pre: string[] = [];
  const exported = ['run'];
  let u = '';
  let qsProps: string[] = [];
  let receiver: string | undefined;
  let expr: string | null = null;
  const template = `\`${HOST}${PATH}?${queryParts(s, `hapikey=\${${K}}`).join('&')}\``;
  switch (s.reach) {
    case 'template': u = template; break;
    case 'concat':
      u = s.extra && !s.keyFirst ? `'${HOST}${PATH}?limit=10&hapikey=' + ${K}` : `'${HOST}${PATH}?hapikey=' + ${K}${s.extra ? ` + '&limit=10'` : ''}`;
      break;
    case 'url-searchparams': {
      const sets = queryParts(s, 'KEY').map((p) => (p === 'KEY' ? `u.searchParams.set('hapikey', ${K});` : `u.searchParams.set('limit', '10');`));
      pre.push(`const u = new URL('${HOST}${PATH}');`, ...sets);
      u = s.urlVar && ['fetch', 'node-fetch', 'https'].includes(s.client) ? 'u' : s.client === 'xhr' || s.client === 'jquery' ? 'u.toString()' : 'u.href';
      break;
    }
    case 'urlsearchparams-ctor':
      pre.push(`const qs = new URLSearchParams({ ${queryParts(s, 'KEY').map((p) => (p === 'KEY' ? `hapikey: ${K}` : `limit: '10'`)).join(', ')} });`);
      u = `\`${HOST}${PATH}?\${qs}\``;
      break;
    case 'query-option':
      u = `'${HOST}${PATH}'`;
      if (s.client !== 'superagent') qsProps = [`${qsName}: { hapikey: ${K}${s.extra ? ', limit: 10' : ''} }`];
      break;
    case 'shared-config':
      setup.push(`const AUTH = { ${qsName}: { hapikey: ${K} } };`);
      u = full;
      qsProps = ['...AUTH'];
      break;
    case 'instance':
      receiver = 'api';
      if (s.client === 'axios') setup.push(`const api = axios.create({ baseURL: '${HOST}', params: { hapikey: ${K} } });`);
      if (s.client === 'got') setup.push(`const api = got.extend({ prefixUrl: '${HOST}', searchParams: { hapikey: ${K} } });`);
      if (s.client === 'request') setup.push(`const api = request.defaults({ baseUrl: '${HOST}', qs: { hapikey: ${K} } });`);
      u = s.client === 'got' ? `'${PATH.slice(1)}${s.extra ? '?limit=10' : ''}'` : `'${PATH}${s.extra ? '?limit=10' : ''}'`;
      break;
    case 'defaults':
      setup.push(`axios.defaults.params = { hapikey: ${K} };`);
      u = full;
      break;
    case 'wrapper': {
      const inner = call({ ...s, options: 'none' }, `\`${HOST}\${path}?${queryParts(s, `hapikey=\${${K}}`).join('&')}\``, []);
      const body = inner.expr.replace(/^(fetch|axios\.get|got|request|https\.get)\((`[^`]*`)/, '$1($2, opts');
      moduleLevel.push(`function hs(path, opts${key.param ? ', key' : ''}) {`, ...inner.pre.map((l) => '  ' + l), `  return ${body};`, '}');
      const o = options(s, baseProps(s.client, s.method));
      pre.push(...o.pre);
      expr = `hs('${PATH}', ${o.expr ?? 'undefined'}${key.param ? ', key' : ''})`;
      break;
    }
    case 'builder': case 'builder-elsewhere':
      moduleLevel.push(`function contactsUrl(${key.param ? 'key' : ''}) {`, `  return ${template};`, '}');
      exported.push('contactsUrl');
      u = `contactsUrl(${key.param ? 'key' : ''})`;
      break;
    case 'sdk': {
      const sdk = sdkSetup(s, K);
      setup.push(...sdk.setup);
      expr = sdk.expr;
      break;
    }
    case 'uri-query':
      u = `URI('${HOST}${PATH}').query({ hapikey: ${K} }).toString()`;
      break;
    case 'cache-fetch':
      moduleLevel.push(`const cache = { fetch: (url, o) => fetch(url, { headers: { 'x-ttl': String(o.ttl) } }) };`);
      expr = `cache.fetch(${template}, { ttl: 60 })`;
      break;
  }
  if (s.urlVar && u && !['url-searchparams', 'builder', 'builder-elsewhere'].includes(s.reach)) {
    pre.push(`const url = ${u};`);
    u = 'url';
  }
  if (s.options === 'spread-defaults') moduleLevel.unshift(`const DEFAULTS = { headers: ${ACCEPT} };`);
  if (s.options === 'two-spreads') moduleLevel.unshift(`const JSONH = { headers: ${ACCEPT} };`);
  if (expr === null) {
    const c = call(s, u, qsProps, receiver, K);
    pre.push(...c.pre);
    expr = c.expr;
  }
  const lines: string[] = [...imports(s), ''];
  lines.push(...key.decl);
  if (!key.param) lines.push(...setup);
  lines.push(...moduleLevel, '');
  lines.push(`function run(${key.param ? 'key' : ''}) {`);
  if (key.param) lines.push(...setup.map((l) => '  ' + l));
  lines.push(...pre.map((l) => '  ' + l), `  return ${expr};`, '}', '');
  lines.push(s.esm ? `export { ${exported.join(', ')} };` : `module.exports = { ${exported.join(', ')} };`);
  const files = new Map([['api.js', lines.join('\n') + '\n']]);
  if (s.reach === 'builder-elsewhere') {
    files.set('other.js', [
      `const axios = require('axios');`,
      `const { contactsUrl } = require('./api');`,
      '',
      `module.exports = { other: (${key.param ? 'key' : ''}) => axios.get(contactsUrl(${key.param ? 'key' : ''})) };`,
      '',
    ].join('\n'));
  }
  return { files };
}

// Counterexamples the oracle finds today, one small case per issue 14 item (and per new item it found). Each is `it.fails`: it passes while the
// tool is wrong and fails (as "expected to fail") once the item is fixed; then turn it into `it` and drop the item
// from KNOWN_WRONG in generate/shape.ts, so the generated programs cover the shape again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile } from '../rewrite/run-files.js';
import { checkShape, explain } from './generate/check.js';
import { KNOWN_WRONG, knownWrong, type Shape } from './generate/shape.js';

const base: Shape = { key: 'env', reach: 'template', client: 'fetch', options: 'none', method: 'GET', extra: false, keyFirst: false, urlVar: false, esm: false };

/** The oracle's verdict on one shape; a fault of the generator or driver is not a counterexample. */
async function holds(s: Shape): Promise<void> {
  const c = await checkShape(s);
  expect(c.problems.filter((p) => /generator or driver fault/.test(p)), explain(c)).toEqual([]);
  expect(c.problems, explain(c)).toEqual([]);
}

const CASES: [string, Shape][] = [];

/** Items fixed: each case now holds (and the generator covers its shape again). */
const FIXED: [string, Shape][] = [
  // api.js exports contactsUrl() (key inside) and uses it with fetch; other.js calls axios.get(contactsUrl()): the
  // site is manual (key-escapes), with both calls listed, and nothing is changed
  ['item1-exported-builder-used-in-another-file', { ...base, reach: 'builder-elsewhere' }],
  // fetch(url, { headers: h }) with h = new Headers(…): h is not known to be a plain object, so the site is manual
  ['item3-headers-not-plain-object', { ...base, options: 'headers-instance' }],
  // a shared config spread into options with their own headers (or other spreads, or Object.assign) is manual
  // (spread-config-headers / key-escapes); options spreading an object that may carry headers get no header
  // (options-spread-headers); `.query()` / `.fetch()` of a client not bound to superagent / fetch is manual
  // (unknown-client)
  // const AUTH = { params: { hapikey } }; axios.get(url, { ...AUTH, headers: { Accept } }): AUTH becomes
  // { headers: { Authorization } } and the call's own headers replace it
  ['item2-spread-config-with-own-headers', { ...base, reach: 'shared-config', client: 'axios', options: 'literal' }],
  // the same through a second spread ({ ...AUTH, ...JSONH }) or Object.assign({}, AUTH, { headers })
  ['item2-spread-config-with-own-headers', { ...base, reach: 'shared-config', client: 'axios', options: 'two-spreads' }],
  ['item2-spread-config-with-own-headers', { ...base, reach: 'shared-config', client: 'request', options: 'object-assign' }],
  // not in the issue: { headers: { Accept }, ...AUTH } — the token arrives, but AUTH's new headers replace Accept
  ['new-a-spread-config-after-own-headers', { ...base, reach: 'shared-config', client: 'axios', options: 'spread-after-headers' }],
  // not in the issue: fetch(url?hapikey, { ...DEFAULTS, method }) with DEFAULTS = { headers: { Accept } } gets
  // { ...DEFAULTS, method, headers: { Authorization } }: DEFAULTS' headers are dropped
  ['new-b-call-options-spread-with-headers', { ...base, options: 'spread-defaults' }],
  // URI(url).query({ hapikey }) (urijs) is taken for superagent and becomes .set('Authorization', …): no such method
  ['item4-query-and-fetch-by-method-name', { ...base, reach: 'uri-query' }],
  // cache.fetch(url, { ttl }) is taken for WHATWG fetch: the header goes into options the cache ignores
  ['item4-query-and-fetch-by-method-name', { ...base, reach: 'cache-fetch' }],
];

describe('issue 14: fixed items keep every request authenticated', () => {
  for (const [name, s] of FIXED) it(`${name}: ${s.reach} / ${s.client} / options ${s.options}`, () => holds(s));
});

describe('issue 14: known wrong rewrites (it.fails until fixed; items 5 and 6 fixed)', () => {
  it('every KNOWN_WRONG entry has a case here, and each case is in KNOWN_WRONG', () => {
    expect(Object.keys(KNOWN_WRONG)).toEqual([]);
    expect(new Set(CASES.map(([n]) => n))).toEqual(new Set(Object.keys(KNOWN_WRONG)));
    for (const [name, s] of CASES) expect(knownWrong(s)).toBe(name);
  });
  for (const [name, s] of CASES) it.fails(`${name}: ${s.reach} / ${s.client} / options ${s.options}`, () => holds(s));

  it('item5-one-instance-two-credentials: an instance used for developer-key and account endpoints is manual', async () => {
    const src = [
      `const axios = require('axios');`,
      `const api = axios.create({ baseURL: 'https://api.hubapi.com', params: { hapikey: process.env.HUBSPOT_API_KEY } });`,
      `const APP_ID = process.env.APP_ID;`,
      `module.exports = {`,
      '  settings: () => api.get(`/webhooks/v3/${APP_ID}/settings`),',
      `  contacts: () => api.get('/crm/v3/objects/contacts'),`,
      `};`,
      '',
    ].join('\n');
    const r = await runFile('mixed.js', src);
    expect(r.sites.map((s) => s.status)).toEqual(['manual']);
  });

  it('item6-false-findings: a UUID regex named API_KEY_REGEX with no HubSpot in view is no finding', async () => {
    const dir = path.resolve(__dirname, '../../fixtures/rewrite/p31-uuid-regex-no-hubspot');
    const r = await runFile('input.js', readFileSync(path.join(dir, 'input.js'), 'utf8'));
    expect(r.sites).toEqual([]);
  });
});

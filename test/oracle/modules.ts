// The stubbed `require` / import map: the clients the tool rewrites, real pure built-ins, and a dummy for the rest.
import querystring from 'node:querystring';
import * as nodeUrl from 'node:url';
import * as nodeUtil from 'node:util';
import { dummy, isDummy } from './dummy.js';
import type { Recorder } from './record.js';
import { axiosStub } from './stubs/axios.js';
import { fetchModule } from './stubs/fetch.js';
import { gotStub } from './stubs/got.js';
import { httpStub } from './stubs/http.js';
import { apiClientStub, hubspotClassStub } from './stubs/hubspot-sdk.js';
import { nockStub } from './stubs/nock.js';
import { reactStub } from './stubs/react.js';
import { requestStub } from './stubs/request.js';
import { superagentStub } from './stubs/superagent.js';
import { needleStub } from './stubs/needle.js';
import { kyStub } from './stubs/ky.js';
import { urijsStub } from './stubs/urijs.js';

// querystring.stringify drops values that are not primitives: give it the dummies' strings.
const plain = (o: unknown) => (o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, isDummy(v) ? String(v) : v])) : o);
const querystringStub = { ...querystring, stringify: (o: unknown, ...rest: []) => querystring.stringify(plain(o) as never, ...rest), encode: (o: unknown) => querystring.encode(plain(o) as never) };

// util.promisify over a stub: the stubs answer with a promise (and never call a callback); a real callback function
// is promisified as node does.
const promisify = (fn: (...a: unknown[]) => unknown) => (...args: unknown[]) => new Promise((resolve, reject) => {
  const r = fn(...args, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value))) as { then?: unknown } | undefined;
  if (r && typeof r.then === 'function') (r as Promise<unknown>).then(resolve, reject);
});
const utilStub = { ...nodeUtil, promisify };

const FACTORIES: Record<string, (rec: Recorder) => unknown> = {
  'node-fetch': fetchModule,
  'cross-fetch': fetchModule,
  axios: axiosStub,
  got: gotStub,
  request: (rec) => requestStub(rec, 'request'),
  'request-promise': (rec) => requestStub(rec, 'request-promise'),
  'request-promise-native': (rec) => requestStub(rec, 'request-promise'),
  superagent: superagentStub,
  needle: needleStub,
  ky: kyStub,
  http: (rec) => httpStub(rec, 'http:'),
  https: (rec) => httpStub(rec, 'https:'),
  '@hubspot/api-client': apiClientStub,
  hubspot: (rec) => hubspotClassStub(rec, 'hubspot'),
  'hubspot-api': (rec) => hubspotClassStub(rec, 'hubspot-api'),
  urijs: () => urijsStub(),
  nock: nockStub,
  react: () => reactStub(),
  querystring: () => querystringStub,
  url: () => nodeUrl,
  util: () => utilStub,
};

/** A `require` for one run: each module made once per run, so instances and defaults are shared like real modules. */
export function makeRequire(rec: Recorder, local: (spec: string) => unknown = () => undefined): (name: string) => unknown {
  const cache = new Map<string, unknown>();
  return (name: string) => {
    if (name.startsWith('.')) {
      const m = local(name);
      if (m !== undefined) return m;
    }
    const bare = name.replace(/^node:/, '');
    if (!cache.has(bare)) cache.set(bare, FACTORIES[bare] ? FACTORIES[bare](rec) : dummy(`require(${bare})`));
    return cache.get(bare);
  };
}

export const STUBBED_MODULES = Object.keys(FACTORIES);

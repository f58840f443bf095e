// scripts/build-client-maps.mjs: the extractors on small packages of our own in each code layout the
// SDKs shipped (no network), the version ranges, and that the committed JSON is exactly what the merge
// and the writer make from its facts. With CLIENT_MAPS_PACKS=<dir> (a `--packs` folder of unpacked
// packages) the whole script is rerun and must reproduce src/scopes/client-maps.json byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakePackages } from './fake-package.js';
// @ts-expect-error plain .mjs build script
import { LIBRARIES } from '../../scripts/build-client-maps.mjs';
// @ts-expect-error plain .mjs build script
import { deriveApiClient } from '../../scripts/client-maps/api-client.mjs';
// @ts-expect-error plain .mjs build script
import { deriveHubspotNpm } from '../../scripts/client-maps/hubspot-npm.mjs';
// @ts-expect-error plain .mjs build script
import { expandRanges, merge, serialise, versionRanges } from '../../scripts/client-maps/merge.mjs';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const committed = join(repo, 'src/scopes/client-maps.json');
const { work, pkg } = fakePackages('client-maps-');

function derive(fn: (root: string, miss: (m: string) => void) => { chains: Record<string, string[][]> }, root: string) {
  const misses: string[] = [];
  const { chains } = fn(root, (m) => misses.push(m));
  return { chains, misses };
}

describe('@hubspot/api-client extractor', () => {
  it('3.x–5.x: Client constructor object literals and request-based generated classes', () => {
    const root = pkg('flat', {
      'lib/src/client.js': `"use strict";
const api_1 = require("../codegen/crm/owners/api");
const models = __importStar(require("../codegen/crm/owners/model/models"));
class Client {
    constructor(options = {}) {
        this._ownersDefaultApi = new api_1.DefaultApi();
        this.authentications = { hapikey: {} };
        this.crm = {
            owners: {
                defaultApi: this._ownersDefaultApi,
                getAll: this._retrieveGetAllFunction(this._ownersDefaultApi.getPage.bind(this._ownersDefaultApi)),
            },
        };
        this.webhooks = { validateSignature: validateSignature };
    }
    apiRequest(opts) { return request(opts); }
}
exports.Client = Client;`,
      'lib/codegen/crm/owners/api.js': `__exportStar(require("./api/apis"), exports);`,
      'lib/codegen/crm/owners/api/defaultApi.js': `class DefaultApi {
    setApiKey(key, value) { this.authentications[key].apiKey = value; }
    getById(ownerId, options = { headers: {} }) {
        const localVarPath = this.basePath + '/crm/v3/owners/{ownerId}'
            .replace('{' + 'ownerId' + '}', encodeURIComponent(String(ownerId)));
        let localVarRequestOptions = { method: 'GET', uri: localVarPath, json: true };
    }
    getPage(email, after, limit, options = { headers: {} }) {
        const localVarPath = this.basePath + '/crm/v3/owners/';
        let localVarRequestOptions = { method: 'GET', uri: localVarPath };
    }
}
exports.DefaultApi = DefaultApi;`,
    });
    const { chains, misses } = derive(deriveApiClient, root);
    expect(chains).toEqual({
      'crm.owners.defaultApi.getById': [['GET', '/crm/v3/owners/{}']],
      'crm.owners.defaultApi.getPage': [['GET', '/crm/v3/owners']],
      'crm.owners.getAll': [['GET', '/crm/v3/owners']],
    });
    expect(misses).toEqual(['webhooks.validateSignature: makes no HTTP request (helper)']);
  });

  const discovery = (crmDts: string, crmJs: string) => ({
    'lib/src/discovery/BaseDiscovery.d.ts': 'export default class BaseDiscovery {}',
    'lib/src/client.d.ts': `import CrmDiscovery from './discovery/crm/CrmDiscovery';
export declare class Client {
    protected _crm: CrmDiscovery | undefined;
    get crm(): CrmDiscovery;
    apiRequest(opts?: {}): Promise<Response>;
}`,
    'lib/src/discovery/crm/CrmDiscovery.d.ts': crmDts,
    'lib/src/discovery/crm/CrmDiscovery.js': crmJs,
    'lib/src/discovery/crm/owners/OwnersDiscovery.d.ts': `import { OwnersApi } from '../../../../codegen/crm/owners/index';
export default class OwnersDiscovery {
    ownersApi: OwnersApi;
    constructor(config: IConfiguration);
}`,
    'lib/codegen/crm/owners/index.d.ts': `export { PromiseOwnersApi as OwnersApi } from './types/PromiseAPI';`,
    'lib/codegen/crm/owners/apis/OwnersApi.js': `class OwnersApiRequestFactory extends BaseAPIRequestFactory {
    getById(ownerId, idProperty, archived, _options) {
        const localVarPath = '/crm/v3/owners/{ownerId}'
            .replace('{' + 'ownerId' + '}', encodeURIComponent(String(ownerId)));
        const requestContext = _config.baseServer.makeRequestContext(localVarPath, http_1.HttpMethod.GET);
    }
    getPage(email, after, limit, archived, _options) {
        const localVarPath = '/crm/v3/owners/';
        const requestContext = _config.baseServer.makeRequestContext(localVarPath, http_1.HttpMethod.GET);
    }
}
exports.OwnersApiRequestFactory = OwnersApiRequestFactory;`,
  });
  const owners = {
    'crm.owners.ownersApi.getById': [['GET', '/crm/v3/owners/{}']],
    'crm.owners.ownersApi.getPage': [['GET', '/crm/v3/owners']],
  };

  it('6.x+: discovery classes typed in the .d.ts and generated request factories', () => {
    const root = pkg('discovery', discovery(
      `import OwnersDiscovery from './owners/OwnersDiscovery';
export default class CrmDiscovery extends BaseDiscovery {
    get owners(): OwnersDiscovery;
}`,
      '',
    ));
    expect(derive(deriveApiClient, root)).toEqual({ chains: owners, misses: [] });
  });

  it('8.0.0: getters declared `any`, followed through initObject(…) in the .js', () => {
    const root = pkg('untyped', discovery(
      `export default class CrmDiscovery extends BaseDiscovery {
    protected _owners: any;
    get owners(): any;
}`,
      `class CrmDiscovery extends BaseDiscovery_1.default {
    get owners() {
        if (!this._owners) {
            this._owners = (0, initObject_1.initObject)('crm/owners/OwnersDiscovery', this.config);
        }
        return this._owners;
    }
}
exports.default = CrmDiscovery;`,
    ));
    expect(derive(deriveApiClient, root)).toEqual({ chains: owners, misses: [] });
  });
});

describe('hubspot extractor', () => {
  it('classes wired in client.js; _request (1.x) and apiRequest (2.x); delegation to another method', () => {
    const root = pkg('hubspot', {
      'lib/client.js': `const Contact = require('./contact')
class Hubspot {
  constructor (options = {}) {
    this.contacts = new Contact(this)
  }
}
module.exports = Hubspot`,
      'lib/contact.js': `class Contact {
  constructor (client) { this.client = client }
  get (options, cb) {
    return this.client._request({ method: 'GET', path: '/contacts/v1/lists/all/contacts/all', qs: options }, cb)
  }
  getAll (options, cb) { return this.get(options, cb) }
  getById (id) {
    return this.client.apiRequest({ method: 'GET', path: \`/contacts/v1/contact/vid/\${id}/profile\` })
  }
  createOrUpdate (email, data) {
    return this.client.apiRequest({ method: 'POST', path: '/contacts/v1/contact/createOrUpdate/email/' + email, body: data })
  }
}
module.exports = Contact`,
    });
    expect(derive(deriveHubspotNpm, root)).toEqual({
      chains: {
        'contacts.get': [['GET', '/contacts/v1/lists/all/contacts/all']],
        'contacts.getAll': [['GET', '/contacts/v1/lists/all/contacts/all']],
        'contacts.getById': [['GET', '/contacts/v1/contact/vid/{}/profile']],
        'contacts.createOrUpdate': [['POST', '/contacts/v1/contact/createOrUpdate/email/{}']],
      },
      misses: [],
    });
  });
});

describe('merging versions', () => {
  const all = ['1.0.0', '1.1.0', '2.0.0', '2.1.0', '3.0.0-beta.1'];
  it('version sets become ranges over the ordered list, and back', () => {
    for (const [have, ranges] of [
      [all, null],
      [['1.0.0', '1.1.0', '2.0.0'], '1.0.0..2.0.0'],
      [['1.1.0'], '1.1.0'],
      [['1.0.0', '2.0.0', '2.1.0'], '1.0.0,2.0.0..2.1.0'],
      [['2.1.0', '3.0.0-beta.1'], '2.1.0..3.0.0-beta.1'],
    ] as Array<[string[], string | null]>) {
      expect(versionRanges(all, new Set(have))).toBe(ranges);
      expect(expandRanges(all, ranges)).toEqual(ranges ? have : all);
    }
  });

  it('stores each chain → endpoint fact once, with the versions that have it', () => {
    const lib = { package: 'x', versions: ['1.0.0', '1.1.0', '2.0.0'] };
    const merged = merge(lib, [
      { version: '1.0.0', chains: { 'a.get': [['GET', '/v1/a']] }, dynamic: {}, notDerived: ['a.help: helper'] },
      { version: '1.1.0', chains: { 'a.get': [['GET', '/v1/a']], 'a.put': [['PUT', '/v1/a']] }, dynamic: {}, notDerived: ['a.help: helper'] },
      { version: '2.0.0', chains: { 'a.get': [['GET', '/v2/a']], 'a.put': [['PUT', '/v1/a']] }, dynamic: {}, notDerived: [] },
    ]);
    expect(merged.chains).toEqual({
      'a.get': [['GET', '/v1/a', '1.0.0..1.1.0'], ['GET', '/v2/a', '2.0.0']],
      'a.put': [['PUT', '/v1/a', '1.1.0..2.0.0']],
    });
    expect(merged.notDerived).toEqual(['a.help: helper [1.0.0..1.1.0]']);
  });

  it('the committed JSON is what merge and serialise make of its own facts (byte for byte)', () => {
    const text = readFileSync(committed, 'utf8');
    const data = JSON.parse(text);
    const result: { libraries: Record<string, unknown> } = { libraries: {} };
    for (const lib of LIBRARIES as Array<{ id: string; package: string; versions: string[] }>) {
      const m = data.libraries[lib.id];
      expect(m.versions).toEqual(lib.versions);
      const perVersion = lib.versions.map((version) => ({ version, chains: {} as Record<string, string[][]>, dynamic: m.dynamic, notDerived: [] as string[] }));
      for (const [chain, entries] of Object.entries<Array<[string, string, string?]>>(m.chains)) {
        for (const [verb, path, ranges] of entries) {
          for (const v of expandRanges(lib.versions, ranges ?? null)) (perVersion.find((p) => p.version === v)!.chains[chain] ??= []).push([verb, path]);
        }
      }
      for (const note of m.notDerived as string[]) {
        const [, text, ranges] = note.match(/^(.*?)(?: \[([^\]]+)\])?$/)!;
        for (const v of expandRanges(lib.versions, ranges ?? null)) perVersion.find((p) => p.version === v)!.notDerived.push(text);
      }
      result.libraries[lib.id] = merge(lib, perVersion);
    }
    expect(serialise(result)).toBe(text);
  });

  const packs = process.env.CLIENT_MAPS_PACKS;
  it.skipIf(!packs || !existsSync(packs))('rerunning the script on the packed versions reproduces client-maps.json byte for byte', () => {
    const out = join(work, 'client-maps.json');
    execFileSync(process.execPath, [join(repo, 'scripts/build-client-maps.mjs'), out, '--packs', packs!], { stdio: 'pipe' });
    expect(readFileSync(out).equals(readFileSync(committed))).toBe(true);
  }, 300_000);
});

// scripts/client-maps/args.mjs: which argument of a generated method fills an object-type placeholder, read from
// small packages of our own in both code layouts of @hubspot/api-client; the merge over versions; and that the
// committed src/scopes/client-args.json is what the writer makes of its own facts. With CLIENT_MAPS_PACKS=<dir>
// the whole script is rerun and must reproduce it byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakePackages } from './fake-package.js';
// @ts-expect-error plain .mjs build script
import { deriveApiClient } from '../../scripts/client-maps/api-client.mjs';
// @ts-expect-error plain .mjs build script
import { mergeArgs, serialiseArgs } from '../../scripts/client-maps/args.mjs';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const committed = join(repo, 'src/scopes/client-args.json');
const { work, pkg } = fakePackages('client-args-');

describe('object-type arguments', () => {
  it('3.x–5.x: basePath + path.replace(…) chains, the parameter named in String(…)', () => {
    const root = pkg('flat', {
      'lib/src/client.js': `const api_1 = require("../codegen/crm/deals/api");
class Client {
    constructor(options = {}) {
        this._dealsAssociationsApi = new api_1.AssociationsApi();
        this.crm = { deals: { associationsApi: this._dealsAssociationsApi } };
    }
}
exports.Client = Client;`,
      'lib/codegen/crm/deals/api.js': `__exportStar(require("./api/apis"), exports);`,
      'lib/codegen/crm/deals/api/associationsApi.js': `class AssociationsApi {
    create(dealId, toObjectType, toObjectId, associationType, options = { headers: {} }) {
        const localVarPath = this.basePath + '/crm/v3/objects/deals/{dealId}/associations/{toObjectType}/{toObjectId}/{associationType}'
            .replace('{' + 'dealId' + '}', encodeURIComponent(String(dealId)))
            .replace('{' + 'toObjectType' + '}', encodeURIComponent(String(toObjectType)))
            .replace('{' + 'toObjectId' + '}', encodeURIComponent(String(toObjectId)))
            .replace('{' + 'associationType' + '}', encodeURIComponent(String(associationType)));
        let localVarRequestOptions = { method: 'PUT', uri: localVarPath };
    }
}
exports.AssociationsApi = AssociationsApi;`,
    });
    const found = deriveApiClient(root, () => {});
    expect(found.chains).toEqual({ 'crm.deals.associationsApi.create': [['PUT', '/crm/v3/objects/deals/{}/associations/{toObjectType}/{}/{}']] });
    expect(found.args).toEqual({ 'crm.deals.associationsApi.create': { '/crm/v3/objects/deals/{}/associations/{toObjectType}/{}/{}': { '{toObjectType}': 1 } } });
  });

  it('6.x+: request factories; a parameter order other than the path order', () => {
    const root = pkg('discovery', {
      'lib/src/discovery/BaseDiscovery.d.ts': 'export default class BaseDiscovery {}',
      'lib/src/client.d.ts': `import CrmDiscovery from './discovery/crm/CrmDiscovery';
export declare class Client {
    get crm(): CrmDiscovery;
}`,
      'lib/src/discovery/crm/CrmDiscovery.d.ts': `import AssociationsDiscovery from './associations/AssociationsDiscovery';
export default class CrmDiscovery extends BaseDiscovery {
    get associations(): AssociationsDiscovery;
}`,
      'lib/src/discovery/crm/CrmDiscovery.js': 'class CrmDiscovery {}',
      'lib/src/discovery/crm/associations/AssociationsDiscovery.d.ts': `import { BatchApi } from '../../../../codegen/crm/associations/index';
export default class AssociationsDiscovery {
    batchApi: BatchApi;
}`,
      'lib/codegen/crm/associations/index.d.ts': `export { PromiseBatchApi as BatchApi } from './types/PromiseAPI';`,
      'lib/codegen/crm/associations/apis/BatchApi.js': `class BatchApiRequestFactory extends BaseAPIRequestFactory {
    read(batchInput, toObjectType, fromObjectType, _options) {
        const localVarPath = '/crm/v3/associations/{fromObjectType}/{toObjectType}/batch/read'
            .replace('{' + 'fromObjectType' + '}', encodeURIComponent(String(fromObjectType)))
            .replace('{' + 'toObjectType' + '}', encodeURIComponent(String(toObjectType)));
        const requestContext = _config.baseServer.makeRequestContext(localVarPath, http_1.HttpMethod.POST);
    }
}
exports.BatchApiRequestFactory = BatchApiRequestFactory;`,
    });
    const found = deriveApiClient(root, () => {});
    expect(found.args).toEqual({
      'crm.associations.batchApi.read': { '/crm/v3/associations/{fromObjectType}/{toObjectType}/batch/read': { '{fromObjectType}': 2, '{toObjectType}': 1 } },
    });
  });

  it('merges versions; an index that differs between versions is left out and listed', () => {
    const merged = mergeArgs([
      { version: '1', args: { 'a.get': { '/a/{objectType}': { '{objectType}': 0 } }, 'b.get': { '/b/{toObjectType}': { '{toObjectType}': 1 } } } },
      { version: '2', args: { 'a.get': { '/v2/a/{objectType}': { '{objectType}': 0 } }, 'b.get': { '/b/{toObjectType}': { '{toObjectType}': 2 } } } },
      { version: '3' },
    ]);
    expect(merged).toEqual({ chains: { 'a.get': { '{objectType}': 0 } }, conflicts: ['b.get {toObjectType}: arguments 1, 2'] });
  });

  it('the committed JSON is what serialiseArgs makes of its own facts (byte for byte)', () => {
    const text = readFileSync(committed, 'utf8');
    expect(serialiseArgs(JSON.parse(text))).toBe(text);
    const chains = JSON.parse(text).libraries['hubspot-api-client'].chains;
    expect(chains['crm.contacts.associationsApi.getAll']).toEqual({ '{toObjectType}': 1 });
    expect(chains['crm.objects.basicApi.create']).toEqual({ '{objectType}': 0 });
  });

  const packs = process.env.CLIENT_MAPS_PACKS;
  it.skipIf(!packs || !existsSync(packs))('rerunning the script on the packed versions reproduces client-args.json byte for byte', () => {
    const out = join(work, 'client-maps.json');
    execFileSync(process.execPath, [join(repo, 'scripts/build-client-maps.mjs'), out, '--packs', packs!], { stdio: 'pipe' });
    expect(readFileSync(join(work, 'client-args.json')).equals(readFileSync(committed))).toBe(true);
  }, 300_000);
});

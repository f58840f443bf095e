// Per version line of the SDKs that took an account key: method chain → method + path, each case read
// by hand in that version's published code (npm pack <package>@<version>; the file and the lines
// `localVarPath = …` with `method: '…'` / `makeRequestContext(localVarPath, HttpMethod.…)`, or hubspot's
// `apiRequest`/`_request({ method, path })`). The version hint selects that line's endpoints.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chainVersions, libraryCall, libraryEndpoints, libraryInfo, libraryVersionHint, type Library } from '../../src/scopes/index.js';
import { versionsForHint } from '../../src/scopes/client-versions.js';

type Row = [version: string, chain: string, method: string, path: string];

// @hubspot/api-client. 3.x–5.x: lib/codegen/<api>/api/<x>Api.js (request-based) wired in
// lib/src/client.js; 6.x+: lib/codegen/<api>/apis/<X>Api.js wired through lib/src/discovery.
const apiClient: Row[] = [
  ['3.0.1', 'crm.owners.defaultApi.getPage', 'GET', '/crm/v3/owners'], // crm/owners/api/defaultApi.js '/crm/v3/owners/', 'GET'
  ['3.0.1', 'crm.owners.defaultApi.getById', 'GET', '/crm/v3/owners/{}'],
  ['3.0.1', 'crm.contacts.basicApi.update', 'PATCH', '/crm/v3/objects/contacts/{}'], // crm/contacts/api/basicApi.js
  ['3.0.1', 'crm.contacts.getAll', 'GET', '/crm/v3/objects/contacts'], // client.js _retrieveGetAllFunction(_contactsBasicApi.getPage)
  ['3.0.1', 'cms.auditLogs.defaultApi.getPage', 'GET', '/cms/v3/audit-logs'],
  ['3.1.0', 'cms.hubdb.tablesApi.updateTable', 'PATCH', '/cms/v3/hubdb/tables/{}'], // cms/hubdb/api/tablesApi.js
  ['3.2.6', 'automation.actions.callbacksApi.complete', 'POST', '/automation/v4/actions/callbacks/{}/complete'],
  ['3.4.1', 'conversations.visitorIdentification.generateApi.generateToken', 'POST', '/conversations/v3/visitor-identification/tokens/create'],
  ['4.0.0', 'crm.objects.searchApi.doSearch', 'POST', '/crm/v3/objects/{objectType}/search'],
  ['4.1.0', 'communicationPreferences.statusApi.subscribe', 'POST', '/communication-preferences/v3/subscribe'],
  ['4.1.0', 'crm.owners.defaultApi.getPage', 'GET', '/crm/v3/owners'],
  ['5.0.0', 'crm.owners.ownersApi.getPage', 'GET', '/crm/v3/owners'], // crm/owners/api/ownersApi.js
  ['5.0.0', 'crm.contacts.gdprApi.purgeById', 'DELETE', '/crm/v3/objects/gdpr/contacts/{}'], // crm/contacts/api/gDPRApi.js
  ['6.0.1', 'crm.owners.ownersApi.getPage', 'GET', '/crm/v3/owners'], // crm/owners/apis/OwnersApi.js
  ['6.0.1', 'crm.objects.notes.batchApi.read', 'POST', '/crm/v3/objects/notes/batch/read'],
  ['6.0.1', 'crm.companies.basicApi.create', 'POST', '/crm/v3/objects/companies'],
  ['7.0.1', 'crm.quotes.basicApi.update', 'PATCH', '/crm/v3/objects/quotes/{}'],
  ['7.1.2', 'crm.deals.basicApi.getPage', 'GET', '/crm/v3/objects/deals'], // crm/deals/apis/BasicApi.js
  ['7.2.0', 'crm.contacts.basicApi.getPage', 'GET', '/crm/v3/objects/contacts'],
  ['8.0.0', 'crm.companies.associationsApi.archive', 'DELETE', '/crm/v4/objects/companies/{}/associations/{toObjectType}/{}'], // getters typed any: initObject('crm/…')
  ['8.0.0', 'files.foldersApi.getById', 'GET', '/files/v3/folders/{}'],
  ['8.1.0', 'crm.owners.ownersApi.getById', 'GET', '/crm/v3/owners/{}'],
  ['8.2.0', 'crm.tickets.batchApi.read', 'POST', '/crm/v3/objects/tickets/batch/read'],
  ['8.3.2', 'crm.objects.postalMail.basicApi.getPage', 'GET', '/crm/v3/objects/postal_mail'],
  ['8.4.2', 'cms.hubdb.rowsApi.getTableRows', 'GET', '/cms/v3/hubdb/tables/{}/rows'],
  ['8.5.0', 'marketing.transactional.singleSendApi.sendEmail', 'POST', '/marketing/v3/transactional/single-email/send'],
  ['8.6.0', 'crm.associations.v4.batchApi.create', 'POST', '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/create'],
  ['8.8.1', 'crm.lineItems.searchApi.doSearch', 'POST', '/crm/v3/objects/line_items/search'],
  ['8.9.0', 'crm.contacts.basicApi.getById', 'GET', '/crm/v3/objects/contacts/{}'],
  ['9.0.0', 'cms.hubdb.rowsBatchApi.cloneDraftTableRows', 'POST', '/cms/v3/hubdb/tables/{}/rows/draft/batch/clone'],
  ['9.0.0', 'crm.associations.v4.schema.definitionsApi.getAll', 'GET', '/crm/v4/associations/{fromObjectType}/{toObjectType}/labels'],
  ['13.5.0', 'cms.pages.sitePagesApi.getPage', 'GET', '/cms/v3/pages/site-pages'],
  ['14.0.1', 'crm.contacts.basicApi.getPage', 'GET', '/crm/v3/objects/contacts'],
];

// hubspot (MadKudu): lib/<group>.js
const hubspotNpm: Row[] = [
  ['1.0.2', 'contacts.create', 'POST', '/contacts/v1/contact'], // contact.js _request({ method: 'POST', path: '/contacts/v1/contact' })
  ['1.0.2', 'contacts.properties.get', 'GET', '/contacts/v2/properties'], // contact_property.js get → getAll
  ['1.0.2', 'contacts.properties.getByName', 'GET', '/properties/v1/contacts/properties/named/{}'],
  ['1.1.0', 'companies.getContactIds', 'GET', '/companies/v2/companies/{}/vids'],
  ['1.2.0', 'companies.updateBatch', 'POST', '/companies/v1/batch-async/update'],
  ['1.3.4', 'engagements.getCallDispositions', 'GET', '/calling/v1/dispositions'],
  ['2.0.0', 'contacts.properties.getAll', 'GET', '/contacts/v2/properties'],
  ['2.1.3', 'contacts.properties.get', 'GET', '/properties/v1/contacts/properties'],
  ['2.1.3', 'lists.create', 'POST', '/contacts/v1/lists'],
  ['2.3.14', 'owners.getById', 'GET', '/owners/v2/owners/{}'], // owner.js `/owners/v2/owners/${id}`
  ['2.3.14', 'companies.getByDomain', 'POST', '/companies/v2/domains/{}/companies'],
  ['1.3.4', 'companies.getByDomain', 'GET', '/companies/v2/companies/domain/{}'],
  ['2.3.14', 'contacts.getById', 'GET', '/contacts/v1/contact/vid/{}/profile'],
];

function check(lib: Library, rows: Row[]) {
  it('has a case for every version line read', () => {
    expect([...new Set(rows.map((r) => r[0]))].sort()).toEqual([...libraryInfo(lib)!.versions].sort());
  });
  it.each(rows)(`${lib}@%s %s`, (version, chain, method, path) => {
    expect(libraryEndpoints(lib, chain, { version })).toEqual([{ method, path }]);
    expect(chainVersions(lib, chain)).toContain(version);
  });
}

describe('every version line read', () => {
  it('the maps record every minor line of @hubspot/api-client 3.x–9.0 and hubspot 1.x–2.x', () => {
    expect(libraryInfo('hubspot-api-client')!.versions).toEqual([
      '3.0.1', '3.1.0', '3.2.6', '3.4.1', '4.0.0', '4.1.0', '5.0.0', '6.0.1', '7.0.1', '7.1.2', '7.2.0',
      '8.0.0', '8.1.0', '8.2.0', '8.3.2', '8.4.2', '8.5.0', '8.6.0', '8.8.1', '8.9.0', '9.0.0', '13.5.0', '14.0.1',
    ]);
    expect(libraryInfo('hubspot')!.versions).toEqual(['1.0.2', '1.1.0', '1.2.0', '1.3.4', '2.0.0', '2.1.3', '2.3.14']);
  });
  describe('@hubspot/api-client', () => check('hubspot-api-client', apiClient));
  describe('hubspot', () => check('hubspot', hubspotNpm));

  it('records which versions have a chain: the owners API class was renamed in 5.0', () => {
    expect(chainVersions('hubspot-api-client', 'crm.owners.defaultApi.getPage')).toEqual(['3.0.1', '3.1.0', '3.2.6', '3.4.1', '4.0.0', '4.1.0']);
    expect(chainVersions('hubspot-api-client', 'crm.owners.ownersApi.getPage')[0]).toBe('5.0.0');
    expect(chainVersions('hubspot-api-client', 'hubspotClient.crm.owners.ownersApi.getPage')).toContain('14.0.1');
    expect(chainVersions('hubspot', 'contacts.properties.getGroups')[0]).toBe('1.3.4');
    expect(chainVersions('hubspot', 'no.such')).toEqual([]);
  });

  it('a method the hinted version lacks still resolves through the other versions', () => {
    expect(libraryEndpoints('hubspot-api-client', 'crm.owners.defaultApi.getPage', { version: '^6.0.0' })).toEqual([{ method: 'GET', path: '/crm/v3/owners' }]);
  });

  it('without a hint a chain gives the union over versions; with one, that line', () => {
    const both = [
      { method: 'GET', path: '/companies/v2/companies/domain/{}' },
      { method: 'POST', path: '/companies/v2/domains/{}/companies' },
    ];
    expect(libraryEndpoints('hubspot', 'companies.getByDomain')).toEqual(both);
    expect(libraryEndpoints('hubspot', 'companies.getByDomain', { version: '^1.3.0' })).toEqual([both[0]]);
    expect(libraryEndpoints('hubspot', 'companies.getByDomain', { version: '2.3.14' })).toEqual([both[1]]);
    expect(libraryEndpoints('hubspot', 'companies.getByDomain', { version: 'latest' })).toEqual(both);
  });

  it('finds the hint in package.json', () => {
    const pkg = { dependencies: { express: '^4' }, devDependencies: { '@hubspot/api-client': '~6.0.1' }, peerDependencies: { hubspot: '^1.3.0' } };
    expect(libraryVersionHint(pkg, 'hubspot-api-client')).toBe('~6.0.1');
    expect(libraryVersionHint(pkg, 'hubspot')).toBe('^1.3.0');
    expect(libraryVersionHint(pkg, 'hubspot-api')).toBeUndefined();
    expect(libraryVersionHint(null, 'hubspot')).toBeUndefined();
    const hint = libraryVersionHint(pkg, 'hubspot');
    expect(libraryCall('hubspot', 'companies.getByDomain', { version: hint }).endpoints).toEqual([{ method: 'GET', path: '/companies/v2/companies/domain/{}' }]);
  });

  it('reads package.json ranges', () => {
    const v = libraryInfo('hubspot-api-client')!.versions;
    expect(versionsForHint(v, '8.4.1')).toEqual(['8.4.2']);
    expect(versionsForHint(v, '~8.4.0')).toEqual(['8.4.2']);
    expect(versionsForHint(v, '8.7.0')).toEqual(['8.6.0']); // no 8.7 line: the newest before it
    expect(versionsForHint(v, '^8.5.0')).toEqual(['8.5.0', '8.6.0', '8.8.1', '8.9.0']);
    expect(versionsForHint(v, '8.x')).toHaveLength(9);
    expect(versionsForHint(v, '>=13')).toEqual(['13.5.0', '14.0.1']);
    expect(versionsForHint(v, '^11.1.0')).toEqual([]);
    expect(versionsForHint(v, 'github:HubSpot/hubspot-api-nodejs')).toEqual([]);
  });
});

describe('unknown methods: the API family as uncertain candidates', () => {
  const fam = (lib: Library, chain: string) => libraryCall(lib, chain);
  it('known chains give endpoints and no uncertain scopes', () => {
    expect(fam('hubspot-api-client', 'crm.companies.basicApi.create')).toEqual({ endpoints: [{ method: 'POST', path: '/crm/v3/objects/companies' }], uncertainScopes: [], family: null });
    expect(fam('hubspot', 'contacts.getById').endpoints).toEqual([{ method: 'GET', path: '/contacts/v1/contact/vid/{}/profile' }]);
  });
  it.each([
    ['hubspot-api-client', 'crm.owners.someFutureApi.list', 'crm.owners', ['crm.objects.owners.read']],
    ['hubspot-api-client', 'crm.contacts.basicApi.noSuchMethod', 'crm.contacts.basicApi', ['crm.objects.contacts.read', 'crm.objects.contacts.write']],
    ['hubspot-api-client', 'client.crm.contacts.newApi.x', 'crm.contacts', ['crm.objects.contacts.read', 'crm.objects.contacts.write']],
    ['hubspot-api-client', 'cms.hubdb.newApi.x', 'cms.hubdb', ['hubdb', 'hubdb.tables.write']],
    ['hubspot-api-client', 'marketing.transactional.newApi.send', 'marketing.transactional', ['transactional-email']],
    ['hubspot-api-client', 'crm.leads.basicApi.create', 'crm.leads', ['crm.objects.leads.read', 'crm.objects.leads.write']], // from the catalog's object types
    ['hubspot', 'contacts.newMethod', 'contacts', ['crm.objects.contacts.read', 'crm.objects.contacts.write']],
    ['hubspot', 'deals.newMethod', 'deals', ['crm.objects.deals.read', 'crm.objects.deals.write']],
    ['hubspot', 'contacts.properties.newMethod', 'contacts.properties', ['crm.schemas.contacts.read', 'crm.schemas.contacts.write']],
    ['hubspot-api', 'blog.newMethod', 'blog', ['content']],
  ] as Array<[Library, string, string, string[]]>)('%s %s → %s', (lib, chain, family, scopes) => {
    const r = fam(lib, chain);
    expect(r.endpoints).toEqual([]);
    expect(r.family).toBe(family);
    expect(r.uncertainScopes).toEqual(scopes);
  });
  it('crm[objectType].… unknown: the generic objects family (every object type, uncertain)', () => {
    const r = fam('hubspot-api-client', 'crm[objectType].basicApi.someFutureMethod');
    expect(r.family).toBe('crm.objects.basicApi');
    expect(r.uncertainScopes).toEqual(expect.arrayContaining(['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.write', 'tickets']));
  });
  it('associations and engagements have families too', () => {
    expect(fam('hubspot-api-client', 'crm.associations.newApi.x').uncertainScopes).toEqual(expect.arrayContaining(['crm.objects.contacts.write', 'crm.objects.companies.write']));
    expect(fam('hubspot', 'engagements.newMethod').uncertainScopes.length).toBeGreaterThan(0);
  });
  it('no family: nothing to guess from (the call stays unresolved)', () => {
    expect(fam('hubspot-api-client', 'crm.noSuchNamespace.fooApi.bar')).toEqual({ endpoints: [], uncertainScopes: [], family: null });
    expect(fam('hubspot-api-client', 'apiRequest')).toEqual({ endpoints: [], uncertainScopes: [], family: null });
  });
});

describe('client-maps.json', () => {
  const file = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../src/scopes/client-maps.json');
  it('stays small: identical facts stored once, versions as ranges', () => {
    expect(statSync(file).size).toBeLessThan(160_000);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    for (const lib of Object.values<{ versions: string[]; chains: Record<string, Array<[string, string, string?]>> }>(data.libraries)) {
      for (const entries of Object.values(lib.chains)) {
        const keys = entries.map((e) => `${e[0]} ${e[1]}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const e of entries) if (e[2]) for (const part of e[2].split(',')) for (const v of part.split('..')) expect(lib.versions).toContain(v);
      }
    }
  });
});

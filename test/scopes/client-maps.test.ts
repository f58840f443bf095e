// Client-library method chains → (method, path). Expectations from the libraries' documented
// methods and HubSpot's endpoint docs (hubspot npm lib/contact.js: createOrUpdate → POST
// /contacts/v1/contact/createOrUpdate/email/:email; hubspot-api pages.getPages → GET /content/api/v2/pages; …).
import { describe, expect, it } from 'vitest';
import { isRequestPassthrough, libraryEndpoints, libraryInfo, scopesFor, type Library } from '../../src/scopes/index.js';

type Case = [Library, string, Array<{ method: string; path: string }>];

const cases: Case[] = [
  ['hubspot-api-client', 'crm.contacts.basicApi.getPage', [{ method: 'GET', path: '/crm/v3/objects/contacts' }]],
  ['hubspot-api-client', 'crm.contacts.basicApi.create', [{ method: 'POST', path: '/crm/v3/objects/contacts' }]],
  ['hubspot-api-client', 'crm.contacts.basicApi.update', [{ method: 'PATCH', path: '/crm/v3/objects/contacts/{}' }]],
  ['hubspot-api-client', 'crm.contacts.getAll', [{ method: 'GET', path: '/crm/v3/objects/contacts' }]],
  ['hubspot-api-client', 'crm.deals.searchApi.doSearch', [{ method: 'POST', path: '/crm/v3/objects/deals/search' }]],
  ['hubspot-api-client', 'crm.companies.batchApi.read', [{ method: 'POST', path: '/crm/v3/objects/companies/batch/read' }]],
  ['hubspot-api-client', 'cms.hubdb.rowsApi.createTableRow', [{ method: 'POST', path: '/cms/v3/hubdb/tables/{}/rows' }]],
  ['hubspot-api-client', 'crm.properties.coreApi.getAll', [{ method: 'GET', path: '/crm/v3/properties/{objectType}' }]],
  ['hubspot-api-client', 'crm.objects.basicApi.getPage', [{ method: 'GET', path: '/crm/v3/objects/{objectType}' }]],
  ['hubspot-api-client', 'crm.owners.ownersApi.getPage', [{ method: 'GET', path: '/crm/v3/owners' }]],
  ['hubspot-api-client', 'webhooks.settingsApi.configure', [{ method: 'PUT', path: '/webhooks/v3/{}/settings' }]],
  ['hubspot', 'contacts.get', [{ method: 'GET', path: '/contacts/v1/lists/all/contacts/all' }]],
  ['hubspot', 'contacts.createOrUpdate', [{ method: 'POST', path: '/contacts/v1/contact/createOrUpdate/email/{}' }]],
  ['hubspot', 'contacts.search', [{ method: 'GET', path: '/contacts/v1/search/query' }]],
  ['hubspot', 'contacts.getById', [{ method: 'GET', path: '/contacts/v1/contact/vid/{}/profile' }]],
  ['hubspot', 'contacts.getByEmail', [{ method: 'GET', path: '/contacts/v1/contact/email/{}/profile' }]],
  ['hubspot', 'contacts.properties.create', [{ method: 'POST', path: '/properties/v1/contacts/properties' }]],
  ['hubspot', 'contacts.properties.update', [{ method: 'PUT', path: '/properties/v1/contacts/properties/named/{}' }]],
  ['hubspot', 'contacts.properties.getGroups', [{ method: 'GET', path: '/properties/v1/contacts/groups' }]],
  ['hubspot', 'owners.get', [{ method: 'GET', path: '/owners/v2/owners' }]],
  ['hubspot', 'engagements.create', [{ method: 'POST', path: '/engagements/v1/engagements' }]],
  ['hubspot', 'engagements.getAssociated', [{ method: 'GET', path: '/engagements/v1/engagements/associated/{}/{}/paged' }]],
  ['hubspot', 'files.upload', [{ method: 'POST', path: '/filemanager/api/v3/files/upload' }]],
  ['hubspot-api', 'pages.getPages', [{ method: 'GET', path: '/content/api/v2/pages' }]],
  ['hubspot-api', 'pages.deletePage', [{ method: 'DELETE', path: '/content/api/v2/pages/{}' }]],
  ['hubspot-api', 'templates.getTemplates', [{ method: 'GET', path: '/content/api/v2/templates' }]],
  ['hubspot-api', 'hubdb.getTables', [{ method: 'GET', path: '/hubdb/api/v2/tables' }]],
  ['hubspot-api', 'pages.createOrUpdatePage', [{ method: 'POST', path: '/content/api/v2/pages' }, { method: 'PUT', path: '/content/api/v2/pages/{}' }]],
];

const sortEp = (a: Array<{ method: string | null; path: string }>) => [...a].sort((x, y) => `${x.method} ${x.path}`.localeCompare(`${y.method} ${y.path}`));

describe('libraryEndpoints', () => {
  it.each(cases)('%s %s', (lib, chain, expected) => {
    expect(sortEp(libraryEndpoints(lib, chain) ?? [])).toEqual(sortEp(expected));
  });

  it('hubspot contacts.properties.get: the old and the current path', () => {
    expect(sortEp(libraryEndpoints('hubspot', 'contacts.properties.get') ?? [])).toEqual([
      { method: 'GET', path: '/contacts/v2/properties' },
      { method: 'GET', path: '/properties/v1/contacts/properties' },
    ]);
    expect(libraryEndpoints('hubspot', 'contacts.properties.get', { version: '^2.3.0' })).toEqual([{ method: 'GET', path: '/properties/v1/contacts/properties' }]);
  });

  it('dynamic crm[x] chains give the {objectType} path', () => {
    for (const chain of ['crm[objectType].basicApi.getPage', 'crm[type].basicApi.getPage', "crm['objects'].basicApi.getPage"]) {
      expect(libraryEndpoints('hubspot-api-client', chain)).toEqual([{ method: 'GET', path: '/crm/v3/objects/{objectType}' }]);
    }
    expect(libraryEndpoints('hubspot-api-client', 'crm[x].searchApi.doSearch')).toEqual([{ method: 'POST', path: '/crm/v3/objects/{objectType}/search' }]);
    expect(libraryEndpoints('hubspot-api-client', "crm['contacts'].basicApi.getPage")).toEqual([{ method: 'GET', path: '/crm/v3/objects/contacts' }]);
  });

  it('tolerates the client variable, optional chaining and WithHttpInfo', () => {
    expect(libraryEndpoints('hubspot-api-client', 'hubspotClient.crm.contacts.basicApi.getPage')).toEqual([{ method: 'GET', path: '/crm/v3/objects/contacts' }]);
    expect(libraryEndpoints('hubspot-api-client', 'this.client?.crm.contacts.basicApi.getById')).toEqual([{ method: 'GET', path: '/crm/v3/objects/contacts/{}' }]);
    expect(libraryEndpoints('hubspot-api-client', 'crm.contacts.basicApi.getPageWithHttpInfo')).toEqual([{ method: 'GET', path: '/crm/v3/objects/contacts' }]);
    expect(libraryEndpoints('hubspot', 'hubspot.contacts.createOrUpdate')).toEqual([{ method: 'POST', path: '/contacts/v1/contact/createOrUpdate/email/{}' }]);
  });

  it('apiRequest passes its own method and path', () => {
    expect(isRequestPassthrough('hubspot-api-client', 'apiRequest')).toBe(true);
    expect(isRequestPassthrough('hubspot-api-client', 'client.apiRequest')).toBe(true);
    expect(libraryEndpoints('hubspot-api-client', 'apiRequest')).toBeNull();
    expect(libraryEndpoints('hubspot-api-client', 'apiRequest', { method: 'post', path: '/crm/v3/objects/contacts' })).toEqual([{ method: 'POST', path: '/crm/v3/objects/contacts' }]);
    expect(libraryEndpoints('hubspot-api-client', 'apiRequest', { path: '/owners/v2/owners' })).toEqual([{ method: 'GET', path: '/owners/v2/owners' }]);
    expect(libraryEndpoints('hubspot-api-client', 'apiRequest', { method: null, path: '/owners/v2/owners' })).toEqual([{ method: null, path: '/owners/v2/owners' }]);
    expect(libraryEndpoints('hubspot', 'apiRequest', { method: 'GET', path: '/contacts/v1/lists' })).toEqual([{ method: 'GET', path: '/contacts/v1/lists' }]);
  });

  it('unknown chains give null', () => {
    expect(libraryEndpoints('hubspot-api-client', 'crm.contacts.basicApi.noSuchMethod')).toBeNull();
    expect(libraryEndpoints('hubspot', 'nothing.here')).toBeNull();
    expect(libraryEndpoints('hubspot-api', '')).toBeNull();
  });

  it('records the library versions it was derived from', () => {
    expect(libraryInfo('hubspot-api-client')?.versions).toEqual(expect.arrayContaining(['8.9.0', '14.0.1']));
    expect(libraryInfo('hubspot')?.versions).toContain('2.3.14');
    expect(libraryInfo('hubspot-api')?.package).toBe('hubspot-api');
  });

  it('the mapped endpoints of the judged calls resolve to the expected scopes', () => {
    const [createOrUpdate] = libraryEndpoints('hubspot', 'contacts.createOrUpdate')!;
    expect(scopesFor(createOrUpdate.method, createOrUpdate.path).scopes).toEqual(['crm.objects.contacts.write']);
    const [getPages] = libraryEndpoints('hubspot-api', 'pages.getPages')!;
    expect(scopesFor(getPages.method, getPages.path).scopes).toEqual(['content']);
    const [page] = libraryEndpoints('hubspot-api-client', 'crm.objects.basicApi.getPage')!;
    expect(scopesFor(page.method, page.path, 'products').scopes).toEqual(['crm.objects.products.read']);
  });
});

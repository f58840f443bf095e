// `hs.crm[objectType]…` with a run-time object type: the common types' scopes, a custom object's among them, are
// offered as uncertain candidates (facts: hubspot-facts.md §2.2, object type → scopes); nothing is required.
import { describe, expect, it } from 'vitest';
import { scopesFor } from '../../src/scopes/index.js';

describe('an object type chosen at run time', () => {
  it('GET /crm/v3/objects/{objectType}: the read scopes of contacts, companies, deals, tickets and custom objects, none required', () => {
    const m = scopesFor('GET', '/crm/v3/objects/{objectType}');
    expect(m.scopes).toEqual([]);
    expect(m.uncertain).toEqual(['crm.objects.companies.read', 'crm.objects.contacts.read', 'crm.objects.custom.read', 'crm.objects.deals.read', 'tickets']);
  });
  it('PATCH /crm/v3/objects/{objectType}/{}: the write scopes', () => {
    expect(scopesFor('PATCH', '/crm/v3/objects/{objectType}/{}').uncertain).toEqual(['crm.objects.companies.write', 'crm.objects.contacts.write', 'crm.objects.custom.write', 'crm.objects.deals.write', 'tickets']);
  });
  it('GET /crm/v3/properties/{objectType}: the schema read scopes, a custom object\'s among them', () => {
    const m = scopesFor('GET', '/crm/v3/properties/{objectType}');
    expect(m.scopes).toEqual([]);
    expect(m.uncertain).toContain('crm.schemas.custom.read');
    expect(m.uncertain).toContain('crm.schemas.contacts.read');
  });
  it('a known type still resolves exactly; `custom` (a 2-… ID or p_… name found in the code) is a custom object', () => {
    expect(scopesFor('GET', '/crm/v3/objects/deals').scopes).toEqual(['crm.objects.deals.read']);
    expect(scopesFor('POST', '/crm/v3/objects/custom/search').scopes).toEqual(['crm.objects.custom.read']);
    expect(scopesFor('GET', '/crm/v3/objects/2-123456/{}').scopes).toEqual(['crm.objects.custom.read']);
    expect(scopesFor('GET', '/crm/v3/properties/custom').scopes).toEqual(['crm.schemas.custom.read']);
  });
  it('associations to a run-time type: the from side required, the associated side\'s candidates uncertain', () => {
    const m = scopesFor('GET', '/crm/v3/objects/contacts/{}/associations/{toObjectType}');
    expect(m.scopes).toEqual(['crm.objects.contacts.read']);
    expect(m.uncertain).toEqual(['crm.objects.companies.read', 'crm.objects.custom.read', 'crm.objects.deals.read', 'tickets']);
  });
  it('associations to a named type need the scopes of both sides (reading: read; creating: write)', () => {
    expect(scopesFor('GET', '/crm/v3/objects/contacts/{}/associations/company').scopes).toEqual(['crm.objects.companies.read', 'crm.objects.contacts.read']);
    expect(scopesFor('GET', '/crm/v3/objects/deals/{}/associations/task').scopes).toEqual(['crm.objects.contacts.read', 'crm.objects.deals.read']);
    expect(scopesFor('PUT', '/crm/v3/objects/companies/{}/associations/deals/{}/{}').scopes).toEqual(['crm.objects.companies.write', 'crm.objects.deals.write']);
    expect(scopesFor('POST', '/crm/v3/associations/deal/company/batch/create').scopes).toEqual(['crm.objects.companies.write', 'crm.objects.deals.write']);
    expect(scopesFor('PUT', '/crm/v4/objects/deals/{}/associations/companies/{}').scopes).toEqual(['crm.objects.companies.write', 'crm.objects.deals.write']);
  });
});

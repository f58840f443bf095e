// `hs.crm[objectType]…` with a run-time object type: the common types' scopes are offered as uncertain candidates
// (facts: hubspot-facts.md §2.2, object type → scopes).
import { describe, expect, it } from 'vitest';
import { scopesFor } from '../../src/scopes/index.js';

describe('an object type chosen at run time', () => {
  it('GET /crm/v3/objects/{objectType}: the read scopes of contacts, companies, deals and tickets, none required', () => {
    const m = scopesFor('GET', '/crm/v3/objects/{objectType}');
    expect(m.scopes).toEqual([]);
    expect(m.uncertain).toEqual(['crm.objects.companies.read', 'crm.objects.contacts.read', 'crm.objects.deals.read', 'tickets']);
  });
  it('PATCH /crm/v3/objects/{objectType}/{}: the write scopes', () => {
    expect(scopesFor('PATCH', '/crm/v3/objects/{objectType}/{}').uncertain).toEqual(['crm.objects.companies.write', 'crm.objects.contacts.write', 'crm.objects.deals.write', 'tickets']);
  });
  it('a known type still resolves exactly', () => {
    expect(scopesFor('GET', '/crm/v3/objects/deals').scopes).toEqual(['crm.objects.deals.read']);
  });
});

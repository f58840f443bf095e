// Scopes that follow the object a call is about: engagements v1 associated with the objects its body names, or
// with the object its path names; a custom object schema's purge.
import { describe, expect, it } from 'vitest';
import { bodyTypeKeys, lifecycleFor, scopesFor } from '../../src/scopes/index.js';

describe('engagements v1: the associated objects', () => {
  it('the body arrays that name them come from the catalog', () => {
    expect(bodyTypeKeys('POST', '/engagements/v1/engagements')).toEqual({
      'associations.companyIds': 'companies',
      'associations.contactIds': 'contacts',
      'associations.dealIds': 'deals',
      'associations.ticketIds': 'tickets',
    });
    expect(bodyTypeKeys('POST', '/crm/v3/objects/contacts')).toBeNull();
    expect(bodyTypeKeys('GET', '/contacts/v1/lists/all/contacts/all')).toBeNull();
  });
  it('create: the write scope of each associated object type', () => {
    expect(scopesFor('POST', '/engagements/v1/engagements', ['companies']).scopes).toEqual(['crm.objects.companies.write']);
    expect(scopesFor('POST', '/engagements/v1/engagements', ['contacts', 'deals']).scopes).toEqual(['crm.objects.contacts.write', 'crm.objects.deals.write']);
    expect(scopesFor('POST', '/engagements/v1/engagements', ['tickets']).scopes).toEqual(['tickets']);
  });
  it('no associated type known: the rule\'s least-privileged choice, as before', () => {
    expect(scopesFor('POST', '/engagements/v1/engagements').scopes).toEqual(['crm.objects.contacts.write']);
    expect(scopesFor('POST', '/engagements/v1/engagements', []).scopes).toEqual(['crm.objects.contacts.write']);
  });
  it('an object type string is not a list of associated types', () => {
    expect(scopesFor('POST', '/engagements/v1/engagements', 'companies').scopes).toEqual(['crm.objects.contacts.write']);
  });
  it('engagements associated with the object the path names: its read scope', () => {
    expect(scopesFor('GET', '/engagements/v1/engagements/associated/COMPANY/{}/paged').scopes).toEqual(['crm.objects.companies.read']);
    expect(scopesFor('GET', '/engagements/v1/engagements/associated/DEAL/123/paged').scopes).toEqual(['crm.objects.deals.read']);
    expect(scopesFor('GET', '/engagements/v1/engagements/associated/TICKET/{}/paged').scopes).toEqual(['tickets']);
    // a run-time object type: the engagements family's choice
    expect(scopesFor('GET', '/engagements/v1/engagements/associated/{}/{}/paged').scopes).toEqual(['crm.objects.contacts.read']);
  });
});

describe('custom object schemas', () => {
  it('purge (hard delete, replaced by DELETE …/schemas/{objectType}?archived=true): crm.schemas.custom.write', () => {
    for (const p of ['/crm/v3/schemas/{}/purge', '/crm-object-schemas/v3/schemas/p_cars/purge']) {
      const m = scopesFor('DELETE', p);
      expect(m.scopes).toEqual(['crm.schemas.custom.write']);
      expect(m.pattern).toBe('schemas-v3-purge');
    }
  });
  it('purge was removed in 2021: the lifecycle says so and names the schema DELETE', () => {
    expect(lifecycleFor('DELETE', '/crm/v3/schemas/{}/purge')).toMatchObject({ status: 'removed', replacement: '/crm-object-schemas/2026-09/schemas/{}' });
    expect(lifecycleFor('DELETE', '/crm/v3/schemas/{}')).toMatchObject({ status: 'unsupported-from', date: '2027-09' });
  });
});

import { describe, expect, it } from 'vitest';
import { scopesFor } from '../../src/scopes/index.js';

const read = (id: string | number) => scopesFor('GET', `/crm-associations/v1/associations/{}/HUBSPOT_DEFINED/${id}`);

describe('CRM associations v1: the HubSpot-defined id says which objects', () => {
  it.each([
    [1, ['crm.objects.contacts.read'], ['crm.objects.companies.read']],
    [2, ['crm.objects.companies.read'], ['crm.objects.contacts.read']],
    [3, ['crm.objects.deals.read'], ['crm.objects.contacts.read']],
    [4, ['crm.objects.contacts.read'], ['crm.objects.deals.read']],
    [16, ['tickets'], ['crm.objects.contacts.read']],
    [13, ['crm.objects.companies.read'], []],
  ])('definition %s: the from-object\'s read scope, the other one uncertain', (id, scopes, uncertain) => {
    const m = read(id as number);
    expect([m.scopes, m.uncertain, m.matched]).toEqual([scopes, uncertain, 'legacy-rule']);
  });

  it('an unknown or run-time id, and the other methods, keep the family rule', () => {
    expect(read(99).pattern).toBe('crm-associations-v1');
    expect(read('{}').objectType).toBeUndefined();
    expect(scopesFor('PUT', '/crm-associations/v1/associations').scopes).toEqual(['crm.objects.companies.write']);
  });
});

describe('CRM associations v1 writes: the body\'s definitionId, read by the scan, says which objects', () => {
  it('the from-object\'s write scope, the other one uncertain', () => {
    const m = scopesFor('PUT', '/crm-associations/v1/associations', ['contacts', 'deals']);
    expect([m.scopes, m.uncertain]).toEqual([['crm.objects.contacts.write'], ['crm.objects.deals.write']]);
    const d = scopesFor('PUT', '/crm-associations/v1/associations/delete', ['tickets', 'companies']);
    expect([d.scopes, d.uncertain]).toEqual([['tickets'], ['crm.objects.companies.write']]);
  });
});

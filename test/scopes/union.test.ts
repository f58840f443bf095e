import { describe, expect, it } from 'vitest';
import { scopesFor, unionScopes, type ScopeMatch } from '../../src/scopes/index.js';

const m = (scopes: string[], uncertain: string[] = [], developerKey = false): ScopeMatch => ({ scopes, uncertain, developerKey, matched: 'operation', confidence: 'spec' });

describe('unionScopes', () => {
  it('sorts, de-duplicates, and keeps required scopes out of uncertain', () => {
    expect(unionScopes([m(['b', 'a'], ['c']), m(['a'], ['b', 'd'])])).toEqual({ required: ['a', 'b'], uncertain: ['c', 'd'] });
  });

  it('ignores developer-key calls and handles nothing', () => {
    expect(unionScopes([m([], [], true), m(['tickets'])])).toEqual({ required: ['tickets'], uncertain: [] });
    expect(unionScopes([])).toEqual({ required: [], uncertain: [] });
  });

  it('combines real matches', () => {
    const u = unionScopes([
      scopesFor('GET', '/contacts/v1/contact/email/{}/profile'),
      scopesFor(null, '/crm/v3/objects/contacts'),
      scopesFor('PUT', '/webhooks/v3/{}/settings'),
      scopesFor('GET', '/owners/v2/owners'),
    ]);
    expect(u).toEqual({ required: ['crm.objects.contacts.read', 'crm.objects.owners.read'], uncertain: ['crm.objects.contacts.write'] });
  });
});

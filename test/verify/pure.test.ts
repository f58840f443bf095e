// The pure parts of --verify-token: the method from the token's shape, the probe plan, the comparison, and reading
// HubSpot's bodies.
import { describe, expect, it } from 'vitest';
import { activeOf, hubIdOf, requiredScopesOf, scopesOf } from '../../src/verify/bodies.js';
import { compareScopes, methodForToken, planProbes, sitesNeeding } from '../../src/verify/index.js';
import { readProbePaths, scopesFor } from '../../src/scopes/index.js';
import { missingScopes } from './fake-hubspot.js';

describe('methodForToken', () => {
  it.each([
    ['pat-na1-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'private-app-info'],
    ['pat-eu1-0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D', 'private-app-info'],
    ['  pat-ap1-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n', 'private-app-info'],
    ['CKDZpunPLhICAQEYs-gDIIGOBii1hQIyGQAf3xBKEgsYjYMJVvlHEz9tFHAwSq1TQAM40s0D', 'oauth-introspect'],
    ['CJSP5qf1KhICAQEYs', 'read-probes'], // too short for an access token
    ['na1-ab12-cd34-ef56-gh78-abcdef123456', 'read-probes'], // a refresh token's shape
    ['svc_live_Zq7Xv2Lm9Rt4Wb8Nc1Pd6Kf3Hg5Js0Ya', 'read-probes'],
    ['12345678-abcd-abcd-abcd-1234567890ab', 'read-probes'], // a legacy key: HubSpot will answer 401
  ])('%s → %s', (token, method) => {
    expect(methodForToken(token)).toBe(method);
  });
});

describe('planProbes', () => {
  it('the sample fixture\'s scopes: a GET per read scope, write scopes and scopes no GET needs alone left unprobed', () => {
    const plan = planProbes([
      'analytics.behavioral_events.send', 'crm.objects.companies.read', 'crm.objects.contacts.read', 'crm.objects.contacts.write',
      'crm.objects.deals.write', 'crm.objects.owners.read', 'hubdb', 'tickets',
    ]);
    expect(plan.probes).toEqual([
      { scope: 'crm.objects.companies.read', path: '/crm/v3/objects/companies?limit=1', alsoAccepts: [] },
      { scope: 'crm.objects.contacts.read', path: '/crm/v3/objects/contacts?limit=1', alsoAccepts: [] },
      // GET /crm/v3/owners accepts crm.objects.owners.read OR automation: only a refusal says the scope is missing
      { scope: 'crm.objects.owners.read', path: '/crm/v3/owners?limit=1', alsoAccepts: ['automation'] },
      { scope: 'hubdb', path: '/cms/v3/hubdb/tables?limit=1', alsoAccepts: [] },
      { scope: 'tickets', path: '/crm/v3/objects/tickets?limit=1', alsoAccepts: [] },
    ]);
    expect(plan.unprobeable).toEqual([
      { scope: 'analytics.behavioral_events.send', why: 'write-scope' },
      { scope: 'crm.objects.contacts.write', why: 'write-scope' },
      { scope: 'crm.objects.deals.write', why: 'write-scope' },
    ]);
    // a scope no GET accepts at all stays unprobed
    expect(planProbes(['crm.schemas.contacts.read']).unprobeable).toEqual([{ scope: 'crm.schemas.contacts.read', why: 'no-single-scope-read' }]);
  });

  it('every probe path is a GET the scopes stage says needs exactly its scope, with no placeholder', () => {
    for (const scope of ['crm.lists.read', 'forms', 'oauth', 'conversations.read', 'content', 'crm.objects.deals.read', 'automation']) {
      const paths = readProbePaths(scope);
      expect(paths.length, scope).toBeGreaterThan(0);
      for (const p of paths) {
        expect(p).not.toMatch(/[{}]|beta/);
        expect(scopesFor('GET', p).scopes, `${scope} ${p}`).toEqual([scope]);
      }
    }
  });

  it('no probe for write, delete, publish, send or read_write scopes', () => {
    for (const scope of ['crm.objects.contacts.write', 'files.delete', 'hubdb.tables.publish', 'analytics.behavioral_events.send', 'communication_preferences.read_write', 'crm.objects.contacts.sensitive.write.v2']) {
      expect(readProbePaths(scope), scope).toEqual([]);
    }
  });
});

describe('compareScopes', () => {
  const sites = new Map([['crm.objects.deals.write', ['b', 'c']]]);

  it('granted, missing with sites, extra', () => {
    expect(compareScopes(['crm.objects.deals.write', 'hubdb'], ['hubdb', 'oauth'], sites)).toEqual({
      granted: ['hubdb'], missing: [{ scope: 'crm.objects.deals.write', sites: ['b', 'c'] }], extra: ['oauth'], notes: [],
    });
  });

  it('a documented covering scope or another spelling counts as granted, and is not extra', () => {
    const r = compareScopes(['crm.objects.deals.read', 'business_units_view.read'], ['crm.objects.deals.write', 'business_units.view.read'], new Map());
    expect(r.granted).toEqual(['business_units_view.read', 'crm.objects.deals.read']);
    expect(r.missing).toEqual([]);
    expect(r.extra).toEqual([]);
    expect(r.notes).toHaveLength(2);
  });

  it('a write scope is not covered by a read scope', () => {
    expect(compareScopes(['crm.objects.contacts.write'], ['crm.objects.contacts.read'], new Map()).missing).toEqual([{ scope: 'crm.objects.contacts.write', sites: [] }]);
  });
});

describe('sitesNeeding', () => {
  it('only account-key sites (auto, manual), ids sorted and unique', () => {
    const mk = (id: string, status: 'auto' | 'manual' | 'ignored' | 'developer-key', scopes: string[][]) => ({
      id, status, requests: scopes.map((s) => ({ file: 'a', line: 1, client: 'fetch' as const, method: 'GET' as const, path: '/x', scopes: s, lifecycle: null })),
    });
    const m = sitesNeeding([mk('z', 'auto', [['a'], ['a', 'b']]), mk('y', 'manual', [['a']]), mk('x', 'ignored', [['a']]), mk('w', 'developer-key', [['b']])]);
    expect(Object.fromEntries(m)).toEqual({ a: ['y', 'z'], b: ['z'] });
  });
});

describe('HubSpot bodies', () => {
  it('MISSING_SCOPES: requiredGranularScopes, requiredScopes, and the {missingScopes=[…]} string of batch endpoints', () => {
    expect(requiredScopesOf(missingScopes(['tickets']))).toEqual(['tickets']);
    expect(requiredScopesOf({ errors: [{ context: { requiredScopes: ['b', 'a'] } }] })).toEqual(['a', 'b']);
    expect(requiredScopesOf({ errors: [{ context: '{missingScopes=[communication_preferences.write, x]}' }] })).toEqual(['communication_preferences.write', 'x']);
    expect(requiredScopesOf({ message: 'no errors array' })).toEqual([]);
  });

  it('scopes as an array (private-app info, OAuth v1) or a space-separated string (RFC 7662)', () => {
    expect(scopesOf({ scopes: ['b', 'a', 'a'] })).toEqual(['a', 'b']);
    expect(scopesOf({ active: true, scope: 'oauth crm.objects.contacts.read' })).toEqual(['crm.objects.contacts.read', 'oauth']);
    expect(scopesOf({ active: true })).toBeNull();
    expect(scopesOf({ scopes: [1, 2] })).toBeNull();
    expect(scopesOf('text')).toBeNull();
  });

  it('hub id and active', () => {
    expect(hubIdOf({ hubId: 5 })).toBe(5);
    expect(hubIdOf({ hub_id: '62515' })).toBe(62515);
    expect(hubIdOf({})).toBeNull();
    expect(activeOf({ active: false })).toBe(false);
    expect(activeOf({})).toBeNull();
  });
});

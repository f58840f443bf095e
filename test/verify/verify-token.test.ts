// verifyToken against a fake HubSpot on 127.0.0.1: the three methods, their fallbacks, and every way it can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '../../src/model/site.js';
import { verifyToken, type VerifyInput } from '../../src/verify/index.js';
import { startFakeHubspot, type FakeHubspot } from './fake-hubspot.js';

const PAT_PARTIAL = 'pat-na1-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PAT_FULL = 'pat-eu1-11112222-3333-4444-5555-666677778888';
const PAT_UNKNOWN = 'pat-na1-99998888-7777-4666-8555-444433332222';
const OAUTH = 'CKDZpunPLhICAQEYs-gDIIGOBii1hQIyGQAf3xBKEgsYjYMJVvlHEz9tFHAwSq1TQAM40s0D';
const SERVICE = 'svc_live_Zq7Xv2Lm9Rt4Wb8Nc1Pd6Kf3Hg5Js0Ya';
const SERVICE_PAT = 'pat-na2-abcdefab-cdef-4abc-8def-abcdefabcdef';
const SLOW = 'svc_slow_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0';
const HTML = 'pat-ap1-deadbeef-dead-4bee-8fde-adbeefdeadbe';
const LIMITED = 'svc_rate_Mn3Bv4Cx5Zl6Kj7Hg8Fd9Sa0Qw';
const NOPERM = 'svc_noperm_Po9Iu8Yt7Re6Wq5As4Df3Gh2';
const CLIENT = { id: 'client-id-1', secret: 'client-secret-that-stays-secret' };

const REQUIRED = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read', 'hubdb', 'tickets'];

function site(id: string, scopes: string[], status: Site['status'] = 'auto'): Site {
  return {
    id, file: `src/${id}.js`, line: 1, column: 1, language: 'js', pattern: 'query-string', status, reason: 'x', message: 'x',
    applied: false, secret: null, category: 'P01_QS_TEMPLATE',
    requests: [{ file: `src/${id}.js`, line: 2, client: 'fetch', method: 'GET', path: '/x', scopes, lifecycle: null }],
  };
}

const SITES = [
  site('read-a', ['crm.objects.contacts.read']),
  site('read-b', ['crm.objects.contacts.read', 'tickets']),
  site('write', ['crm.objects.contacts.write']),
  site('owners', ['crm.objects.owners.read']),
  site('hubdb', ['hubdb']),
  site('dev', ['crm.objects.contacts.read'], 'developer-key'),
];

let fake: FakeHubspot;
beforeAll(async () => {
  fake = await startFakeHubspot({
    tokens: {
      [PAT_PARTIAL]: { kind: 'private-app', hubId: 20211234, scopes: ['crm.objects.contacts.write', 'crm.objects.owners.read', 'hubdb', 'tickets', 'oauth'] },
      [PAT_FULL]: { kind: 'private-app', hubId: 20211234, scopes: [...REQUIRED] },
      [OAUTH]: { kind: 'oauth', hubId: 62515, scopes: ['crm.objects.contacts.read', 'crm.objects.owners.read', 'hubdb', 'tickets', 'oauth', 'crm.lists.read'] },
      [SERVICE]: { kind: 'service-key', hubId: 777, scopes: ['crm.objects.contacts.read', 'hubdb'] },
      [SERVICE_PAT]: { kind: 'service-key', hubId: 777, scopes: [...REQUIRED] },
      [NOPERM]: { kind: 'service-key', hubId: 777, scopes: [...REQUIRED] },
    },
    slow: [SLOW],
    rateLimited: [LIMITED],
    noPermission: [NOPERM],
    malformed: [HTML],
    client: CLIENT,
  });
});
afterAll(() => fake.close());

const input = (token: string, extra: Partial<VerifyInput> = {}): VerifyInput => ({
  token, apiBase: fake.url, tokenEnv: 'HUBSPOT_ACCESS_TOKEN', required: REQUIRED, sites: SITES, ...extra,
});

/** Everything the verification would print or write, as text. */
const text = (v: unknown): string => JSON.stringify(v);

describe('private-app token info', () => {
  it('a token with contacts.write but not contacts.read: the read is covered (HubSpot: write includes viewing), extra listed', async () => {
    const v = await verifyToken(input(PAT_PARTIAL));
    expect(v.method).toBe('private-app-info');
    expect(v.error).toBeNull();
    expect(v.hubId).toBe(20211234);
    // contacts.write covers contacts.read per HubSpot's scope table, so the read is granted; nothing else missing
    expect(v.granted).toEqual(REQUIRED);
    expect(v.notes.join(' ')).toContain('crm.objects.contacts.read is covered by the token\'s crm.objects.contacts.write');
    expect(v.missing).toEqual([]);
    expect(v.extra).toEqual(['oauth']);
    expect(v.token.masked).toBe('pat-na1-****-…-3c4d');
    expect(v.token.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(text(v)).not.toContain(PAT_PARTIAL);
  });

  it('scopes the code may need are never extra, and a note says when the token lacks one', async () => {
    const v = await verifyToken(input(PAT_PARTIAL, { uncertain: ['oauth', 'crm.lists.write'] }));
    expect(v.extra).toEqual([]);
    expect(v.notes).toContain('The token lacks crm.lists.write, which the code may need (see "Scopes that may be needed").');
  });

  it('missing scopes are listed with the sites that need them (developer-key sites left out)', async () => {
    const v = await verifyToken(input(PAT_PARTIAL, { required: [...REQUIRED, 'crm.lists.read'], sites: [...SITES, site('lists', ['crm.lists.read'])] }));
    expect(v.missing).toEqual([{ scope: 'crm.lists.read', sites: ['lists'] }]);
  });

  it('a complete token: everything granted, nothing missing or unverified', async () => {
    const v = await verifyToken(input(PAT_FULL));
    expect(v).toMatchObject({ method: 'private-app-info', granted: REQUIRED, missing: [], unverified: [], extra: [], error: null });
    const info = fake.seen.filter((r) => r.path === '/oauth/v2/private-apps/get/access-token-info');
    expect(info.length).toBeGreaterThan(0);
    expect(JSON.parse(info.at(-1)!.body)).toEqual({ tokenKey: PAT_FULL });
  });

  it('a pat- token the endpoint does not know as a private-app token (400): read probes instead', async () => {
    const v = await verifyToken(input(SERVICE_PAT));
    expect(v.method).toBe('read-probes');
    expect(v.notes[0]).toContain('HTTP 400');
    expect(v.granted).toEqual(['crm.objects.contacts.read', 'hubdb', 'tickets']);
    // GET /crm/v3/owners answered 200, but it also accepts automation: owners.read is not proven
    expect(v.unverified).toEqual(['crm.objects.contacts.write', 'crm.objects.owners.read']);
    expect(v.probes.find((p) => p.scope === 'crm.objects.owners.read')).toMatchObject({ status: 200, result: 'inconclusive' });
    expect(v.notes).toContain('GET /crm/v3/owners?limit=1 answered 200, but that call also accepts automation: crm.objects.owners.read not verified.');
    expect(v.error).toBeNull();
  });

  it('401 for an unknown token: one sentence saying what to do, every scope unverified', async () => {
    const v = await verifyToken(input(PAT_UNKNOWN));
    expect(v.error).toBe('HubSpot rejected the token (401: invalid, expired or revoked); put the current token in $HUBSPOT_ACCESS_TOKEN and run again.');
    expect(v.unverified).toEqual(REQUIRED);
    expect(v.granted).toEqual([]);
    expect(text(v)).not.toContain(PAT_UNKNOWN);
  });

  it('an answer that is not JSON: one sentence pointing at --api-base', async () => {
    const v = await verifyToken(input(HTML));
    expect(v.error).toMatch(/^127\.0\.0\.1:\d+ answered the private-app token info request with something other than HubSpot's JSON; check that --api-base/);
    expect(v.unverified).toEqual(REQUIRED);
  });
});

describe('OAuth introspection', () => {
  it('without the app\'s credentials: the v1 GET form, with a note about its shut-off', async () => {
    const before = fake.seen.length;
    const v = await verifyToken(input(OAUTH));
    expect(v.method).toBe('oauth-introspect');
    expect(v.error).toBeNull();
    expect(v.hubId).toBe(62515);
    expect(v.missing).toEqual([{ scope: 'crm.objects.contacts.write', sites: ['write'] }]);
    expect(v.granted).toEqual(['crm.objects.contacts.read', 'crm.objects.owners.read', 'hubdb', 'tickets']);
    expect(v.extra).toEqual(['crm.lists.read', 'oauth']);
    expect(v.notes.join(' ')).toContain('2027-02-16');
    expect(fake.seen.slice(before).map((r) => r.method + ' ' + r.path.slice(0, 24))).toEqual(['GET /oauth/v1/access-tokens/']);
    expect(text(v)).not.toContain(OAUTH);
  });

  it('with the app\'s credentials: POST /oauth/2026-03/token/introspect (form body), no v1 call', async () => {
    const before = fake.seen.length;
    const v = await verifyToken(input(OAUTH, { oauthClient: CLIENT }));
    expect(v.method).toBe('oauth-introspect');
    expect(v.missing.map((m) => m.scope)).toEqual(['crm.objects.contacts.write']);
    const asked = fake.seen.slice(before);
    expect(asked.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth/2026-03/token/introspect']);
    expect(Object.fromEntries(new URLSearchParams(asked[0].body))).toMatchObject({ token: OAUTH, client_id: CLIENT.id, client_secret: CLIENT.secret });
    expect(text(v)).not.toContain(CLIENT.secret);
  });

  it('an inactive token (active: false) is an error that says what to do', async () => {
    const other = 'C' + 'x'.repeat(60);
    const v = await verifyToken(input(other, { oauthClient: CLIENT }));
    expect(v.method).toBe('oauth-introspect');
    expect(v.error).toMatch(/not active/);
  });

  it('an OAuth-shaped token the v1 endpoint does not know (404): read probes instead', async () => {
    const other = 'C' + 'y'.repeat(60);
    const v = await verifyToken(input(other));
    expect(v.method).toBe('read-probes');
    expect(v.error).toMatch(/^HubSpot rejected the token \(401/); // the probes then meet the 401
  });
});

describe('read probes (Service Keys and other tokens of no known shape)', () => {
  it('one GET per read scope; 403 MISSING_SCOPES → missing at its sites; write scopes unverified; never a write call', async () => {
    const before = fake.seen.length;
    const v = await verifyToken(input(SERVICE));
    expect(v.method).toBe('read-probes');
    expect(v.error).toBeNull();
    expect(v.granted).toEqual(['crm.objects.contacts.read', 'hubdb']);
    expect(v.missing).toEqual([{ scope: 'crm.objects.owners.read', sites: ['owners'] }, { scope: 'tickets', sites: ['read-b'] }]);
    expect(v.unverified).toEqual(['crm.objects.contacts.write']);
    expect(v.extra).toEqual([]);
    expect(v.probes).toEqual([
      { scope: 'crm.objects.contacts.read', path: '/crm/v3/objects/contacts?limit=1', status: 200, result: 'granted', alsoAccepts: [] },
      { scope: 'crm.objects.owners.read', path: '/crm/v3/owners?limit=1', status: 403, result: 'missing', alsoAccepts: ['automation'] },
      { scope: 'hubdb', path: '/cms/v3/hubdb/tables?limit=1', status: 200, result: 'granted', alsoAccepts: [] },
      { scope: 'tickets', path: '/crm/v3/objects/tickets?limit=1', status: 403, result: 'missing', alsoAccepts: [] },
    ]);
    const asked = fake.seen.slice(before);
    expect(asked.every((r) => r.method === 'GET')).toBe(true);
    expect(asked.every((r) => r.authorization === `Bearer ${SERVICE}`)).toBe(true);
    expect(v.notes.join(' ')).toContain('Not verified without writing (read probes only): crm.objects.contacts.write.');
    expect(text(v)).not.toContain(SERVICE);
  });

  it('a slow answer past the timeout: one sentence, the scopes not probed stay unverified, no retry', async () => {
    const before = fake.seen.length;
    const v = await verifyToken(input(SLOW, { timeoutMs: 300 }));
    expect(v.error).toMatch(/^127\.0\.0\.1:\d+ did not answer in time \(no answer within 0\.3 s\); check the network or --api-base and run again\.$/);
    expect(v.unverified).toEqual(REQUIRED);
    expect(fake.seen.length - before).toBe(1);
    expect(text(v)).not.toContain(SLOW);
  });

  it('nothing listening: could not reach, one sentence', async () => {
    const closed = await startFakeHubspot({ tokens: {} });
    await closed.close();
    const v = await verifyToken(input(SERVICE, { apiBase: closed.url }));
    expect(v.error).toMatch(/^could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\); check the network or --api-base and run again\.$/);
  });

  it('429: stops at once with one sentence (no retry), nothing decided', async () => {
    const before = fake.seen.length;
    const v = await verifyToken(input(LIMITED));
    expect(v.error).toMatch(/^127\.0\.0\.1:\d+ rate-limited the check \(429\); wait a minute and run again\.$/);
    expect(fake.seen.length - before).toBe(1);
    expect(v.unverified).toEqual(REQUIRED);
  });

  it('403 that is not MISSING_SCOPES (creator removed): inconclusive, the scope unverified with a note', async () => {
    const v = await verifyToken(input(NOPERM));
    expect(v.error).toBeNull();
    expect(v.granted).toEqual([]);
    expect(v.missing).toEqual([]);
    expect(v.unverified).toEqual(REQUIRED);
    expect(v.probes.map((p) => p.result)).toEqual(['inconclusive', 'inconclusive', 'inconclusive', 'inconclusive']);
    expect(v.notes.join(' ')).toContain('answered HTTP 403 USER_DOES_NOT_HAVE_PERMISSIONS: not verified');
  });

  it('a legacy API key (UUID) where the token belongs: an error, and nothing is sent', async () => {
    const before = fake.seen.length;
    const v = await verifyToken(input('12345678-abcd-4bcd-8bcd-1234567890ab'));
    expect(v.error).toMatch(/^\$HUBSPOT_ACCESS_TOKEN holds a legacy API key \(a UUID\), not a token/);
    expect(v.token.masked).toBe('****-…-90ab');
    expect(fake.seen.length).toBe(before);
  });

  it('no required scope: no probe at all', async () => {
    const before = fake.seen.length;
    const v = await verifyToken(input(SERVICE, { required: [], sites: [] }));
    expect(v).toMatchObject({ method: 'read-probes', granted: [], missing: [], unverified: [], error: null, probes: [] });
    expect(fake.seen.length).toBe(before);
  });
});

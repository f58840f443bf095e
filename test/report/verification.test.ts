// The --verify-token result in the terminal summary, the --check line, report.md and report.json (goldens).
import { describe, expect, it } from 'vitest';
import type { Verification } from '../../src/model/verification.js';
import { renderCheckLine, renderJson, renderMarkdown, renderSummary } from '../../src/report/index.js';
import { makeReport, PLANS } from './fixture.js';
import { expectGolden } from './golden.js';

const TOKEN = 'pat-na1-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const introspected: Verification = {
  method: 'private-app-info',
  token: { masked: 'pat-na1-****-…-3c4d', fingerprint: 'c0ffee'.padEnd(64, '0') },
  granted: ['crm.lists.read', 'crm.objects.deals.read'],
  missing: [{ scope: 'crm.objects.contacts.read', sites: ['s-5f1c2a9e01', 's-c13e5b7f01', 's-e0c8b6a401'] }, { scope: 'crm.objects.contacts.write', sites: ['s-5f1c2a9e02'] }],
  unverified: [],
  extra: ['automation', 'oauth'],
  error: null,
  hubId: 20211234,
  notes: [],
  probes: [],
};

const probed: Verification = {
  ...introspected,
  method: 'read-probes',
  token: { masked: '****…s0Ya', fingerprint: 'fe04'.padEnd(64, '1') },
  granted: ['crm.lists.read', 'crm.objects.contacts.read', 'crm.objects.deals.read'],
  missing: [],
  unverified: ['crm.objects.contacts.write'],
  extra: [],
  hubId: null,
  notes: ['Not verified without writing (read probes only): crm.objects.contacts.write.', "Read probes cannot list the token's other scopes: `extra` is empty."],
  probes: [
    { scope: 'crm.lists.read', path: '/crm/v3/lists?limit=1', status: 200, result: 'granted', alsoAccepts: [] },
    { scope: 'crm.objects.contacts.read', path: '/crm/v3/objects/contacts?limit=1', status: 200, result: 'granted', alsoAccepts: [] },
    { scope: 'crm.objects.deals.read', path: '/crm/v3/objects/deals?limit=1', status: 200, result: 'granted', alsoAccepts: [] },
  ],
};

const failed: Verification = {
  ...introspected,
  granted: [], missing: [], extra: [], hubId: null,
  unverified: ['crm.lists.read', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read'],
  error: 'HubSpot rejected the token (401: invalid, expired or revoked); put the current token in $HUBSPOT_ACCESS_TOKEN and run again.',
};

const section = (md: string): string => md.slice(md.indexOf('## Token check'), md.indexOf('\n## ', md.indexOf('## Token check') + 1) + 1);

describe('--verify-token in the reports', () => {
  it('terminal: counts, each missing scope with where it is needed, extra scopes (golden)', () => {
    const out = renderSummary(makeReport({ verification: introspected }), { color: false });
    expectGolden('verification-summary.txt', out);
    expect(out).toContain('  ✗ missing crm.objects.contacts.read (needed at src/client.ts:3, src/hubspot.ts:6, web/widget.js:8)');
  });

  it('terminal: read probes and a failed check', () => {
    expect(renderSummary(makeReport({ verification: probed }), { color: false })).toContain('  ? unverified crm.objects.contacts.write');
    const out = renderSummary(makeReport({ verification: failed }), { color: false });
    expect(out).toContain('  ! could not finish: HubSpot rejected the token (401');
    expect(out).not.toContain('every scope');
  });

  it('the --check line says what the token lacks, or that it has everything', () => {
    expect(renderCheckLine(makeReport({ verification: introspected }))).toMatch(/; the token lacks 2 scopes \(crm\.objects\.contacts\.read, crm\.objects\.contacts\.write\)$/);
    expect(renderCheckLine(makeReport({ verification: { ...introspected, missing: [], granted: ['a', 'b'] } }))).toMatch(/; the token has all 2 required scopes$/);
    expect(renderCheckLine(makeReport({ verification: failed }))).toMatch(/; the token could not be checked$/);
    expect(renderCheckLine(makeReport({ verification: probed }))).toMatch(/; the token has 3 required scopes, 1 unverified$/);
    expect(renderCheckLine(makeReport())).not.toContain('token');
    const none: Verification = { ...introspected, granted: [], missing: [], unverified: [], extra: ['oauth'] };
    const clean = makeReport({ sites: [], scopes: { required: [], uncertain: [] }, verification: none });
    expect(renderCheckLine(clean)).toBe('migrate-hapikey: no account-key use found; the token was checked (no scope is required)');
    expect(renderSummary(clean, { color: false })).toContain('  No account-key call needs a scope: nothing to check the token against.\n  Not needed by this code (remove for least privilege): oauth');
  });

  it('report.md: a "Token check" section after "Create your token" (goldens: introspection, probes, failure)', () => {
    for (const [name, v] of [['introspected', introspected], ['probed', probed], ['failed', failed]] as const) {
      const md = renderMarkdown({ report: makeReport({ verification: v }), plans: PLANS, showSecrets: false });
      expect(md.indexOf('## Create your token')).toBeLessThan(md.indexOf('## Token check'));
      expect(md).toContain('[Token check](#token-check)');
      expectGolden(`verification-${name}.md`, section(md));
    }
    expect(renderMarkdown({ report: makeReport(), plans: PLANS, showSecrets: false })).not.toContain('Token check');
  });

  it('report.json: `verification` last, in the spec\'s field order, the token only masked and fingerprinted', () => {
    const json = JSON.parse(renderJson(makeReport({ verification: { ...probed, token: { ...probed.token, value: TOKEN } as never } })));
    expect(Object.keys(json).at(-1)).toBe('verification');
    expect(Object.keys(json.verification)).toEqual(['method', 'token', 'granted', 'missing', 'unverified', 'extra', 'error', 'hubId', 'notes', 'probes']);
    expect(json.verification.token).toEqual({ masked: '****…s0Ya', fingerprint: probed.token.fingerprint });
    expect(JSON.stringify(json)).not.toContain(TOKEN);
    expect(json.verification.probes[0]).toEqual({ scope: 'crm.lists.read', path: '/crm/v3/lists?limit=1', status: 200, result: 'granted', alsoAccepts: [] });
    expect(JSON.parse(renderJson(makeReport())).verification).toBeUndefined();
  });
});

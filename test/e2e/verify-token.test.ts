// e2e: --verify-token on a copy of the sample fixture, the real CLI talking to a fake HubSpot on 127.0.0.1.
// Every run is checked for the token: not in stdout, stderr, or any file the CLI wrote.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHubspot, type FakeHubspot } from '../verify/fake-hubspot.js';
import { CLI, NO_NETWORK, SAMPLE, baseEnv, cleanup, copyFixture, ensureBuilt, keyLeaks, leakingFiles, readJson, tmpDir, type CliResult } from './helpers.js';


/** The sample fixture's required scopes (report.scopes.required of its golden report). */
const SAMPLE_SCOPES = [
  'analytics.behavioral_events.send', 'crm.objects.companies.read', 'crm.objects.contacts.read', 'crm.objects.contacts.write',
  'crm.objects.deals.write', 'crm.objects.owners.read', 'hubdb', 'tickets',
];
const PARTIAL = 'pat-na1-5d2c9e4a-7b1f-4c3d-9a8e-2f6b0c1d3e5a';
const COMPLETE = 'pat-eu1-8c7b6a59-4d3e-4f2a-8b1c-0d9e8f7a6b5c';
const SERVICE = 'hsk_live_Zq7Xv2Lm9Rt4Wb8Nc1Pd6Kf3Hg5Js0Ya';
const BAD = 'pat-na1-00000000-1111-4222-8333-444455556666';
const HTML = 'pat-ap1-deadbeef-dead-4bee-8fde-adbeefdeadbe';
const TOKENS = { PARTIAL, COMPLETE, SERVICE, BAD, HTML };

let fake: FakeHubspot;
beforeAll(async () => {
  await ensureBuilt();
  fake = await startFakeHubspot({
    tokens: {
      // everything but crm.objects.deals.write
      [PARTIAL]: { kind: 'private-app', hubId: 20211234, scopes: SAMPLE_SCOPES.filter((s) => s !== 'crm.objects.deals.write') },
      [COMPLETE]: { kind: 'private-app', hubId: 20211234, scopes: [...SAMPLE_SCOPES, 'crm.lists.read'] },
      // a Service Key (no known shape): can read contacts, companies and HubDB, not tickets
      [SERVICE]: { kind: 'service-key', hubId: 777, scopes: ['crm.objects.contacts.read', 'crm.objects.companies.read', 'hubdb', 'crm.objects.contacts.write'] },
    },
    malformed: [HTML],
  });
}, 300_000);
afterAll(async () => {
  await fake?.close();
  cleanup();
});

function run(args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', NO_NETWORK, CLI, ...args], { cwd: opts.cwd, env: baseEnv({ ...opts.env, E2E_ALLOW_LOOPBACK: '1' }), timeout: 60_000, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: null, stdout, stderr });
      });
  });
}

/** A copy of the sample, the CLI run on it with the token in $HUBSPOT_ACCESS_TOKEN, and the leak checks. */
async function verify(token: string, extra: string[] = [], env: Record<string, string | undefined> = {}) {
  const base = tmpDir();
  copyFixture(SAMPLE, path.join(base, 'repo'));
  const out = path.join(base, 'out');
  const r = await run(['repo', '--out', out, '--no-color', '--verify-token', '--api-base', fake.url, ...extra], {
    cwd: base, env: { HUBSPOT_ACCESS_TOKEN: token, ...env },
  });
  const all = `${r.stdout}\n${r.stderr}`;
  expect(keyLeaks(all, TOKENS), all).toEqual([]);
  if (fs.existsSync(out)) expect(leakingFiles(out, TOKENS)).toEqual([]);
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
  return { r, out, base, report: fs.existsSync(path.join(out, 'report.json')) ? readJson(path.join(out, 'report.json')) : null };
}

const sitesNeeding = (report: any, scope: string): string[] =>
  report.sites.filter((s: any) => ['auto', 'manual'].includes(s.status) && s.requests.some((q: any) => q.scopes.includes(scope))).map((s: any) => s.id).sort();

describe('--verify-token on the sample fixture', () => {
  it('a private-app token missing one scope: reported missing at the call sites that need it, in JSON, report.md and the terminal', async () => {
    const { r, out, report } = await verify(PARTIAL);
    expect(r.code, r.stderr).toBe(0);
    const v = report.verification;
    expect(v.method).toBe('private-app-info');
    expect(v.token.masked).toBe('pat-na1-****-…-3e5a');
    const sites = sitesNeeding(report, 'crm.objects.deals.write');
    expect(sites.map((id: string) => report.sites.find((s: any) => s.id === id).file)).toEqual(['src/crm/hubspot-http.js']);
    expect(v.missing).toEqual([{ scope: 'crm.objects.deals.write', sites }]);
    expect(v.granted).toEqual(SAMPLE_SCOPES.filter((s) => s !== 'crm.objects.deals.write'));
    expect(v).toMatchObject({ unverified: [], extra: [], error: null, hubId: 20211234 });
    expect(r.stdout).toContain('✗ missing crm.objects.deals.write (needed at src/crm/hubspot-http.js:9)');
    const md = fs.readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Token check');
    expect(md).toMatch(/\| `crm\.objects\.deals\.write` \| \*\*missing\*\* \| \[src\/crm\/hubspot-http\.js:9\]\([^)]*\) \|/);
    const sarif = fs.readFileSync(path.join(out, 'report.sarif'), 'utf8');
    expect(sarif).not.toContain('verification');
  });

  it('--check with that token exits 1 and the check line names the missing scope', async () => {
    const { r } = await verify(PARTIAL, ['--check']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/; the token lacks 1 scope \(crm\.objects\.deals\.write\)\n$/);
  });

  it('a complete token passes: every required scope granted, the extra one listed, exit 0', async () => {
    const { r, report } = await verify(COMPLETE);
    expect(r.code, r.stderr).toBe(0);
    expect(report.verification).toMatchObject({ method: 'private-app-info', granted: SAMPLE_SCOPES, missing: [], unverified: [], extra: ['crm.lists.read'], error: null });
    expect(r.stdout).toContain('The token has every scope this code needs.');
    const check = await verify(COMPLETE, ['--check']);
    expect(check.r.stdout).toMatch(/; the token has all 8 required scopes\n$/);
  });

  it('a Service-Key-style token: read probes only (GET), write scopes unverified, owners and tickets missing at their sites', async () => {
    const before = fake.seen.length;
    const { r, report } = await verify(SERVICE, ['--json']);
    expect(r.code, r.stderr).toBe(0);
    const fromStdout = JSON.parse(r.stdout);
    const v = fromStdout.verification;
    expect(v.method).toBe('read-probes');
    expect(v.granted).toEqual(['crm.objects.companies.read', 'crm.objects.contacts.read', 'hubdb']);
    expect(v.missing).toEqual([
      { scope: 'crm.objects.owners.read', sites: sitesNeeding(report, 'crm.objects.owners.read') },
      { scope: 'tickets', sites: sitesNeeding(report, 'tickets') },
    ]);
    expect(v.missing.map((m: any) => m.sites.length)).toEqual([1, 1]);
    // write scopes are never guessed, even though this token has crm.objects.contacts.write
    expect(v.unverified).toEqual(['analytics.behavioral_events.send', 'crm.objects.contacts.write', 'crm.objects.deals.write']);
    expect(v.extra).toEqual([]);
    const asked = fake.seen.slice(before);
    expect(asked.map((q) => `${q.method} ${q.path}`).sort()).toEqual([
      'GET /cms/v3/hubdb/tables?limit=1', 'GET /crm/v3/objects/companies?limit=1', 'GET /crm/v3/objects/contacts?limit=1', 'GET /crm/v3/objects/tickets?limit=1',
      'GET /crm/v3/owners?limit=1',
    ]);
    expect(report.verification).toEqual(v);
  });

  it('a token HubSpot rejects (401): one line on stderr saying what to do, the reports still written, exit 3', async () => {
    const { r, report } = await verify(BAD);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(['migrate-hapikey: token check failed: HubSpot rejected the token (401: invalid, expired or revoked); put the current token in $HUBSPOT_ACCESS_TOKEN and run again.']);
    expect(report.summary.sites).toBeGreaterThan(0);
    expect(report.verification.error).toMatch(/^HubSpot rejected the token/);
    expect(report.verification.unverified).toEqual(SAMPLE_SCOPES);
  });

  it('an answer that is not JSON: one line naming --api-base', async () => {
    const { r } = await verify(HTML);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^migrate-hapikey: token check failed: 127\.0\.0\.1:\d+ answered the private-app token info request with something other than HubSpot's JSON; check that --api-base is a HubSpot API host \(default https:\/\/api\.hubapi\.com\)\.\n$/);
  });

  it('--token-env names the variable; $HUBSPOT_API_BASE stands in for --api-base', async () => {
    const base = tmpDir();
    copyFixture(SAMPLE, path.join(base, 'repo'));
    const r = await run(['repo', '--check', '--verify-token', '--token-env', 'NEW_HUBSPOT_TOKEN'], {
      cwd: base, env: { NEW_HUBSPOT_TOKEN: COMPLETE, HUBSPOT_ACCESS_TOKEN: undefined, HUBSPOT_API_BASE: fake.url },
    });
    expect(r.code, r.stderr).toBe(1); // the sample still has key uses
    expect(r.stdout).toMatch(/the token has all 8 required scopes/);
    expect(keyLeaks(r.stdout + r.stderr, TOKENS)).toEqual([]);
  });
});

describe('--help', () => {
  it('lists --verify-token and --api-base', async () => {
    const r = await run(['--help'], { cwd: tmpDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--verify-token\s+check the new token/);
    expect(r.stdout).toMatch(/--api-base <url>\s+HubSpot API host/);
  });
});

describe('--verify-token usage errors (exit 2, nothing written, no token echoed)', () => {
  const usage = async (args: string[], env: Record<string, string | undefined>) => {
    const base = tmpDir();
    copyFixture(SAMPLE, path.join(base, 'repo'));
    const r = await run(['repo', '--out', 'out', ...args], { cwd: base, env });
    expect(r.code, r.stderr).toBe(2);
    expect(fs.existsSync(path.join(base, 'out'))).toBe(false);
    expect(keyLeaks(r.stdout + r.stderr, TOKENS)).toEqual([]);
    return r.stderr;
  };

  it('no token in the environment', async () => {
    expect(await usage(['--verify-token'], { HUBSPOT_ACCESS_TOKEN: undefined })).toMatch(/reads the new token from \$HUBSPOT_ACCESS_TOKEN, which is empty/);
  });

  it('the token on the command line, as a value or as an argument', async () => {
    expect(await usage([`--verify-token=${COMPLETE}`], { HUBSPOT_ACCESS_TOKEN: COMPLETE })).toMatch(/never from the command line/);
    expect(await usage(['--verify-token', COMPLETE], { HUBSPOT_ACCESS_TOKEN: COMPLETE })).toMatch(/a token was given on the command line/);
  });

  it('plain http to a host other than localhost, and --api-base without --verify-token', async () => {
    expect(await usage(['--verify-token', '--api-base', 'http://api.example.com'], { HUBSPOT_ACCESS_TOKEN: COMPLETE })).toMatch(/must use https/);
    expect(await usage(['--api-base', 'https://api.hubapi.com'], {})).toMatch(/only used with --verify-token/);
  });
});

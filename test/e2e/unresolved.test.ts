// e2e: a repository whose calls cannot all be resolved. The run lists each unresolved call with file:line
// in the terminal summary, report.md and report.json, and nowhere says "0 scopes".
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, cli, describeRun, ensureBuilt, read, readJson, tmpDir, writeTree } from './helpers.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

describe('calls whose scopes are unknown', () => {
  it('are listed with file:line everywhere, and no output claims 0 scopes', async () => {
    const base = tmpDir();
    const root = writeTree(path.join(base, 'repo'), {
      'package.json': '{ "name": "acme", "dependencies": { "@hubspot/api-client": "^8.4.0" } }\n',
      'src/sdk.js': [
        "const hubspot = require('@hubspot/api-client');",
        'const client = new hubspot.Client({ apiKey: process.env.HUBSPOT_API_KEY });',
        'async function go(path) {',
        '  await client.crm.contacts.basicApi.someFutureMethod();',
        "  return client.apiRequest({ method: 'GET', path });",
        '}',
        'module.exports = { go };',
        '',
      ].join('\n'),
    });
    const r = await cli(['repo', '--no-color', '--out', 'out'], { cwd: base });
    expect(r.code, describeRun(r)).toBe(0);
    for (const text of [r.stdout, read(path.join(base, 'out/report.md'))]) {
      expect(text).not.toMatch(/\b0 (known )?scopes?\b/);
      expect(text).toContain('src/sdk.js:4');
      expect(text).toContain('src/sdk.js:5');
    }
    expect(r.stdout).toContain('Scopes unknown (2)');
    expect(r.stdout).toMatch(/src\/sdk\.js:4 +unknown-method +crm\.contacts\.basicApi\.someFutureMethod/);
    const json = readJson(path.join(base, 'out/report.json'));
    expect(json.summary.unresolvedRequests).toBe(2);
    const reqs = json.sites.flatMap((s: { requests: unknown[] }) => s.requests);
    expect(reqs.map((q: { line: number; path: string | null; unresolved: string | null }) => [q.line, q.path, q.unresolved])).toEqual([
      [4, null, 'unknown-method'],
      [5, null, 'dynamic-path'],
    ]);
    // the unknown method's family (crm.contacts) gives uncertain scopes, never nothing
    expect(json.scopes.uncertain).toEqual(expect.arrayContaining(['crm.objects.contacts.read', 'crm.objects.contacts.write']));
    expect(root).toBeTruthy();
  }, 120_000);
});

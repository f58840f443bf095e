// e2e: hard-coded keys never leak into stdout, stderr or report files (changes.patch excepted: it must keep the
// original lines for git apply), in every mode; --show-secrets opts out; a literal key is never reused as the token.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, copyFixture, describeRun, enumProblems, gitCommitAll, keyLeaks, leakingFiles, read, tmpDir, writeTree } from './helpers.js';

afterAll(cleanup);

const KEYS = {
  templateUrl: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
  clientOption: '9c8b7a6d-5e4f-4321-9abc-def012345678',
  commentedOut: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  envTemplate: '7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a',
  python: '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7',
};

/** Our own invented legacy code with hard-coded keys. */
function secretTree(root: string): string {
  return writeTree(root, {
    'package.json': '{\n  "name": "leaky",\n  "private": true,\n  "dependencies": { "axios": "^1.6.0", "@hubspot/api-client": "^8.0.0" }\n}\n',
    'src/deals.js': [
      "const axios = require('axios');",
      '',
      'async function recent(count) {',
      `  const url = \`https://api.hubapi.com/deals/v1/deal/recent/modified?hapikey=${KEYS.templateUrl}&count=\${count}\`;`,
      '  const { data } = await axios.get(url);',
      '  return data;',
      '}',
      '',
      `// const old = 'https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=${KEYS.commentedOut}';`,
      '',
      'module.exports = { recent };',
      '',
    ].join('\n'),
    'src/sdk.ts': [
      "import * as hubspot from '@hubspot/api-client';",
      '',
      `const client = new hubspot.Client({ apiKey: '${KEYS.clientOption}' });`,
      '',
      'export async function companies() {',
      '  const page = await client.crm.companies.basicApi.getPage(10);',
      '  return page.results;',
      '}',
      '',
    ].join('\n'),
    '.env.template': `# copy to .env\nHUBSPOT_API_KEY=${KEYS.envTemplate}\n`,
    'scripts/sync.py': [
      'import requests',
      '',
      `api_key='${KEYS.python}'`,
      '',
      'def contacts():',
      "    return requests.get('https://api.hubapi.com/crm/v3/objects/contacts', params={'hapikey': api_key}).json()",
      '',
    ].join('\n'),
  });
}

const leaks = (text: string): string[] => keyLeaks(text, KEYS);

describe('secrets', () => {
  it('no mode prints or writes a key literal (except changes.patch and the sources); --show-secrets does', async () => {
    const base = tmpDir();
    const root = secretTree(path.join(base, 'repo'));
    const gitCopy = copyFixture(root, path.join(base, 'git-copy'));
    gitCommitAll(gitCopy);
    const reports = path.join(base, 'reports');
    const o = (name: string) => path.join(reports, name);

    const shownRun = cli([root, '--show-secrets', '--out', path.join(base, 'shown')], { cwd: base });
    const runs = await Promise.all([
      cli([root, '--out', o('dry'), '--sarif', o('dry.sarif'), '--verbose'], { cwd: base }),
      cli([root, '--json', '--out', o('json'), '--verbose'], { cwd: base }),
      cli([root, '--check', '--out', o('check'), '--sarif', o('check.sarif'), '--verbose'], { cwd: base }),
      cli([gitCopy, '--write', '--token-env', 'HS_PRIVATE_APP_TOKEN', '--out', o('write'), '--sarif', o('write.sarif'), '--verbose'], { cwd: base }),
      cli([root, '--json', '--check', '--out', o('check-json')], { cwd: base, env: { FORCE_COLOR: '1' } }),
    ]);
    const [dry, json, check, write, checkJson] = runs;
    expect(dry.code, describeRun(dry)).toBe(0);
    expect(json.code, describeRun(json)).toBe(0);
    expect(check.code, describeRun(check)).toBe(1);
    expect(write.code, describeRun(write)).toBe(0);
    expect(checkJson.code, describeRun(checkJson)).toBe(1);

    // the scan did see the keys (or this test proves nothing)
    const report = JSON.parse(json.stdout);
    expect(enumProblems(report), 'python / .env sites use the spec\'s language values').toEqual([]);
    const withSecret = report.sites.filter((s: any) => s.secret);
    expect(withSecret.length).toBeGreaterThanOrEqual(3);
    for (const s of withSecret) expect(s.secret.masked, `${s.file}:${s.line}`).toMatch(/\*/);
    expect(report.sites.some((s: any) => s.file === 'src/deals.js' && s.status === 'auto')).toBe(true);
    expect(report.sites.some((s: any) => s.file === 'src/sdk.ts' && s.status === 'auto')).toBe(true);

    // nothing on stdout / stderr of any mode, nothing in any report file but changes.patch
    runs.forEach((r, i) => {
      expect(leaks(r.stdout), `run ${i} stdout`).toEqual([]);
      expect(leaks(r.stderr), `run ${i} stderr`).toEqual([]);
    });
    expect(leakingFiles(reports, KEYS)).toEqual([]);
    // changes.patch keeps the original lines (it must apply)
    expect(read(o('dry/changes.patch'))).toContain(KEYS.templateUrl);

    // --write: the literal is never reused as the token; --token-env names the variable instead
    const deals = read(path.join(gitCopy, 'src/deals.js'));
    const sdk = read(path.join(gitCopy, 'src/sdk.ts'));
    expect(deals).not.toContain(`hapikey=${KEYS.templateUrl}`);
    expect(deals).toContain('process.env.HS_PRIVATE_APP_TOKEN');
    expect(sdk).not.toContain(KEYS.clientOption);
    expect(sdk).toContain('accessToken: process.env.HS_PRIVATE_APP_TOKEN');

    // --show-secrets: report.md shows the literal
    const shown = await shownRun;
    expect(shown.code, describeRun(shown)).toBe(0);
    expect(read(path.join(base, 'shown/report.md'))).toContain(KEYS.templateUrl);
  });
});

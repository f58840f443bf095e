// Key literals never appear raw in any output (stdout, stderr, report.md, report.json, SARIF; changes.patch excepted).
// test/e2e/secrets.test.ts covers a template URL, a client option, a commented-out key, a .env template and a
// Python assignment. These add: YAML, a Postman collection and environment, PHP, shell, JSON config, a browser
// component, and keys in files the scan cannot fully process (syntax error, minified, UTF-16), in every mode.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { cleanup, cli, describeRun, gitCommitAll, keyLeaks, leakingFiles, read, tmpDir } from '../e2e/helpers.js';
import { UUID_ANYWHERE, fakeKey, mulberry32, writeTree } from './helpers.js';

afterAll(cleanup);

const rand = mulberry32(0x5ec2e7);
const NAMES = ['yaml', 'postman', 'postmanEnv', 'browser', 'broken', 'minified', 'utf16', 'php', 'shell', 'json', 'comment', 'constInBrowser'] as const;
const KEYS = Object.fromEntries(NAMES.map((n) => [n, fakeKey(rand)])) as Record<(typeof NAMES)[number], string>;

/** The text files (the UTF-16 one aside), to know which file holds which key. */
let FILES: Record<string, string> = {};

function secretTree(root: string): string {
  const files = {
    'package.json': '{\n  "name": "leaky-spa",\n  "private": true,\n  "dependencies": { "react": "^18.2.0", "react-scripts": "5.0.1" }\n}\n',
    'config/hubspot.yml': `hubspot:\n  portal_id: 123\n  api_key: ${KEYS.yaml}\n  base_url: https://api.hubapi.com\n`,
    'postman/HubSpot.postman_collection.json': JSON.stringify({
      info: { _postman_id: 'c0ffee', name: 'HubSpot', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'contacts', request: { method: 'GET', url: { raw: `https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEYS.postman}`, query: [{ key: 'hapikey', value: KEYS.postman }] } } }],
    }, null, 2) + '\n',
    'postman/HubSpot.postman_environment.json': JSON.stringify({ id: 'e', name: 'HubSpot', values: [{ key: 'hapikey', value: KEYS.postmanEnv, enabled: true }], _postman_variable_scope: 'environment' }, null, 2) + '\n',
    'src/components/Contacts.jsx': [
      "import React from 'react';",
      `const HS = { params: { hapikey: '${KEYS.constInBrowser}' } };`,
      'export function Contacts() {',
      `  React.useEffect(() => { fetch('https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEYS.browser}'); }, []);`,
      '  return <div />;',
      '}',
      '',
    ].join('\n'),
    'src/broken.js': `export function f( {\n  return fetch('https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEYS.broken}');\n`,
    'src/widget.js': '(function(){' + 'var a=1;'.repeat(800) + `fetch("https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEYS.minified}");})();\n`,
    'src/utf16.js': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`export const c = () => fetch('https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEYS.utf16}');\n`, 'utf16le')]),
    'src/old.js': `// fetch('https://api.hubapi.com/contacts/v1/lists?hapikey=${KEYS.comment}')\nexport default 1;\n`,
    'legacy/sync.php': `<?php\n$url = "https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEYS.php}";\n`,
    'scripts/sync.sh': `#!/bin/sh\ncurl "https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEYS.shell}"\n`,
    'config/settings.json': `{ "hubspot": { "hapikey": "${KEYS.json}" } }\n`,
  };
  FILES = Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return writeTree(root, files);
}

const leaks = (text: string): string[] => keyLeaks(text, KEYS);

describe('secrets in files of every kind', () => {
  it('no key literal in stdout, stderr or any report file, in any mode; every one is found and masked', async ({ expect }) => {
    const base = tmpDir('mhk-robust-secrets-');
    const root = secretTree(path.join(base, 'repo'));
    const writeCopy = secretTree(path.join(base, 'write-copy'));
    gitCommitAll(writeCopy);
    const reports = path.join(base, 'reports');
    const o = (n: string) => path.join(reports, n);
    const runs = await Promise.all([
      cli([root, '--json', '--out', o('json'), '--verbose'], { cwd: base }),
      cli([root, '--out', o('dry'), '--sarif', o('dry.sarif'), '--verbose'], { cwd: base, env: { FORCE_COLOR: '1' } }),
      cli([root, '--check', '--out', o('check'), '--verbose'], { cwd: base }),
      cli([writeCopy, '--write', '--out', o('write'), '--sarif', o('write.sarif'), '--verbose'], { cwd: base }),
    ]);
    const [json, dry, check, write] = runs;
    expect(json.code, describeRun(json)).toBe(3);
    expect(dry.code, describeRun(dry)).toBe(3);
    expect(check.code, describeRun(check)).toBe(1);
    expect(write.code, describeRun(write)).toBe(3);

    // the scan saw every key (or this test proves nothing), and masks each one
    const report = JSON.parse(json.stdout);
    const masked = report.sites.filter((s: any) => s.secret).map((s: any) => s.secret.masked);
    for (const m of masked) expect(m).toMatch(/\*/);
    const withSites = new Set(report.sites.filter((s: any) => s.status !== 'ignored' || s.reason === 'commented-out').map((s: any) => s.file));
    const keyFiles = Object.fromEntries(NAMES.map((n) => [n, Object.keys(FILES).find((f) => FILES[f].includes(KEYS[n]))]));
    expect(NAMES.filter((n) => !withSites.has(keyFiles[n] ?? 'src/utf16.js'))).toEqual([]);
    expect(report.sites.some((s: any) => s.file === 'src/utf16.js' && s.secret)).toBe(true);

    runs.forEach((r, i) => {
      expect(leaks(r.stdout), `run ${i} stdout`).toEqual([]);
      expect(leaks(r.stderr), `run ${i} stderr`).toEqual([]);
    });
    expect(leakingFiles(reports, KEYS)).toEqual([]);
    // no site message quotes a key-shaped literal at all
    for (const s of report.sites) expect(s.message, `${s.file}:${s.line}`).not.toMatch(UUID_ANYWHERE);
    for (const s of report.skipped) expect(s.message, s.file).not.toMatch(UUID_ANYWHERE);
    // the browser component is never rewritten to send a token from the page
    expect(read(path.join(writeCopy, 'src/components/Contacts.jsx'))).not.toMatch(/Authorization/);
  });

  // Was a bug, fixed in fdfd7e7 (src/scan/code.ts ultimateSource/noteLiteral, src/run/run.ts buildReport tokenSources, src/report/*): a key
  // literal held in a constant (`const HUBSPOT_KEY = '<uuid>'` then `?hapikey=${HUBSPOT_KEY}`) is followed to its
  // value for `token.source`, which is the raw literal. It is printed unmasked on the terminal ("Put it in:
  // '<uuid>', …"), in report.md (summary and token list) and in report.json (`sites[].token.source`,
  // `tokenSources`). Worse, the site is `auto` with `secret: null` and no `hard-coded-key` flag: the rewrite sends
  // `Bearer ${HUBSPOT_KEY}`, i.e. reuses the hard-coded key as the token, which the README promises never happens,
  // and the key is not flagged for rotation. Expected: the literal is masked everywhere, the site is flagged
  // hard-coded-key (secret set, rotate-key), and the token comes from process.env.<--token-env>.
  it('a key literal held in a constant is never printed, and never reused as the token', async ({ expect }) => {
    const base = tmpDir('mhk-robust-secrets-');
    const key = fakeKey(mulberry32(7));
    const root = writeTree(path.join(base, 'repo'), {
      'src/deals.js': [
        `const HUBSPOT_KEY = '${key}';`,
        "const axios = require('axios');",
        'module.exports = () => axios.get(`https://api.hubapi.com/deals/v1/deal/recent/modified?hapikey=${HUBSPOT_KEY}`);',
        '',
      ].join('\n'),
    });
    const copy = path.join(base, 'copy');
    fs.cpSync(root, copy, { recursive: true });
    const [dry, json, write] = await Promise.all([
      cli([root, '--out', path.join(base, 'dry')], { cwd: base }),
      cli([root, '--json', '--out', path.join(base, 'json')], { cwd: base }),
      cli([copy, '--write', '--out', path.join(base, 'write')], { cwd: base }),
    ]);
    for (const r of [dry, json, write]) expect(r.stdout + r.stderr).not.toContain(key.slice(0, 13));
    expect(read(path.join(base, 'dry/report.md'))).not.toContain(key.slice(0, 13));
    expect(read(path.join(base, 'json/report.json'))).not.toContain(key.slice(0, 13));
    const site = JSON.parse(json.stdout).sites.find((s: any) => s.line === 3);
    expect(site.secret).not.toBeNull();
    // the written file no longer sends the hard-coded key
    const after = read(path.join(copy, 'src/deals.js'));
    expect(after).not.toMatch(/Bearer \$\{HUBSPOT_KEY\}/);
  });
});

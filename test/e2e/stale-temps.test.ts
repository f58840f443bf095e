// e2e: a --write killed with SIGKILL can leave the tool's temporary file beside a source; the next run removes
// those (and only those) and says so. (issue 11, item 8)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { cleanup, cli, describeRun, ensureBuilt, gitCommitAll, tmpDir, writeTree } from './helpers.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

const SRC = "const fetch = require('node-fetch');\nmodule.exports = () => fetch(`https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=${process.env.HUBSPOT_API_KEY}`);\n";
const HALF = "const fetch = require('node-fetch');\nmodule.exports = () => fetch(`https://api.hub";

function leftovers(): Record<string, string> {
  return {
    'package.json': '{ "name": "crm-sync" }\n',
    'src/a.js': SRC,
    'src/deep/b.ts': SRC,
    // ours: removed
    'src/.a.js.migrate-hapikey-0a1b2c3d.tmp': HALF,
    'src/deep/.b.ts.migrate-hapikey-ffee0011.tmp': HALF,
    // not ours, or not provably ours: kept
    'src/.a.js.migrate-hapikey-notahex1.tmp': HALF,
    'src/.a.js.other-tool-0a1b2c3d.tmp': HALF,
    'src/a.js.migrate-hapikey-0a1b2c3d.tmp': HALF,
    'src/.gone.js.migrate-hapikey-0a1b2c3d.tmp': HALF,
    'src/.a.js.migrate-hapikey-0a1b2c3d.tmp.bak': HALF,
  };
}

const KEPT = ['src/.a.js.migrate-hapikey-notahex1.tmp', 'src/.a.js.other-tool-0a1b2c3d.tmp', 'src/a.js.migrate-hapikey-0a1b2c3d.tmp', 'src/.gone.js.migrate-hapikey-0a1b2c3d.tmp', 'src/.a.js.migrate-hapikey-0a1b2c3d.tmp.bak'];
const REMOVED = ['src/.a.js.migrate-hapikey-0a1b2c3d.tmp', 'src/deep/.b.ts.migrate-hapikey-ffee0011.tmp'];

describe.concurrent('stale temporary files of a killed --write', () => {
  it('the next dry run removes the tool\'s own temporary files, only those, and says so', async ({ expect }) => {
    const root = writeTree(path.join(tmpDir(), 'repo'), leftovers());
    const r = await cli(['.', '--json'], { cwd: root, env: { } });
    expect(r.code, describeRun(r)).toBe(0);
    for (const f of REMOVED) expect(fs.existsSync(path.join(root, f)), f).toBe(false);
    for (const f of KEPT) expect(fs.existsSync(path.join(root, f)), f).toBe(true);
    const report = JSON.parse(r.stdout);
    expect(report.removedTempFiles).toEqual(REMOVED);
    const md = fs.readFileSync(path.join(root, 'hapikey-migration/report.md'), 'utf8');
    expect(md).toContain('src/deep/.b.ts.migrate-hapikey-ffee0011.tmp');
  });

  it('the terminal summary says what was removed; a link named like a temporary file is left alone', async ({ expect }) => {
    const root = writeTree(path.join(tmpDir(), 'repo'), leftovers());
    fs.writeFileSync(path.join(root, 'victim.txt'), 'keep me\n');
    fs.symlinkSync('../victim.txt', path.join(root, 'src/.a.js.migrate-hapikey-12345678.tmp'));
    gitCommitAll(root);
    const r = await cli(['.', '--write'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toMatch(/Removed 2 temporary files left by an interrupted --write/);
    expect(fs.lstatSync(path.join(root, 'src/.a.js.migrate-hapikey-12345678.tmp')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(root, 'victim.txt'), 'utf8')).toBe('keep me\n');
    expect(fs.readFileSync(path.join(root, 'src/a.js'), 'utf8')).toContain('Authorization');
  });
});

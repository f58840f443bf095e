// e2e: running twice with the same --out works (dry run, then --write), however long the reports are; a file the
// tool did not write is still never overwritten. (issue 11, item 1)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { cleanup, cli, describeRun, ensureBuilt, gitCommitAll, read, tmpDir, writeTree } from './helpers.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

/** A repository whose report.md is long: the tool's name appears only in its last line. */
function longRepo(base: string): string {
  const root = path.join(base, 'repo');
  const files: Record<string, string> = { 'package.json': '{ "name": "crm-sync", "dependencies": { "node-fetch": "^2.6.0" } }\n' };
  for (let i = 0; i < 40; i++) {
    files[`src/sync-${i}.js`] = [
      "const fetch = require('node-fetch');",
      '',
      `async function contacts${i}() {`,
      `  const res = await fetch(\`https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=\${process.env.HUBSPOT_API_KEY}&count=${i}\`);`,
      '  return res.json();',
      '}',
      '',
      `module.exports = { contacts${i} };`,
      '',
    ].join('\n');
  }
  writeTree(root, files);
  gitCommitAll(root);
  return root;
}

describe.concurrent('rerun with the same --out', () => {
  it('dry run, dry run again, then --write, from a folder outside the repository', async ({ expect }) => {
    const base = tmpDir();
    const root = longRepo(base);
    const first = await cli(['repo'], { cwd: base });
    expect(first.code, describeRun(first)).toBe(0);
    const md = read(path.join(base, 'hapikey-migration/report.md'));
    expect(md.length).toBeGreaterThan(8192);
    expect(md.slice(0, 4096)).not.toContain('migrate-hapikey');
    const second = await cli(['repo'], { cwd: base });
    expect(second.code, describeRun(second)).toBe(0);
    const write = await cli(['repo', '--write'], { cwd: base });
    expect(write.code, describeRun(write)).toBe(0);
    expect(read(path.join(root, 'src/sync-7.js'))).toContain('Authorization');
    const json = JSON.parse(read(path.join(base, 'hapikey-migration/report.json')));
    expect(json.mode).toBe('write');
    expect(json.summary.applied).toBe(40);
  });

  it('--sarif <file> outside --out can be written again', async ({ expect }) => {
    const base = tmpDir();
    longRepo(base);
    for (let i = 0; i < 2; i++) {
      const r = await cli(['repo', '--out', 'reports', '--sarif', 'ci/scan.sarif'], { cwd: base });
      expect(r.code, describeRun(r)).toBe(0);
    }
    expect(JSON.parse(read(path.join(base, 'ci/scan.sarif'))).runs[0].tool.driver.name).toBe('migrate-hapikey');
  });

  it('a report file edited or replaced by a person since is not overwritten', async ({ expect }) => {
    const base = tmpDir();
    longRepo(base);
    expect((await cli(['repo'], { cwd: base })).code).toBe(0);
    const md = path.join(base, 'hapikey-migration/report.md');
    fs.writeFileSync(md, '# Our notes on the migration\n\nDone by hand on Monday.\n');
    const r = await cli(['repo'], { cwd: base });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('report.md');
    expect(read(md)).toBe('# Our notes on the migration\n\nDone by hand on Monday.\n');
  });

  it('a foreign changes.patch (any git diff) in --out is not overwritten', async ({ expect }) => {
    const base = tmpDir();
    longRepo(base);
    const foreign = 'diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-a\n+b\n';
    writeTree(base, { 'patches/changes.patch': foreign });
    const r = await cli(['repo', '--out', 'patches'], { cwd: base });
    expect(r.code, describeRun(r)).toBe(2);
    expect(read(path.join(base, 'patches/changes.patch'))).toBe(foreign);
    expect(fs.existsSync(path.join(base, 'patches/report.md'))).toBe(false);
  });
});

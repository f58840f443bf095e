// The pre-commit hook (.pre-commit-hooks.yaml): its `entry` run as pre-commit runs it (the hook's command with the
// staged files appended, in the repository's top folder), through the package's `migrate-hapikey` bin.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import YAML from 'yaml';
import { REPO, SAMPLE, cleanup, cli, copyFixture, describeRun, ensureBuilt, gitCommitAll, read, tmpDir, writeTree } from '../e2e/helpers.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

const hooks = YAML.parse(read(path.join(REPO, '.pre-commit-hooks.yaml'))) as Array<{ id: string; entry: string; language: string; types?: string[] }>;
const hook = hooks.find((h) => h.id === 'migrate-hapikey')!;
const pkg = JSON.parse(read(path.join(REPO, 'package.json')));
const [bin, ...entryArgs] = hook.entry.split(/\s+/);

/** The hook on these files, in `repo` (pre-commit runs hooks from the repository's top). */
const hookOn = (repo: string, files: string[], extra: string[] = []) => cli([...entryArgs, ...extra, ...files], { cwd: repo, timeout: 240_000 });

const KEYED = "export const deals = () => fetch(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${process.env.HUBSPOT_API_KEY}`);\n";
const CLEAN = "export const add = (a, b) => a + b;\n";

function repoWithKeys(): string {
  const repo = copyFixture(SAMPLE, path.join(tmpDir('mhk-hook-'), 'repo'));
  writeTree(repo, { 'src/util/math.js': CLEAN, 'src/util/strings.ts': CLEAN, 'pages/deals/[id].js': KEYED, 'docs/notes.md': 'call the API with ?hapikey=… (old docs)\n' });
  gitCommitAll(repo);
  return repo;
}

describe.concurrent('.pre-commit-hooks.yaml', { timeout: 300_000 }, () => {
  it('is a node hook whose entry is the package\'s bin, in --check --files mode', ({ expect }) => {
    expect(hook.language).toBe('node');
    expect(bin).toBe('migrate-hapikey');
    expect(pkg.bin[bin]).toBe('dist/cli/bin.js');
    expect(entryArgs).toEqual(expect.arrayContaining(['--check', '--files']));
  });

  it('checks only the files it is given: clean staged files pass although the repository has key use elsewhere', async ({ expect }) => {
    const repo = repoWithKeys();
    const r = await hookOn(repo, ['src/util/math.js', 'src/util/strings.ts']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('migrate-hapikey: no account-key use found\n');
    const json = await hookOn(repo, ['src/util/math.js', 'src/util/strings.ts'], ['--json']);
    const report = JSON.parse(json.stdout);
    expect(report.summary.filesScanned).toBe(2);
    expect(report.root).toBe(repo);
    expect(fs.existsSync(path.join(repo, 'hapikey-migration'))).toBe(false);
  });

  it('fails on a staged file with key use and says where (paths from the repository\'s top), one file or several', async ({ expect }) => {
    const repo = repoWithKeys();
    const [several, one, special] = await Promise.all([
      hookOn(repo, ['src/util/math.js', 'src/crm/owners.ts', 'docs/notes.md']),
      hookOn(repo, ['src/crm/owners.ts']),
      hookOn(repo, ['pages/deals/[id].js']),
    ]);
    expect(several.code, describeRun(several)).toBe(1);
    expect(several.stdout).toMatch(/^migrate-hapikey: 1 account-key use remains \(1 auto, 0 manual\) in 1 file\n$/);
    expect(several.stderr).toMatch(/^src\/crm\/owners\.ts:\d+:\d+: auto: /m);
    // one file is scanned the same way as several: rooted at the repository, so its facts (package.json) count
    expect(one.code, describeRun(one)).toBe(1);
    expect(one.stderr).toMatch(/^src\/crm\/owners\.ts:\d+:\d+: auto: /m);
    // glob characters in a file name are taken literally
    expect(special.code, describeRun(special)).toBe(1);
    expect(special.stderr).toMatch(/^pages\/deals\/\[id\]\.js:1:\d+: auto: /m);
  });

  it('a deleted or missing file is a usage error, not a silent pass; --files with a folder too', async ({ expect }) => {
    const repo = repoWithKeys();
    const [missing, folder] = await Promise.all([hookOn(repo, ['src/gone.js', 'src/util/math.js']), hookOn(repo, ['src'])]);
    expect(missing.code, describeRun(missing)).toBe(2);
    expect(missing.stderr).toMatch(/path does not exist: src\/gone\.js/);
    expect(folder.code, describeRun(folder)).toBe(2);
    expect(folder.stderr).toMatch(/--files takes files, not folders: src/);
  });
});

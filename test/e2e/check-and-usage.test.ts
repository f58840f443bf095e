// e2e: --check (the CI gate) and usage errors (exit 2, nothing written). Most runs call main in-process; the exit
// codes a shell sees are checked once each on the built CLI in a child process (cliProcess).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ALL_AUTO, SAMPLE, cleanup, cli, cliProcess, copyFixture, describeRun, ensureBuilt, hashTree, read, tmpDir, writeTree } from './helpers.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

const oneLine = (s: string): boolean => s.endsWith('\n') && !s.slice(0, -1).includes('\n') && s.trim().length > 0;

describe.concurrent('--check', () => {
  it('exit 1 with a one-line summary on the sample, writing nothing', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(SAMPLE, path.join(base, 'repo'));
    const before = hashTree(base);
    const r = await cliProcess(['repo', '--check'], { cwd: base });
    expect(r.code, describeRun(r)).toBe(1);
    expect(oneLine(r.stdout), r.stdout).toBe(true);
    expect(r.stdout).toMatch(/\d+ account-key uses? remains?/);
    expect(hashTree(base)).toEqual(before); // no source file, and no report folder either (no --out given)
    expect(fs.existsSync(path.join(root, 'hapikey-migration'))).toBe(false);
  });

  it('exit 0 on a folder whose one file has no key (already Bearer)', async ({ expect }) => {
    const base = tmpDir();
    const root = writeTree(path.join(base, 'clean'), {
      'src/client.js': [
        "const axios = require('axios');",
        '',
        'module.exports = () => axios.get(\'https://api.hubapi.com/crm/v3/objects/contacts\', {',
        '  headers: { Authorization: `Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}` },',
        '});',
        '',
      ].join('\n'),
    });
    const before = hashTree(root);
    const r = await cli([root, '--check'], { cwd: base });
    expect(r.code, describeRun(r)).toBe(0);
    expect(oneLine(r.stdout), r.stdout).toBe(true);
    expect(hashTree(root)).toEqual(before);
  });

  it('exit 1 before --write and 0 after it on a tree of auto-only sites; --check --json is the JSON report', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(ALL_AUTO, path.join(base, 'repo'));
    const before = hashTree(root);
    const first = await cli([root, '--check', '--json'], { cwd: base });
    expect(first.code, describeRun(first)).toBe(1);
    const report = JSON.parse(first.stdout);
    expect(report.mode).toBe('check');
    expect(report.summary.byStatus.auto).toBeGreaterThan(0);
    expect(report.summary.byStatus.manual).toBe(0);
    expect(hashTree(root)).toEqual(before);

    const w = await cli([root, '--write', '--out', path.join(base, 'out')], { cwd: base });
    expect(w.code, describeRun(w)).toBe(0);
    const after = hashTree(root);
    expect(after).not.toEqual(before);
    const check = await cli([root, '--check'], { cwd: base });
    expect(check.code, describeRun(check)).toBe(0);
    expect(oneLine(check.stdout), check.stdout).toBe(true);
    expect(hashTree(root)).toEqual(after);
  });
});

describe.concurrent('usage errors: exit 2, a clear message, nothing written', () => {
  const cases: [string, (root: string) => string[], RegExp][] = [
    ['a path that does not exist', () => ['does-not-exist', '--out', 'out'], /does not exist/],
    ['an unknown flag', (root) => [root, '--bogus', '--out', 'out'], /unknown option '--bogus'/],
    ['--interactive without a TTY', (root) => [root, '--interactive', '--out', 'out'], /TTY|terminal/],
    ['two modes at once (--write --check)', (root) => [root, '--write', '--check', '--out', 'out'], /--write|--check/],
    ['--token-env that is not a variable name', (root) => [root, '--write', '--token-env', 'MY TOKEN', '--out', 'out'], /--token-env/],
    ['--rename-env without OLD=NEW', (root) => [root, '--write', '--rename-env', 'HUBSPOT_API_KEY', '--out', 'out'], /--rename-env/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async ({ expect }) => {
      const base = tmpDir();
      const root = copyFixture(SAMPLE, path.join(base, 'repo'));
      const before = hashTree(base);
      // one usage error through a real process: exit 2 as the shell sees it
      const r = await (name === 'an unknown flag' ? cliProcess : cli)(args(root), { cwd: base });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(hashTree(base)).toEqual(before); // no source change, no out folder
    });
  }
});

describe.concurrent('help and version', () => {
  it('--help exits 0 and lists every flag of the spec; --version prints the package version', async ({ expect }) => {
    const base = tmpDir();
    const [help, version] = await Promise.all([cli(['--help'], { cwd: base }), cli(['--version'], { cwd: base })]);
    expect(help.code, describeRun(help)).toBe(0);
    const flags = ['--write', '--interactive', '-i', '--check', '--include', '--exclude', '--no-gitignore', '--token-env', '--rename-env',
      '--allow-dirty', '--out', '--json', '--sarif', '--no-color', '--show-secrets', '--quiet', '-q', '--verbose'];
    expect(flags.filter((f) => !new RegExp(`(^|[\\s,])${f}\\b`).test(help.stdout))).toEqual([]);
    expect(version.code, describeRun(version)).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(read(path.join(__dirname, '../../package.json'))).version);
    expect(fs.readdirSync(base)).toEqual([]);
  });
});

describe('--rename-env', () => {
  // spec: "--rename-env <OLD=NEW> … Rename an environment variable everywhere (code, .env templates, config files)";
  // the tool's own message for a .env.template declaration suggests exactly this flag.
  it('--rename-env OLD=NEW (a documented flag, suggested by the tool itself) is accepted and renames the variable', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(SAMPLE, path.join(base, 'repo'));
    const r = await cli([root, '--rename-env', 'HUBSPOT_API_KEY=HUBSPOT_ACCESS_TOKEN', '--out', path.join(base, 'out')], { cwd: base });
    expect(r.code, describeRun(r)).toBe(0);
    const patch = read(path.join(base, 'out/changes.patch'));
    expect(patch).toContain('+HUBSPOT_ACCESS_TOKEN=');
    expect(patch).toContain('process.env.HUBSPOT_ACCESS_TOKEN');
  });
});

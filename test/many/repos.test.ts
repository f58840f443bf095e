// e2e: several repositories in one command: one run each, reports under --out/<name>/, one aggregated
// summary.md + summary.json (golden), a missing or unreadable repository reported without stopping the others;
// `aggregate` building the same from report.json files made by separate runs.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ALL_AUTO, PTY_DRIVER, SAMPLE, baseEnv, cleanup, cli, cliArgv, copyFixture, describeRun, ensureBuilt, hashTree, read, readJson, tmpDir, writeTree } from '../e2e/helpers.js';
import { expectGoldenIn } from '../report/golden.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

/** Three repositories (two with key use, one clean) and two that cannot be read, side by side in a temp folder. */
function workspace(): string {
  const base = tmpDir('mhk-many-');
  copyFixture(SAMPLE, path.join(base, 'acme'));
  copyFixture(ALL_AUTO, path.join(base, 'shop'));
  writeTree(path.join(base, 'clean'), {
    'package.json': '{ "name": "clean", "dependencies": { "express": "^4" } }\n',
    'src/client.js': "export const get = (p) => fetch(`https://api.hubapi.com${p}`, { headers: { Authorization: `Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}` } });\n",
  });
  fs.symlinkSync(path.join(base, 'deleted-long-ago'), path.join(base, 'dangling'));
  return base;
}

/** A child's time limit: the machine may be loaded (the CLI itself takes a few seconds here). */
const SLOW = 240_000;

/** Temp paths out of a text, so that goldens do not depend on where the test ran. */
const stable = (text: string, base: string): string => text.split(base).join('<tmp>');

// each test runs the CLI several times: on a loaded 2-core machine that takes minutes, not seconds
describe.concurrent('several repositories', { timeout: 300_000 }, () => {
  it('3 repositories and 2 unreadable ones: one aggregated report (golden), each repository\'s reports, none stops the others', async ({ expect }) => {
    const base = workspace();
    const before = hashTree(base, { skip: (r) => r.startsWith('out') });
    const r = await cli(['acme', 'shop', 'dangling', 'clean', 'missing', '--check', '--out', 'out'], { cwd: base, timeout: SLOW });
    expect(r.code, describeRun(r)).toBe(1); // --check found key use in acme and shop
    // no progress line without a terminal; each failure named once on stderr
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^migrate-hapikey: dangling: path does not exist/),
      expect.stringMatching(/^migrate-hapikey: missing: path does not exist/),
    ]);
    const out = path.join(base, 'out');
    expect(fs.readdirSync(out).sort()).toEqual(['.migrate-hapikey.json', 'acme', 'clean', 'shop', 'summary.json', 'summary.md']);
    for (const name of ['acme', 'clean', 'shop']) {
      expect(fs.readdirSync(path.join(out, name)).sort(), name).toEqual(['.migrate-hapikey.json', 'changes.patch', 'report.json', 'report.md', 'report.sarif']);
      expect(readJson(path.join(out, name, 'report.json')).root).toBe(path.join(base, name));
    }
    const summary = readJson(path.join(out, 'summary.json'));
    expect(summary.schemaVersion).toBe(1);
    // the spec's fields, in its order, for every repository
    for (const e of summary.repositories) expect(Object.keys(e).slice(0, 6)).toEqual(['name', 'path', 'exitCode', 'summary', 'scopes', 'error']);
    const byName = Object.fromEntries(summary.repositories.map((e: any) => [e.name, e]));
    expect(summary.repositories.map((e: any) => e.name)).toEqual(['acme', 'shop', 'dangling', 'clean', 'missing']);
    // each repository's numbers are its own report's
    for (const name of ['acme', 'shop', 'clean']) {
      const own = readJson(path.join(out, name, 'report.json'));
      expect(byName[name].summary, name).toEqual(own.summary);
      expect(byName[name].scopes, name).toEqual(own.scopes);
      expect(byName[name].error, name).toBeNull();
    }
    expect([byName.acme.exitCode, byName.shop.exitCode, byName.clean.exitCode]).toEqual([1, 1, 0]);
    expect([byName.acme.clean, byName.shop.clean, byName.clean.clean]).toEqual([false, false, true]);
    expect(byName.dangling).toMatchObject({ exitCode: 2, summary: null, scopes: null, error: expect.stringContaining('path does not exist') });
    expect(summary.totals).toMatchObject({ repositories: 5, clean: 1, withKeyUse: 2, failed: 2 });
    expectGoldenIn('many', 'summary.json', stable(read(path.join(out, 'summary.json')), base));
    expectGoldenIn('many', 'summary.md', stable(read(path.join(out, 'summary.md')), base));
    expectGoldenIn('many', 'stdout.txt', stable(r.stdout, base));
    // --check changed no source file
    expect(hashTree(base, { skip: (rel) => rel.startsWith('out') })).toEqual(before);
  });

  it('--repos list.txt (paths relative to the list, comments and blank lines ignored) is the same as the paths; --json prints summary.json', async ({ expect }) => {
    const base = workspace();
    fs.mkdirSync(path.join(base, 'lists'));
    fs.writeFileSync(path.join(base, 'lists', 'repos.txt'), '# our repositories\n../acme\n\n../shop\n  ../clean  \n');
    const [listed, given] = await Promise.all([
      cli(['--repos', 'lists/repos.txt', '--json', '--out', 'o1'], { cwd: base, timeout: SLOW }),
      cli(['acme', 'shop', 'clean', '--json', '--out', 'o2'], { cwd: base, timeout: SLOW }),
    ]);
    expect(listed.code, describeRun(listed)).toBe(0); // a dry run: nothing failed
    expect(given.code, describeRun(given)).toBe(0);
    expect(listed.stdout).toBe(read(path.join(base, 'o1', 'summary.json')));
    expect(JSON.parse(listed.stdout)).toEqual(JSON.parse(given.stdout));
    expect(JSON.parse(listed.stdout).repositories.map((e: any) => e.mode)).toEqual(['dry-run', 'dry-run', 'dry-run']);
  });

  it('the same folder name twice gets two report folders; a folder with a file is a usage error', async ({ expect }) => {
    const base = workspace();
    copyFixture(ALL_AUTO, path.join(base, 'team-b', 'shop'));
    const r = await cli(['shop', 'team-b/shop', '--check', '--out', 'out'], { cwd: base, timeout: SLOW });
    expect(r.code, describeRun(r)).toBe(1);
    const summary = readJson(path.join(base, 'out', 'summary.json'));
    expect(summary.repositories.map((e: any) => [e.name, e.path])).toEqual([['shop', path.join(base, 'shop')], ['shop-2', path.join(base, 'team-b/shop')]]);
    const mixed = await cli(['shop', 'clean/src/client.js', '--out', 'o3'], { cwd: base, timeout: SLOW });
    expect(mixed.code, describeRun(mixed)).toBe(2);
    expect(mixed.stderr).toMatch(/clean\/src\/client\.js is a file/);
    expect(fs.existsSync(path.join(base, 'o3'))).toBe(false);
  });

  it('--write in several repositories: a dirty one is refused and reported, the others are written', async ({ expect }) => {
    const base = workspace();
    const { execFileSync } = await import('node:child_process');
    const { baseEnv } = await import('../e2e/helpers.js');
    const g = (cwd: string, ...a: string[]): void => { execFileSync('git', ['-c', 'init.defaultBranch=main', ...a], { cwd, env: baseEnv(), stdio: 'ignore' }); };
    for (const name of ['shop']) { g(path.join(base, name), 'init', '-q'); g(path.join(base, name), 'add', '-A'); g(path.join(base, name), 'commit', '-qm', 'x'); }
    fs.appendFileSync(path.join(base, 'shop', 'src', 'deals.js'), '\n// local edit\n');
    const r = await cli(['shop', 'acme', '--write', '--out', 'out'], { cwd: base, timeout: SLOW });
    expect(r.code, describeRun(r)).toBe(3);
    const summary = readJson(path.join(base, 'out', 'summary.json'));
    expect(summary.repositories[0]).toMatchObject({ name: 'shop', exitCode: 2, error: expect.stringContaining('uncommitted changes') });
    expect(summary.repositories[1]).toMatchObject({ name: 'acme', exitCode: 0, error: null, mode: 'write' });
    expect(summary.repositories[1].summary.applied).toBeGreaterThan(0);
  });
});

const hasPython = spawnSync('python3', ['-c', 'import pty, termios, fcntl']).status === 0;

describe('on a terminal', { timeout: 300_000 }, () => {
  it.skipIf(!hasPython)('a progress line (repositories done / total) on stderr, cleared at the end', async ({ expect }) => {
    const base = workspace();
    const cfg = JSON.stringify({ cmd: cliArgv(['acme', 'missing', 'clean', '--check', '--out', 'out']), cwd: base, answers: [], timeout: 240 });
    const drive = await new Promise<{ code: number; out: string }>((resolve, reject) => {
      execFile('python3', [PTY_DRIVER, cfg], { env: baseEnv({ TERM: 'xterm-256color' }), timeout: 250_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`pty driver failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      });
    });
    expect(drive.code, drive.out).toBe(1);
    const progress = [...drive.out.matchAll(/(\d+)\/3 repositories done; scanning (\w+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(progress).toEqual(['0 acme', '1 missing', '2 clean']);
    expect(drive.out).toMatch(/\r\x1b\[K[^]*migrate-hapikey: 3 repositories: 1 clean, 1 with account-key use, 1 failed/);
  });
});

describe.concurrent('aggregate', { timeout: 300_000 }, () => {
  it('builds the same summary from report.json files made by separate runs; an unreadable report is listed, not fatal', async ({ expect }) => {
    const base = workspace();
    const runs = await Promise.all(['acme', 'shop', 'clean'].map((name) => cli([name, '--check', '--out', `jobs/${name}`], { cwd: base, timeout: SLOW })));
    expect(runs.map((x) => x.code)).toEqual([1, 1, 0]);
    const together = await cli(['acme', 'shop', 'clean', '--check', '--out', 'together'], { cwd: base, timeout: SLOW });
    expect(together.code, describeRun(together)).toBe(1);

    const agg = await cli(['aggregate', 'jobs/acme/report.json', 'jobs/shop/report.json', 'jobs/clean/report.json', '--out', 'collected'], { cwd: base, timeout: SLOW });
    expect(agg.code, describeRun(agg)).toBe(1); // as the runs: some repository still uses keys
    const a = readJson(path.join(base, 'collected', 'summary.json'));
    const t = readJson(path.join(base, 'together', 'summary.json'));
    const withoutLinks = (s: any) => ({ ...s, repositories: s.repositories.map((e: any) => ({ ...e, report: null })) });
    expect(withoutLinks(a)).toEqual(withoutLinks(t));
    expect(a.repositories.map((e: any) => e.report)).toEqual(['../jobs/acme/report.json', '../jobs/shop/report.json', '../jobs/clean/report.json']);
    expect(read(path.join(base, 'collected', 'summary.md'))).toContain('[acme](../jobs/acme/report.md)');

    fs.mkdirSync(path.join(base, 'jobs', 'broken'));
    fs.writeFileSync(path.join(base, 'jobs', 'broken', 'report.json'), '{"schemaVersion": 1, "tool": {"name": "migrate-hapikey"}');
    const partial = await cli(['aggregate', 'jobs/clean/report.json', 'jobs/broken/report.json', 'jobs/gone/report.json', '--out', 'c2', '--json'], { cwd: base, timeout: SLOW });
    expect(partial.code, describeRun(partial)).toBe(3);
    const p = JSON.parse(partial.stdout);
    expect(p.repositories.map((e: any) => [e.name, e.error === null])).toEqual([['clean', true], ['broken', false], ['gone', false]]);
    expect(p.repositories[1].error).toMatch(/not JSON/);
    expect(p.repositories[2].error).toMatch(/ENOENT/);
    expect(partial.stderr).toMatch(/broken: .*not JSON/);
  });

  it('no report given is a usage error; a foreign summary.md is never overwritten', async ({ expect }) => {
    const base = tmpDir('mhk-many-');
    const none = await cli(['aggregate'], { cwd: base, timeout: SLOW });
    expect(none.code).toBe(2);
    fs.mkdirSync(path.join(base, 'out'));
    fs.writeFileSync(path.join(base, 'out', 'summary.md'), '# our own notes\n');
    const refused = await cli(['aggregate', 'x/report.json', '--out', 'out'], { cwd: base, timeout: SLOW });
    expect(refused.code, describeRun(refused)).toBe(2);
    expect(read(path.join(base, 'out', 'summary.md'))).toBe('# our own notes\n');
  });
});

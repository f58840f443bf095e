// e2e: the --out folder inside the scanned tree is never scanned, and report files never overwrite a source file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { ALL_AUTO, SAMPLE, cleanup, cli, copyFixture, describeRun, gitCommitAll, hashTree, read, tmpDir, writeTree } from './helpers.js';

afterAll(cleanup);

const siteKeys = (report: any): string[] => report.sites.map((s: any) => `${s.id} ${s.file}:${s.line} ${s.status}`);

describe.concurrent('--out inside the scanned tree', () => {
  it('the default ./hapikey-migration inside the tree: a second run finds exactly what the first found', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(SAMPLE, path.join(base, 'repo'));
    const first = await cli(['.', '--json'], { cwd: root });
    expect(first.code, describeRun(first)).toBe(0);
    const out = path.join(root, 'hapikey-migration');
    expect(read(path.join(out, 'report.json'))).toContain('hapikey'); // bait for a scanner
    const sources = hashTree(root, { skip: (f) => f.startsWith('hapikey-migration') });
    const second = await cli(['.', '--json'], { cwd: root });
    expect(second.code, describeRun(second)).toBe(0);
    const [a, b] = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
    expect(siteKeys(b)).toEqual(siteKeys(a));
    expect(b.summary).toEqual(a.summary);
    expect(b.sites.filter((s: any) => s.file.startsWith('hapikey-migration/'))).toEqual([]);
    expect(hashTree(root, { skip: (f) => f.startsWith('hapikey-migration') })).toEqual(sources);
  });

  // Fixed bug (kept as a regression test): `--out .` (the scanned root itself) is not excluded from the scan (src/discover/selection.ts only excludes an
  // out folder *below* the root), so the next run with `--out .` scans its own report.json/report.md/report.sarif:
  // on the sample the second run reports 13 more sites (1 of them manual, in report.json).
  it('--out . (the root): a second run does not scan the first run\'s report files', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(SAMPLE, path.join(base, 'repo'));
    const first = await cli(['.', '--json', '--out', '.'], { cwd: root });
    expect(first.code, describeRun(first)).toBe(0);
    const second = await cli(['.', '--json', '--out', '.'], { cwd: root });
    expect(second.code, describeRun(second)).toBe(0);
    const b = JSON.parse(second.stdout);
    expect(b.sites.filter((s: any) => /^(report\.(json|md|sarif)|changes\.patch)$/.test(s.file)).map((s: any) => `${s.file}:${s.line}`)).toEqual([]);
    expect(siteKeys(b)).toEqual(siteKeys(JSON.parse(first.stdout)));
  });

  // Fixed bug (kept as a regression test): report folders of earlier runs (here `--out reports/hapikey`, then a plain `--check` whose --out is the
  // default) are scanned like source: reports/hapikey/report.json yields 2 `manual` config-declaration sites (and
  // several ignored ones), so --check exits 1 forever after a completed migration. The tool's own reports are
  // recognisable (report.json has "tool": {"name": "migrate-hapikey"}; report.md/report.sarif/changes.patch sit
  // beside it) and should never produce sites.
  it('a report folder from an earlier run (another --out) does not produce sites: --check passes after --write', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(ALL_AUTO, path.join(base, 'repo'));
    const w = await cli(['.', '--write', '--out', 'reports/hapikey'], { cwd: root });
    expect(w.code, describeRun(w)).toBe(0);
    expect(read(path.join(root, 'reports/hapikey/report.json'))).toContain('hapikey');
    const check = await cli(['.', '--check'], { cwd: root });
    expect(check.code, describeRun(check)).toBe(0);
  });

  // Fixed bug (kept as a regression test): --out pointing at a folder of the project overwrites the project's own files there (docs/report.md, a
  // committed document, is replaced by the report without a word). Expected: never overwrite a file that is not a
  // report of this tool (refuse with exit 2, as for other configuration errors).
  it('--out at a project folder never overwrites a project file (docs/report.md)', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(SAMPLE, path.join(base, 'repo'));
    writeTree(root, { 'docs/report.md': '# Q3 integration report\n\nWe still call HubSpot with ?hapikey= in three places.\n' });
    gitCommitAll(root);
    const before = hashTree(root);
    const r = await cli(['.', '--out', 'docs'], { cwd: root });
    expect([0, 2], describeRun(r)).toContain(r.code);
    expect(hashTree(root)['docs/report.md']).toBe(before['docs/report.md']);
  });

  // Fixed bug (kept as a regression test): an --out that cannot be created (here below a regular file) is only discovered after the sources were
  // rewritten: `--write --out notadir/reports` rewrites every file, then dies with "internal error: Error: ENOTDIR:
  // not a directory, mkdir …" and a stack trace, exit 70, and writes no report. Expected: checked up front as a
  // configuration error (exit 2, nothing written).
  it('an --out that cannot be created: exit 2 before anything is written, no stack trace', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(ALL_AUTO, path.join(base, 'repo'));
    fs.writeFileSync(path.join(base, 'notadir'), 'a file\n');
    const before = hashTree(root);
    const r = await cli([root, '--write', '--out', path.join(base, 'notadir/reports')], { cwd: base });
    expect(hashTree(root), 'no source rewritten').toEqual(before);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.code, describeRun(r)).toBe(2);
  });

  // Fixed bug (kept as a regression test): --sarif <file> writes over any file, even a scanned source file, and even in --check mode, whose contract is
  // "write no source file": `--check --sarif src/crm/sdk.ts` replaces the TypeScript source with SARIF JSON.
  it('--sarif at a scanned source file does not overwrite it (not even in --check, which writes no source file)', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(SAMPLE, path.join(base, 'repo'));
    const before = hashTree(root);
    const r = await cli([root, '--check', '--sarif', path.join(root, 'src/crm/sdk.ts')], { cwd: base });
    expect([1, 2], describeRun(r)).toContain(r.code);
    expect(hashTree(root)).toEqual(before);
  });
});

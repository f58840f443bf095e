// e2e: --write in a git work tree, the dirty-tree guard, and the rewrite fixtures through the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { afterAll, describe, it } from 'vitest';
import {
  ALL_AUTO, FIXTURES, JS_TS, SAMPLE, changedFiles, cleanup, cli, copyFixture, describeRun, git, gitApply,
  gitCommitAll, hashTree, read, readJson, tmpDir,
} from './helpers.js';

afterAll(cleanup);

function parseDiagnostics(file: string, text: string): string[] {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.(m|c)?ts$/.test(file) ? ts.ScriptKind.TS : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diags.map((d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe.concurrent('--write', () => {
  it('on the sample in a clean git tree: equals git-applying the dry run\'s changes.patch, files parse, a second run plans nothing', async ({ expect }) => {
    const base = tmpDir();
    const written = copyFixture(SAMPLE, path.join(base, 'written'));
    const applied = copyFixture(SAMPLE, path.join(base, 'applied'));
    fs.chmodSync(path.join(written, 'src/crm/owners.ts'), 0o755); // the mode must survive the rewrite
    gitCommitAll(written);
    const original = hashTree(written);

    const [w, d] = await Promise.all([
      cli([written, '--write', '--json', '--out', path.join(base, 'out-write')], { cwd: base }),
      cli([applied, '--out', path.join(base, 'out-dry')], { cwd: base }),
    ]);
    expect(w.code, describeRun(w)).toBe(0);
    expect(d.code, describeRun(d)).toBe(0);

    // same bytes as `git apply changes.patch` on a fresh copy
    const patch = path.join(base, 'out-dry/changes.patch');
    expect(fs.statSync(patch).size).toBeGreaterThan(0);
    gitApply(applied, patch);
    const after = hashTree(written);
    expect(after).toEqual(hashTree(applied));
    const changed = changedFiles(original, after);
    expect(changed.length).toBeGreaterThan(0);
    // git agrees on what changed, and nothing was added next to the sources (no temp files, no report)
    const status = git(written, 'status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean);
    expect(status.map((l) => l.slice(3)).sort()).toEqual(changed);
    expect(status.every((l) => l.startsWith(' M '))).toBe(true);
    expect(fs.statSync(path.join(written, 'src/crm/owners.ts')).mode & 0o777).toBe(0o755);

    // every changed JS/TS file parses
    const diags = changed.filter((f) => JS_TS.test(f)).flatMap((f) => parseDiagnostics(f, read(path.join(written, f))));
    expect(diags).toEqual([]);

    // JSON of the write run: the rewritten sites are applied, and counted
    const report = JSON.parse(w.stdout);
    expect(report.mode).toBe('write');
    const appliedSites = report.sites.filter((s: any) => s.applied === true);
    expect(report.summary.applied).toBeGreaterThan(0);
    expect(report.summary.applied).toBe(appliedSites.length);
    expect(appliedSites.every((s: any) => s.status === 'auto')).toBe(true);
    expect(report.sites.filter((s: any) => s.status === 'auto' && !s.applied)).toEqual([]);
    expect([...new Set(appliedSites.map((s: any) => s.file))].sort()).toEqual(changed);
    expect(readJson(path.join(base, 'out-write/report.json'))).toEqual(report);

    // a second dry run plans nothing
    const again = await cli([written, '--json', '--out', path.join(base, 'out-again')], { cwd: base });
    expect(again.code, describeRun(again)).toBe(0);
    const second = JSON.parse(again.stdout);
    expect(second.sites.filter((s: any) => s.status === 'auto')).toEqual([]);
    expect(second.summary.byStatus.auto).toBe(0);
    expect(fs.statSync(path.join(base, 'out-again/changes.patch')).size).toBe(0);
    expect(hashTree(written)).toEqual(after);
  });

  it('the rewrite fixtures (fixtures/rewrite/*/input → output) come out byte for byte through the CLI', async ({ expect }) => {
    const base = tmpDir();
    const root = path.join(base, 'corpus');
    const cases: { name: string; input: string; expected: string }[] = [];
    const dir = path.join(FIXTURES, 'rewrite');
    for (const c of fs.readdirSync(dir).sort()) {
      const files = fs.readdirSync(path.join(dir, c));
      const input = files.find((f) => f.startsWith('input.'));
      // repo.json cases need repository facts a folder copy cannot express
      if (!input || files.includes('repo.json')) continue;
      const output = files.find((f) => f.startsWith('output.'));
      fs.mkdirSync(path.join(root, c), { recursive: true });
      fs.copyFileSync(path.join(dir, c, input), path.join(root, c, input));
      cases.push({ name: `${c}/${input}`, input: path.join(dir, c, input), expected: path.join(dir, c, output ?? input) });
    }
    expect(cases.length).toBeGreaterThan(10);
    gitCommitAll(root);
    const r = await cli([root, '--write', '--out', path.join(base, 'out')], { cwd: base });
    expect(r.code, describeRun(r)).toBe(0);
    const wrong = cases.filter((c) => !fs.readFileSync(path.join(root, c.name)).equals(fs.readFileSync(c.expected))).map((c) => c.name);
    expect(wrong).toEqual([]);
    const again = await cli([root, '--json', '--out', path.join(base, 'out2')], { cwd: base });
    expect(again.code, describeRun(again)).toBe(0);
    expect(JSON.parse(again.stdout).sites.filter((s: any) => s.status === 'auto').map((s: any) => `${s.file}:${s.line}`)).toEqual([]);
  });
});

describe.concurrent('--write and uncommitted changes', () => {
  it('refuses (exit 2, nothing written) when a file it would touch is modified; --allow-dirty proceeds', async ({ expect }) => {
    // a monorepo: the scanned folder is a sub-folder of the git work tree
    const base = tmpDir();
    const mono = path.join(base, 'mono');
    const root = copyFixture(SAMPLE, path.join(mono, 'packages/sync'));
    gitCommitAll(mono);
    fs.appendFileSync(path.join(root, 'src/crm/sdk.ts'), '// local work in progress\n');
    fs.appendFileSync(path.join(root, 'README.md'), 'local note\n');
    const before = hashTree(mono);
    const out = path.join(base, 'out');

    const refused = await cli([root, '--write', '--out', out], { cwd: base });
    expect(refused.code, describeRun(refused)).toBe(2);
    expect(refused.stderr).toContain('src/crm/sdk.ts');
    expect(refused.stderr).not.toContain('README.md'); // not a file it would touch
    expect(refused.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(hashTree(mono)).toEqual(before);
    expect(fs.existsSync(out)).toBe(false);

    const forced = await cli([root, '--write', '--allow-dirty', '--out', out], { cwd: base });
    expect(forced.code, describeRun(forced)).toBe(0);
    const sdk = read(path.join(root, 'src/crm/sdk.ts'));
    expect(sdk).toContain('accessToken: process.env.HUBSPOT_API_KEY');
    expect(sdk).not.toContain('apiKey');
    expect(sdk).toContain('// local work in progress\n'); // the uncommitted edit is kept
    expect(readJson(path.join(out, 'report.json')).summary.applied).toBeGreaterThan(0);
  });

  it('is not blocked by uncommitted changes to files it does not touch', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(ALL_AUTO, path.join(base, 'repo'));
    gitCommitAll(root);
    fs.appendFileSync(path.join(root, 'package.json'), '\n');
    fs.writeFileSync(path.join(root, 'NOTES.md'), 'untracked\n');
    const r = await cli([root, '--write', '--out', path.join(base, 'out')], { cwd: base });
    expect(r.code, describeRun(r)).toBe(0);
    expect(read(path.join(root, 'src/deals.js'))).not.toContain('hapikey');
  });
});

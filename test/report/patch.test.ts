import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FilePlan } from '../../src/model/edit.js';
import { gitQuotePath } from '../../src/report/git-path.js';
import { renderFilePatch, renderPatch, toFileChanges } from '../../src/report/patch.js';
import { edit, KEY, makePlan, PLANS } from './fixture.js';
import { expectGolden } from './golden.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.autocrlf=false', '-c', 'core.safecrlf=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const bytes = (p: FilePlan, text: string) => Buffer.from(p.bom ? `\uFEFF${text}` : text, 'utf8');

/** Writes the original files into a fresh git repo, applies the patch with `git apply`, returns the repo. */
function applyInRepo(plans: FilePlan[], patch: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mh-patch-'));
  dirs.push(dir);
  git(dir, 'init', '-q');
  for (const p of plans) {
    mkdirSync(dirname(join(dir, p.file)), { recursive: true });
    writeFileSync(join(dir, p.file), bytes(p, p.before));
  }
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'original');
  writeFileSync(join(dir, 'changes.patch'), patch);
  git(dir, 'apply', '--check', 'changes.patch');
  git(dir, 'apply', 'changes.patch');
  return dir;
}

describe('renderPatch', () => {
  it('applies with git apply on the original tree and gives exactly the planned bytes (CRLF, BOM, no final newline, several hunks)', () => {
    const patch = renderPatch(PLANS);
    const dir = applyInRepo(PLANS, patch);
    for (const p of PLANS) expect(readFileSync(join(dir, p.file)).equals(bytes(p, p.after)), p.file).toBe(true);
  });

  it('keeps CRLF lines and the BOM in the patch text', () => {
    const sync = PLANS.find((p) => p.file === 'legacy/sync.js')!;
    const patch = renderFilePatch(sync);
    expect(patch).toContain(' \uFEFF\'use strict\';\r\n');
    expect(patch).toMatch(/^-const HAPIKEY = .*\r$/m);
    expect(patch).toMatch(/^\+const HAPIKEY = process\.env\.HUBSPOT_ACCESS_TOKEN;\r$/m);
  });

  it('marks a missing final newline as git does', () => {
    const sh = PLANS.find((p) => p.file === 'scripts/export-deals.sh')!;
    expect(renderFilePatch(sh).split('\n').filter((l) => l === '\\ No newline at end of file')).toHaveLength(2);
  });

  it('writes several hunks for distant edits, with git headers and a/ b/ prefixes', () => {
    const ts = renderFilePatch(PLANS.find((p) => p.file === 'src/hubspot.ts')!);
    expect(ts.startsWith('diff --git a/src/hubspot.ts b/src/hubspot.ts\n--- a/src/hubspot.ts\n+++ b/src/hubspot.ts\n@@ ')).toBe(true);
    expect(ts.match(/^@@ /gm)).toHaveLength(2);
  });

  it('is never masked: it must apply', () => {
    expect(renderPatch(PLANS)).toContain(KEY);
  });

  it('applies for a BOM file changed on its first line, and when the change is the last line', () => {
    const before = '\r\nconst k = "hapikey";\r\n';
    const first = makePlan('first.js', 'x();\r\ny();\r\n', [{ siteId: 'a', edits: [edit('x();\r\ny();\r\n', 'x', 'z')] }], { bom: true, eol: '\r\n' });
    const last = makePlan('last.js', before, [{ siteId: 'b', edits: [edit(before, '"hapikey"', '"token"')] }]);
    const dir = applyInRepo([first, last], renderPatch([first, last]));
    expect(readFileSync(join(dir, 'first.js')).equals(bytes(first, first.after))).toBe(true);
    expect(readFileSync(join(dir, 'last.js'), 'utf8')).toBe(last.after);
  });

  it('applies to paths git quotes or tabs (spaces, quotes, non-ASCII)', () => {
    const text = 'fetch("/x?hapikey=" + k);\n';
    const mk = (file: string) => makePlan(file, text, [{ siteId: file, edits: [edit(text, '?hapikey=" + k', '"')] }]);
    const plans = [mk('api examples/sync.js'), mk('src/qu"ote.js'), mk('src/café.js')];
    const patch = renderPatch(plans);
    expect(patch).toContain('--- a/api examples/sync.js\t\n');
    expect(patch).toContain('diff --git "a/src/caf\\303\\251.js" "b/src/caf\\303\\251.js"');
    const dir = applyInRepo(plans, patch);
    for (const p of plans) expect(readFileSync(join(dir, p.file), 'utf8')).toBe(p.after);
  });

  it('is empty when nothing changes, and lists files in path order', () => {
    expect(renderPatch([])).toBe('');
    expect(renderPatch([{ ...PLANS[0], after: PLANS[0].before }])).toBe('');
    const files = [...renderPatch(PLANS).matchAll(/^diff --git a\/(\S+)/gm)].map((m) => m[1]);
    expect(files).toEqual(['legacy/sync.js', 'scripts/export-deals.sh', 'src/client.ts', 'src/hubspot.ts']);
  });

  it('gives Report.changes: one entry per changed file, concatenating to the patch', () => {
    const changes = toFileChanges([...PLANS, { ...PLANS[0], file: 'same.ts', after: PLANS[0].before }]);
    expect(changes.map((c) => c.file)).toEqual(['legacy/sync.js', 'scripts/export-deals.sh', 'src/client.ts', 'src/hubspot.ts']);
    expect(changes.map((c) => c.diff).join('')).toBe(renderPatch(PLANS));
    expect(changes[3].siteIds).toEqual(['s-5f1c2a9e01', 's-5f1c2a9e02']);
  });

  it('matches the golden patch', () => {
    expectGolden('changes.patch', renderPatch(PLANS));
  });
});

describe('gitQuotePath', () => {
  it('quotes like git', () => {
    expect(gitQuotePath('a/src/x.ts')).toBe('a/src/x.ts');
    expect(gitQuotePath('a/my file.ts')).toBe('a/my file.ts');
    expect(gitQuotePath('a/q"x\\y\tz')).toBe('"a/q\\"x\\\\y\\tz"');
    expect(gitQuotePath('a/é.ts')).toBe('"a/\\303\\251.ts"');
  });
});

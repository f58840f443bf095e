// --write against a tree that does not hold still: files changed, removed or replaced since they were read,
// read-only files, foreign owners, links and paths outside the root, an interrupt, git trees git will not read.
// src/apply is tested directly (applyPlans / writePlannedFile with real plans from run()).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlans } from '../../src/apply/apply.js';
import { dirtyFiles } from '../../src/apply/dirty.js';
import { writePlannedFile } from '../../src/apply/write-file.js';
import { isReadSkip, readText } from '../../src/discover/read.js';
import type { FilePlan } from '../../src/model/edit.js';
import type { FileText } from '../../src/model/file.js';
import { UsageError } from '../../src/model/errors.js';
import { run } from '../../src/run/run.js';
import { baseEnv, cliArgv, ensureBuilt } from '../e2e/helpers.js';
import {
  KEY_DECL, asRoot, cleanup, fetchSite, fetchSiteRewritten, hasSetpriv, hashTree, options, tempFiles, tmpDir, writeTree,
} from './helpers.js';

afterAll(cleanup);

const src = (i: number) => KEY_DECL + fetchSite(i);
const rewritten = (i: number) => KEY_DECL + fetchSiteRewritten(i);

/** A tree of `n` rewritable files, its plans (from a dry run) and the reads they were planned from. */
async function planned(n: number, root = tmpDir()): Promise<{ root: string; plans: FilePlan[]; reads: Map<string, FileText> }> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`src/f${i}.js`] = src(i);
  writeTree(root, files);
  const { plans } = await run(options(root));
  expect(plans.map((p) => p.file).sort()).toEqual(Object.keys(files).sort());
  const reads = new Map<string, FileText>();
  for (const p of plans) {
    const t = await readText(path.join(root, p.file));
    if (isReadSkip(t)) throw new Error(t.message);
    reads.set(p.file, t);
  }
  return { root, plans, reads };
}

const at = (root: string, f: string) => path.join(root, f);

describe('files that changed between scan and write', () => {
  it('changed (same size or not), removed, replaced by a folder or a link, made read-only: each refused and listed, the rest written', async () => {
    const { root, plans, reads } = await planned(8);
    const outside = writeTree(tmpDir(), { 'target.js': 'outside\n' });
    // f0 and f7 stay as they were; the others change after the scan
    fs.writeFileSync(at(root, 'src/f1.js'), src(1).replace('limit=10', 'limit=99')); // same size, other bytes
    fs.appendFileSync(at(root, 'src/f2.js'), '// edited meanwhile\n');
    fs.rmSync(at(root, 'src/f3.js'));
    fs.rmSync(at(root, 'src/f4.js'));
    fs.mkdirSync(at(root, 'src/f4.js'));
    fs.rmSync(at(root, 'src/f5.js'));
    fs.symlinkSync(path.join(outside, 'target.js'), at(root, 'src/f5.js'));
    fs.chmodSync(at(root, 'src/f6.js'), 0o444);
    const before = hashTree(root);

    const result = await applyPlans(root, plans, reads);
    const reasons = Object.fromEntries(result.failed.map((s) => [s.file, s.reason]));
    expect(reasons).toEqual({
      'src/f1.js': 'changed-since-read',
      'src/f2.js': 'changed-since-read',
      'src/f3.js': 'changed-since-read',
      'src/f4.js': 'changed-since-read',
      'src/f5.js': 'outside-root',
      'src/f6.js': 'read-only',
    });
    for (const s of result.failed) expect(s.message.length, s.file).toBeGreaterThan(0);
    expect(result.written.sort()).toEqual(['src/f0.js', 'src/f7.js']);
    const after = hashTree(root);
    for (const f of Object.keys(reasons)) expect(after[f], f).toBe(before[f]);
    expect(fs.readFileSync(at(root, 'src/f0.js'), 'utf8')).toBe(rewritten(0));
    expect(fs.readFileSync(path.join(outside, 'target.js'), 'utf8')).toBe('outside\n');
    expect(fs.statSync(at(root, 'src/f6.js')).mode & 0o777).toBe(0o444);
    expect(tempFiles(root)).toEqual([]);
  });

  it('a file touched but not changed (same bytes, new mtime) is still written', async () => {
    const { root, plans, reads } = await planned(1);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(at(root, 'src/f0.js'), later, later);
    const r = await applyPlans(root, plans, reads);
    expect(r.failed).toEqual([]);
    expect(fs.readFileSync(at(root, 'src/f0.js'), 'utf8')).toBe(rewritten(0));
  });

  it('keeps the mode (executable, group-only) of every file it writes', async () => {
    const { root, plans, reads } = await planned(2);
    fs.chmodSync(at(root, 'src/f0.js'), 0o755);
    fs.chmodSync(at(root, 'src/f1.js'), 0o640);
    const r = await applyPlans(root, plans, reads);
    expect(r.failed).toEqual([]);
    expect(fs.statSync(at(root, 'src/f0.js')).mode & 0o7777).toBe(0o755);
    expect(fs.statSync(at(root, 'src/f1.js')).mode & 0o7777).toBe(0o640);
  });

  // Was a bug (fixed in src/apply/write-file.ts): the new file was created by whoever ran the tool, so a run as root
  // (a container, sudo) left the user's sources owned by root, which the user can no longer edit.
  it.skipIf(!asRoot)('run as root: keeps the owner and group of every file it writes', async () => {
    const { root, plans, reads } = await planned(1);
    fs.chownSync(at(root, 'src/f0.js'), 65534, 65534);
    const r = await applyPlans(root, plans, reads);
    expect(r.failed).toEqual([]);
    const st = fs.statSync(at(root, 'src/f0.js'));
    expect([st.uid, st.gid]).toEqual([65534, 65534]);
    expect(fs.readFileSync(at(root, 'src/f0.js'), 'utf8')).toBe(rewritten(0));
  });

  it('an interrupt between files: the rest are listed and unchanged, every file is old or new', async () => {
    const { root, plans, reads } = await planned(5);
    let n = 0;
    const r = await applyPlans(root, plans, reads, { interrupted: () => n++ >= 2 });
    expect(r.written.length).toBe(2);
    expect(r.failed.map((s) => s.reason)).toEqual(['write-failed', 'write-failed', 'write-failed']);
    for (let i = 0; i < 5; i++) {
      const now = fs.readFileSync(at(root, `src/f${i}.js`), 'utf8');
      expect([src(i), rewritten(i)]).toContain(now);
    }
    expect(tempFiles(root)).toEqual([]);
  });
});

describe('never outside the root, never through a link', () => {
  it('plans for a path outside the root, a link inside the root and a file under a linked folder are refused', async () => {
    const { root, plans, reads } = await planned(1);
    const outside = writeTree(tmpDir(), { 'ext/f0.js': src(0) });
    const outsideBefore = hashTree(outside);
    const plan = plans[0];
    const read = reads.get(plan.file)!;
    // ../ext/f0.js from a root next to it
    const rel = path.relative(root, path.join(outside, 'ext/f0.js'));
    fs.symlinkSync('f0.js', at(root, 'src/alias.js'));
    fs.symlinkSync(path.join(outside, 'ext'), at(root, 'linked'));
    const forged = [rel, 'src/alias.js', 'linked/f0.js'].map((file) => ({ ...plan, file }));
    for (const p of forged) {
      const skip = await writePlannedFile(root, p, read);
      expect(skip?.reason, p.file).toBe('outside-root');
    }
    expect(hashTree(outside)).toEqual(outsideBefore);
    expect(fs.lstatSync(at(root, 'src/alias.js')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(at(root, 'src/f0.js'), 'utf8')).toBe(src(0));
  });

  it('a lossy (not UTF-8) read is never written', async () => {
    const { root, plans, reads } = await planned(1);
    const skip = await writePlannedFile(root, plans[0], { ...reads.get(plans[0].file)!, lossy: true });
    expect(skip?.reason).toBe('write-failed');
    expect(fs.readFileSync(at(root, 'src/f0.js'), 'utf8')).toBe(src(0));
  });
});

describe('as another user (setpriv)', () => {
  beforeAll(async () => { if (hasSetpriv) await ensureBuilt(); }, 300_000);

  // Was a bug (fixed in src/apply/write-file.ts): "read-only" was judged by the mode bits alone. A user may not
  // write another user's 0644 file, but a rename over it succeeds when the folder is writable, so --write replaced
  // the file (and took it over). Now such a file is reported read-only and left alone.
  it.skipIf(!hasSetpriv)('a file the user may not write (another owner, 0644) in a folder the user may write: read-only, untouched', async () => {
    const base = tmpDir();
    fs.chmodSync(base, 0o755);
    const root = writeTree(path.join(base, 'repo'), { 'src/theirs.js': src(1), 'src/mine.js': src(2) });
    execFileSync('chmod', ['-R', 'a+rwX', root]);
    fs.chmodSync(at(root, 'src/theirs.js'), 0o644); // owned by root, not writable by nobody
    fs.chownSync(at(root, 'src/mine.js'), 65534, 65534);
    const out = path.join(base, 'out');
    fs.mkdirSync(out, { mode: 0o777 });
    fs.chmodSync(out, 0o777);
    const p = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...cliArgv([root, '--write', '--json', '--out', out])],
      { cwd: base, env: baseEnv({ HOME: base }), encoding: 'utf8', timeout: 60_000 });
    expect(p.status, p.stderr).toBe(3);
    const report = JSON.parse(p.stdout);
    expect(report.skipped.find((s: any) => s.file === 'src/theirs.js')?.reason).toBe('read-only');
    expect(fs.readFileSync(at(root, 'src/theirs.js'), 'utf8')).toBe(src(1));
    expect(fs.statSync(at(root, 'src/theirs.js')).uid).toBe(0);
    expect(fs.readFileSync(at(root, 'src/mine.js'), 'utf8')).toBe(rewritten(2));
  });
});

describe('dirty trees', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=r', '-c', 'user.email=r@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, env: baseEnv(), stdio: 'pipe' });

  // Was a bug (fixed in src/apply/dirty.ts): when git refused the repository ("detected dubious ownership": a
  // checkout owned by another user, as in a container run as root), dirtyFiles took the error for "not a git work
  // tree" and --write overwrote files with uncommitted changes without --allow-dirty.
  it.skipIf(!asRoot)('git refuses the repository (dubious ownership): --write refuses too (usage error), nothing written', async () => {
    const root = writeTree(tmpDir(), { 'src/a.js': src(1) });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'x');
    fs.appendFileSync(at(root, 'src/a.js'), '// uncommitted\n');
    execFileSync('chown', ['-R', '65534:65534', root]);
    const before = hashTree(root);
    const prev = { ...process.env };
    Object.assign(process.env, baseEnv());
    try {
      await expect(run(options(root, { mode: 'write', allowDirty: false }))).rejects.toThrow(UsageError);
      await expect(run(options(root, { mode: 'write', allowDirty: false }))).rejects.toThrow(/--allow-dirty/);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in prev)) delete process.env[k];
      Object.assign(process.env, prev);
    }
    expect(hashTree(root)).toEqual(before);
  });

  // Was a bug (fixed in src/apply/dirty.ts): a file inside a repository nested below the root (listed with
  // --no-gitignore) was asked of the outer repository, which does not see its changes, so it counted as clean.
  it('a dirty file inside a nested repository counts as dirty', async () => {
    const root = writeTree(tmpDir(), { 'top.txt': 'x\n', 'inner/a.js': src(1), 'inner/b.js': src(2), 'c.js': src(3) });
    git(root, 'init', '-q');
    git(root, 'add', 'top.txt', 'c.js');
    git(root, 'commit', '-q', '-m', 'outer');
    git(path.join(root, 'inner'), 'init', '-q');
    git(path.join(root, 'inner'), 'add', '-A');
    git(path.join(root, 'inner'), 'commit', '-q', '-m', 'inner');
    fs.appendFileSync(at(root, 'inner/a.js'), '// uncommitted\n');
    fs.appendFileSync(at(root, 'c.js'), '// uncommitted\n');
    expect(await dirtyFiles(root, ['inner/a.js', 'inner/b.js', 'c.js', 'top.txt'])).toEqual(['inner/a.js', 'c.js']);
  });

  it('renamed and oddly named files (glob and pathspec characters) are matched literally', async () => {
    const root = writeTree(tmpDir(), { 'pages/[id].js': src(1), 'pages/i.js': src(2), 'old.js': src(3), ':(top)x.js': src(4) });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'x');
    fs.appendFileSync(at(root, 'pages/i.js'), '// uncommitted\n');
    git(root, 'mv', 'old.js', 'new.js');
    expect(await dirtyFiles(root, ['pages/[id].js', 'pages/i.js', 'new.js', ':(top)x.js'])).toEqual(['pages/i.js', 'new.js']);
  });
});

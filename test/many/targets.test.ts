// What the paths on the command line mean: one path; several folders (repositories); several files (--files).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commonFolder, parseRepoList, resolveTargets } from '../../src/cli/targets.js';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mhk-targets-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
for (const f of ['a/src/x.js', 'a/src/y.ts', 'b/z.js', 'c/README.md']) {
  fs.mkdirSync(path.join(dir, path.dirname(f)), { recursive: true });
  fs.writeFileSync(path.join(dir, f), '');
}
fs.writeFileSync(path.join(dir, 'list.txt'), '# repos\na\n\n  b  \n/abs/elsewhere\n');

describe('resolveTargets', () => {
  it('one path, or none, is one run as before (a folder or a single file)', async () => {
    expect(await resolveTargets({ paths: [], cwd: dir })).toEqual({ kind: 'one', path: '.' });
    expect(await resolveTargets({ paths: ['a/src/x.js'], cwd: dir })).toEqual({ kind: 'one', path: 'a/src/x.js' });
    expect(await resolveTargets({ paths: ['nowhere'], cwd: dir })).toEqual({ kind: 'one', path: 'nowhere' });
  });

  it('several folders, missing paths among them, and --repos lists are repositories', async () => {
    expect(await resolveTargets({ paths: ['a', 'b', 'gone'], cwd: dir })).toEqual({ kind: 'repos', repos: [
      { name: 'a', path: path.join(dir, 'a') }, { name: 'b', path: path.join(dir, 'b') }, { name: 'gone', path: path.join(dir, 'gone') },
    ] });
    expect(await resolveTargets({ paths: ['c'], reposFile: 'list.txt', cwd: dir })).toEqual({ kind: 'repos', repos: [
      { name: 'c', path: path.join(dir, 'c') }, { name: 'a', path: path.join(dir, 'a') }, { name: 'b', path: path.join(dir, 'b') }, { name: 'elsewhere', path: '/abs/elsewhere' },
    ] });
  });

  it('several files, or --files with any number, are one run over just them, rooted at the current folder', async () => {
    expect(await resolveTargets({ paths: ['a/src/x.js', 'b/z.js', 'a/src/x.js'], cwd: dir })).toEqual({ kind: 'files', root: dir, files: ['a/src/x.js', 'b/z.js'] });
    expect(await resolveTargets({ paths: ['src/y.ts'], files: true, cwd: path.join(dir, 'a') })).toEqual({ kind: 'files', root: path.join(dir, 'a'), files: ['src/y.ts'] });
    // files outside the current folder: their deepest common folder
    expect(await resolveTargets({ paths: ['../a/src/x.js', '../a/src/y.ts'], files: true, cwd: path.join(dir, 'b') })).toEqual({ kind: 'files', root: path.join(dir, 'a/src'), files: ['x.js', 'y.ts'] });
  });

  it('mixing files and folders, a missing file with --files, a folder with --files, an empty or unreadable list: usage errors', async () => {
    await expect(resolveTargets({ paths: ['a', 'b/z.js'], cwd: dir })).rejects.toThrow(/b\/z\.js is a file/);
    await expect(resolveTargets({ paths: ['a/src/x.js', 'a/gone.js'], cwd: dir })).rejects.toThrow(/path does not exist: a\/gone\.js/);
    await expect(resolveTargets({ paths: ['a'], files: true, cwd: dir })).rejects.toThrow(/--files takes files, not folders: a/);
    await expect(resolveTargets({ paths: [], reposFile: 'nolist.txt', cwd: dir })).rejects.toThrow(/cannot read the --repos list nolist\.txt: ENOENT/);
    fs.writeFileSync(path.join(dir, 'empty.txt'), '# nothing\n');
    await expect(resolveTargets({ paths: [], reposFile: 'empty.txt', cwd: dir })).rejects.toThrow(/names no repository/);
    await expect(resolveTargets({ paths: ['a/src/x.js'], reposFile: 'list.txt', files: true, cwd: dir })).rejects.toThrow(/--repos and --files/);
  });
});

describe('helpers', () => {
  it('parseRepoList and commonFolder', () => {
    expect(parseRepoList('x\r\n # c\n\n../y\n', '/l')).toEqual(['/l/x', '/y']);
    expect(commonFolder(['/a/b/c.js', '/a/b/d/e.js', '/a/f.js'])).toBe('/a');
    expect(commonFolder(['/a/b/c.js'])).toBe('/a/b');
  });
});

// The lister for git work trees: the index (with modes, to see links) plus untracked, not-ignored files.
import { execFile } from 'node:child_process';
import type { Collector } from './collect.js';
import { unreadableSkip } from './skips.js';

function git(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 1 << 30, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      if (err) reject(err);
      else resolve({ stdout, stderr });
    });
  });
}

/** More literal paths than this are filtered after a full listing (command-line length). */
const MAX_PATHSPECS = 1000;

/**
 * List through git. Resolves false (and lists nothing) when `root` is not inside a git work tree or git is not
 * usable, so the caller can fall back to walking.
 *
 * `git ls-files -z --others --exclude-standard` (untracked, not ignored: git walks the tree) and
 * `git ls-files -z --stage` (the index, with modes: milliseconds) run at once; the index entries are classified
 * and stat'ed while git still walks.
 */
export async function listWithGit(col: Collector): Promise<boolean> {
  const cwd = col.rootAbs;
  // --include of literal paths (pre-commit's staged files): git reads only those paths, not the whole tree
  const only = col.sel.literalPaths;
  const spec = only && only.length <= MAX_PATHSPECS ? ['--', ...only.map((p) => `:(literal)${p}`)] : [];
  const othersP = git(['ls-files', '-z', '--others', '--exclude-standard', ...spec], cwd);
  othersP.catch(() => undefined);
  let cached: string;
  try {
    cached = (await git(['ls-files', '-z', '--stage', ...spec], cwd)).stdout;
  } catch {
    return false;
  }
  // "<mode> <object> <stage>\t<path>"; an unmerged path appears once per stage.
  let prev = '';
  for (const rec of cached.split('\0')) {
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const rel = rec.slice(tab + 1);
    if (rel === prev) continue;
    prev = rel;
    const mode = rec.slice(0, 6);
    if (mode === '160000') continue; // a submodule: its own repository
    col.pathFromList(rel, mode === '120000' ? 'link' : 'file');
  }
  col.statPending();
  let others: { stdout: string; stderr: string };
  try {
    others = await othersP;
  } catch {
    return false;
  }
  for (const rel of others.stdout.split('\0')) {
    if (rel) col.pathFromList(rel, 'unknown');
  }
  // git warns, and goes on, about folders it cannot open (paths relative to the top of the work tree).
  if (others.stderr.includes('could not open directory')) {
    const prefix = await git(['rev-parse', '--show-prefix'], cwd).then((r) => r.stdout.trim(), () => '');
    for (const [file, code] of unreadableFromGitWarnings(others.stderr, prefix)) col.skip(unreadableSkip(file, code));
  }
  return true;
}

/**
 * The folders `git ls-files --others` could not open, from its warnings ("warning: could not open directory
 * 'app/locked/': Permission denied"), made relative to the root (`prefix`: the root relative to the top of the work
 * tree, as `git rev-parse --show-prefix` prints it).
 */
export function unreadableFromGitWarnings(stderr: string, prefix: string): Array<[file: string, code: string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  for (const m of stderr.matchAll(/could not open directory '([^']*)': (.*)/g)) {
    let file = m[1].endsWith('/') ? m[1] : m[1] + '/';
    if (prefix && file.startsWith(prefix)) file = file.slice(prefix.length);
    out.push([file, /denied/i.test(m[2]) ? 'EACCES' : undefined]);
  }
  return out;
}

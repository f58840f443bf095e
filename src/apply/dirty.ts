// Which of the files to be written have uncommitted changes in git (none outside a git work tree).
// When git cannot answer for a folder that is a work tree (it refuses a repository owned by another user, the
// repository is broken, git is not installed), the answer is unknown: refuse, never assume "clean".
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../model/errors.js';

const run = promisify(execFile);

type ExecError = NodeJS.ErrnoException & { stderr?: string };

function firstLine(s: string): string {
  return s.split('\n').map((l) => l.replace(/^(fatal|error):\s*/, '').trim()).find(Boolean) ?? '';
}

function cannotTell(why: string): UsageError {
  return new UsageError(
    `refusing to write: cannot tell whether the files to be changed have uncommitted git changes (${why}). Fix that, or pass --allow-dirty.`,
  );
}

/** A `.git` entry in `dir` or a folder above it. */
function gitAbove(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return true;
    if (path.dirname(d) === d) return false;
  }
}

/**
 * The files (relative to `root`) that have uncommitted changes. A file inside a repository nested below the root
 * (an embedded repository or a submodule checked out in place) is asked of that repository: the outer one does not
 * see its changes.
 */
export async function dirtyFiles(root: string, files: string[]): Promise<string[]> {
  if (!files.length) return [];
  const groups = new Map<string, string[]>(); // repository folder relative to root ('' = the root's own) → files
  const nestedTop = new Map<string, string>();
  const topOf = (dirRel: string): string => {
    if (dirRel === '' || dirRel === '.') return '';
    let t = nestedTop.get(dirRel);
    if (t === undefined) {
      t = fs.existsSync(path.join(root, dirRel, '.git')) ? dirRel : topOf(path.posix.dirname(dirRel));
      nestedTop.set(dirRel, t);
    }
    return t;
  };
  for (const f of files) {
    const top = topOf(path.posix.dirname(f));
    (groups.get(top) ?? groups.set(top, []).get(top)!).push(top ? f.slice(top.length + 1) : f);
  }
  const dirty: string[] = [];
  for (const [top, rels] of groups) {
    for (const d of await dirtyIn(top ? path.join(root, top) : root, rels)) dirty.push(top ? `${top}/${d}` : d);
  }
  const set = new Set(dirty);
  return files.filter((f) => set.has(f));
}

async function dirtyIn(root: string, files: string[]): Promise<string[]> {
  try {
    const top = (await run('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root })).stdout.trim();
    if (top !== 'true') return [];
  } catch (e) {
    const err = e as ExecError;
    if (err.code === 'ENOENT') {
      // git is not installed: only a folder without any repository around it is known to be safe
      if (gitAbove(root)) throw cannotTell('git is not installed, and the folder is in a git repository');
      return [];
    }
    const stderr = err.stderr ?? '';
    if (/not a git repository/i.test(stderr)) return [];
    throw cannotTell(`git: ${firstLine(stderr) || err.message}`);
  }
  let stdout = '';
  let prefix: string;
  try {
    // in batches: tens of thousands of paths would not fit on one command line (E2BIG)
    for (let i = 0; i < files.length; i += 1000) {
      const batch = files.slice(i, i + 1000);
      stdout += (await run('git', ['--literal-pathspecs', 'status', '--porcelain', '-z', '--untracked-files=all', '--', ...batch], { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;
    }
    prefix = (await run('git', ['rev-parse', '--show-prefix'], { cwd: root })).stdout.trim();
  } catch (e) {
    const err = e as ExecError;
    throw cannotTell(`git status: ${firstLine(err.stderr ?? '') || err.message}`);
  }
  const dirty = new Set<string>();
  const entries = stdout.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) continue;
    const p = entry.slice(3);
    dirty.add(prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
    // a rename or copy ("R  new\0old\0"): the old path follows as its own field
    if (/[RC]/.test(entry.slice(0, 2))) {
      const old = entries[++i] ?? '';
      dirty.add(prefix && old.startsWith(prefix) ? old.slice(prefix.length) : old);
    }
  }
  return files.filter((f) => dirty.has(f));
}

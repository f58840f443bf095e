// What the paths on the command line mean:
// - one path (and no --repos, no --files): that repository, or that single file, as always;
// - several folders, or --repos <list>: one run per repository, reports under --out/<name>/ and one aggregate;
// - several files, or --files: one run over exactly those files (what pre-commit passes), rooted at the current
//   folder (or, when some file lies outside it, at the deepest folder holding them all).
// Files and folders mixed is a usage error: nothing is run.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { uniqueNames } from '../report/aggregate.js';
import type { RepoTarget } from '../run/many.js';

export type Targets =
  | { kind: 'one'; path: string }
  | { kind: 'files'; root: string; files: string[] }
  | { kind: 'repos'; repos: RepoTarget[] };

export interface TargetInput {
  paths: readonly string[];
  /** --repos: a file with one repository path a line (blank lines and `#` comments ignored). */
  reposFile?: string;
  /** --files: the paths are files, scanned as one run. */
  files?: boolean;
  cwd: string;
}

type Kind = 'file' | 'dir' | 'missing';

async function kindOf(p: string): Promise<Kind> {
  try {
    const st = await fs.stat(p);
    return st.isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

/** Lines of a --repos list: paths relative to the list's own folder. */
export function parseRepoList(text: string, listDir: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => path.resolve(listDir, l));
}

/** The deepest folder that holds every one of `files` (absolute). */
export function commonFolder(files: readonly string[]): string {
  let dir = path.dirname(files[0]);
  for (const f of files) while (!isInside(f, dir)) dir = path.dirname(dir);
  return dir;
}

function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export async function resolveTargets(input: TargetInput): Promise<Targets> {
  const { cwd } = input;
  let listed: string[] = [];
  if (input.reposFile !== undefined) {
    if (input.files) throw new UsageError('--repos and --files do not go together');
    const list = path.resolve(cwd, input.reposFile);
    let text: string;
    try {
      text = await fs.readFile(list, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read the --repos list ${input.reposFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    listed = parseRepoList(text, path.dirname(list));
    if (listed.length === 0 && input.paths.length === 0) throw new UsageError(`the --repos list ${input.reposFile} names no repository`);
  }
  const given = input.paths.map((p) => path.resolve(cwd, p));
  if (input.reposFile === undefined && !input.files && given.length <= 1) return { kind: 'one', path: input.paths[0] ?? '.' };

  const kinds = await Promise.all(given.map(kindOf));
  const hasFile = kinds.includes('file');
  const hasDir = kinds.includes('dir');
  if (input.files || (input.reposFile === undefined && hasFile && !hasDir)) {
    if (given.length === 0) return { kind: 'files', root: cwd, files: [] };
    const missing = given.filter((_, i) => kinds[i] === 'missing');
    if (missing.length) throw new UsageError(`path does not exist: ${path.relative(cwd, missing[0]) || missing[0]}`);
    if (hasDir) throw new UsageError(`--files takes files, not folders: ${path.relative(cwd, given[kinds.indexOf('dir')])}`);
    const root = given.every((f) => isInside(f, cwd)) ? cwd : commonFolder(given);
    return { kind: 'files', root, files: [...new Set(given)].map((f) => path.relative(root, f).split(path.sep).join('/')) };
  }
  if (hasFile) {
    const file = given[kinds.indexOf('file')];
    throw new UsageError(`several paths must all be repositories (folders), or all files: ${path.relative(cwd, file) || file} is a file. Use --files to scan files, or one run per folder`);
  }
  const all = [...given, ...listed];
  const names = uniqueNames(all.map((p) => path.basename(p)));
  return { kind: 'repos', repos: all.map((p, i) => ({ name: names[i], path: p })) };
}

// Several repositories, each as its own run(): one after the other (each run already reads in parallel), an
// error in one (missing path, dirty tree, a crash) recorded for it and the others still run.
import path from 'node:path';
import { literalGlob } from '../discover/literal-glob.js';
import { UsageError } from '../model/errors.js';
import { run, type RunOptions, type RunResult } from './run.js';

export interface RepoTarget {
  /** Unique; the name of its reports folder. */
  name: string;
  /** Absolute. */
  path: string;
}

export type RepoOutcome =
  | { repo: RepoTarget; result: RunResult; error?: undefined }
  | { repo: RepoTarget; result?: undefined; error: string; exitCode: number };

export interface ManyOptions {
  repos: readonly RepoTarget[];
  /** Options shared by every run; each gets its own root and outDir. */
  base: Omit<RunOptions, 'root' | 'outDir'>;
  /** Folder of the aggregated report: each repository's reports go to `<outRoot>/<name>/`; never scanned. */
  outRoot: string;
  /** After each repository, in order (the CLI writes its reports here); a throw makes it a failed repository. */
  onOutcome?: (outcome: RepoOutcome) => Promise<RepoOutcome>;
  onProgress?: (done: number, total: number, current: RepoTarget | null) => void;
}

/** Exit code of a repository that could not run: 2 for a usage error (missing path, dirty tree), 70 for a crash. */
export const CRASHED = 70;
export const NOT_RUN = 130;

export async function runMany(opts: ManyOptions): Promise<RepoOutcome[]> {
  const outcomes: RepoOutcome[] = [];
  const total = opts.repos.length;
  for (const repo of opts.repos) {
    opts.onProgress?.(outcomes.length, total, repo);
    let outcome: RepoOutcome;
    if (opts.base.interrupted?.()) outcome = { repo, error: 'not run: interrupted before this repository', exitCode: NOT_RUN };
    else outcome = await runOne(repo, opts);
    if (opts.onOutcome) {
      try {
        outcome = await opts.onOutcome(outcome);
      } catch (e) {
        outcome = { repo, error: `its reports could not be written: ${firstLine(e)}`, exitCode: 3 };
      }
    }
    outcomes.push(outcome);
  }
  opts.onProgress?.(total, total, null);
  return outcomes;
}

async function runOne(repo: RepoTarget, opts: ManyOptions): Promise<RepoOutcome> {
  const outDir = path.join(opts.outRoot, repo.name);
  // the aggregate's folder, when it lies inside this repository, is never scanned
  const rel = path.relative(repo.path, opts.outRoot);
  const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
  const own = rel === ''
    ? ['summary.md', 'summary.json', ...opts.repos.map((r) => literalGlob(r.name))]
    : [literalGlob(rel.split(path.sep).join('/'))];
  const exclude = inside ? [...opts.base.exclude, ...own] : opts.base.exclude;
  try {
    const result = await run({ ...opts.base, exclude, root: repo.path, outDir });
    return { repo, result };
  } catch (e) {
    if (e instanceof UsageError) return { repo, error: e.message, exitCode: e.exitCode };
    return { repo, error: `internal error: ${firstLine(e)}`, exitCode: CRASHED };
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

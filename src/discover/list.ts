// discover: list the candidate files of a tree, with every skip and its reason.
import fs from 'node:fs';
import path from 'node:path';
import type { ListedFile } from '../model/file.js';
import type { Skip } from '../model/site.js';
import { Collector } from './collect.js';
import { listWithGit } from './git.js';
import { makeSelection } from './selection.js';
import { walk } from './walk.js';

export interface ListOptions {
  /** Honour ignore rules: `git ls-files --exclude-standard` in a git work tree, every .gitignore otherwise. */
  gitignore: boolean;
  /** picomatch globs relative to the root; when given, only matching files are listed. A glob also matches everything under a folder of that name. */
  include: string[];
  exclude: string[];
  /** Absolute path of the --out folder: never listed when inside the root. */
  outDir?: string;
}

export interface ListResult {
  /** Sorted by path. */
  files: ListedFile[];
  /** Sorted by file; one entry per default-skipped folder. */
  skipped: Skip[];
  /** JS/TS files git tracks under build/ or dist/ (skipped as build output, yet committed): their key uses are reported. */
  committedBuildOutput: ListedFile[];
  /** Which lister ran (for --verbose and benchmarks). */
  via: 'git' | 'walk';
}

export async function listFiles(root: string, opts: ListOptions): Promise<ListResult> {
  const rootAbs = path.resolve(root);
  const realRoot = await fs.promises.realpath(rootAbs);
  const sel = makeSelection(rootAbs, opts);
  let col = new Collector(rootAbs, realRoot, sel);
  let via: ListResult['via'] = 'walk';
  if (opts.gitignore && (await listWithGit(col))) via = 'git';
  else {
    col = new Collector(rootAbs, realRoot, sel);
    await walk(col, opts.gitignore);
  }
  const { files, skipped } = await col.finish();
  return { files, skipped, via, committedBuildOutput: via === 'git' ? col.committedBuildOutput() : [] };
}

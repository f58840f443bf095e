// --include / --exclude globs (picomatch, relative to the root) and the --out folder, as one predicate set
// shared by the git and the walking listers so both give the same answer.
import path from 'node:path';
import picomatch from 'picomatch';
import { literalPath } from './literal-glob.js';

export interface SelectionOptions {
  include: string[];
  exclude: string[];
  /** Absolute; never listed when inside the root. */
  outDir?: string;
}

export interface Selection {
  readonly hasInclude: boolean;
  /** When every --include names one path literally (as `--files` does): those paths, else null. */
  readonly literalPaths: string[] | null;
  /** The --out folder relative to the root, when it is inside it. */
  readonly outRel: string | null;
  isOut(rel: string): boolean;
  /** A file passes --include (always true without --include) and not --exclude. */
  selects(rel: string): boolean;
  /** A folder can be left out entirely: excluded, the --out folder, or no --include glob can reach inside it. */
  prunes(dirRel: string): boolean;
  /** A default-skipped folder that an --include glob names explicitly (e.g. `node_modules/@hubspot/**`) is entered. */
  entersSkipped(dirRel: string, name: string): boolean;
  /** Whether a skipped folder is worth a skip entry: some --include glob could reach it (always without --include). */
  mayReach(dirRel: string): boolean;
  /** A minified-by-name file is listed only when an --include glob names minified files explicitly and selects it. */
  includesMinified(rel: string): boolean;
}

function normalise(pattern: string): string {
  let p = pattern.trim().replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/** `src` also means everything under `src/`. */
function expand(patterns: string[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    out.push(p);
    if (!p.endsWith('/**') && !p.startsWith('!')) out.push(p + '/**');
  }
  return out;
}

const PM_OPTS = { dot: true } as const;

export function makeSelection(root: string, opts: SelectionOptions): Selection {
  const include = opts.include.map(normalise).filter(Boolean);
  const exclude = opts.exclude.map(normalise).filter(Boolean);
  const includeM = include.length ? picomatch(expand(include), PM_OPTS) : null;
  const excludeM = exclude.length ? picomatch(expand(exclude), PM_OPTS) : null;
  const bases = include.map((p) => {
    const s = picomatch.scan(p);
    return s.negated ? '' : s.base;
  });

  let outRel: string | null = null;
  if (opts.outDir) {
    const rel = path.relative(path.resolve(root), path.resolve(opts.outDir)).split(path.sep).join('/');
    if (rel && !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel)) outRel = rel;
  }

  const reach = (base: string, dir: string) =>
    base === '' || base === dir || base.startsWith(dir + '/') || dir.startsWith(base + '/');

  const dirPruneCache = new Map<string, boolean>();

  const sel: Selection = {
    hasInclude: include.length > 0,
    literalPaths: include.length > 0 && include.every((p) => literalPath(p) !== null) ? include.map((p) => literalPath(p)!) : null,
    outRel,
    isOut: (rel) => outRel !== null && (rel === outRel || rel.startsWith(outRel + '/')),
    selects: (rel) => (!includeM || includeM(rel)) && !(excludeM && excludeM(rel)),
    prunes(dirRel) {
      let v = dirPruneCache.get(dirRel);
      if (v === undefined) {
        v = sel.isOut(dirRel) || (excludeM !== null && excludeM(dirRel)) || !sel.mayReach(dirRel);
        dirPruneCache.set(dirRel, v);
      }
      return v;
    },
    mayReach: (dirRel) => !includeM || bases.some((b) => reach(b, dirRel)),
    entersSkipped: (dirRel, name) =>
      include.some((p, i) => p.split('/').includes(name) && reach(bases[i], dirRel)),
    includesMinified: (rel) =>
      includeM !== null && includeM(rel) && include.some((p) => /\.(?:min|bundle)\./i.test(p)),
  };
  return sel;
}

// Module specifiers → repository files: relative paths with or without extensions, `index` files, the `.js` a
// TypeScript ESM import names for a `.ts` file, and `tsconfig.json` path aliases (`@/lib/hubspot`).
import path from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/** `compilerOptions.baseUrl` and `paths` of the root tsconfig/jsconfig, relative to the root. */
export interface PathAliases {
  baseUrl: string | null;
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
}

export const NO_ALIASES: PathAliases = { baseUrl: null, paths: [] };

/** Read the aliases from a tsconfig/jsconfig text (comments and trailing commas tolerated); none when unreadable. */
export function parseAliases(configText: string | null): PathAliases {
  if (!configText) return NO_ALIASES;
  let cfg: { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
  try {
    cfg = JSON.parse(configText.replace(/\/\*[\s\S]*?\*\/|(^|[^:"'])\/\/.*$/gm, '$1').replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return NO_ALIASES;
  }
  const co = cfg.compilerOptions ?? {};
  const baseUrl = typeof co.baseUrl === 'string' ? path.posix.normalize(co.baseUrl.replace(/^\.\/?/, '') || '.') : null;
  const paths: PathAliases['paths'] = [];
  for (const [pattern, targets] of Object.entries(co.paths ?? {})) {
    if (!Array.isArray(targets)) continue;
    const star = pattern.indexOf('*');
    paths.push({
      prefix: star < 0 ? pattern : pattern.slice(0, star),
      suffix: star < 0 ? '' : pattern.slice(star + 1),
      wildcard: star >= 0,
      targets: targets.filter((t): t is string => typeof t === 'string'),
    });
  }
  return { baseUrl, paths };
}

/** The repository file `spec` names from `fromFile`, or null (a package, or nothing that exists). */
export function resolveModule(fromFile: string, spec: string, exists: (p: string) => boolean, aliases: PathAliases = NO_ALIASES): string | null {
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
    return withExtension(path.posix.join(path.posix.dirname(fromFile), spec), exists);
  }
  const base = aliases.baseUrl ?? '.';
  for (const a of aliases.paths) {
    if (a.wildcard ? !(spec.startsWith(a.prefix) && spec.endsWith(a.suffix) && spec.length >= a.prefix.length + a.suffix.length) : spec !== a.prefix) continue;
    const star = a.wildcard ? spec.slice(a.prefix.length, spec.length - a.suffix.length) : '';
    for (const t of a.targets) {
      const hit = withExtension(path.posix.join(base, t.replace('*', star)), exists);
      if (hit) return hit;
    }
  }
  if (aliases.baseUrl !== null && !spec.startsWith('@') && !spec.startsWith('node:')) return withExtension(path.posix.join(base, spec), exists);
  return null;
}

function withExtension(p: string, exists: (p: string) => boolean): string | null {
  const n = path.posix.normalize(p);
  if (n.startsWith('../')) return null;
  if (exists(n) && EXTENSIONS.some((e) => n.endsWith(e))) return n;
  // TypeScript ESM: `./client.js` names `client.ts`
  const stem = n.replace(/\.(m|c)?js$/, '');
  for (const e of EXTENSIONS) if (exists(stem + e)) return stem + e;
  for (const e of EXTENSIONS) if (exists(n + e)) return n + e;
  for (const e of EXTENSIONS) if (exists(`${n}/index${e}`)) return `${n}/index${e}`;
  return null;
}

/** The words a specifier that names `file` must contain (its stem, or its folder for an index file). */
export function stemOf(file: string): string {
  const base = path.posix.basename(file).replace(/\.[^.]+$/, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(file)) : base;
}

/**
 * A cheap test before resolving: whether `spec` can name `file` at all. It contains the file's stem, or, for an
 * index file, its folder's name, `index` itself (`require('./index')`) or nothing but dots and slashes (`'.'`,
 * `'../..'`, `'./'`); an exact tsconfig alias can name any file.
 */
export function mayName(spec: string, file: string, aliases: PathAliases = NO_ALIASES): boolean {
  const stem = stemOf(file);
  if (spec.includes(stem)) return true;
  if (/^index\.[^.]+$/.test(path.posix.basename(file)) && (/(^|\/)index(\.[cm]?[jt]sx?)?$/.test(spec) || /^[./]+$/.test(spec))) return true;
  return aliases.paths.some((a) => !a.wildcard && a.prefix === spec);
}

// What the link stage may read: every JS/TS file of the listing (read on demand), the texts already read,
// and the root's tsconfig/jsconfig path aliases. Too large and minified files are not worth following into.
import { existsSync, readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileText, ListedFile } from '../model/file.js';
import type { RequestInfo, Site } from '../model/site.js';
import { DEFAULT_MAX_BYTES, isMinified } from '../discover/read.js';
import type { LinkHost } from '../link/program.js';
import { parseAliases, resolveModule } from '../discover/module-paths.js';

export async function linkHost(root: string, files: readonly ListedFile[], reads: ReadonlyMap<string, FileText>, imported: ReadonlyMap<string, string> = new Map()): Promise<LinkHost> {
  const code = files.filter((f) => f.treatment === 'code' && f.size <= DEFAULT_MAX_BYTES);
  const byPath = new Map(code.map((f) => [f.path, f]));
  let config: string | null = null;
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    try {
      config = await fs.readFile(path.join(root, name), 'utf8');
      break;
    } catch { /* none */ }
  }
  const packages = new Map<string, string>();
  const packageOf = (p: string): string => {
    const dir = path.posix.dirname(p);
    if (dir === '.' || dir === '') return '';
    let found = packages.get(dir);
    if (found === undefined) {
      found = existsSync(path.join(root, dir, 'package.json')) ? dir : packageOf(dir);
      packages.set(dir, found);
    }
    return found;
  };
  return {
    packageOf,
    files: code.map((f) => f.path),
    aliases: parseAliases(config),
    // not cached: the link stage reads each file once for its import specifiers and parses the few importers
    text(p: string): string | null {
      let t: string | null = reads.get(p)?.text ?? imported.get(p) ?? null;
      if (t === null) {
        const f = byPath.get(p);
        try {
          t = f ? readFileSync(f.abs, 'utf8') : null;
        } catch {
          t = null;
        }
      }
      if (t !== null && isMinified(t)) t = null;
      return t;
    },
  };
}

/** Add the requests the link stage found in other files to their sites (the host goes: it only served the scan). */
export function attachLinkedRequests(sites: Site[], found: ReadonlyMap<string, Array<RequestInfo & { host?: string | null }>>): void {
  const byId = new Map(sites.map((s) => [s.id, s]));
  for (const [id, reqs] of found) {
    const site = byId.get(id);
    if (!site) continue;
    const have = new Set(site.requests.map((r) => `${r.file}:${r.line}:${r.method}:${r.path}:${r.call ?? ''}`));
    for (const r of reqs) {
      const { host: _host, ...rest } = r;
      const k = `${rest.file}:${rest.line}:${rest.method}:${rest.path}:${rest.call ?? ''}`;
      if (have.has(k)) continue;
      have.add(k);
      site.requests.push(rest);
    }
  }
}

const RELATIVE_IMPORT = /(?:require\(|from\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Code files outside `texts` that a file of `texts` imports by a relative path, read (an unreadable one is left out). */
export function importedModules(files: readonly ListedFile[], texts: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const code = new Map(files.filter((f) => f.treatment === 'code' && f.size <= DEFAULT_MAX_BYTES).map((f) => [f.path, f]));
  const exists = (p: string): boolean => code.has(p);
  for (const [p, t] of texts) {
    for (const m of t.matchAll(RELATIVE_IMPORT)) {
      const target = resolveModule(p, m[1], exists);
      if (!target || texts.has(target) || out.has(target)) continue;
      try {
        out.set(target, readFileSync(code.get(target)!.abs, 'utf8'));
      } catch { /* unreadable wrappers only cost precision */ }
    }
  }
  return out;
}

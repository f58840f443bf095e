// The module graph from server entry points: which files server code imports, directly or not (a Gatsby site's
// gatsby-node.ts importing src/source/hubspot.ts makes that file server code, whatever the repository depends on).
// Only relative imports are followed; files are read once, at most MAX_READS of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ListedFile } from '../model/file.js';
import { fileRuntime, serverEntryByPath } from '../scan/runtime.js';
import { resolveModule } from '../discover/module-paths.js';

const MAX_READS = 2000;
const IMPORT = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s+|\bimport\s+)['"](\.{1,2}\/[^'"]*|\.)['"]/g;
/**
 * Files imported by server code. Entry points: code files that are server entries by path, and the already read
 * `texts` that are server code by their own content (Gatsby Node API exports, handlers, Node imports).
 */
export function serverModules(files: ListedFile[], texts: ReadonlyMap<string, string>): Set<string> {
  const code = files.filter((f) => f.treatment === 'code');
  const known = new Set(code.map((f) => f.path));
  const abs = new Map(code.map((f) => [f.path, f.abs]));
  const queue: string[] = [];
  for (const f of code) if (serverEntryByPath(f.path)) queue.push(f.path);
  for (const [p, text] of texts) {
    if (!known.has(p) || serverEntryByPath(p)) continue;
    if (fileRuntime({ path: p, text, language: 'js', browserApp: true }).runtime === 'server') queue.push(p);
  }
  const seen = new Set(queue);
  const imported = new Set<string>();
  let reads = 0;
  // files of one folder import the same siblings: resolve each folder + specifier once
  const resolved = new Map<string, string | null>();
  while (queue.length) {
    const p = queue.shift()!;
    let text = texts.get(p);
    if (text === undefined) {
      if (++reads > MAX_READS) break;
      try {
        // sync: up to MAX_READS small files one after another; a promise read costs ~10× the CPU of a sync one
        text = readFileSync(abs.get(p)!, 'utf8');
      } catch {
        continue;
      }
    }
    const dir = path.posix.dirname(p);
    for (const m of text.matchAll(IMPORT)) {
      const key = `${dir}\0${m[1]}`;
      let target = resolved.get(key);
      if (target === undefined) { target = resolveModule(p, m[1], (f) => known.has(f)); resolved.set(key, target); }
      if (!target) continue;
      imported.add(target);
      if (!seen.has(target)) { seen.add(target); queue.push(target); }
    }
  }
  return imported;
}

/**
 * The same set, built on the first question: only a file that would otherwise run in the browser asks, so a run
 * with no such file never reads the module graph.
 */
export function lazyServerModules(files: ListedFile[], texts: ReadonlyMap<string, string>): { has(path: string): boolean } {
  let built: Set<string> | undefined;
  return { has: (p) => (built ??= serverModules(files, texts)).has(p) };
}

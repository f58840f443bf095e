// Temporary files a killed --write (SIGKILL, power loss) left beside a source: the next run removes them.
// Only files this tool names (`.<source>.migrate-hapikey-<8 hex>.tmp`, see write-file.ts), only regular files (never
// a link), only beside their source, only inside the root.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TEMP_NAME } from './write-file.js';

/**
 * Look in `folders` (absolute, inside `root`: the folders of the files that may hold a key, where a write may have
 * been under way) and remove the stale temporary files there. Returns their paths relative to the root, sorted.
 */
export async function removeStaleTemps(root: string, folders: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(folders)) {
    const rel = path.relative(root, dir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      continue;
    }
    const present = new Set(names);
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m || !present.has(m[1])) continue;
      const abs = path.join(dir, name);
      try {
        const [tmp, source] = await Promise.all([fs.lstat(abs), fs.lstat(path.join(dir, m[1]))]);
        if (!tmp.isFile() || !source.isFile()) continue;
        await fs.rm(abs);
        removed.push(path.relative(root, abs).split(path.sep).join('/'));
      } catch {
        // gone meanwhile, or not ours to remove: left as it is
      }
    }
  }
  return removed.sort();
}

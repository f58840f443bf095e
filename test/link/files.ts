// The files of a fixture folder, relative, forward slashes, sorted.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)]))
    .sort();
}

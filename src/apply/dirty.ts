// Which of the files to be written have uncommitted changes in git (none outside a git work tree).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function dirtyFiles(root: string, files: string[]): Promise<string[]> {
  if (!files.length) return [];
  try {
    const top = (await run('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root })).stdout.trim();
    if (top !== 'true') return [];
  } catch {
    return [];
  }
  const { stdout } = await run('git', ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...files], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const prefix = (await run('git', ['rev-parse', '--show-prefix'], { cwd: root })).stdout.trim();
  const dirty = new Set<string>();
  for (const entry of stdout.split('\0')) {
    if (entry.length < 4) continue;
    const p = entry.slice(3);
    dirty.add(prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  }
  return files.filter((f) => dirty.has(f));
}

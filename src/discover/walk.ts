// The lister for trees outside git (or --no-gitignore): a recursive readdir that never descends into `.git` or a
// default-skipped folder, and honours every .gitignore (nested ones and negations included) when asked to.
import fs from 'node:fs';
import path from 'node:path';
import { classify } from './classify.js';
import type { Collector } from './collect.js';
import { IgnoreStack } from './gitignore.js';
import { unreadableSkip } from './skips.js';

async function readIgnoreFile(abs: string): Promise<string | null> {
  try {
    return await fs.promises.readFile(abs, 'utf8');
  } catch {
    return null;
  }
}

export async function walk(col: Collector, gitignore: boolean): Promise<void> {
  let stack = IgnoreStack.empty();
  if (gitignore) {
    // Outside a usable git, still honour the repository's own exclude file when there is one.
    const exclude = await readIgnoreFile(path.join(col.rootAbs, '.git', 'info', 'exclude'));
    if (exclude) stack = stack.push('', exclude);
  }
  await walkDir(col, gitignore, '', col.rootAbs, stack);
}

async function walkDir(col: Collector, gitignore: boolean, dirRel: string, dirAbs: string, stack: IgnoreStack): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dirAbs, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') col.skip(unreadableSkip(dirRel ? dirRel + '/' : './', code));
    return;
  }
  if (gitignore && entries.some((d) => d.name === '.gitignore' && !d.isDirectory())) {
    const content = await readIgnoreFile(path.join(dirAbs, '.gitignore'));
    if (content) stack = stack.push(dirRel, content);
  }
  const useIgnore = gitignore && stack.size > 0;
  const subdirs: Promise<void>[] = [];
  for (const d of entries) {
    const name = d.name;
    if (name === '.git') continue;
    const rel = dirRel ? dirRel + '/' + name : name;
    let isDir = d.isDirectory();
    let isFile = d.isFile();
    let isLink = d.isSymbolicLink();
    if (!isDir && !isFile && !isLink) {
      // Some file systems do not report the type in readdir.
      try {
        const st = await fs.promises.lstat(path.join(dirAbs, name));
        isDir = st.isDirectory();
        isFile = st.isFile();
        isLink = st.isSymbolicLink();
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (useIgnore && stack.ignores(rel, true)) continue;
      if (col.folder(rel, name) !== 'enter') continue;
      subdirs.push(walkDir(col, gitignore, rel, path.join(dirAbs, name), stack));
    } else if (isFile || isLink) {
      // not a candidate by name: no need to ask the ignore rules (links are resolved later, whatever their name)
      if (isFile && !classify(name)) continue;
      // git treats a link as a file, whatever it points to
      if (useIgnore && stack.ignores(rel, false)) continue;
      if (isLink) col.link(rel);
      else col.file(rel);
    }
  }
  await Promise.all(subdirs);
}

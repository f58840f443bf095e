// Folders skipped by default, and the one-sentence messages of every skip the discover stage records.
import type { Skip } from '../model/site.js';

export const DEFAULT_SKIP_DIRS: ReadonlyMap<string, 'vendored' | 'build-output'> = new Map([
  ['node_modules', 'vendored'],
  ['vendor', 'vendored'],
  ['bower_components', 'vendored'],
  ['dist', 'build-output'],
  ['build', 'build-output'],
  ['out', 'build-output'],
  ['.next', 'build-output'],
  ['coverage', 'build-output'],
]);

export function folderSkip(dirRel: string, reason: 'vendored' | 'build-output'): Skip {
  const file = dirRel.endsWith('/') ? dirRel : dirRel + '/';
  const message =
    reason === 'vendored'
      ? `Vendored third-party code in ${file} is not scanned (pass --include '${file}**' to scan it).`
      : `Build output in ${file} is not scanned: migrate the sources and rebuild (pass --include '${file}**' to scan it anyway).`;
  return { file, reason, message };
}

export function minifiedNameSkip(file: string): Skip {
  return {
    file,
    reason: 'minified',
    message: 'Minified or bundled file, not scanned: migrate its sources and rebuild it.',
  };
}

export function outsideRootSkip(file: string): Skip {
  return { file, reason: 'outside-root', message: 'Symbolic link to a path outside the scanned folder; not followed.' };
}

export function symlinkLoopSkip(file: string): Skip {
  return { file, reason: 'symlink-loop', message: 'Symbolic link that loops back on itself or an enclosing folder; not followed.' };
}

export function unreadableSkip(file: string, code?: string): Skip {
  return {
    file,
    reason: 'unreadable',
    message: `Could not be read${code ? ` (${code})` : ''}, so any key use in it was not checked.`,
  };
}

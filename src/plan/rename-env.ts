// --rename-env OLD=NEW: rename an environment variable everywhere it is named (code, .env templates, config),
// as whole words, outside the ranges the key rewrites already replace.
import type { TextEdit } from '../model/edit.js';

export type Rename = [oldName: string, newName: string];

export function parseRename(arg: string): Rename | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=([A-Za-z_][A-Za-z0-9_]*)$/.exec(arg);
  return m ? [m[1], m[2]] : null;
}

function wordRegex(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`, 'g');
}

/** Edits that rename every whole-word occurrence of the old names in `text`, except inside `taken` ranges. */
export function renameEdits(text: string, renames: readonly Rename[], taken: readonly TextEdit[] = []): TextEdit[] {
  const out: TextEdit[] = [];
  for (const [from, to] of renames) {
    for (const m of text.matchAll(wordRegex(from))) {
      const start = m.index!;
      const end = start + from.length;
      if (taken.some((e) => start < e.end && end > e.start)) continue;
      out.push({ start, end, text: to });
    }
  }
  return out;
}

/** The same renames inside new code (an inserted header that reads `process.env.OLD`). */
export function renameInText(text: string, renames: readonly Rename[]): string {
  let s = text;
  for (const [from, to] of renames) s = s.replace(wordRegex(from), to);
  return s;
}

export function mentionsAny(text: string, renames: readonly Rename[]): boolean {
  return renames.some(([from]) => text.includes(from));
}

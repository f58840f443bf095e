// Apply text edits as splices on the original text, so every byte outside them survives.
// Linear: the output is assembled from the untouched stretches and the replacements in one pass.
import type { TextEdit } from '../model/edit.js';

/** Apply `edits` to `text`. Identical edits are applied once; callers ensure the rest do not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const seen = new Set<string>();
  const unique = edits.filter((e) => {
    const k = `${e.start}:${e.end}:${e.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // in text order; insertions at one point keep their listed order
  const order = unique.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const parts: string[] = [];
  let pos = 0;
  for (const { e } of order) {
    parts.push(text.slice(pos, e.start), e.text);
    pos = Math.max(pos, e.end);
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

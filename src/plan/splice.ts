// Apply text edits as splices on the original text, last first, so every byte outside them survives.
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
  // last first; for equal starts, the later-listed insertion goes first so listed order is kept in the output
  const order = unique.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

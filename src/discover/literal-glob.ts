// A path as an --include/--exclude glob that matches exactly that path: every glob character is put in a
// one-character class (`[id].tsx` → `[[]id[]].tsx`). Backslashes cannot be expressed (selection reads them as
// separators), nor leading or trailing spaces (globs are trimmed).
const SPECIAL = /[*?[\]{}()!+@]/g;

export function literalGlob(path: string): string {
  return path.replace(SPECIAL, (c) => `[${c}]`);
}

/** The path a pattern made by literalGlob names, or null when the pattern has real glob syntax. */
export function literalPath(pattern: string): string | null {
  if (!/^(?:[^*?[\]{}()!+@\\]|\[[*?[\]{}()!+@]\])+$/.test(pattern)) return null;
  return pattern.replace(/\[([*?[\]{}()!+@])\]/g, '$1');
}

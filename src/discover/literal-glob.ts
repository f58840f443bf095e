// A path as an --include/--exclude glob that matches exactly that path: every glob character is put in a
// one-character class (`[id].tsx` → `[[]id[]].tsx`). Backslashes cannot be expressed (selection reads them as
// separators), nor leading or trailing spaces (globs are trimmed).
const SPECIAL = /[*?[\]{}()!+@]/g;

export function literalGlob(path: string): string {
  return path.replace(SPECIAL, (c) => `[${c}]`);
}

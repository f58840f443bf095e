// Path quoting as git writes it in patch headers (C-style quoting of `"`, `\`, control characters and,
// as with the default core.quotePath, non-ASCII bytes), so `git apply` reads our headers as its own.

const NAMED_ESCAPES: Record<number, string> = {
  0x07: '\\a', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f', 0x0d: '\\r',
  0x22: '\\"', 0x5c: '\\\\',
};

function needsQuoting(byte: number): boolean {
  return byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f;
}

/** `a/src/x.ts`, or `"a/\303\251.ts"` when git would quote it. */
export function gitQuotePath(path: string): string {
  const bytes = new TextEncoder().encode(path);
  if (!bytes.some(needsQuoting)) return path;
  let out = '"';
  for (const byte of bytes) {
    if (!needsQuoting(byte)) out += String.fromCharCode(byte);
    else out += NAMED_ESCAPES[byte] ?? `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** The `---`/`+++` name: git appends a tab when an unquoted name contains a space. */
export function gitHeaderName(prefixed: string): string {
  const quoted = gitQuotePath(prefixed);
  return quoted === prefixed && prefixed.includes(' ') ? `${prefixed}\t` : quoted;
}

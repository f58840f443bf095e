// Where a key sits in a JSON or YAML file, without parsing it: a forgiving line scanner that also copes with
// templates that are not valid JSON (`"apiKey": (APIキー: string),`).
import type { Line } from './lines.js';

export interface StringToken {
  /** The string's content (between the quotes, escapes left as written). */
  value: string;
  /** 0-based column of the content's first character. */
  col: number;
  /** True for an object key (a string followed by `:`). */
  isKey: boolean;
  /** Names of the enclosing containers, outermost first: the key that opened each `{` / `[` (`{}` / `[]` if none). */
  path: string[];
}

/** Every double-quoted string of a JSON-like text, line by line, with its container path. */
export function jsonStrings(lines: Line[]): StringToken[][] {
  const stack: string[] = [];
  let pending: string | null = null;
  const out: StringToken[][] = [];
  for (const { text } of lines) {
    const toks: StringToken[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text[i];
      if (c === '"') {
        let j = i + 1;
        while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        const value = text.slice(i + 1, Math.min(j, n));
        let k = j + 1;
        while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
        const isKey = text[k] === ':';
        toks.push({ value, col: i + 1, isKey, path: [...stack] });
        if (isKey) pending = value;
        i = j;
      } else if (c === '{' || c === '[') {
        stack.push(pending ?? (c === '{' ? '{}' : '[]'));
        pending = null;
      } else if (c === '}' || c === ']') {
        stack.pop();
        pending = null;
      } else if (c === ',') {
        pending = null;
      } else if (c === '/' && text[i + 1] === '/') {
        break; // JSONC line comment
      }
    }
    out.push(toks);
  }
  return out;
}

export interface YamlKey {
  key: string;
  col: number;
  /** Keys of the enclosing mappings, outermost first. */
  path: string[];
}

const YAML_KEY = /^(\s*)((?:-\s+)*)(?:"([^"]*)"|'([^']*)'|([^\s"'#][^:#]*?))\s*:(?=\s|$)/;

/** The mapping key each YAML line opens (if any), with its path by indentation. */
export function yamlKeys(lines: Line[]): Array<YamlKey | null> {
  const stack: Array<{ indent: number; key: string }> = [];
  const out: Array<YamlKey | null> = [];
  for (const { text } of lines) {
    const m = YAML_KEY.exec(text);
    if (!m || /^\s*#/.test(text)) {
      out.push(null);
      continue;
    }
    const key = m[3] ?? m[4] ?? m[5];
    const indent = m[1].length + m[2].length;
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const col = indent + (m[3] !== undefined || m[4] !== undefined ? 1 : 0);
    out.push({ key, col, path: stack.map((s) => s.key) });
    stack.push({ indent, key });
  }
  return out;
}

// Lines of a text with their offsets, and per-line comment spans.
import type { Language } from '../../model/site.js';

export interface Line {
  /** 1-based line number. */
  n: number;
  /** Offset of the line's first character in the text. */
  start: number;
  /** The line without its end-of-line characters. */
  text: string;
}

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let n = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const body = end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    out.push({ n, start, text: body });
    if (nl < 0) break;
    start = nl + 1;
    n++;
  }
  return out;
}

type Style = { hash: boolean; slash: boolean; backtick: boolean; tokenQuotes: boolean };

function styleOf(lang: Language): Style {
  switch (lang) {
    case 'python':
    case 'ruby':
      return { hash: true, slash: false, backtick: false, tokenQuotes: false };
    case 'shell':
    case 'yaml':
    case 'env':
    case 'toml':
      // quotes only open a string at the start of a token (a plain `don't` in a YAML value is not a string)
      return { hash: true, slash: false, backtick: false, tokenQuotes: true };
    case 'php':
      return { hash: true, slash: true, backtick: false, tokenQuotes: false };
    case 'json':
      return { hash: false, slash: true, backtick: false, tokenQuotes: false };
    case 'go':
    case 'js':
    case 'jsx':
    case 'ts':
    case 'tsx':
    case 'vue':
    case 'svelte':
      return { hash: false, slash: true, backtick: true, tokenQuotes: false };
    default: // java, csharp, other
      return { hash: false, slash: true, backtick: false, tokenQuotes: false };
  }
}

/**
 * For each line, where comments are: the start of a line comment (`#` or `//` outside strings; `#` only at the start
 * of a word), and block comment spans (`/* … *\/`, carried across lines). Strings are tracked per line only.
 */
export class CommentMap {
  private readonly style: Style;
  private inBlock = false;
  private next = 0;
  private readonly spans: Array<Array<[number, number]>> = [];

  constructor(
    private readonly lines: Line[],
    lang: Language,
  ) {
    this.style = styleOf(lang);
  }

  /** Whether column `col` (0-based) of line index `idx` is inside a comment. Lines must be asked in order. */
  isComment(idx: number, col: number): boolean {
    while (this.next <= idx) this.spans[this.next] = this.scan(this.lines[this.next++].text);
    return this.spans[idx].some(([s, e]) => col >= s && col < e);
  }

  private scan(line: string): Array<[number, number]> {
    const st = this.style;
    const spans: Array<[number, number]> = [];
    let blockStart = this.inBlock ? 0 : -1;
    let quote = '';
    const n = line.length;
    for (let i = 0; i < n; i++) {
      const c = line[i];
      if (blockStart >= 0) {
        if (c === '*' && line[i + 1] === '/') {
          spans.push([blockStart, i + 2]);
          blockStart = -1;
          i++;
        }
        continue;
      }
      if (quote) {
        if (c === '\\' && !(quote === "'" && st.tokenQuotes)) i++; // no escapes in shell/YAML single quotes
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'" || (c === '`' && st.backtick)) {
        if (!st.tokenQuotes || i === 0 || /[\s=:,[({]/.test(line[i - 1])) quote = c;
        continue;
      }
      if (st.slash && c === '/' && line[i + 1] === '/') {
        spans.push([i, n]);
        this.inBlock = false;
        return spans;
      }
      if (st.slash && c === '/' && line[i + 1] === '*') {
        blockStart = i;
        i++;
        continue;
      }
      if (st.hash && c === '#' && (i === 0 || /\s/.test(line[i - 1])) && line[i + 1] !== '[' /* PHP 8 attribute */) {
        spans.push([i, n]);
        this.inBlock = false;
        return spans;
      }
    }
    if (blockStart >= 0) spans.push([blockStart, n]);
    this.inBlock = blockStart >= 0;
    return spans;
  }
}

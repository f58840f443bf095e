// Markdown building blocks for report.md (GitHub-flavoured): escaping, code spans, fences, links, anchors.

/** Text for a table cell (prose or code spans): `|` escaped, line breaks folded. */
export function cell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
}

/** Prose on one line: line breaks folded, `<` outside code spans made harmless (GitHub would read it as HTML). */
export function inline(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  let out = '';
  let last = 0;
  for (const m of flat.matchAll(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g)) {
    out += flat.slice(last, m.index).replace(/</g, '&lt;') + m[0];
    last = m.index + m[0].length;
  }
  return out + flat.slice(last).replace(/</g, '&lt;');
}

function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** An inline code span that survives backticks in the text. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A fenced block whose fence is longer than any backtick run inside. `body` should end with `\n`. */
export function fence(body: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return `${ticks}${lang}\n${text}${ticks}`;
}

/** A path usable as a link target: each segment percent-encoded, parentheses too. */
export function linkTarget(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}

/** `[src/a.ts:12](src/a.ts#L12)`, relative to `base` (`''` when report.md sits at the repository root). */
export function fileLink(file: string, line: number | null, base: string): string {
  const label = (line === null ? file : `${file}:${line}`).replace(/([[\]\\])/g, '\\$1');
  const anchor = line === null ? '' : `#L${line}`;
  return `[${label}](${base}${linkTarget(file)}${anchor})`;
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to `-`. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

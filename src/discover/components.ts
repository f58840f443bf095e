// discover: the <script> blocks of Vue and Svelte components, as offsets into the file's text.

export interface ScriptBlock {
  /** Offsets of the block's inner text in the component's text: [start, end). */
  start: number;
  end: number;
  lang: 'ts' | 'js' | 'tsx' | 'jsx';
}

const OPEN = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const CLOSE = /<\/script\s*>/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>/]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function langOf(attrs: string): ScriptBlock['lang'] | null {
  const lang = attr(attrs, 'lang')?.toLowerCase();
  const type = attr(attrs, 'type')?.toLowerCase();
  if (lang) {
    if (lang === 'ts' || lang === 'typescript') return 'ts';
    if (lang === 'tsx') return 'tsx';
    if (lang === 'jsx') return 'jsx';
    if (lang === 'js' || lang === 'javascript') return 'js';
    return null; // coffee, etc.: not JS/TS
  }
  if (type) {
    if (/^(?:text|application)\/(?:javascript|ecmascript|babel)$|^module$/.test(type)) return 'js';
    if (/typescript$/.test(type)) return 'ts';
    return null; // text/x-template, application/json, application/ld+json, …
  }
  return 'js';
}

/**
 * The `<script …>` blocks of a .vue or .svelte file (Vue: `<script>` and `<script setup>`; Svelte: instance and
 * `context="module"` scripts), with their language from `lang="ts"` etc. Blocks inside HTML comments, self-closing
 * `<script … />` tags and non-JS types (`text/x-template`, JSON) are left out.
 */
export function extractScripts(text: string, kind: 'vue' | 'svelte'): ScriptBlock[] {
  void kind; // both formats use the same tag syntax
  const comments: Array<[number, number]> = [];
  for (const m of text.matchAll(COMMENT)) comments.push([m.index, m.index + m[0].length]);
  const inComment = (i: number) => comments.some(([s, e]) => i >= s && i < e);

  const out: ScriptBlock[] = [];
  OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPEN.exec(text))) {
    if (inComment(m.index)) continue;
    const attrs = m[1];
    if (attrs.trimEnd().endsWith('/')) continue; // <script src="…" />
    const start = m.index + m[0].length;
    CLOSE.lastIndex = start;
    const c = CLOSE.exec(text);
    const end = c ? c.index : text.length;
    OPEN.lastIndex = c ? c.index + c[0].length : text.length;
    const lang = langOf(attrs);
    if (lang) out.push({ start, end, lang });
  }
  return out;
}

// Does a rewritten file still parse (no more syntax errors than before)?
import ts from '../scan/typescript.cjs';
import type { Language } from '../model/site.js';

const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;

function errorCount(fileName: string, text: string, language: Language): number {
  if (language === 'vue' || language === 'svelte') {
    let n = 0;
    for (const m of text.matchAll(SCRIPT)) n += errorCount(fileName + '.ts', m[1], /lang=["']ts/.test(m[0]) ? 'ts' : 'js');
    return n;
  }
  const kind = language === 'ts' ? ts.ScriptKind.TS : language === 'tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.JSX;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  return ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length;
}

export function stillParses(before: string, after: string, fileName: string, language: Language): boolean {
  const b = errorCount(fileName, before, language);
  const a = errorCount(fileName, after, language);
  return a === 0 || a <= b;
}

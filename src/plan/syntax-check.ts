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

/** `beforeErrors`: the count the scan already saw, when known (saves a parse). */
export function stillParses(before: string, after: string, fileName: string, language: Language, beforeErrors?: number): boolean {
  const a0 = errorCount(fileName, after, language);
  if (a0 === 0) return true;
  const b = beforeErrors ?? errorCount(fileName, before, language);
  return a0 <= b;
}

// The file's own code style, so new code looks like its neighbours.
import { ts, hasModifier, walk } from './ast.js';

export interface Style {
  quote: "'" | '"';
  /** Template literals are used (or the file is modern enough to use them). */
  templates: boolean;
  eol: '\n' | '\r\n';
  indentUnit: string;
}

export function detectStyle(sf: ts.SourceFile, eol: '\n' | '\r\n'): Style {
  let single = 0;
  let double = 0;
  let modern = /\.(ts|tsx|mts|cts)$/.test(sf.fileName);
  const text = sf.text;
  walk(sf, (n) => {
    switch (n.kind) {
      case ts.SyntaxKind.StringLiteral:
        if (!ts.isImportDeclaration(n.parent)) {
          const q = text[n.getStart(sf)];
          if (q === "'") single++;
          else if (q === '"') double++;
        }
        return;
      case ts.SyntaxKind.TemplateExpression:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
      case ts.SyntaxKind.ExportAssignment:
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.SpreadAssignment:
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        modern = true;
        return;
      case ts.SyntaxKind.VariableDeclarationList:
        if (n.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let)) modern = true;
        return;
    }
    if (!modern && hasModifier(n, ts.SyntaxKind.ExportKeyword)) modern = true;
  });
  return { quote: double > single ? '"' : "'", templates: modern, eol, indentUnit: detectIndent(text) };
}

function detectIndent(text: string): string {
  const counts = new Map<string, number>();
  let prev = 0;
  for (const m of text.matchAll(/^([ \t]*)\S/gm)) {
    const ws = m[1];
    if (ws.includes('\t')) { counts.set('\t', (counts.get('\t') ?? 0) + 1); continue; }
    const d = ws.length - prev;
    if (d === 2 || d === 4) counts.set(' '.repeat(d), (counts.get(' '.repeat(d)) ?? 0) + 1);
    prev = ws.length;
  }
  let best = '  ';
  let n = 0;
  for (const [k, v] of counts) if (v > n) { best = k; n = v; }
  return best;
}

/** `\`Bearer ${expr}\`` or `'Bearer ' + expr`, in the file's style. */
export function bearerValue(expr: string, style: Style): string {
  if (style.templates) return '`Bearer ${' + expr + '}`';
  const needsParens = /[?:|&]/.test(expr) && !/^[\w$.[\]'"]+$/.test(expr);
  return `${style.quote}Bearer ${style.quote} + ${needsParens ? `(${expr})` : expr}`;
}

export function quoted(s: string, style: Style): string {
  return style.quote + s + style.quote;
}

/** The style, detected only when first asked for (most candidate files need no new code). */
export function lazyStyle(sf: ts.SourceFile, eol: '\n' | '\r\n'): Style {
  let s: Style | null = null;
  const get = (): Style => (s ??= detectStyle(sf, eol));
  return {
    get quote() { return get().quote; },
    get templates() { return get().templates; },
    get eol() { return eol; },
    get indentUnit() { return get().indentUnit; },
  };
}

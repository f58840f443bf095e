// Parameter names of a function value, read from its source text (to pass Zapier's `z` where a function expects it).
import { ts } from 'ts-morph';

export function paramNames(fn: Function): string[] {
  const src = Function.prototype.toString.call(fn);
  for (const wrap of [(s: string) => `(${s})`, (s: string) => `({ ${s} })`, (s: string) => `(class { ${s} })`]) {
    const sf = ts.createSourceFile('p.js', wrap(src), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
    let found: string[] | null = null;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isFunctionLike(n)) {
        found = n.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : 'arg'));
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    if (found && !(sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length) return found;
  }
  return [];
}

// Functions of other repository files that pass (url, options) straight to fetch: `const request = (url, opts) =>
// fetch(url, opts)`. Parsing them is the scan's business, so this lives here and loads the parser with it.
import { ts, walk } from './ast.js';
import type { RepoFacts } from './context.js';
import { resolveModule } from '../discover/module-paths.js';

/** Functions exported by repo files that pass (url, options) straight to fetch: `const request = (url, opts) => fetch(url, opts)`. */
export function makeWrapperResolver(root: string, texts: Map<string, string>): NonNullable<RepoFacts['wrapperOf']> {
  const cache = new Map<string, Map<string, { urlIndex: number; optionsIndex: number }>>();
  return (fromFile, module, name) => {
    const target = resolveModule(fromFile, module, (p) => texts.has(p));
    if (!target) return null;
    let wrappers = cache.get(target);
    if (!wrappers) {
      wrappers = fetchWrappers(target, texts.get(target)!);
      cache.set(target, wrappers);
    }
    return wrappers.get(name) ?? null;
  };
}

function fetchWrappers(file: string, text: string): Map<string, { urlIndex: number; optionsIndex: number }> {
  const out = new Map<string, { urlIndex: number; optionsIndex: number }>();
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  // names bound to a fetch implementation: fetch, node-fetch, limiter.wrap(nodeFetch)
  const fetchNames = new Set(['fetch']);
  walk(sf, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const t = n.initializer.getText(sf);
      if (/require\(['"](node-fetch|cross-fetch|isomorphic-fetch|isomorphic-unfetch)['"]\)/.test(t)) fetchNames.add(n.name.text);
      else if (/\.wrap\(\s*(\w+)\s*\)$/.test(t) && fetchNames.has(/\.wrap\(\s*(\w+)\s*\)$/.exec(t)![1])) fetchNames.add(n.name.text);
    }
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && /^(node-fetch|cross-fetch|isomorphic-fetch)$/.test(n.moduleSpecifier.text) && n.importClause?.name) {
      fetchNames.add(n.importClause.name.text);
    }
  });
  walk(sf, (n) => {
    let fn: ts.FunctionLikeDeclaration | null = null;
    let name: string | null = null;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) { fn = n.initializer; name = n.name.text; }
    if (ts.isFunctionDeclaration(n) && n.name) { fn = n; name = n.name.text; }
    if (fn && name && fn.parameters.length >= 1 && ts.isIdentifier(fn.parameters[0].name)) {
      const p0 = (fn.parameters[0].name as ts.Identifier).text;
      const p1 = fn.parameters[1] && ts.isIdentifier(fn.parameters[1].name) ? fn.parameters[1].name.text : null;
      let ok = false;
      if (fn.body) walk(fn.body, (m) => {
        if (ts.isCallExpression(m) && ts.isIdentifier(m.expression) && fetchNames.has(m.expression.text)) {
          const [a, b] = m.arguments;
          if (a && ts.isIdentifier(a) && a.text === p0 && (p1 === null ? !b : b && ts.isIdentifier(b) && b.text === p1)) ok = true;
        }
      });
      if (ok && p1) out.set(name, { urlIndex: 0, optionsIndex: 1 });
    }
  });
  return out;
}

// HubSpot client libraries: how their constructors are spelled, and the calls made through a client.
import { ts, chainOf, enclosingScope, referencesOf, outerParent, unwrap } from './ast.js';
import type { Bindings } from './imports.js';

import { LIB_MODULES, type Lib } from './library-names.js';

export { LIB_MODULES, type Lib };

/** The option that carried the account key, per library. */
export const KEY_OPTION: Record<Lib, string> = {
  'hubspot-api-client': 'apiKey',
  hubspot: 'apiKey',
  'hubspot-api': 'hapikey',
};

/** Which library `new X(…)` constructs, given the file's bindings and repo-wide aliases (`this.X = require('hubspot-api')`). */
export function libraryOfConstructor(expr: ts.Expression, bindings: Bindings, aliases: Map<string, Lib>): Lib | null {
  const chain = chainOf(expr);
  if (!chain) return null;
  const root = bindings.get(chain[0]);
  if (root && LIB_MODULES[root.module]) {
    const lib = LIB_MODULES[root.module];
    if (lib === 'hubspot-api-client') {
      // new hubspot.Client(), new Client() (named import)
      if (chain.length === 2 && chain[1] === 'Client' && (root.imported === '*' || root.imported === 'default')) return lib;
      if (chain.length === 1 && root.imported === 'Client') return lib;
      return null;
    }
    if (chain.length === 1) return lib;
    return null;
  }
  // `this.HubSpotClient = require('hubspot-api')` elsewhere; `new $.HubSpotClient(…)` here
  if (chain.length >= 2) {
    const alias = aliases.get(chain[chain.length - 1]);
    if (alias) return alias;
  }
  const thisAlias = bindings.get('this.' + chain[chain.length - 1]);
  if (thisAlias && LIB_MODULES[thisAlias.module]) return LIB_MODULES[thisAlias.module];
  return null;
}

/** Property names bound to a HubSpot library by `this.X = require(lib)` / `obj.X = require(lib)` in a file. */
export function collectLibraryAliases(bindings: Bindings): Array<[string, Lib]> {
  const out: Array<[string, Lib]> = [];
  for (const [name, b] of bindings) {
    if (name.startsWith('this.') && LIB_MODULES[b.module]) out.push([name.slice(5), LIB_MODULES[b.module]]);
  }
  return out;
}

export interface LibraryCall {
  call: ts.CallExpression;
  /** The method chain after the client, e.g. `crm.contacts.basicApi.getPage` (`[]` for a dynamic member). */
  chain: string;
  /** For `apiRequest({ method, path })`: the literal method and path when given. */
  method?: string | null;
  path?: string | null;
}

/** The calls made through the client that `newExpr` creates (`const hs = new Client(…)`, `this.hs = new Client(…)`). */
export function callsThroughClient(newExpr: ts.NewExpression): LibraryCall[] | null {
  const { parent } = outerParent(newExpr);
  let refs: ts.Node[] = [];
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    refs = referencesOf(parent.name.text, enclosingScope(parent), parent);
  } else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = chainOf(parent.left);
    if (!target) return null;
    const key = target.join('.');
    const visit = (n: ts.Node): void => {
      if ((ts.isPropertyAccessExpression(n) || ts.isIdentifier(n)) && n !== parent.left && chainOf(n as ts.Expression)?.join('.') === key
        && !(n.parent && ts.isPropertyAccessExpression(n.parent) && n.parent.expression !== n)) refs.push(n);
      ts.forEachChild(n, visit);
    };
    visit(newExpr.getSourceFile());
  } else if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return null;
  } else {
    return null;
  }
  const calls: LibraryCall[] = [];
  for (const r of refs) {
    let top: ts.Node = r;
    const parts: string[] = [];
    while (top.parent && (ts.isPropertyAccessExpression(top.parent) || ts.isElementAccessExpression(top.parent)) && top.parent.expression === top) {
      const pa = top.parent;
      parts.push(ts.isPropertyAccessExpression(pa) ? pa.name.text : (ts.isStringLiteral(pa.argumentExpression) ? pa.argumentExpression.text : '[]'));
      top = pa;
    }
    if (!parts.length || !top.parent || !ts.isCallExpression(top.parent) || top.parent.expression !== top) continue;
    const call = top.parent;
    const lc: LibraryCall = { call, chain: parts.join('.') };
    if (parts[parts.length - 1] === 'apiRequest') {
      const a0 = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
      if (a0 && ts.isObjectLiteralExpression(a0)) {
        for (const p of a0.properties) {
          if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
          const v = unwrap(p.initializer);
          const s = ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v) ? v.text : ts.isTemplateExpression(v) ? v.getText().slice(1, -1).replace(/\$\{[^}]*\}/g, '{}') : null;
          if (p.name.text === 'method') lc.method = s;
          if (p.name.text === 'path') lc.path = s;
        }
      }
    }
    calls.push(lc);
  }
  return calls;
}

// HubSpot client libraries: how their constructors are spelled, and names bound to them (the calls through a client are receivers.ts's).
import { ts, chainOf, declarationOf, unwrap } from './ast.js';
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
export function libraryOfConstructor(expr: ts.Expression, bindings: Bindings, aliases: Map<string, Lib>, depth = 0): Lib | null {
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
    // `import * as Hubspot from 'hubspot'` (no esModuleInterop): the class is `Hubspot.default`
    if (chain.length === 2 && chain[1] === 'default' && root.imported === '*') return lib;
    return null;
  }
  // a constructor held in a name: `const Ctor = Hubspot.default`, or a parameter defaulting to it
  // (`constructor(creds, Ctor = Hubspot.default)`: callers may pass another one, as tests do; the default is HubSpot's)
  if (chain.length === 1 && !root && depth < 3 && ts.isIdentifier(unwrap(expr))) {
    const decl = declarationOf(unwrap(expr) as ts.Identifier);
    const init = decl && (ts.isParameter(decl) || (ts.isVariableDeclaration(decl) && isConst(decl))) ? decl.initializer : undefined;
    if (init) return libraryOfConstructor(init, bindings, aliases, depth + 1);
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

function isConst(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

#!/usr/bin/env node
// Derives, from the published code of the HubSpot Node client libraries, which HTTP endpoint each
// library method calls, and writes src/scopes/client-maps.json. The libraries are fetched with
// `npm pack` into a temporary folder (our node_modules is not touched), parsed with TypeScript, and
// deleted; only the derived facts (method chain → method + path) are written.
//
// Usage: node scripts/build-client-maps.mjs [out.json] [--keep]
//
//   @hubspot/api-client  generated classes: `localVarPath = '/crm/v3/…'` +
//                        `makeRequestContext(localVarPath, HttpMethod.GET)`; wiring from the discovery
//                        classes' declarations (client.crm.contacts.basicApi …)
//   hubspot (MadKudu)    lib/*.js: `this.client.apiRequest({ method, path })` (2.x) / `_request` (1.x);
//                        wiring from `client.contacts = new Contact(client)` and sub-objects
//   hubspot-api          dist/bundle.min.js (rollup): `constants.api.<group>.<name>` URLs,
//                        `createRequest(url, { method }, …)` calls, per-group factory objects, and the
//                        client class' getters
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';

const here = dirname(fileURLToPath(import.meta.url));

const LIBRARIES = [
  {
    id: 'hubspot-api-client',
    package: '@hubspot/api-client',
    // 7.2.0: last release whose README showed { apiKey }; 8.9.0: last 8.x (apiKey still wired to the
    // generated clients until 9.1.0); 13.5.0 and 14.0.1: latest 13.x and latest.
    versions: ['7.2.0', '8.9.0', '13.5.0', '14.0.1'],
    derive: deriveApiClient,
  },
  {
    id: 'hubspot',
    package: 'hubspot',
    // 1.3.4: last 1.x (`_request`, older paths such as /contacts/v2/properties); 2.3.14: latest.
    versions: ['1.3.4', '2.3.14'],
    derive: deriveHubspotNpm,
  },
  {
    id: 'hubspot-api',
    package: 'hubspot-api',
    // latest (2.17.3) was published without dist/bundle.min.js; 2.17.2-beta.2 is the newest with code,
    // 2.15.3 the newest non-beta.
    versions: ['2.15.3', '2.17.2-beta.2'],
    derive: deriveHubspotApi,
  },
];

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function main() {
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  const out = args.find((a) => !a.startsWith('--')) ?? resolve(here, '../src/scopes/client-maps.json');
  const work = mkdtempSync(join(tmpdir(), 'hs-client-maps-'));
  const result = { libraries: {} };
  try {
    for (const lib of LIBRARIES) {
      const perVersion = [];
      const notDerived = new Set();
      for (const version of lib.versions) {
        const root = unpack(work, lib.package, version);
        const found = lib.derive(root, (what) => notDerived.add(`${version}: ${what}`));
        perVersion.push({ version, chains: found.chains, dynamic: found.dynamic });
        console.log(`${lib.package}@${version}: ${Object.keys(found.chains).length} chains`);
      }
      result.libraries[lib.id] = merge(lib, perVersion, [...notDerived].sort());
    }
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
  writeFileSync(out, serialise(result));
  console.log(`wrote ${out}`);
}

function unpack(work, pkg, version) {
  const dir = join(work, `${pkg.replace(/[@/]/g, '_')}-${version}`);
  execFileSync('mkdir', ['-p', dir]);
  const tgz = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  return join(dir, 'package');
}

// ---------------------------------------------------------------- shared helpers

function parse(file) {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
}

function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (c) => walk(c, visit));
}

const OBJECT_TYPE_PARAMS = new Map([
  ['objecttype', '{objectType}'],
  ['fromobjecttype', '{fromObjectType}'],
  ['toobjecttype', '{toObjectType}'],
  ['objecttypeid', '{objectType}'],
  ['fromobjecttypeid', '{fromObjectType}'],
  ['toobjecttypeid', '{toObjectType}'],
]);

/** `{contactId}` → `{}`; object-type parameters keep their name. */
function placeholders(path) {
  return path.replace(/\{([^}]*)\}/g, (_, name) => OBJECT_TYPE_PARAMS.get(name.toLowerCase()) ?? '{}');
}

function cleanPath(path) {
  let p = path.replace(/^https?:\/\/[^/]+/, '');
  p = p.replace(/\?.*$/, '');
  p = p.replace(/^\{\}(?=\/)/, ''); // `${client.baseUrl}/…`
  p = p.replace(/([^/{}])\{\}$/, '$1'); // `…/upload${queryPart}`
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return placeholders(p);
}

function addEndpoint(chains, chain, method, path) {
  const list = (chains[chain] ??= []);
  if (!list.some((e) => e[0] === method && e[1] === path)) list.push([method, path]);
}

// ---------------------------------------------------------------- @hubspot/api-client

function deriveApiClient(root, miss) {
  const lib = join(root, 'lib');
  const chains = {};
  const factoryCache = new Map();

  const requestFactory = (codegenDir, apiName) => {
    const key = `${codegenDir}#${apiName}`;
    if (factoryCache.has(key)) return factoryCache.get(key);
    const file = join(codegenDir, 'apis', `${apiName}.js`);
    const methods = new Map();
    if (!existsSync(file)) {
      miss(`${relative(lib, file)} missing`);
    } else {
      const sf = parse(file);
      walk(sf, (n) => {
        if (!ts.isClassDeclaration(n) || n.name?.text !== `${apiName}RequestFactory`) return;
        for (const m of n.members) {
          if (!ts.isMethodDeclaration(m) || !m.name || !ts.isIdentifier(m.name)) continue;
          const ep = requestOf(m);
          if (ep) methods.set(m.name.text, ep);
          else miss(`${relative(lib, file)} ${apiName}.${m.name.text}: no localVarPath/HttpMethod`);
        }
      });
    }
    factoryCache.set(key, methods);
    return methods;
  };

  const requestOf = (method) => {
    let path = null;
    let verb = null;
    walk(method, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === 'localVarPath' && n.initializer) {
        let e = n.initializer;
        while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) path = e.text;
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'makeRequestContext') {
        const arg = n.arguments[1];
        if (arg && ts.isPropertyAccessExpression(arg)) verb = arg.name.text;
      }
    });
    return path && verb && METHODS.has(verb) ? [verb, cleanPath(path)] : null;
  };

  // module specifier in a .d.ts → absolute file (without extension)
  const importsOf = (sf, file) => {
    const map = new Map();
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !st.importClause) continue;
      const target = resolve(dirname(file), st.moduleSpecifier.text);
      const c = st.importClause;
      if (c.name) map.set(c.name.text, { target, name: 'default' });
      if (c.namedBindings && ts.isNamedImports(c.namedBindings)) {
        for (const el of c.namedBindings.elements) map.set(el.name.text, { target, name: (el.propertyName ?? el.name).text });
      }
    }
    return map;
  };

  // codegen index.d.ts: `export { PromiseBasicApi as BasicApi, … } from './types/PromiseAPI'`
  const codegenApiName = (indexBase, exported) => {
    const file = `${indexBase}.d.ts`;
    if (!existsSync(file)) return exported.replace(/^Promise/, '');
    const sf = parse(file);
    for (const st of sf.statements) {
      if (!ts.isExportDeclaration(st) || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
      for (const el of st.exportClause.elements) {
        if (el.name.text === exported) return (el.propertyName ?? el.name).text.replace(/^Promise/, '');
      }
    }
    return exported.replace(/^Promise/, '');
  };

  const typeName = (t) => {
    if (!t) return null;
    if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) return t.typeName.text;
    if (ts.isUnionTypeNode(t)) return t.types.map(typeName).find(Boolean) ?? null;
    return null;
  };

  const visited = new Set();
  const walkDiscovery = (base, exportName, prefix) => {
    const file = `${base}.d.ts`;
    if (!existsSync(file)) return miss(`${relative(lib, file)} missing (chain ${prefix})`);
    const key = `${file}#${exportName}#${prefix}`;
    if (visited.has(key)) return;
    visited.add(key);
    const sf = parse(file);
    const imports = importsOf(sf, file);
    const cls = sf.statements.find(
      (s) =>
        ts.isClassDeclaration(s) &&
        (exportName === 'default'
          ? s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)
          : s.name?.text === exportName),
    );
    if (!cls) return miss(`${relative(lib, file)}: class ${exportName} not found`);
    const apis = new Map();
    const helpers = [];
    for (const m of cls.members) {
      if (!m.name || !ts.isIdentifier(m.name)) continue;
      const name = m.name.text;
      if (name.startsWith('_') || m.modifiers?.some((x) => [ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.PrivateKeyword].includes(x.kind))) continue;
      if (ts.isMethodDeclaration(m)) {
        if (prefix && name !== 'constructor') helpers.push(name);
        continue;
      }
      const t = ts.isPropertyDeclaration(m) || ts.isGetAccessorDeclaration(m) ? typeName(m.type) : null;
      if (!t) continue;
      const imp = imports.get(t);
      if (!imp) continue;
      const chain = prefix ? `${prefix}.${name}` : name;
      if (imp.target.includes(`${'/'}codegen${'/'}`)) {
        const api = codegenApiName(imp.target, imp.name);
        const methods = requestFactory(dirname(imp.target), api);
        apis.set(name, methods);
        for (const [mName, [verb, path]] of methods) addEndpoint(chains, `${chain}.${mName}`, verb, path);
      } else if (imp.target.includes(`${'/'}discovery${'/'}`)) {
        walkDiscovery(imp.target, imp.name, chain);
      }
    }
    // helper methods of a discovery class (getAll → basicApi.getPage), read from its .js
    if (helpers.length) discoveryHelpers(`${base}.js`, helpers, apis, prefix);
  };

  const discoveryHelpers = (file, helpers, apis, prefix) => {
    if (!existsSync(file)) return miss(`${relative(lib, file)} missing`);
    const sf = parse(file);
    walk(sf, (n) => {
      if (!ts.isMethodDeclaration(n) || !n.name || !ts.isIdentifier(n.name) || !helpers.includes(n.name.text)) return;
      const helper = n.name.text;
      let found = false;
      walk(n, (c) => {
        if (!ts.isCallExpression(c)) return;
        // this.basicApi.getPage(…)
        const callee = c.expression;
        if (ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression) && callee.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
          const ep = apis.get(callee.expression.name.text)?.get(callee.name.text);
          if (ep) (addEndpoint(chains, `${prefix}.${helper}`, ep[0], ep[1]), (found = true));
        }
        // (0, getAll_1.getAll)(this.basicApi, …): the shared getAll service pages with api.getPage
        const first = c.arguments[0];
        if (first && ts.isPropertyAccessExpression(first) && first.expression.kind === ts.SyntaxKind.ThisKeyword && /getAll/.test(c.expression.getText())) {
          const ep = apis.get(first.name.text)?.get('getPage');
          if (ep) (addEndpoint(chains, `${prefix}.${helper}`, ep[0], ep[1]), (found = true));
        }
      });
      if (!found) miss(`${prefix}.${helper}: makes no HTTP request (helper)`);
    });
  };

  walkDiscovery(join(lib, 'src', 'client'), 'Client', '');
  return {
    chains,
    // client.apiRequest({ method, path }) sends whatever it is given (default method GET):
    // src/services/http/Request.js `this.method = this.opts.method || 'GET'`
    dynamic: { apiRequest: { methodFrom: 'method', pathFrom: 'path', defaultMethod: 'GET' } },
  };
}

function relative(base, file) {
  return file.startsWith(base) ? file.slice(base.length + 1) : file;
}

// ---------------------------------------------------------------- hubspot (MadKudu/node-hubspot)

function deriveHubspotNpm(root, miss) {
  const lib = join(root, 'lib');
  const chains = {};
  const classes = new Map(); // file → { methods: Map<name, {endpoints, delegates}>, props: Map<name, file> }

  const requireMap = (sf, file) => {
    const map = new Map();
    walk(sf, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isCallExpression(n.initializer)) {
        const c = n.initializer;
        if (ts.isIdentifier(c.expression) && c.expression.text === 'require' && c.arguments[0] && ts.isStringLiteral(c.arguments[0])) {
          const spec = c.arguments[0].text;
          if (spec.startsWith('.')) map.set(n.name.text, resolve(dirname(file), spec.endsWith('.js') ? spec : `${spec}.js`));
        }
      }
    });
    return map;
  };

  // `new X(client)` assignments to `<target>.<name>` → Map<name, file>
  const instanceProps = (node, requires) => {
    const props = new Map();
    walk(node, (n) => {
      if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      if (!ts.isPropertyAccessExpression(n.left) || !ts.isNewExpression(n.right) || !ts.isIdentifier(n.right.expression)) return;
      const file = requires.get(n.right.expression.text);
      if (file) props.set(n.left.name.text, file);
    });
    return props;
  };

  const pathOf = (e) => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => '{}' + s.literal.text).join('');
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const l = pathOf(e.left);
      const r = pathOf(e.right);
      return `${l ?? '{}'}${r ?? '{}'}`;
    }
    if (ts.isParenthesizedExpression(e)) return pathOf(e.expression);
    return null;
  };

  // module-level helpers returning a URL (`const getUrlForFileUpload = (client) => `${client.baseUrl}/…``)
  const urlHelpers = (sf) => {
    const map = new Map();
    const returned = (fn) => {
      if (!fn.body) return null;
      if (!ts.isBlock(fn.body)) return pathOf(fn.body);
      const ret = fn.body.statements.filter(ts.isReturnStatement).pop();
      return ret?.expression ? pathOf(ret.expression) : null;
    };
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st) && st.name) {
        const p = returned(st);
        if (p) map.set(st.name.text, p);
      }
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
            const p = returned(d.initializer);
            if (p && p.includes('/')) map.set(d.name.text, p);
          }
        }
      }
    }
    return map;
  };

  // the object literal of request options: inline, or `const parameters = { … }` in the same method
  const optionsLiteral = (arg, method) => {
    if (ts.isObjectLiteralExpression(arg)) return arg;
    if (!ts.isIdentifier(arg)) return null;
    let found = null;
    walk(method, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === arg.text && n.initializer && ts.isObjectLiteralExpression(n.initializer)) found = n.initializer;
    });
    return found;
  };

  const loadClass = (file) => {
    if (classes.has(file)) return classes.get(file);
    const entry = { methods: new Map(), props: new Map() };
    classes.set(file, entry);
    if (!existsSync(file)) {
      miss(`${relative(lib, file)} missing`);
      return entry;
    }
    const sf = parse(file);
    const requires = requireMap(sf, file);
    const helpers = urlHelpers(sf);
    walk(sf, (n) => {
      if (!ts.isClassDeclaration(n)) return;
      for (const m of n.members) {
        if (ts.isConstructorDeclaration(m)) {
          for (const [k, v] of instanceProps(m, requires)) entry.props.set(k, v);
          continue;
        }
        if (!ts.isMethodDeclaration(m) || !m.name || !ts.isIdentifier(m.name)) continue;
        const info = { endpoints: [], delegates: [], unresolved: false, requests: 0 };
        walk(m, (c) => {
          if (!ts.isCallExpression(c)) return;
          // fetch(helperUrl(this.client), { method: 'POST', … }) (file uploads)
          if (ts.isIdentifier(c.expression) && c.expression.text === 'fetch') {
            info.requests++;
            const [urlArg, opts] = c.arguments;
            const path = urlArg && ts.isCallExpression(urlArg) && ts.isIdentifier(urlArg.expression) ? helpers.get(urlArg.expression.text) : null;
            let verb = 'GET';
            const lit = opts && optionsLiteral(opts, m);
            for (const p of lit?.properties ?? []) {
              if (ts.isPropertyAssignment(p) && p.name.getText() === 'method' && ts.isStringLiteral(p.initializer)) verb = p.initializer.text.toUpperCase();
            }
            if (path) info.endpoints.push([verb, cleanPath(path)]);
            else info.unresolved = true;
            return;
          }
          if (!ts.isPropertyAccessExpression(c.expression)) return;
          const name = c.expression.name.text;
          const target = c.expression.expression;
          if ((name === 'apiRequest' || name === '_request') && c.arguments[0]) {
            info.requests++;
            const arg = optionsLiteral(c.arguments[0], m);
            if (!arg) return void (info.unresolved = true);
            let verb = 'GET'; // lib/client.js prepareParams: params.method || 'GET'
            let path = null;
            for (const p of arg.properties) {
              if (!ts.isPropertyAssignment(p) || !p.name || !ts.isIdentifier(p.name)) continue;
              if (p.name.text === 'method' && ts.isStringLiteral(p.initializer)) verb = p.initializer.text.toUpperCase();
              if (p.name.text === 'path' || p.name.text === 'overlapUrl') path = pathOf(p.initializer);
            }
            if (path && path.includes('/') && METHODS.has(verb)) info.endpoints.push([verb, cleanPath(path)]);
            else info.unresolved = true;
          } else if (target.kind === ts.SyntaxKind.ThisKeyword) {
            info.delegates.push(name);
          }
        });
        entry.methods.set(m.name.text, info);
      }
    });
    return entry;
  };

  const endpointsOf = (entry, name, seen = new Set()) => {
    if (seen.has(name)) return [];
    seen.add(name);
    const info = entry.methods.get(name);
    if (!info) return [];
    return [...info.endpoints, ...info.delegates.flatMap((d) => endpointsOf(entry, d, seen))];
  };

  const walkClass = (file, prefix, depth = 0) => {
    const entry = loadClass(file);
    for (const [name, info] of entry.methods) {
      const eps = endpointsOf(entry, name);
      for (const [verb, path] of eps) addEndpoint(chains, `${prefix}.${name}`, verb, path);
      if (eps.length) continue;
      if (!info.requests && !info.delegates.length) miss(`${prefix}.${name}: makes no HTTP request (helper)`);
      else miss(`${prefix}.${name}: request URL not derivable${info.unresolved ? ' (URL passed in by the caller)' : ''}`);
    }
    if (depth < 3) for (const [prop, f] of entry.props) walkClass(f, `${prefix}.${prop}`, depth + 1);
  };

  const clientFile = join(lib, 'client.js');
  const sf = parse(clientFile);
  const requires = requireMap(sf, clientFile);
  for (const [prop, file] of instanceProps(sf, requires)) walkClass(file, prop);
  return {
    chains,
    // client.apiRequest({ method, path }) sends what it is given (prepareParams: method || 'GET')
    dynamic: { apiRequest: { methodFrom: 'method', pathFrom: 'path', defaultMethod: 'GET' } },
  };
}

// ---------------------------------------------------------------- hubspot-api (HubSpotWebTeam/hs-node-api)

function deriveHubspotApi(root, miss) {
  const file = join(root, 'dist', 'bundle.min.js');
  const chains = {};
  if (!existsSync(file)) {
    miss('dist/bundle.min.js missing');
    return { chains, dynamic: {} };
  }
  const sf = parse(file);

  // constants.api.<group>.<name> → URL
  const urls = new Map();
  const evalString = (e) => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'concat') {
      const head = evalString(e.expression.expression);
      if (head === null) return null;
      const parts = e.arguments.map((a) => (ts.isIdentifier(a) ? '' : evalString(a)));
      return parts.includes(null) ? null : head + parts.join('');
    }
    return null;
  };
  const collect = (obj, prefix) => {
    for (const p of obj.properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      const key = p.name.getText().replace(/^["']|["']$/g, '');
      if (ts.isObjectLiteralExpression(p.initializer)) collect(p.initializer, `${prefix}.${key}`);
      else {
        const s = evalString(p.initializer);
        if (s !== null) urls.set(`${prefix}.${key}`, s);
        else miss(`${prefix}.${key}: URL not a literal`);
      }
    }
  };
  const functions = new Map(); // identifier → function-ish node
  let clientClass = null;
  walk(sf, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      if (n.name.text === 'constants' && ts.isObjectLiteralExpression(n.initializer)) collect(n.initializer, 'constants');
      else functions.set(n.name.text, n.initializer);
      if (n.name.text === 'HubSpotClient') clientClass = n.initializer;
    }
    if (ts.isFunctionDeclaration(n) && n.name) functions.set(n.name.text, n);
  });

  // per function: createRequest(url, opts, …) calls → [method, path]
  const endpointCache = new Map();
  const endpointsOfFunction = (name, seen = new Set()) => {
    if (endpointCache.has(name)) return endpointCache.get(name);
    if (seen.has(name)) return [];
    seen.add(name);
    const node = functions.get(name);
    if (!node) return [];
    const assigned = new Map(); // ident → [{pos, expr}]
    walk(node, (n) => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left)) {
        const list = assigned.get(n.left.text) ?? [];
        list.push({ pos: n.getStart(), expr: n.right });
        assigned.set(n.left.text, list);
      }
    });
    const urlOf = (e) => {
      const text = e.getText();
      if (urls.has(text)) return text;
      return null;
    };
    const methodExprs = (opts) => {
      // method values from the options literal, the literal assigned to its identifier, and
      // Object.assign(<it>, { method: … }) calls
      const out = [];
      const fromLiteral = (obj) => {
        for (const p of obj.properties) {
          if (ts.isPropertyAssignment(p) && p.name.getText().replace(/["']/g, '') === 'method') out.push(p.initializer);
        }
      };
      if (ts.isObjectLiteralExpression(opts)) fromLiteral(opts);
      else if (ts.isIdentifier(opts)) {
        for (const a of assigned.get(opts.text) ?? []) if (ts.isObjectLiteralExpression(a.expr)) fromLiteral(a.expr);
        walk(node, (n) => {
          if (ts.isCallExpression(n) && n.expression.getText() === 'Object.assign' && n.arguments[0]?.getText() === opts.text) {
            for (const a of n.arguments.slice(1)) if (ts.isObjectLiteralExpression(a)) fromLiteral(a);
          }
        });
      }
      return out;
    };
    const result = [];
    let sawRequest = false;
    walk(node, (n) => {
      if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression)) return;
      const callee = n.expression.text;
      if (callee !== 'createRequest') {
        if (functions.has(callee) && callee !== name) for (const ep of endpointsOfFunction(callee, seen)) result.push(ep);
        return;
      }
      sawRequest = true;
      const [urlArg, opts] = n.arguments;
      // candidate URLs with the source position where they were chosen
      const urlCands = [];
      if (urlOf(urlArg)) urlCands.push({ pos: n.getStart(), key: urlOf(urlArg) });
      else if (ts.isIdentifier(urlArg)) for (const a of assigned.get(urlArg.text) ?? []) if (urlOf(a.expr)) urlCands.push({ pos: a.pos, key: urlOf(a.expr) });
      if (!urlCands.length) return miss(`${name}: createRequest URL not derivable (${urlArg?.getText().slice(0, 60)})`);
      // candidate methods with positions
      const methodCands = [];
      for (const m of opts ? methodExprs(opts) : []) {
        if (ts.isStringLiteral(m)) methodCands.push({ pos: m.getStart(), verb: m.text.toUpperCase() });
        else if (ts.isIdentifier(m)) for (const a of assigned.get(m.text) ?? []) if (ts.isStringLiteral(a.expr)) methodCands.push({ pos: a.pos, verb: a.expr.text.toUpperCase() });
      }
      for (const u of urlCands) {
        // the method chosen last before this URL was chosen; GET when none (createRequest: r.method || "GET")
        const before = methodCands.filter((m) => m.pos <= u.pos).pop() ?? (urlCands.length === 1 ? methodCands[methodCands.length - 1] : undefined);
        const verb = before?.verb ?? 'GET';
        if (METHODS.has(verb)) result.push([verb, cleanPath(urls.get(u.key))]);
      }
    });
    if (!sawRequest && !result.length) endpointCache.set(name, []);
    endpointCache.set(name, result);
    return result;
  };

  // factories: function X(e){ return _baseOptions = e, { getPages: getPages, … } }
  const factoryMembers = (name) => {
    const node = functions.get(name);
    if (!node) return null;
    let members = null;
    walk(node, (n) => {
      if (members || !ts.isReturnStatement(n) || !n.expression) return;
      let e = n.expression;
      while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken) e = e.right;
      if (ts.isParenthesizedExpression(e)) e = e.expression;
      if (!ts.isObjectLiteralExpression(e)) return;
      members = new Map();
      for (const p of e.properties) {
        const key = p.name?.getText().replace(/["']/g, '');
        if (ts.isShorthandPropertyAssignment(p)) members.set(key, p.name.text);
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer)) members.set(key, p.initializer.text);
      }
    });
    return members;
  };

  if (!clientClass) {
    miss('HubSpotClient class not found');
    return { chains, dynamic: {} };
  }
  // createClass(t, [{ key: "pages", get: function () { return pagesApi(this.props) } }, …])
  walk(clientClass, (n) => {
    if (!ts.isObjectLiteralExpression(n)) return;
    const keyProp = n.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'key');
    const getProp = n.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'get');
    if (!keyProp || !getProp || !ts.isStringLiteral(keyProp.initializer)) return;
    const group = keyProp.initializer.text;
    let factory = null;
    walk(getProp.initializer, (c) => {
      if (!factory && ts.isCallExpression(c) && ts.isIdentifier(c.expression)) factory = c.expression.text;
    });
    const members = factory && factoryMembers(factory);
    if (!members) return miss(`${group}: factory ${factory} not derivable`);
    for (const [method, fn] of members) {
      const eps = endpointsOfFunction(fn);
      if (!eps.length) miss(`${group}.${method}: no request derivable`);
      for (const [verb, path] of eps) addEndpoint(chains, `${group}.${method}`, verb, path);
    }
  });
  return { chains, dynamic: {} };
}

// ---------------------------------------------------------------- merge and write

function merge(lib, perVersion, notDerived) {
  const all = new Map(); // chain → Map<"VERB path", Set<version>>
  for (const { version, chains } of perVersion) {
    for (const [chain, eps] of Object.entries(chains)) {
      const m = all.get(chain) ?? new Map();
      for (const [verb, path] of eps) {
        const key = `${verb} ${path}`;
        (m.get(key) ?? m.set(key, new Set()).get(key)).add(version);
      }
      all.set(chain, m);
    }
  }
  const chains = {};
  for (const chain of [...all.keys()].sort()) {
    chains[chain] = [...all.get(chain)]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, versions]) => {
        const [verb, ...rest] = key.split(' ');
        const e = [verb, rest.join(' ')];
        if (versions.size !== lib.versions.length) e.push(lib.versions.filter((v) => versions.has(v)));
        return e;
      });
  }
  const dynamic = Object.assign({}, ...perVersion.map((v) => v.dynamic));
  return { package: lib.package, versions: lib.versions, chains, dynamic, notDerived };
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

// One library key per block, one chain (or note) per line; keys sorted.
function serialise(result) {
  const lines = ['{', '"libraries": {'];
  const libs = Object.keys(result.libraries).sort();
  libs.forEach((id, i) => {
    const lib = result.libraries[id];
    lines.push(`${JSON.stringify(id)}: {`);
    const keys = Object.keys(lib).sort();
    keys.forEach((k, j) => {
      const comma = j < keys.length - 1 ? ',' : '';
      const v = lib[k];
      if (k === 'chains') {
        lines.push('"chains": {');
        const cs = Object.keys(v);
        cs.forEach((c, n) => lines.push(`${JSON.stringify(c)}: ${JSON.stringify(v[c])}${n < cs.length - 1 ? ',' : ''}`));
        lines.push('}' + comma);
      } else if (k === 'notDerived') {
        lines.push('"notDerived": [');
        v.forEach((s, n) => lines.push(JSON.stringify(s) + (n < v.length - 1 ? ',' : '')));
        lines.push(']' + comma);
      } else {
        lines.push(`${JSON.stringify(k)}: ${JSON.stringify(sortKeys(v))}${comma}`);
      }
    });
    lines.push('}' + (i < libs.length - 1 ? ',' : ''));
  });
  lines.push('}', '}');
  return lines.join('\n') + '\n';
}

main();

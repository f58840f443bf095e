// @hubspot/api-client: method chain → endpoint facts from the published package.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { addEndpoint, cleanPath, METHODS, objectTypeArgs, parse, relative, ts, walk } from './common.mjs';


export function deriveApiClient(root, miss) {
  return existsSync(join(root, 'lib', 'src', 'discovery')) ? deriveDiscovery(root, miss) : deriveFlat(root, miss);
}

// client.apiRequest({ method, path }) sends whatever it is given (default method GET): 6.x+
// src/services/http/Request.js `this.method = this.opts.method || 'GET'`; 3.x–5.x client.js apiRequest
// `method: opts.method || 'GET'`-like defaults through `request`.
const DYNAMIC = { apiRequest: { methodFrom: 'method', pathFrom: 'path', defaultMethod: 'GET' } };

// ---------------------------------------------------------------- 6.x+: discovery classes

function deriveDiscovery(root, miss) {
  const lib = join(root, 'lib');
  const chains = {};
  const args = {};
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
    let typeArgs = {};
    walk(method, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === 'localVarPath' && n.initializer) {
        let e = n.initializer;
        while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) path = e.text;
        typeArgs = objectTypeArgs(n.initializer, method);
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'makeRequestContext') {
        const arg = n.arguments[1];
        if (arg && ts.isPropertyAccessExpression(arg)) verb = arg.name.text;
      }
    });
    return path && verb && METHODS.has(verb) ? [verb, cleanPath(path), typeArgs] : null;
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
    const untyped = [];
    for (const m of cls.members) {
      if (!m.name || !ts.isIdentifier(m.name)) continue;
      const name = m.name.text;
      if (name.startsWith('_') || m.modifiers?.some((x) => [ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.PrivateKeyword].includes(x.kind))) continue;
      if (ts.isMethodDeclaration(m)) {
        if (prefix && name !== 'constructor') helpers.push(name);
        continue;
      }
      const t = ts.isPropertyDeclaration(m) || ts.isGetAccessorDeclaration(m) ? typeName(m.type) : null;
      if (!t) {
        if (ts.isGetAccessorDeclaration(m)) untyped.push(name);
        continue;
      }
      const imp = imports.get(t);
      if (!imp) continue;
      const chain = prefix ? `${prefix}.${name}` : name;
      if (imp.target.includes(`${'/'}codegen${'/'}`)) {
        const api = codegenApiName(imp.target, imp.name);
        const methods = requestFactory(dirname(imp.target), api);
        apis.set(name, methods);
        for (const [mName, [verb, path, typeArgs]] of methods) {
          addEndpoint(chains, `${chain}.${mName}`, verb, path);
          addArgs(args, `${chain}.${mName}`, path, typeArgs);
        }
      } else if (imp.target.includes(`${'/'}discovery${'/'}`)) {
        walkDiscovery(imp.target, imp.name, chain);
      }
    }
    // helper methods of a discovery class (getAll → basicApi.getPage), read from its .js
    if (helpers.length) discoveryHelpers(`${base}.js`, helpers, apis, prefix);
    // 8.0.0 declares the getters `any`: `get owners() { … initObject('crm/owners/OwnersDiscovery', …) }`
    if (untyped.length) untypedGetters(`${base}.js`, untyped, prefix);
  };

  const untypedGetters = (file, names, prefix) => {
    if (!existsSync(file)) return miss(`${relative(lib, file)} missing`);
    const sf = parse(file);
    walk(sf, (n) => {
      if (!ts.isGetAccessorDeclaration(n) || !n.name || !ts.isIdentifier(n.name) || !names.includes(n.name.text)) return;
      let target = null;
      walk(n, (c) => {
        if (target || !ts.isCallExpression(c) || !/initObject/.test(c.expression.getText())) return;
        const a = c.arguments[0];
        if (a && ts.isStringLiteral(a)) target = join(lib, 'src', 'discovery', a.text);
      });
      const chain = prefix ? `${prefix}.${n.name.text}` : n.name.text;
      if (target) walkDiscovery(target, 'default', chain);
      else miss(`${relative(lib, file)} ${chain}: getter typed any and no initObject(…) target`);
    });
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
  return { chains, dynamic: DYNAMIC, args };
}


// ---------------------------------------------------------------- 3.x–5.x: one Client, request-based classes

// Members of the generated classes that configure the instance and send nothing.
const CONFIG_METHODS = new Set(['setDefaultAuthentication', 'setApiKey', 'addInterceptor']);

/** `'/crm/v3/objects/contacts/{contactId}'.replace(…)`, `this.basePath + '/…'` → the literal path. */
export function literalPath(e) {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'replace') e = e.expression.expression;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = ts.isPropertyAccessExpression(e.left) && e.left.name.text === 'basePath' ? '' : literalPath(e.left);
    const right = literalPath(e.right);
    return left === null || right === null ? null : left + right;
  }
  return null;
}

/** One request-based generated method: `localVarPath = this.basePath + '…'` and `method: 'GET'`. */
export function requestOfFlatMethod(method) {
  let path = null;
  let verb = null;
  let typeArgs = {};
  walk(method, (n) => {
    if (path === null && ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === 'localVarPath' && n.initializer) {
      path = literalPath(n.initializer);
      typeArgs = objectTypeArgs(n.initializer, method);
    }
    if (verb === null && ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'method' && ts.isStringLiteral(n.initializer)) verb = n.initializer.text.toUpperCase();
  });
  return path !== null && verb && METHODS.has(verb) ? [verb, cleanPath(path), typeArgs] : null;
}

/** Which argument fills each object-type placeholder of a chain's path (none recorded when it has none). */
function addArgs(args, chain, path, typeArgs) {
  if (!typeArgs || !Object.keys(typeArgs).length) return;
  (args[chain] ??= {})[path] = typeArgs;
}

function deriveFlat(root, miss) {
  const lib = join(root, 'lib');
  const chains = {};
  const args = {};
  const clientFile = join(lib, 'src', 'client.js');
  if (!existsSync(clientFile)) {
    miss('src/client.js missing');
    return { chains, dynamic: DYNAMIC, args };
  }
  const sf = parse(clientFile);

  // const api_8 = require("../codegen/crm/contacts/api")
  const modules = new Map();
  walk(sf, (n) => {
    if (!ts.isVariableDeclaration(n) || !ts.isIdentifier(n.name) || !n.initializer) return;
    let e = n.initializer;
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text !== 'require' && e.arguments[0]) e = e.arguments[0]; // __importStar(require(…))
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require' && e.arguments[0] && ts.isStringLiteral(e.arguments[0])) {
      const spec = e.arguments[0].text;
      if (spec.startsWith('.')) modules.set(n.name.text, resolve(dirname(clientFile), spec));
    }
  });

  // this._contactsBasicApi = new api_8.BasicApi()
  const instances = new Map();
  walk(sf, (n) => {
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    if (!ts.isPropertyAccessExpression(n.left) || n.left.expression.kind !== ts.SyntaxKind.ThisKeyword || !ts.isNewExpression(n.right)) return;
    const callee = n.right.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && modules.has(callee.expression.text)) {
      instances.set(n.left.name.text, { module: modules.get(callee.expression.text), className: callee.name.text });
    }
  });

  const classCache = new Map();
  const classMethods = ({ module, className }) => {
    const key = `${module}#${className}`;
    if (classCache.has(key)) return classCache.get(key);
    const methods = new Map();
    classCache.set(key, methods);
    const candidates = [`${module}.js`, join(module, 'index.js')];
    if (existsSync(module) && !module.endsWith('.js')) {
      try {
        for (const f of readdirSync(module)) if (f.endsWith('.js')) candidates.push(join(module, f));
      } catch {}
    }
    for (const dir of [join(module, 'api'), join(dirname(module), 'api')]) {
      if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.js')) candidates.push(join(dir, f));
    }
    let cls = null;
    let file = null;
    for (const f of candidates) {
      if (!existsSync(f) || !readFileSync(f, 'utf8').includes(`class ${className} `)) continue;
      const csf = parse(f);
      cls = csf.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === className);
      if (cls) (file = f);
      if (cls) break;
    }
    if (!cls) {
      miss(`${relative(lib, module)}: class ${className} not found`);
      return methods;
    }
    for (const m of cls.members) {
      if (!ts.isMethodDeclaration(m) || !m.name || !ts.isIdentifier(m.name) || CONFIG_METHODS.has(m.name.text)) continue;
      const ep = requestOfFlatMethod(m);
      if (ep) methods.set(m.name.text, ep);
      else miss(`${relative(lib, file)} ${className}.${m.name.text}: no localVarPath/method`);
    }
    return methods;
  };

  const thisMember = (e) => (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword ? e.name.text : null);

  const visitLiteral = (obj, prefix) => {
    for (const p of obj.properties) {
      if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
      const name = p.name.getText().replace(/^["']|["']$/g, '');
      const chain = `${prefix}.${name}`;
      const init = ts.isPropertyAssignment(p) ? p.initializer : null;
      if (init && ts.isObjectLiteralExpression(init)) {
        visitLiteral(init, chain);
        continue;
      }
      const inst = init && instances.get(thisMember(init) ?? '');
      if (inst) {
        for (const [m, [verb, path, typeArgs]] of classMethods(inst)) {
          addEndpoint(chains, `${chain}.${m}`, verb, path);
          addArgs(args, `${chain}.${m}`, path, typeArgs);
        }
        continue;
      }
      // helpers: getAll: this._retrieveGetAllFunction(this._contactsBasicApi.getPage.bind(…))
      let found = false;
      if (init) {
        walk(init, (c) => {
          if (!ts.isPropertyAccessExpression(c)) return;
          const api = instances.get(thisMember(c.expression) ?? '');
          const ep = api && classMethods(api).get(c.name.text);
          if (ep) (addEndpoint(chains, chain, ep[0], ep[1]), (found = true));
        });
      }
      if (!found) miss(`${chain}: makes no HTTP request (helper)`);
    }
  };

  // this.crm = { contacts: { basicApi: this._contactsBasicApi, … } } in the Client's constructor
  walk(sf, (n) => {
    if (!ts.isClassDeclaration(n) || n.name?.text !== 'Client') return;
    for (const m of n.members) {
      if (!ts.isConstructorDeclaration(m)) continue;
      walk(m, (c) => {
        if (!ts.isBinaryExpression(c) || c.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isObjectLiteralExpression(c.right)) return;
        const top = thisMember(c.left);
        if (top && !top.startsWith('_') && top !== 'authentications') visitLiteral(c.right, top);
      });
    }
  });
  if (!Object.keys(chains).length) miss('Client constructor: no API objects found');
  return { chains, dynamic: DYNAMIC, args };
}

// hubspot (MadKudu/node-hubspot): method chain → endpoint facts from the published package.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { addEndpoint, cleanPath, METHODS, parse, relative, ts, walk } from './common.mjs';


export function deriveHubspotNpm(root, miss) {
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


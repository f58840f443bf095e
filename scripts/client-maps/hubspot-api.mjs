// hubspot-api (HubSpotWebTeam/hs-node-api): method chain → endpoint facts from dist/bundle.min.js.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addEndpoint, cleanPath, METHODS, parse, ts, walk } from './common.mjs';


export function deriveHubspotApi(root, miss) {
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


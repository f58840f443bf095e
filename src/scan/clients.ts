// Recognise HTTP calls: which client, which argument is the URL, where its options object is.
import type { Client, HttpMethod } from '../model/site.js';
import { ts, chainOf, constInitializer, declarationOf, enclosingScope, getProp, propName, propValue, unwrap, walk } from './ast.js';
import type { Bindings } from './imports.js';
import { bindParameters, evalString, resolveFunction, returnedExpression, type Arguments } from './url.js';

export interface RequestCall {
  call: ts.CallExpression;
  client: Client;
  method: HttpMethod | null;
  /** The URL expression (an argument, or the `url` property of a config object). */
  url: ts.Expression | null;
  /** Index of the argument that is (or would be) the options object carrying `headers`. */
  optionsIndex: number;
  /** True when the options object is the only config (axios(config), request(opts), $.ajax(opts)). */
  configForm: boolean;
  /** Base URL of an axios instance, evaluated. */
  baseURL?: string;
  /**
   * How headers are given: an options object (`headers: {…}`), a statement after the call (`xhr.setRequestHeader`),
   * a call chained on the request (superagent's `.set(name, value)`), or not at all.
   */
  headers: 'options' | 'statement' | 'chain' | 'unsupported';
  /** node http/https options: the URL is `hostname` + `path`. */
  urlParts?: { host?: ts.Expression; path?: ts.Expression; secure: boolean };
  /**
   * A request helper of another module (config-wrappers.ts) sets these headers itself, and the options' own
   * `headers` replace them: a header added to options that have none must carry them along (`unknown`: it cannot).
   */
  defaultHeaders?: Array<[string, string]> | 'unknown' | null;
  /**
   * The options come from a factory this file defines (`rp(options('POST', uri, body))`, `options` returning an
   * object literal): its parameters bound to the call's arguments, to evaluate `url` and the method.
   */
  args?: Arguments;
}

export interface AxiosInstance {
  create: ts.CallExpression;
  config: ts.ObjectLiteralExpression | null;
  baseURL: string | undefined;
}

const FETCH_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'undici', 'make-fetch-happen']);
const REQUEST_MODULES = new Set(['request', 'request-promise', 'request-promise-native', 'requestretry', 'postman-request', 'request-promise-any']);
const VERBS_NO_BODY = new Set(['get', 'delete', 'head', 'options']);
/** The global object's names: `window.fetch(…)` is fetch. */
const GLOBALS = new Set(['window', 'globalThis', 'self', 'global']);
const VERBS_BODY = new Set(['post', 'put', 'patch']);

function verb(name: string): HttpMethod | null {
  const v = name.toUpperCase();
  return v === 'GET' || v === 'POST' || v === 'PUT' || v === 'PATCH' || v === 'DELETE' ? v : v === 'DEL' ? 'DELETE' : null;
}

export function methodFrom(obj: ts.Expression | undefined, fallback: HttpMethod | null, args?: Arguments): HttpMethod | null {
  if (!obj) return fallback;
  obj = unwrap(obj);
  if (!ts.isObjectLiteralExpression(obj)) return fallback;
  const m = propValue(getProp(obj, 'method')) ?? propValue(getProp(obj, 'type'));
  if (!m) return fallback;
  const s = evalString(m, 0, args);
  return s.includes('{}') ? null : verb(s);
}

function moduleOf(name: string, bindings: Bindings): string | null {
  return bindings.get(name)?.module ?? null;
}

/** Is `name` an axios instance (`const x = axios.create(…)`)? */
export function axiosInstanceOf(e: ts.Expression, bindings: Bindings): AxiosInstance | null {
  e = unwrap(e);
  let init: ts.Expression | null = null;
  if (ts.isIdentifier(e)) init = constInitializer(e) ?? soleAssignment(e);
  // `this.api`, assigned `axios.create(…)` in the enclosing class (constructor or field)
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) init = classMemberValue(e);
  if (!init || !ts.isCallExpression(init)) return null;
  const chain = chainOf(init.expression);
  if (!chain || chain.length !== 2 || chain[1] !== 'create') return null;
  if (!(chain[0] === 'axios' || moduleOf(chain[0], bindings) === 'axios')) return null;
  const a0 = init.arguments[0] ? unwrap(init.arguments[0]) : undefined;
  const config = a0 && ts.isObjectLiteralExpression(a0) ? a0 : null;
  const b = config ? propValue(getProp(config, 'baseURL')) ?? propValue(getProp(config, 'baseUrl')) : undefined;
  return { create: init, config, baseURL: b ? evalString(b) : undefined };
}

/** `let hs; function init() { hs = axios.create(…) }`: the one value a variable declared without one is assigned. */
function soleAssignment(id: ts.Identifier): ts.Expression | null {
  const decl = declarationOf(id);
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer || !ts.isIdentifier(decl.name)) return null;
  const values: ts.Expression[] = [];
  walk(enclosingScope(decl), (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && n.left.text === id.text) values.push(unwrap(n.right));
  });
  return values.length === 1 ? values[0] : null;
}

/** The one value the enclosing class gives `this.x` (a field initialiser or `this.x = …`); null when none or several. */
function classMemberValue(e: ts.PropertyAccessExpression): ts.Expression | null {
  let cls: ts.Node | undefined = e.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return null;
  const name = e.name.text;
  const values: ts.Expression[] = [];
  walk(cls, (n) => {
    if (ts.isPropertyDeclaration(n) && n.initializer && n.parent === cls && propName(n.name) === name) values.push(unwrap(n.initializer));
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)
      && n.left.expression.kind === ts.SyntaxKind.ThisKeyword && n.left.name.text === name) values.push(unwrap(n.right));
  });
  return values.length === 1 ? values[0] : null;
}

function isAxios(name: string, bindings: Bindings): boolean {
  return name === 'axios' || moduleOf(name, bindings) === 'axios';
}

/** Recognise `call` as an HTTP request, or return null. */
export function recogniseRequest(call: ts.CallExpression, bindings: Bindings): RequestCall | null {
  const chain = chainOf(call.expression);
  if (!chain) return null;
  const args = call.arguments;
  const a0 = args[0] ? unwrap(args[0]) : undefined;
  const last = chain[chain.length - 1];
  const root = chain[0];
  const base = (client: Client, method: HttpMethod | null, url: ts.Expression | null, optionsIndex: number, configForm = false): RequestCall =>
    ({ call, client, method, url, optionsIndex, configForm, headers: 'options' });

  // fetch(url, init), window.fetch, $.fetch, node-fetch aliases
  // a client is known by what it is bound to, never by a method's name alone: `cache.fetch(url, { ttl })` is no fetch
  if ((last === 'fetch' && (chain.length === 1 ? !bindings.has('fetch') || FETCH_MODULES.has(moduleOf('fetch', bindings) ?? '')
    : chain.length === 2 && (GLOBALS.has(root) || (root === 'this' && FETCH_MODULES.has(moduleOf('this.fetch', bindings) ?? '')) || memberFetch(call, bindings))))
    || (chain.length === 1 && FETCH_MODULES.has(moduleOf(root, bindings) ?? ''))) {
    return base('fetch', methodFrom(args[1], 'GET'), args[0] ?? null, 1);
  }
  // axios
  if (chain.length === 1 && isAxios(root, bindings)) {
    const config = configArg(args[0]);
    if (config) {
      return { ...base('axios', methodFrom(config.obj, 'GET', config.args), propValue(getProp(config.obj, 'url')) ?? null, 0, true), ...withArgs(config) };
    }
    return base('axios', methodFrom(args[1], 'GET'), args[0] ?? null, 1);
  }
  // this.api.get(…) where the class holds `this.api = axios.create(…)`
  const callee = unwrap(call.expression);
  if (chain.length === 3 && root === 'this' && ts.isPropertyAccessExpression(callee)) {
    const inst = axiosInstanceOf(callee.expression, bindings);
    const r = inst ? axiosVerb(call, last) : null;
    if (r && inst) { if (inst.baseURL) r.baseURL = inst.baseURL; return r; }
  }
  if (chain.length === 2) {
    const owner = unwrap((call.expression as ts.PropertyAccessExpression).expression ?? call.expression);
    const inst = ts.isPropertyAccessExpression(unwrap(call.expression)) ? axiosInstanceOf(owner, bindings) : null;
    if (isAxios(root, bindings) || inst) {
      const r = axiosVerb(call, last);
      if (r) {
        if (inst?.baseURL) r.baseURL = inst.baseURL;
        return r;
      }
    }
    // got
    if (moduleOf(root, bindings) === 'got' && (VERBS_NO_BODY.has(last) || VERBS_BODY.has(last))) {
      return base('got', verb(last), args[0] ?? null, 1);
    }
    // request family
    if (REQUEST_MODULES.has(moduleOf(root, bindings) ?? '') && (VERBS_NO_BODY.has(last) || VERBS_BODY.has(last) || last === 'del')) {
      return requestForm(call, verb(last));
    }
    // node https/http
    const m = moduleOf(root, bindings) ?? root;
    if ((m === 'https' || m === 'http' || m === 'node:https' || m === 'node:http') && (last === 'get' || last === 'request')) {
      const r = base('node-http', last === 'get' ? 'GET' : methodFrom(args[1], null), args[0] ?? null, 1);
      // https.request({ hostname, path, method }, cb), also through `const options = { … }`
      const opts = objectArg(args[0]);
      if (opts) {
        r.configForm = true;
        r.optionsIndex = 0;
        r.url = null;
        r.method = methodFrom(opts, 'GET');
        r.urlParts = { host: propValue(getProp(opts, 'hostname')) ?? propValue(getProp(opts, 'host')), path: propValue(getProp(opts, 'path')), secure: m.endsWith('https') };
      }
      return r;
    }
    // jQuery
    if ((root === '$' || root === 'jQuery') && last === 'ajax' && a0 && ts.isObjectLiteralExpression(a0)) {
      return base('jquery', methodFrom(a0, 'GET'), propValue(getProp(a0, 'url')) ?? null, 0, true);
    }
    // Zapier
    if (root === 'z' && last === 'request') {
      // z.request({ url, … }), also `const options = { url, … }; z.request(options)`
      const cfg = configArg(args[0]);
      if (cfg) return { ...base('zapier', methodFrom(cfg.obj, 'GET', cfg.args), propValue(getProp(cfg.obj, 'url')) ?? null, 0, true), ...withArgs(cfg) };
      return base('zapier', methodFrom(args[1], 'GET'), args[0] ?? null, 1);
    }
  }
  // needle.get(url, options, cb) / needle.post(url, data, options, cb) / needle.request(method, url, data, options, cb)
  if (chain.length === 2 && moduleOf(root, bindings) === 'needle') {
    if (last === 'get' || last === 'head' || last === 'delete') return base('needle', verb(last), args[0] ?? null, 1);
    if (last === 'post' || last === 'put' || last === 'patch') return base('needle', verb(last), args[0] ?? null, 2);
    if (last === 'request') return base('needle', literalVerb(a0), args[1] ?? null, 3);
  }
  // needle(method, url, data, options)
  if (chain.length === 1 && moduleOf(root, bindings) === 'needle') return base('needle', literalVerb(a0), args[1] ?? null, 3);
  // ky(url, options) / ky.get(url, options)
  if (KY_MODULES.has(moduleOf(root, bindings) ?? '')) {
    if (chain.length === 1) return base('ky', methodFrom(args[1], 'GET'), args[0] ?? null, 1);
    if (chain.length === 2 && (VERBS_NO_BODY.has(last) || VERBS_BODY.has(last))) return base('ky', verb(last), args[0] ?? null, 1);
  }
  // superagent.get(url), agent.post(url): the header is chained on (`.set('Authorization', …)`)
  if (chain.length === 2 && SUPERAGENT_VERBS.has(last) && isSuperagentRoot(unwrap((unwrap(call.expression) as ts.PropertyAccessExpression).expression), bindings)) {
    return { call, client: 'superagent', method: last === 'del' ? 'DELETE' : verb(last), url: args[0] ?? null, optionsIndex: -1, configForm: false, headers: 'chain' };
  }
  // XMLHttpRequest: xhr.open(method, url) where `xhr = new XMLHttpRequest()`
  if (chain.length === 2 && last === 'open' && isXhr(unwrap((unwrap(call.expression) as ts.PropertyAccessExpression).expression))) {
    const m = a0 && (ts.isStringLiteral(a0) || ts.isNoSubstitutionTemplateLiteral(a0)) ? verb(a0.text) : null;
    return { call, client: 'xhr', method: m, url: args[1] ?? null, optionsIndex: -1, configForm: false, headers: 'statement' };
  }
  // got(url, opts), request(url|opts, …)
  if (chain.length === 1 && moduleOf(root, bindings) === 'got') return base('got', methodFrom(args[1], 'GET'), args[0] ?? null, 1);
  if (chain.length === 1 && REQUEST_MODULES.has(moduleOf(root, bindings) ?? '')) return requestForm(call, null);
  return null;
}

const KY_MODULES = new Set(['ky', 'ky-universal']);

/** A method given as a string literal (`needle('post', url)`), or null. */
function literalVerb(e: ts.Expression | undefined): HttpMethod | null {
  return e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? verb(e.text) : null;
}

const SUPERAGENT_VERBS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head']);

/** Modules whose request builders are superagent's (`.query`, `.set`, `.end`). */
const SUPERAGENT_MODULES = new Set(['superagent', 'supertest', 'superagent-use', 'superagent-defaults', 'superagent-bluebird-promise', 'superagent-promise', 'chai-http', 'segmentio-integration']);

/** Whether a request chain starts from superagent (an import of it, an agent of it, or a framework built on it). */
export function isSuperagentRoot(root: ts.Expression, bindings: Bindings): boolean {
  const bound = (name: string): boolean => SUPERAGENT_MODULES.has(bindings.get(name)?.module ?? '');
  // `this.get(url)` inside an integration built with segmentio-integration (a superagent wrapper)
  if (root.kind === ts.SyntaxKind.ThisKeyword) return [...bindings.values()].some((b) => b.module === 'segmentio-integration');
  if (ts.isIdentifier(root)) {
    if (bound(root.text)) return true;
    // const agent = superagent.agent() / request.agent(app)
    const init = constInitializer(root);
    const chain = init ? chainOf(ts.isCallExpression(init) ? init.expression : init) : null;
    return !!chain && bound(chain[0]);
  }
  // request(app).get(…) with supertest, chai.request(app)
  if (ts.isCallExpression(root)) {
    const chain = chainOf(root.expression);
    return !!chain && bound(chain[0]);
  }
  return false;
}

function isXhr(e: ts.Expression): boolean {
  if (!ts.isIdentifier(e)) return false;
  const init = constInitializer(e);
  return !!init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'XMLHttpRequest';
}

function axiosVerb(call: ts.CallExpression, name: string): RequestCall | null {
  const args = call.arguments;
  if (name === 'request') {
    const a0 = args[0] ? unwrap(args[0]) : undefined;
    if (a0 && ts.isObjectLiteralExpression(a0)) {
      return { call, client: 'axios', method: methodFrom(a0, 'GET'), url: propValue(getProp(a0, 'url')) ?? null, optionsIndex: 0, configForm: true, headers: 'options' };
    }
    return null;
  }
  if (VERBS_NO_BODY.has(name)) return { call, client: 'axios', method: verb(name), url: args[0] ?? null, optionsIndex: 1, configForm: false, headers: 'options' };
  if (VERBS_BODY.has(name)) return { call, client: 'axios', method: verb(name), url: args[0] ?? null, optionsIndex: 2, configForm: false, headers: 'options' };
  return null;
}

/** An options object given directly or through a constant (`const options = { … }; request(options)`). */
function objectArg(e: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!e) return undefined;
  const u = unwrap(e);
  if (ts.isObjectLiteralExpression(u)) return u;
  const init = ts.isIdentifier(u) ? constInitializer(u) : null;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

/**
 * A config object given as such (`objectArg`), or returned by a factory this file defines (`options('POST', uri)`)
 * with the factory's parameters bound to the call's arguments.
 */
function configArg(e: ts.Expression | undefined): { obj: ts.ObjectLiteralExpression; args?: Arguments } | undefined {
  const given = objectArg(e);
  if (given) return { obj: given };
  const u = e ? unwrap(e) : undefined;
  if (!u || !ts.isCallExpression(u)) return undefined;
  const fn = resolveFunction(u.expression);
  const body = fn ? returnedExpression(fn) : null;
  const obj = body ? unwrap(body) : null;
  return fn && obj && ts.isObjectLiteralExpression(obj) ? { obj, args: bindParameters(fn, u.arguments, undefined) } : undefined;
}

/** The `args` field of a request whose config a factory made. */
function withArgs(cfg: { args?: Arguments }): Pick<RequestCall, 'args'> {
  return cfg.args ? { args: cfg.args } : {};
}

function requestForm(call: ts.CallExpression, method: HttpMethod | null): RequestCall {
  const args = call.arguments;
  const cfg = configArg(args[0]);
  if (cfg) {
    const url = propValue(getProp(cfg.obj, 'url')) ?? propValue(getProp(cfg.obj, 'uri')) ?? null;
    const r: RequestCall = { call, client: 'request', method: methodFrom(cfg.obj, method ?? 'GET', cfg.args), url, optionsIndex: 0, configForm: true, headers: 'options', ...withArgs(cfg) };
    // request's `baseUrl` option: `{ baseUrl: 'https://api.hubapi.com', uri: '/contacts/v1/…' }`
    const base = propValue(getProp(cfg.obj, 'baseUrl'));
    if (base) r.baseURL = evalString(base, 0, cfg.args);
    return r;
  }
  return { call, client: 'request', method: methodFrom(args[1], method ?? 'GET'), url: args[0] ?? null, optionsIndex: 1, configForm: false, headers: 'options' };
}

/** The options object literal of a request, when it is one. */
export function optionsObject(req: RequestCall): ts.ObjectLiteralExpression | null {
  const a = req.call.arguments[req.optionsIndex];
  if (!a) return null;
  const u = unwrap(a);
  return ts.isObjectLiteralExpression(u) ? u : null;
}

/**
 * `$.fetch(…)` where `$ = new Common()` and `Common` comes from a file of this repository that binds
 * `this.fetch = require('node-fetch')` (the scan keys such members `.fetch`, `imported` holding those files' stems).
 */
function memberFetch(call: ts.CallExpression, bindings: Bindings): boolean {
  const member = bindings.get('.fetch');
  if (!member || !FETCH_MODULES.has(member.module)) return false;
  const owner = unwrap((unwrap(call.expression) as ts.PropertyAccessExpression).expression);
  const init = ts.isIdentifier(owner) ? constInitializer(owner) : null;
  if (!init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) return false;
  const cls = bindings.get(init.expression.text);
  const stem = cls ? cls.module.split('/').pop()!.replace(/\.[^.]+$/, '') : null;
  return !!stem && member.imported.split('|').includes(stem);
}

// A call made through a client value (an SDK client, an axios instance, a `request.defaults` instance) → the HTTP
// requests it makes: SDK method chains through the libraries' maps, `apiRequest({ method, path })` and instance
// verbs (`api.get('/crm/v3/…')`) through the evaluated arguments and the instance's base URL.
import type { Client, HttpMethod, RequestInfo } from '../model/site.js';
import { libraryCall, lifecycleFor, objectTypeArguments, scopesFor } from '../scopes/index.js';
import { ts, constInitializer, getProp, lineCol, propValue, unwrap } from './ast.js';
import { methodFrom, type RequestCall } from './clients.js';
import type { Lib } from './library-names.js';
import type { ReceiverCall } from './receivers.js';
import { evalString, hostAndPath, joinUrl } from './url.js';
import { fillObjectTypes, type ArgContext } from './object-type-args.js';
import { bodyObjectTypes, objectTypesOfBody } from './body-types.js';

/** What kind of client a key configures (pure data: it travels to the link stage). */
export type ClientKind =
  /** `version`: the library version package.json asks for (its methods map to that version's endpoints). */
  | { kind: 'sdk'; lib: Lib; version?: string }
  | { kind: 'axios'; baseURL?: string }
  | { kind: 'request'; baseUrl?: string }
  | { kind: 'got'; prefixUrl?: string }
  /** Every `z.request` of a Zapier app (a `beforeRequest` middleware adds the key to each). */
  | { kind: 'zapier' }
  /**
   * A function or method of the repository that adds the key to the config it is given and sends it
   * (`request(config) { config.params = { …, hapikey }; return axios(config) }`): each call of `member` through the
   * value (the function itself when null) is a request, its argument `index` the config (see wrapper-methods.ts).
   */
  | {
    kind: 'wrapper'; member: string | null; index: number; http: 'axios' | 'request'; baseURL?: string;
    /** For a method: its class, and the members of it that hold an object built with the instance (`objects = new Objects(this)` → `{ objects: 'Objects' }`). */
    cls?: string; holders?: Record<string, string>;
  };

/** A request with the host it goes to (for the not-HubSpot check) and, when its endpoint is unknown, why. */
export type HostedRequest = RequestInfo & { host?: string | null; unresolved?: string | null };

const SDK_CLIENT: Record<Lib, Client> = { 'hubspot-api-client': 'hubspot-api-client', hubspot: 'hubspot', 'hubspot-api': 'hubspot-api' };
/** Calls on an SDK client that configure it and send nothing. */
const SDK_SETUP = /^(setApiKey|setAccessToken|setDeveloperApiKey|setOAuthToken|refreshAccessToken|config|init|on|use|then|catch|bind|call|apply|toString)$/;
const VERBS: Record<string, HttpMethod> = { get: 'GET', delete: 'DELETE', del: 'DELETE', head: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH' };
const BODY_VERBS = new Set(['post', 'put', 'patch']);

export function requestInfo(client: Client, method: HttpMethod | null, path: string | null, line: number, call?: string, objectType?: string | readonly string[]): HostedRequest {
  const m = scopesFor(method, path, objectType);
  const info: HostedRequest = { file: '', line, client, method, path, scopes: m.scopes, lifecycle: lifecycleFor(method, path) };
  if (call) info.call = call;
  if (m.uncertain.length) info.scopesUncertain = m.uncertain;
  return info;
}

/**
 * The requests one call through a client makes (empty when the call sends nothing, e.g. `api.interceptors.request.use`).
 * `ctx`: where the link stage finds functions of other modules (an object type built by an imported helper).
 */
export function requestsOfCall(kind: ClientKind, rc: ReceiverCall, ctx?: ArgContext): HostedRequest[] {
  const sf = rc.call.getSourceFile();
  const line = lineCol(sf, rc.call.getStart(sf)).line;
  if (kind.kind === 'sdk') return sdkRequests(kind.lib, rc, line, kind.version, ctx);
  if (kind.kind === 'zapier') return zapierRequests(rc, line);
  if (kind.kind === 'wrapper') return wrapperRequests(kind, rc, line);
  return httpRequests(kind, rc, line);
}

function sdkRequests(lib: Lib, rc: ReceiverCall, line: number, version?: string, ctx?: ArgContext): HostedRequest[] {
  const client = SDK_CLIENT[lib];
  if (!rc.chain.length || SDK_SETUP.test(rc.chain[rc.chain.length - 1])) return [];
  const chain = rc.chain.join('.');
  if (rc.chain[rc.chain.length - 1] === 'apiRequest' || rc.chain[rc.chain.length - 1] === 'request') {
    const a0 = rc.call.arguments[0] ? unwrap(rc.call.arguments[0]) : undefined;
    if (a0 && ts.isObjectLiteralExpression(a0)) {
      const pathExpr = propValue(getProp(a0, 'path')) ?? propValue(getProp(a0, 'url')) ?? propValue(getProp(a0, 'uri'));
      const method = methodFrom(a0, 'GET');
      if (pathExpr) {
        const hp = hostAndPath(evalString(pathExpr));
        if (hp.path) return [{ ...requestInfo(client, method, hp.path, line, chain, objectTypesOfBody(propValue(getProp(a0, 'body')), method, hp.path)), host: hp.host }];
      }
      return [unresolved(client, method, line, chain, 'dynamic-path')];
    }
  }
  const found = libraryCall(lib, chain, version ? { version } : {});
  if (!found.endpoints.length) {
    // an unknown method: its API family's scopes as uncertain candidates (crm.owners.* → owners), never nothing
    const info = unresolved(client, null, line, chain, 'unknown-method');
    if (found.uncertainScopes.length) info.scopesUncertain = found.uncertainScopes;
    return [info];
  }
  // object types named by the arguments (`associationsApi.getAll(id, 'company')`) fill the path
  const typeArgs = lib === 'hubspot-api-client' ? objectTypeArguments(lib, chain) : {};
  return found.endpoints.map((ep) => {
    const { display, lookup } = fillObjectTypes(ep.path, typeArgs, rc.call.arguments, ctx);
    return { ...requestInfo(client, ep.method, lookup, line, chain), path: display, lifecycle: lifecycleFor(ep.method, display) };
  });
}

function httpRequests(kind: Extract<ClientKind, { kind: 'axios' | 'request' | 'got' }>, rc: ReceiverCall, line: number): HostedRequest[] {
  const client: Client = kind.kind;
  const base = kind.kind === 'axios' ? kind.baseURL : kind.kind === 'got' ? kind.prefixUrl : kind.baseUrl;
  const args = rc.call.arguments;
  let method: HttpMethod | null = null;
  let url: ts.Expression | undefined;
  /** A config without a URL: the request goes to the instance's base URL (`hs({ method: 'post', data })`). */
  let toBase = false;
  if (rc.chain.length === 0 || (rc.chain.length === 1 && rc.chain[0] === 'request')) {
    // api(config) / api(url, config) / api.request(config)
    const a0 = args[0] ? unwrap(args[0]) : undefined;
    if (a0 && ts.isObjectLiteralExpression(a0)) {
      url = propValue(getProp(a0, 'url')) ?? propValue(getProp(a0, 'uri'));
      method = methodFrom(a0, 'GET');
      toBase = !url && !a0.properties.some((p) => ts.isSpreadAssignment(p)) && base !== undefined;
    } else {
      url = args[0];
      method = methodFrom(args[1], 'GET');
    }
  } else if (rc.chain.length === 1 && VERBS[rc.chain[0]]) {
    url = args[0];
    method = VERBS[rc.chain[0]];
    // request's verbs also take the options first: `hs.post({ uri, body })`
    const a0 = args[0] ? unwrap(args[0]) : undefined;
    if (kind.kind === 'request' && a0 && ts.isObjectLiteralExpression(a0)) url = propValue(getProp(a0, 'uri')) ?? propValue(getProp(a0, 'url'));
    if (kind.kind === 'request') method = methodFrom(args[1], method);
    void BODY_VERBS;
  } else {
    return [];
  }
  if (!url && !toBase) return [unresolved(client, method, line, undefined, 'dynamic-path')];
  let s = url ? evalString(url) : '';
  if (base !== undefined && !/^[a-z]+:\/\//i.test(s)) s = joinUrl(base, s);
  const hp = hostAndPath(s);
  if (!hp.path) return [{ ...unresolved(client, method, line, undefined, 'dynamic-path'), host: hp.host }];
  return [{ ...requestInfo(client, method, hp.path, line), host: hp.host }];
}

/** `z.request(url, options)`, `z.request({ url, method })`, `z.request(options)` with `const options = { … }`. */
function zapierRequests(rc: ReceiverCall, line: number): HostedRequest[] {
  const [a0, a1] = [objectOf(rc.call.arguments[0]), objectOf(rc.call.arguments[1])];
  const url = a0 ? propValue(getProp(a0, 'url')) : rc.call.arguments[0];
  const method = methodFrom(a0 ?? a1, 'GET');
  if (!url) return [unresolved('zapier', method, line, undefined, 'dynamic-path')];
  const hp = hostAndPath(evalString(url));
  if (!hp.path) return [{ ...unresolved('zapier', method, line, undefined, 'dynamic-path'), host: hp.host }];
  return [{ ...requestInfo('zapier', method, hp.path, line), host: hp.host }];
}

/** `client.request({ method, url })` through a request wrapper: the config says where it goes; other calls send nothing here. */
function wrapperRequests(kind: Extract<ClientKind, { kind: 'wrapper' }>, rc: ReceiverCall, line: number): HostedRequest[] {
  if (rc.chain.join('.') !== (kind.member ?? '')) return [];
  const cfg = objectOf(rc.call.arguments[kind.index]);
  const url = cfg ? propValue(getProp(cfg, 'url')) ?? propValue(getProp(cfg, 'uri')) : undefined;
  const method = methodFrom(cfg, 'GET');
  if (!url) return [unresolved(kind.http, cfg ? method : null, line, undefined, 'dynamic-path')];
  let s = evalString(url);
  if (kind.baseURL !== undefined && !/^[a-z]+:\/\//i.test(s)) s = joinUrl(kind.baseURL, s);
  const hp = hostAndPath(s);
  // `this.request({ url: path })` inside `get(path)`: nothing of the path is known here (its callers say it)
  if (!hp.path || /^(\/\{\})+$/.test(hp.path)) return [{ ...unresolved(kind.http, method, line, undefined, 'dynamic-path'), host: hp.host }];
  return [{ ...requestInfo(kind.http, method, hp.path, line), host: hp.host }];
}

function objectOf(e: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const u = e ? unwrap(e) : undefined;
  const v = u && ts.isIdentifier(u) ? constInitializer(u) ?? u : u;
  return v && ts.isObjectLiteralExpression(v) ? v : undefined;
}

function unresolved(client: Client, method: HttpMethod | null, line: number, call: string | undefined, why: string): HostedRequest {
  const info: HostedRequest = { file: '', line, client, method, path: null, scopes: [], lifecycle: null, unresolved: why };
  if (call) info.call = call;
  return info;
}

/** The request a recognised HTTP call makes: its URL evaluated (with an instance's base URL), method and scopes. */
export function requestOf(req: RequestCall): HostedRequest {
  const sf = req.call.getSourceFile();
  let url = req.url ? evalString(req.url, 0, req.args) : null;
  if (url === null && req.urlParts?.path) url = `${req.urlParts.secure ? 'https' : 'http'}://${req.urlParts.host ? evalString(req.urlParts.host) : '{}'}${evalString(req.urlParts.path)}`;
  if (url !== null && req.baseURL !== undefined && !/^[a-z]+:\/\//i.test(url)) url = joinUrl(req.baseURL, url);
  const hp = url === null ? { host: null, path: null } : hostAndPath(url);
  const line = lineCol(sf, req.call.getStart(sf)).line;
  // the object types the body associates (engagements v1 `associations.companyIds`) when the scopes follow them
  const info = hp.path === null ? unresolved(req.client, req.method, line, undefined, url === null ? 'no-url' : 'dynamic-path')
    : requestInfo(req.client, req.method, hp.path, line, undefined, bodyObjectTypes(req, req.method, hp.path));
  info.host = hp.host;
  return info;
}

// The verify stage: ask HubSpot which scopes the new token has and set them against the scopes the scan found.
// Runs after the scopes stage; knows the scan only through the required scopes and each site's id, status and
// request scopes. The token is used for the requests and nowhere else: the result carries its mask and fingerprint.
import type { Site } from '../model/site.js';
import type { Probe, Verification, VerificationMethod } from '../model/verification.js';
import { fingerprint, maskSecret } from '../scan/text/secret.js';
import { activeOf, categoryOf, hubIdOf, requiredScopesOf, scopesOf } from './bodies.js';
import { compareScopes, sitesNeeding } from './compare.js';
import { createHttp, HttpFailure, type Http, type HttpResponse } from './http.js';
import { failureMessage, legacyKey, notActive, notJson, rateLimited, rejected, unexpected, type MessageContext } from './messages.js';
import { methodForToken } from './method.js';
import { planProbes } from './probes.js';

export { methodForToken } from './method.js';
export { planProbes } from './probes.js';
export { compareScopes, sitesNeeding } from './compare.js';
export { createHttp, HttpFailure, type Http } from './http.js';

export { DEFAULT_API_BASE } from './api-base.js';

export interface VerifyOptions {
  token: string;
  /** e.g. https://api.hubapi.com (no trailing slash needed). */
  apiBase: string;
  /** Environment variable the token came from (for messages). */
  tokenEnv: string;
  /** An OAuth app's credentials, for HubSpot's 2026-03 introspection endpoint (it needs them). */
  oauthClient?: { id: string; secret: string };
  /** Per-request timeout and whole-check budget, in ms (defaults: 10 s, 30 s). */
  timeoutMs?: number;
  budgetMs?: number;
}

export interface VerifyInput extends VerifyOptions {
  required: readonly string[];
  /** Scopes the code may need (report.scopes.uncertain): never `extra`; noted when the token lacks them. */
  uncertain?: readonly string[];
  sites: ReadonlyArray<Pick<Site, 'id' | 'status' | 'requests'>>;
}

const LEGACY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown inside the check to stop it with one sentence. */
class Stop extends Error {}

interface Scopes { scopes: string[]; hubId: number | null }

export async function verifyToken(input: VerifyInput, http: Http = createHttp(input.apiBase, { timeoutMs: input.timeoutMs, budgetMs: input.budgetMs })): Promise<Verification> {
  const token = input.token.trim();
  const ctx: MessageContext = { host: hostOf(input.apiBase), tokenEnv: input.tokenEnv };
  const sites = sitesNeeding(input.sites);
  const required = [...new Set(input.required)].sort();
  const v: Verification = {
    method: methodForToken(token),
    token: { masked: maskSecret(token), fingerprint: fingerprint(token) },
    granted: [], missing: [], unverified: [], extra: [], error: null, hubId: null, notes: [], probes: [],
  };
  const call = async (what: string, req: Parameters<Http>[0]): Promise<HttpResponse> => {
    try {
      return await http(req);
    } catch (e) {
      if (e instanceof HttpFailure) throw new Stop(failureMessage(e, ctx));
      throw e;
    }
  };
  try {
    // a legacy account API key (UUID) put where the token belongs: dead since 2022-11-30, never sent anywhere
    if (LEGACY_KEY.test(token)) throw new Stop(legacyKey(ctx));
    let found: Scopes | null = null;
    if (v.method === 'private-app-info') found = await privateAppInfo(token, call, ctx, v);
    else if (v.method === 'oauth-introspect') found = await oauthIntrospect(token, input.oauthClient, call, ctx, v);
    if (found) {
      v.hubId = found.hubId;
      const c = compareScopes(required, found.scopes, sites);
      const maybe = compareScopes(input.uncertain ?? [], found.scopes, new Map());
      Object.assign(v, { granted: c.granted, missing: c.missing, extra: c.extra.filter((s) => !maybe.granted.includes(s) && !(input.uncertain ?? []).includes(s)) });
      v.notes.push(...c.notes);
      if (maybe.missing.length) v.notes.push(`The token lacks ${maybe.missing.map((m) => m.scope).join(', ')}, which the code may need (see "Scopes that may be needed").`);
    } else {
      v.method = 'read-probes';
      await readProbes(token, required, sites, call, ctx, v);
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    v.error = scrub(e.message, token);
    // whatever was not decided stays unverified
    const decided = new Set([...v.granted, ...v.missing.map((m) => m.scope), ...v.unverified]);
    v.unverified = [...v.unverified, ...required.filter((s) => !decided.has(s))].sort();
  }
  v.notes = v.notes.map((n) => scrub(n, token));
  return v;
}

type Call = (what: string, req: Parameters<Http>[0]) => Promise<HttpResponse>;

/** A 400/404/410 from an introspection endpoint: it does not know this kind of token (fall back to probes). */
const unknownToken = (status: number): boolean => status === 400 || status === 404 || status === 410;

function judge(res: HttpResponse, what: string, ctx: MessageContext): void {
  if (res.status === 401) throw new Stop(rejected(ctx));
  if (res.status === 429) throw new Stop(rateLimited(ctx));
  if (res.status < 200 || res.status >= 300) throw new Stop(unexpected(ctx, what, res.status));
  if (res.json === undefined) throw new Stop(notJson(ctx, what));
}

async function privateAppInfo(token: string, call: Call, ctx: MessageContext, v: Verification): Promise<Scopes | null> {
  const what = 'private-app token info request';
  // the documented body is { tokenKey }; the Authorization header is sent as well (integrations report EU tokens need it)
  const res = await call(what, {
    method: 'POST',
    path: '/oauth/v2/private-apps/get/access-token-info',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ tokenKey: token }),
  });
  if (unknownToken(res.status)) {
    v.notes.push(`HubSpot's private-app token info answered HTTP ${res.status} (not a private-app token?): checked by read probes instead.`);
    return null;
  }
  judge(res, what, ctx);
  const scopes = scopesOf(res.json);
  if (!scopes) throw new Stop(notJson(ctx, what));
  return { scopes, hubId: hubIdOf(res.json) };
}

async function oauthIntrospect(token: string, client: VerifyOptions['oauthClient'], call: Call, ctx: MessageContext, v: Verification): Promise<Scopes | null> {
  if (client) {
    const what = 'token introspection request';
    const res = await call(what, {
      method: 'POST',
      path: '/oauth/2026-03/token/introspect',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, token_type_hint: 'access_token', client_id: client.id, client_secret: client.secret }).toString(),
    });
    if (!unknownToken(res.status)) {
      judge(res, what, ctx);
      if (activeOf(res.json) === false) throw new Stop(notActive(ctx));
      const scopes = scopesOf(res.json);
      if (scopes) return { scopes, hubId: hubIdOf(res.json) };
      v.notes.push('The 2026-03 introspection answer listed no scopes: asked the v1 token endpoint too.');
    } else {
      v.notes.push(`The 2026-03 introspection endpoint answered HTTP ${res.status}: asked the v1 token endpoint instead.`);
    }
  } else {
    v.notes.push('Used the OAuth v1 token endpoint, which HubSpot shuts off on 2027-02-16; set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET (your app\'s) to use the 2026-03 introspection endpoint.');
  }
  const what = 'OAuth token metadata request';
  const res = await call(what, { method: 'GET', path: `/oauth/v1/access-tokens/${encodeURIComponent(token)}` });
  if (unknownToken(res.status)) {
    v.notes.push(`HubSpot's OAuth token endpoint answered HTTP ${res.status} (not an OAuth access token?): checked by read probes instead.`);
    return null;
  }
  judge(res, what, ctx);
  const scopes = scopesOf(res.json);
  if (!scopes) throw new Stop(notJson(ctx, what));
  return { scopes, hubId: hubIdOf(res.json) };
}

async function readProbes(token: string, required: string[], sites: Map<string, string[]>, call: Call, ctx: MessageContext, v: Verification): Promise<void> {
  const plan = planProbes(required);
  const unverified = new Set<string>();
  const writes = plan.unprobeable.filter((u) => u.why === 'write-scope').map((u) => u.scope);
  const noRead = plan.unprobeable.filter((u) => u.why === 'no-single-scope-read').map((u) => u.scope);
  for (const s of [...writes, ...noRead]) unverified.add(s);
  if (writes.length) v.notes.push(`Not verified without writing (read probes only): ${writes.join(', ')}.`);
  if (noRead.length) v.notes.push(`No read-only call needs exactly ${noRead.length === 1 ? 'this scope' : 'these scopes'}, so ${noRead.length === 1 ? 'it was' : 'they were'} not verified: ${noRead.join(', ')}.`);
  v.notes.push('Read probes cannot list the token\'s other scopes: `extra` is empty.');
  v.unverified = [...unverified].sort();
  for (const p of plan.probes) {
    const probe: Probe = { scope: p.scope, path: p.path, status: null, result: 'inconclusive', alsoAccepts: p.alsoAccepts };
    v.probes.push(probe);
    const res = await call('read probe', { method: 'GET', path: p.path, headers: { authorization: `Bearer ${token}` } });
    probe.status = res.status;
    if (res.status === 401) throw new Stop(rejected(ctx));
    if (res.status === 429) throw new Stop(rateLimited(ctx));
    if (res.status >= 200 && res.status < 300 && p.alsoAccepts.length > 0) {
      unverified.add(p.scope);
      v.notes.push(`GET ${p.path} answered ${res.status}, but that call also accepts ${p.alsoAccepts.join(', ')}: ${p.scope} not verified.`);
    } else if (res.status >= 200 && res.status < 300) {
      probe.result = 'granted';
      v.granted.push(p.scope);
    } else if (res.status === 403 && categoryOf(res.json) === 'MISSING_SCOPES') {
      probe.result = 'missing';
      v.missing.push({ scope: p.scope, sites: sites.get(p.scope) ?? [] });
      const named = requiredScopesOf(res.json);
      if (named.length && !named.includes(p.scope)) v.notes.push(`The probe for ${p.scope} was refused for ${named.join(', ')}.`);
    } else {
      unverified.add(p.scope);
      v.notes.push(`The probe for ${p.scope} (GET ${p.path}) answered HTTP ${res.status}${categoryOf(res.json) ? ` ${categoryOf(res.json)}` : ''}: not verified.`);
    }
    v.unverified = [...unverified].sort();
  }
  v.granted.sort();
}

function hostOf(base: string): string {
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
}

/** Belt and braces: the token never leaves in a sentence, even if an answer echoed it. */
function scrub(text: string, token: string): string {
  return token ? text.split(token).join(maskSecret(token)) : text;
}

export type { VerificationMethod };

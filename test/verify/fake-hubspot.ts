// A fake HubSpot API on 127.0.0.1 (node:http), answering the three ways --verify-token asks: private-app token
// info, OAuth introspection (2026-03 POST and v1 GET), and read probes with 403 MISSING_SCOPES bodies in HubSpot's
// shape (hubspot-facts.md §7). Special tokens: one that never gets an answer (timeout), one answered with HTML.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeToken {
  scopes: string[];
  hubId: number;
  /** How HubSpot's introspection endpoints treat it (a Service Key is known to neither). */
  kind: 'private-app' | 'oauth' | 'service-key';
}

export interface FakeOptions {
  tokens: Record<string, FakeToken>;
  /** Tokens whose every request is left unanswered. */
  slow?: string[];
  /** Tokens whose every request gets `200` with an HTML body. */
  malformed?: string[];
  /** Tokens whose every request gets `429` (RATE_LIMITS). */
  rateLimited?: string[];
  /** Tokens whose read probes get `403` USER_DOES_NOT_HAVE_PERMISSIONS (creator removed). */
  noPermission?: string[];
  /** The OAuth app credentials the 2026-03 introspection accepts. */
  client?: { id: string; secret: string };
}

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

export interface FakeHubspot {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** The GET paths the fake knows, with the scopes each accepts, any one of them (as HubSpot's spec lists them). */
export const PROBE_SCOPES: Record<string, string[]> = {
  '/crm/v3/objects/contacts': ['crm.objects.contacts.read'],
  '/crm/v3/objects/companies': ['crm.objects.companies.read'],
  '/crm/v3/objects/tickets': ['tickets'],
  '/cms/v3/hubdb/tables': ['hubdb'],
  '/crm/v3/owners': ['automation', 'crm.objects.owners.read'],
};

const correlationId = 'aeb5f871-7f07-4993-9211-075dc63e7cbf';

export const UNAUTHORIZED = {
  status: 'error',
  message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  correlationId,
  category: 'INVALID_AUTHENTICATION',
};

export function missingScopes(scopes: string[]): unknown {
  return {
    status: 'error',
    message: "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    correlationId,
    errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: scopes } }],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
    category: 'MISSING_SCOPES',
  };
}

export async function startFakeHubspot(opts: FakeOptions): Promise<FakeHubspot> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => { body += d; });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      seen.push({ method: req.method ?? '', path: url.pathname + url.search, authorization: req.headers.authorization, body });
      const send = (status: number, json: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
        res.end(JSON.stringify(json));
      };
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      let token = bearer;
      if (url.pathname === '/oauth/v2/private-apps/get/access-token-info') {
        try { token = (JSON.parse(body) as { tokenKey?: string }).tokenKey; } catch { token = undefined; }
      } else if (url.pathname === '/oauth/2026-03/token/introspect') {
        token = new URLSearchParams(body).get('token') ?? undefined;
      } else if (url.pathname.startsWith('/oauth/v1/access-tokens/')) {
        token = decodeURIComponent(url.pathname.slice('/oauth/v1/access-tokens/'.length));
      }
      if (token && opts.slow?.includes(token)) return; // never answered
      if (token && opts.malformed?.includes(token)) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Gateway login</body></html>');
        return;
      }
      if (token && opts.rateLimited?.includes(token)) {
        return send(429, { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', correlationId, policyName: 'SECONDLY', category: 'RATE_LIMITS' });
      }
      const known = token ? opts.tokens[token] : undefined;
      if (req.method === 'POST' && url.pathname === '/oauth/v2/private-apps/get/access-token-info') {
        if (!known) return send(401, UNAUTHORIZED);
        if (known.kind !== 'private-app') return send(400, { status: 'error', message: 'Invalid token key', correlationId, category: 'VALIDATION_ERROR' });
        return send(200, { userId: 101, hubId: known.hubId, appId: 303, scopes: known.scopes });
      }
      if (req.method === 'POST' && url.pathname === '/oauth/2026-03/token/introspect') {
        const form = new URLSearchParams(body);
        if (!opts.client || form.get('client_id') !== opts.client.id || form.get('client_secret') !== opts.client.secret) {
          return send(401, { status: 'error', message: 'Invalid client credentials', correlationId, category: 'INVALID_AUTHENTICATION' });
        }
        if (!known || known.kind !== 'oauth') return send(200, { active: false });
        return send(200, { active: true, scope: known.scopes.join(' '), client_id: opts.client.id, token_type: 'access_token', hub_id: known.hubId });
      }
      if (req.method === 'GET' && url.pathname.startsWith('/oauth/v1/access-tokens/')) {
        if (known?.kind === 'oauth') {
          return send(200, { token, user: 'dev@example.com', hub_domain: 'example.com', scopes: known.scopes, hub_id: known.hubId, app_id: 456789, expires_in: 1754, user_id: 123456, token_type: 'access' });
        }
        if (token?.startsWith('pat-')) return send(400, { status: 'error', message: 'The access token must have the correct format' });
        return send(404, { status: 'error', message: 'Token not found', correlationId, category: 'OBJECT_NOT_FOUND' });
      }
      if (req.method === 'GET' && PROBE_SCOPES[url.pathname]) {
        if (!known) return send(401, UNAUTHORIZED);
        const accepts = PROBE_SCOPES[url.pathname];
        if (opts.noPermission?.includes(token!)) {
          return send(403, { status: 'error', message: 'This oauth-token does not have proper permissions!', correlationId, category: 'USER_DOES_NOT_HAVE_PERMISSIONS' });
        }
        if (!accepts.some((s) => known.scopes.includes(s))) return send(403, missingScopes(accepts));
        return send(200, { results: [], paging: {} });
      }
      send(404, { status: 'error', message: 'Resource not found', correlationId, category: 'OBJECT_NOT_FOUND' });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

// Reading HubSpot's answers (pure). Shapes, and where they come from:
// - access-token-info (POST /oauth/v2/private-apps/get/access-token-info): `{ userId, hubId, appId, scopes: [] }`.
//   HubSpot's private-apps page names the endpoint; the field names are from third-party integrations that call it
//   (no HubSpot example body was readable), so `hub_id` and a space-separated `scope` are accepted too.
// - OAuth v1 (GET /oauth/v1/access-tokens/{token}): `{ token, user, hub_domain, scopes: [], hub_id, app_id,
//   expires_in, user_id, token_type }` (HubSpot's "Retrieve OAuth token metadata" reference).
// - OAuth 2026-03 introspection (POST /oauth/2026-03/token/introspect, form body token, client_id, client_secret):
//   HubSpot's reference shows only `{ "active": true }` and says it "returns validity and metadata"; the scope
//   fields are read as in RFC 7662 (`scope`, space-separated) or like v1 (`scopes` array). Unconfirmed.
// - errors: `{ status: "error", message, correlationId, category, errors: [{ message, context: {
//   requiredGranularScopes: [] } }] }`; 403 MISSING_SCOPES and 401 INVALID_AUTHENTICATION (hubspot-facts.md §7).

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v as string[] : null);

/** The scopes listed in an introspection answer, or null when it lists none in a known field. */
export function scopesOf(body: unknown): string[] | null {
  if (!isObject(body)) return null;
  const list = strings(body.scopes);
  if (list) return [...new Set(list.map((s) => s.trim()).filter(Boolean))].sort();
  if (typeof body.scope === 'string') return [...new Set(body.scope.split(/[\s,]+/).filter(Boolean))].sort();
  return null;
}

/** The account (portal) id in an answer, if any. */
export function hubIdOf(body: unknown): number | null {
  if (!isObject(body)) return null;
  for (const k of ['hubId', 'hub_id', 'portalId']) {
    const v = body[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  }
  return null;
}

/** `active` of an RFC 7662 answer: true, false, or null when absent. */
export function activeOf(body: unknown): boolean | null {
  return isObject(body) && typeof body.active === 'boolean' ? body.active : null;
}

export function categoryOf(body: unknown): string | null {
  return isObject(body) && typeof body.category === 'string' ? body.category : null;
}

/**
 * The scopes a 403 says are required: `errors[].context.requiredGranularScopes` (or `requiredScopes`), and the
 * `{missingScopes=[a, b]}` string some batch endpoints put in `context`.
 */
export function requiredScopesOf(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.errors)) return [];
  const out = new Set<string>();
  for (const e of body.errors) {
    if (!isObject(e)) continue;
    const ctx = e.context;
    if (isObject(ctx)) {
      for (const k of ['requiredGranularScopes', 'requiredScopes', 'missingScopes']) for (const s of strings(ctx[k]) ?? []) out.add(s);
    } else if (typeof ctx === 'string') {
      const m = /missingScopes=\[([^\]]*)\]/.exec(ctx);
      for (const s of m?.[1].split(',') ?? []) if (s.trim()) out.add(s.trim());
    }
  }
  return [...out].sort();
}

// Which way HubSpot can tell a token's scopes, judged from the token's shape alone (pure).
import type { VerificationMethod } from '../model/verification.js';

/** Private-app (and project static-auth app) tokens: `pat-<region>-<uuid>` (hubspot-facts.md §6). */
const PRIVATE_APP = /^pat-[a-z]{2}\d*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * OAuth access tokens: opaque base64url text, HubSpot's examples start with `C` (a protobuf header) and are well over
 * 40 characters (hubspot-catalog.json `tokenFormats.oauthAccessToken`, confidence "unverified"; HubSpot's v1 token
 * metadata page shows `CKDZpunPLhICAQEY…`). Region-prefixed `na1-…` strings are refresh tokens, not access tokens.
 */
const OAUTH_ACCESS = /^C[A-Za-z0-9_-]{39,}={0,2}$/;

/**
 * `private-app-info` for `pat-…` tokens, `oauth-introspect` for OAuth-shaped ones, `read-probes` for anything else
 * (Service Keys have no documented format and no introspection endpoint: hubspot-2026.md §1).
 */
export function methodForToken(token: string): VerificationMethod {
  const t = token.trim();
  if (PRIVATE_APP.test(t)) return 'private-app-info';
  if (OAUTH_ACCESS.test(t)) return 'oauth-introspect';
  return 'read-probes';
}

// `--verify-token`: what HubSpot says the new token may do, set against the scopes the scan found.
// Field names follow ../shared/spec/cli.md ("Additions planned": `verification`); fields after `error` are additions.

export type VerificationMethod = 'private-app-info' | 'oauth-introspect' | 'read-probes';

/** One read-only GET made to learn whether the token has one scope (method `read-probes`). */
export interface Probe {
  scope: string;
  /** Path and query, e.g. `/crm/v3/objects/contacts?limit=1` (never the token). */
  path: string;
  /** HTTP status HubSpot answered, or null when no answer came. */
  status: number | null;
  result: 'granted' | 'missing' | 'inconclusive';
  /**
   * Other scopes the same call accepts: then only a refusal (403 MISSING_SCOPES) says something about `scope`,
   * a 200 is inconclusive. Empty when the call needs exactly `scope`.
   */
  alsoAccepts: string[];
}

export interface Verification {
  method: VerificationMethod;
  /** The token, only as its masked form and sha256 fingerprint. */
  token: { masked: string; fingerprint: string };
  /** Required scopes the token has (sorted). */
  granted: string[];
  /** Required scopes the token lacks, each with the ids of the sites whose calls need it. */
  missing: Array<{ scope: string; sites: string[] }>;
  /** Required scopes that could not be checked (write scopes under read probes, inconclusive probes). */
  unverified: string[];
  /** Scopes the token has that no call of this code needs (least privilege). Empty under read probes. */
  extra: string[];
  /** One sentence saying why the check could not be completed, with what to do; null when it was. */
  error: string | null;
  // additions
  /** The HubSpot account (portal) the token belongs to, when HubSpot said so. */
  hubId: number | null;
  /** Facts a person should know about this check (fallbacks, unverifiable scopes, equivalent scopes). */
  notes: string[];
  /** The read probes made (method `read-probes`); empty otherwise. */
  probes: Probe[];
}

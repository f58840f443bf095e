// Public result types of the scopes stage.

/** What the catalog says one HTTP call needs. */
export interface ScopeMatch {
  /** Scopes the call needs (least-privileged alternative, sorted). */
  scopes: string[];
  /** Scopes that apply only if an unknown method/path/object type turns out so (sorted, disjoint from `scopes`). */
  uncertain: string[];
  /** The endpoint is an app-configuration endpoint that keeps the developer API key: do not rewrite. */
  developerKey: boolean;
  matched: 'operation' | 'legacy-rule' | 'family' | 'none';
  /** `spec`, `doc-method`, `doc-api`, `doc-scope-table`, `inferred`, `unverified`, or `none`. */
  confidence: string;
  /** Set when private-app / service-key tokens cannot make this call: what HubSpot says instead. */
  unsupportedForPrivateApps?: string;
  // additions
  /** The matched path template (spec operation) or legacy rule id. */
  pattern?: string;
  /** API version of the matched operation or rule (`v1`, `v3`, `2026-03`, …). */
  version?: string;
  /** Object type the scopes were resolved for (object-type dependent endpoints). */
  objectType?: string;
  /** A short human explanation when the result is partial. */
  note?: string;
}

/** Which kind of token to create instead of the API key. */
export interface TokenAdvice {
  kind: 'service-key' | 'project-app' | 'oauth';
  reason: string;
  /** For a project app: the body of `src/app/app-hsmeta.json`. */
  appHsmeta?: unknown;
}

export type Access = 'read' | 'write';

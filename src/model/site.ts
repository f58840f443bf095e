// The data every stage passes along: what a key site is, and the requests it feeds.
// Field names follow docs/cli.md (JSON report, schemaVersion 1); extra fields are additions.

export type Status = 'auto' | 'manual' | 'developer-key' | 'ignored';

export type Pattern =
  | 'query-string'
  | 'params-object'
  | 'url-search-params'
  | 'shared-config'
  | 'interceptor'
  | 'client-option'
  | 'other';

export type Language =
  | 'ts' | 'js' | 'tsx' | 'jsx' | 'vue' | 'svelte'
  | 'python' | 'php' | 'ruby' | 'go' | 'java' | 'csharp' | 'shell'
  | 'json' | 'yaml' | 'env' | 'toml' | 'other';

export type Client =
  | 'fetch' | 'axios' | 'got' | 'request' | 'superagent' | 'node-http' | 'jquery' | 'xhr'
  | 'needle' | 'ky' | 'zapier' | 'hubspot-api-client' | 'hubspot' | 'hubspot-api' | 'other';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Lifecycle {
  status: 'removed' | 'unsupported-from' | 'supported';
  date: string | null;
  replacement: string | null;
  note?: string;
}

/**
 * Why a request's endpoint is unknown (`requests[].unresolved`, when `path` is null): `dynamic-path` (the
 * URL or path is built at run time), `unknown-method` (a client-library method the maps do not know),
 * `client-not-followed` (the client or instance is used where the scan did not follow it),
 * `unknown` (the scan gave no reason). Other codes may be added.
 */
export type UnresolvedReason = 'dynamic-path' | 'unknown-method' | 'client-not-followed' | 'unknown' | (string & {});

export interface RequestInfo {
  file: string;
  line: number;
  client: Client;
  method: HttpMethod | null;
  /** URL path with `{}` for dynamic parts, host and query removed; null when unknown. */
  path: string | null;
  /** For client-library calls: the method chain, e.g. `crm.contacts.basicApi.getPage`. */
  call?: string;
  scopes: string[];
  /** Scopes that apply only if an unknown method or path turns out so. */
  scopesUncertain?: string[];
  lifecycle: Lifecycle | null;
  /** null when `path` is known; else why it is not (the report fills `unknown` where the scan gave none). */
  unresolved?: UnresolvedReason | null;
}

export interface Secret {
  kind: 'legacy-api-key' | 'private-app-token';
  masked: string;
  fingerprint: string;
}

/** Fine-grained category, as in ../shared/reference/patterns.md (P01 … P37). */
export type Category =
  | 'P01_QS_TEMPLATE' | 'P02_QS_CONCAT' | 'P03_QS_URL_API' | 'P04_QS_BUILDER' | 'P05_QS_CLIENT_OPTION'
  | 'P06_QS_SHARED_OBJECT' | 'P07_QS_INJECTED' | 'P08_QS_OTHER_CLIENT'
  | 'P10_CLIENT_API_CLIENT_APIKEY' | 'P11_CLIENT_HUBSPOT_NPM_APIKEY' | 'P12_CLIENT_HUBSPOT_API_HAPIKEY'
  | 'P13_OTHER_SDK' | 'P20_DEVKEY' | 'P21_BEARER_ALREADY' | 'P22_UNAUTHENTICATED_ENDPOINT'
  | 'P23_COMMENTED' | 'P24_LIBRARY_INTERNAL' | 'P25_NOT_HUBSPOT' | 'P30_CONFIG_DECL'
  | 'P31_KEY_FORMAT_CHECK' | 'P32_TEST_FIXTURE' | 'P33_HARDCODED_LITERAL' | 'P34_CLIENT_SIDE'
  | 'P35_BROKEN_OR_PLACEHOLDER' | 'P36_DUAL_MODE' | 'P37_BUILD_OUTPUT';

/** Where the token of a rewritten site comes from. */
export interface TokenSource {
  /** Source text of the expression that must now hold the token (e.g. `process.env.HUBSPOT_API_KEY`). */
  expression: string;
  /** `key-expression`: the expression that held the key; `env-default`: the literal was replaced by `--token-env`. */
  origin: 'key-expression' | 'env-default';
  /** Where that expression's value comes from, when a constant leads elsewhere (`KEY` → `process.env.HUBSPOT_API_KEY`). */
  source?: string;
}

export interface Site {
  id: string;
  file: string;
  line: number;
  column: number;
  language: Language;
  pattern: Pattern;
  status: Status;
  reason: string;
  message: string;
  applied: boolean;
  requests: RequestInfo[];
  secret: Secret | null;
  // additions to schemaVersion 1
  category: Category;
  token?: TokenSource;
  /** Extra warnings that do not change the status (browser exposure, hard-coded literal, …). */
  flags?: string[];
}

/** A file the run could not (fully) process. */
export interface Skip {
  file: string;
  reason: 'parse-error' | 'too-large' | 'minified' | 'binary' | 'unreadable' | 'outside-root' | 'build-output' | 'vendored' | 'not-text' | 'symlink-loop' | 'write-failed' | 'changed-since-read' | 'read-only';
  message: string;
}

// `report.json` / `--json`: the schemaVersion 1 report of docs/cli.md, keys in the spec's order,
// then the additive fields. Only listed fields are written (a field added to the model fails to compile
// here until it is placed), secrets only as `masked` + `fingerprint`, and free text is masked (maskAll plus
// every literal that is one of the secrets the scan found).
import type { FileChange, Report, TokenRecommendation } from '../model/report.js';
import type { Lifecycle, RequestInfo, Secret, Site, Skip, TokenSource } from '../model/site.js';
import type { Probe, Verification } from '../model/verification.js';
import { masker, type Masker } from './mask.js';
import { countUnresolved, unresolvedReason } from './unresolved.js';

/** `K` when it names every key of `T`, else `never` (so an incomplete list does not compile). */
type Complete<T, K extends readonly (keyof T)[]> = [Exclude<keyof T, K[number]>] extends [never] ? K : never;

const REPORT_KEYS = ['schemaVersion', 'tool', 'root', 'mode', 'summary', 'scopes', 'sites', 'skipped', 'token', 'changes', 'tokenSources', 'verification', 'removedTempFiles'] as const;
const SITE_KEYS = ['id', 'file', 'line', 'column', 'language', 'pattern', 'status', 'reason', 'message', 'applied', 'requests', 'secret', 'category', 'token', 'flags'] as const;
const REQUEST_KEYS = ['file', 'line', 'client', 'method', 'path', 'scopes', 'lifecycle', 'call', 'scopesUncertain', 'unresolved'] as const;
const LIFECYCLE_KEYS = ['status', 'date', 'replacement', 'note'] as const;
const SKIP_KEYS = ['file', 'reason', 'message'] as const;
const TOKEN_SOURCE_KEYS = ['expression', 'origin', 'source'] as const;
const TOKEN_KEYS = ['kind', 'reason', 'appHsmeta'] as const;
const CHANGE_KEYS = ['file', 'siteIds', 'diff'] as const;
const VERIFICATION_KEYS = ['method', 'token', 'granted', 'missing', 'unverified', 'extra', 'error', 'hubId', 'notes', 'probes'] as const;
const PROBE_KEYS = ['scope', 'path', 'status', 'result', 'alsoAccepts'] as const;
/** Deliberately not `Complete`: whatever else a secret may carry one day is never written. */
const SECRET_KEYS = ['kind', 'masked', 'fingerprint'] as const;

const ORDER = {
  report: REPORT_KEYS satisfies Complete<Report, typeof REPORT_KEYS>,
  site: SITE_KEYS satisfies Complete<Site, typeof SITE_KEYS>,
  request: REQUEST_KEYS satisfies Complete<RequestInfo, typeof REQUEST_KEYS>,
  lifecycle: LIFECYCLE_KEYS satisfies Complete<Lifecycle, typeof LIFECYCLE_KEYS>,
  skip: SKIP_KEYS satisfies Complete<Skip, typeof SKIP_KEYS>,
  tokenSource: TOKEN_SOURCE_KEYS satisfies Complete<TokenSource, typeof TOKEN_SOURCE_KEYS>,
  token: TOKEN_KEYS satisfies Complete<TokenRecommendation, typeof TOKEN_KEYS>,
  change: CHANGE_KEYS satisfies Complete<FileChange, typeof CHANGE_KEYS>,
  verification: VERIFICATION_KEYS satisfies Complete<Verification, typeof VERIFICATION_KEYS>,
  probe: PROBE_KEYS satisfies Complete<Probe, typeof PROBE_KEYS>,
};

type Plain = Record<string, unknown>;

/** A new object with `keys` in this order; keys whose value is `undefined` are left out (`null` stays). */
function pick<T extends object>(obj: T, keys: readonly (keyof T)[], map: Partial<Record<keyof T, (v: never) => unknown>> = {}): Plain {
  const out: Plain = {};
  for (const key of keys) {
    const value = obj[key];
    if (value === undefined) continue;
    const f = map[key] as ((v: unknown) => unknown) | undefined;
    out[key as string] = f ? f(value) : value;
  }
  return out;
}

const lifecycle = (l: Lifecycle | null): Plain | null => (l === null ? null : pick(l, ORDER.lifecycle));

// The spec's enums for `language` and `client` are closed: a value outside them is written as `other`, and the
// precise value goes to the added `languageDetail` / `clientDetail` field right after it.
const SPEC_LANGUAGES = new Set(['ts', 'js', 'tsx', 'jsx', 'vue', 'python', 'php', 'ruby', 'shell', 'other']);
const SPEC_CLIENTS = new Set(['fetch', 'axios', 'got', 'request', 'superagent', 'node-http', 'jquery', 'xhr', 'hubspot-api-client', 'hubspot', 'other']);

function withDetail(out: Plain, key: string, allowed: Set<string>): Plain {
  const v = out[key] as string;
  if (allowed.has(v)) return out;
  const res: Plain = {};
  for (const [k, x] of Object.entries(out)) {
    res[k] = k === key ? 'other' : x;
    if (k === key) res[key + 'Detail'] = v;
  }
  return res;
}

// `unresolved` is always written (null when the path is known), `unknown` where the scan gave no reason.
const request = (r: RequestInfo): Plain => withDetail(pick({ ...r, unresolved: unresolvedReason(r) }, ORDER.request, { lifecycle }), 'client', SPEC_CLIENTS);
const secret = (s: Secret | null): Plain | null => (s === null ? null : pick(s, SECRET_KEYS));

function site(s: Site, mask: Masker): Plain {
  return withDetail(pick(s, ORDER.site, {
    message: mask,
    requests: (rs: RequestInfo[]) => rs.map(request),
    secret,
    token: (t: TokenSource) => pick(t, ORDER.tokenSource),
  }), 'language', SPEC_LANGUAGES);
}

/** The report object exactly as written to `report.json`. */
export function toJsonReport(report: Report): Plain {
  const mask = masker(report.sites);
  return pick(report, ORDER.report, {
    tool: (t: Report['tool']) => ({ name: t.name, version: t.version }),
    summary: (s: Report['summary']) => ({
      filesScanned: s.filesScanned,
      filesSkipped: s.filesSkipped,
      sites: s.sites,
      byStatus: {
        auto: s.byStatus.auto,
        manual: s.byStatus.manual,
        'developer-key': s.byStatus['developer-key'],
        ignored: s.byStatus.ignored,
      },
      applied: s.applied,
      unresolvedRequests: s.unresolvedRequests ?? countUnresolved(report.sites),
    }),
    scopes: (s: Report['scopes']) => ({ required: s.required, uncertain: s.uncertain }),
    sites: (ss: Site[]) => ss.map((s) => site(s, mask)),
    skipped: (ss: Skip[]) => ss.map((s) => pick(s, ORDER.skip, { message: mask })),
    token: (t: TokenRecommendation) => pick(t, ORDER.token),
    changes: (cs: FileChange[]) => cs.map((c) => pick(c, ORDER.change, { diff: mask })),
    verification: (v: Verification) => pick(v, ORDER.verification, {
      // the token only as its mask and fingerprint, whatever else the record may carry one day
      token: (t: Verification['token']) => ({ masked: t.masked, fingerprint: t.fingerprint }),
      missing: (ms: Verification['missing']) => ms.map((m) => ({ scope: m.scope, sites: m.sites })),
      error: (e: string | null) => (e === null ? null : mask(e)),
      notes: (ns: string[]) => ns.map(mask),
      probes: (ps: Probe[]) => ps.map((p) => pick(p, ORDER.probe)),
    }),
  });
}

/** Pretty-printed (2 spaces) with a final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

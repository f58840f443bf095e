// What the oracle records: one entry per request a program makes (or mocks), in call order.

/** A header value: a string, or for a test mock a matcher (nock's `matchHeader`). */
export type HeaderValue = string | RegExp;

export interface Credential {
  /** How an SDK was configured when the call was made. */
  kind: 'apiKey' | 'accessToken' | 'developerApiKey' | 'none';
  value: string;
}

export interface Recorded {
  client: string;
  method: string;
  /** The full URL (query included), or `sdk:<package>:<call chain>` for SDK calls. */
  url: string;
  /** Header names lower-cased. */
  headers: Record<string, HeaderValue>;
  body?: string;
  /** For SDK clients: the credential they held at the call. */
  credential?: Credential;
  /** True for a mocked interceptor (nock), not a real request. */
  mock?: boolean;
}

export class Recorder {
  readonly requests: Recorded[] = [];
  readonly errors: string[] = [];
  add(r: Recorded): void {
    this.requests.push(r);
  }
}

/** String() of a value the program put in a URL, header or option (dummy arguments stringify to their label). */
export function isRegExp(v: unknown): v is RegExp {
  return Object.prototype.toString.call(v) === '[object RegExp]';
}

export function str(v: unknown): string {
  if (isRegExp(v)) return RegExp.prototype.toString.call(v);
  return String(v);
}

/** Headers from whatever a client accepts: a plain object, a Headers-like object, an array of pairs. */
export function headersOf(h: unknown): Record<string, HeaderValue> {
  const out: Record<string, HeaderValue> = {};
  if (h === undefined || h === null) return out;
  if (Array.isArray(h)) {
    for (const [k, v] of h as [unknown, unknown][]) out[str(k).toLowerCase()] = str(v);
    return out;
  }
  if (typeof h === 'object' && typeof (h as { forEach?: unknown }).forEach === 'function' && typeof (h as { get?: unknown }).get === 'function') {
    (h as { forEach(cb: (v: unknown, k: unknown) => void): void }).forEach((v, k) => { out[str(k).toLowerCase()] = str(v); });
    return out;
  }
  if (typeof h === 'object') {
    for (const [k, v] of Object.entries(h as object)) {
      if (v === undefined) continue;
      out[k.toLowerCase()] = isRegExp(v) ? v : str(v);
    }
  }
  return out;
}

/** Append query parameters (a plain object, a string, or URLSearchParams-like) to a URL, as the clients do. */
export function withQuery(url: string, params: unknown): string {
  if (params === undefined || params === null) return url;
  let pairs: [string, string][] = [];
  if (typeof params === 'string') pairs = [...new URLSearchParams(params)];
  else if (typeof params === 'object' && typeof (params as { entries?: unknown }).entries === 'function' && !(Array.isArray(params))) {
    pairs = [...(params as URLSearchParams).entries()].map(([k, v]) => [str(k), str(v)]);
  } else if (typeof params === 'object') {
    for (const [k, v] of Object.entries(params as object)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) pairs.push([k, str(x)]);
      else pairs.push([k, str(v)]);
    }
  }
  if (!pairs.length) return url;
  const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return url + (url.includes('?') ? (/[?&]$/.test(url) ? '' : '&') : '?') + qs;
}

/** Resolve a possibly relative URL against a base, as axios and request do with baseURL / baseUrl. */
export function joinBase(base: unknown, url: unknown): string {
  const u = url === undefined || url === null ? '' : str(url);
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) || base === undefined || base === null || base === '') return u;
  return str(base).replace(/\/+$/, '') + '/' + u.replace(/^\/+/, '');
}

export function isHubSpotUrl(url: string): boolean {
  if (url.startsWith('sdk:')) return true;
  try {
    const h = new URL(url).hostname;
    return /(^|\.)(hubapi|hubspot|hubspotqa|hsforms)\.com$/.test(h);
  } catch {
    return false;
  }
}

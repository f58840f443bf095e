// The property: the rewritten program makes the same requests, each keyed one now carrying
// `Authorization: Bearer <the same value>` (or an SDK configured with accessToken = the same value), and no key.
import { isHubSpotUrl, isRegExp, type HeaderValue, type Recorded } from './record.js';

export interface Expectation {
  /** Key values the tool may replace by the token variable (hard-coded literals): value → the token it must send. */
  replacedLiterals?: Map<string, string>;
  /** The program also has sites left to a person (manual, developer key): their requests may keep the key, unchanged. */
  keyMayStay?: boolean;
}

/** The key a request carries, if any: `hapikey` in its query, or an SDK configured with an API key. */
export function keyOf(r: Recorded): string | null {
  if (r.credential) return r.credential.kind === 'apiKey' ? r.credential.value : null;
  const q = queryOf(r.url);
  return q ? q.get('hapikey') : null;
}

function queryOf(url: string): URLSearchParams | null {
  try {
    return new URL(url).searchParams;
  } catch {
    const i = url.indexOf('?');
    return i < 0 ? null : new URLSearchParams(url.slice(i + 1));
  }
}

/** The URL without its `hapikey` parameter, and with an empty query dropped. */
export function withoutKey(url: string): string {
  const i = url.indexOf('?');
  if (i < 0) return url;
  const hash = url.indexOf('#', i);
  const q = new URLSearchParams(url.slice(i + 1, hash < 0 ? undefined : hash));
  q.delete('hapikey');
  const rest = q.toString();
  return url.slice(0, i) + (rest ? '?' + rest : '') + (hash < 0 ? '' : url.slice(hash));
}

function canonicalUrl(url: string): string {
  return withoutKey(url).replace(/\?$/, '');
}

function showHeaders(h: Record<string, HeaderValue>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(h).map(([k, v]) => [k, isRegExp(v) ? String(v) : v]).sort()));
}

function sameHeaders(a: Record<string, HeaderValue>, b: Record<string, HeaderValue>): boolean {
  return showHeaders(a) === showHeaders(b);
}

function accepts(v: HeaderValue | undefined, expected: string): boolean {
  if (v === undefined) return false;
  return isRegExp(v) ? RegExp.prototype.test.call(v, expected) : v === expected;
}

export function describe(r: Recorded): string {
  return `${r.client} ${r.method} ${r.url} ${showHeaders(r.headers)}${r.credential ? ` ${r.credential.kind}=${r.credential.value}` : ''}`;
}

/** Compare the requests of the original and the rewritten program; returns the violations (empty: the property holds). */
export function compareRuns(before: Recorded[], after: Recorded[], exp: Expectation = {}): string[] {
  const problems: string[] = [];
  if (before.length !== after.length) {
    problems.push(`request count changed: ${before.length} before, ${after.length} after\n  before: ${before.map(describe).join('\n          ')}\n  after:  ${after.map(describe).join('\n          ')}`);
  }
  const n = Math.min(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const b = before[i];
    const a = after[i];
    const where = `request ${i + 1}\n  before: ${describe(b)}\n  after:  ${describe(a)}`;
    const key = isHubSpotUrl(b.url) ? keyOf(b) : null;
    if (b.method !== a.method || b.client !== a.client) problems.push(`method or client changed: ${where}`);
    if ((b.body ?? '') !== (a.body ?? '')) problems.push(`body changed: ${where}`);
    if (key === null) {
      if (b.url !== a.url || !sameHeaders(b.headers, a.headers) || JSON.stringify(b.credential) !== JSON.stringify(a.credential)) {
        problems.push(`an unkeyed request changed: ${where}`);
      }
      continue;
    }
    if (exp.keyMayStay && a.url === b.url && sameHeaders(a.headers, b.headers) && JSON.stringify(a.credential) === JSON.stringify(b.credential)) continue;
    const token = exp.replacedLiterals?.get(key) ?? key;
    if (/hapikey/i.test(a.url)) problems.push(`key still in the URL: ${where}`);
    if (canonicalUrl(a.url) !== canonicalUrl(b.url)) problems.push(`URL changed beyond removing the key: ${where}`);
    if (b.credential) {
      if (a.credential?.kind !== 'accessToken' || a.credential.value !== token) problems.push(`SDK not configured with accessToken = ${token}: ${where}`);
      continue;
    }
    const { authorization, ...others } = a.headers;
    if (!accepts(authorization, `Bearer ${token}`)) problems.push(`no Authorization: Bearer ${token}: ${where}`);
    if (!sameHeaders(others, b.headers)) problems.push(`other headers changed: ${where}`);
  }
  for (const a of after) {
    if (/hapikey/i.test(a.url) && isHubSpotUrl(a.url) && !before.some((b) => b.url === a.url)) problems.push(`a new request carries hapikey: ${describe(a)}`);
  }
  return problems;
}

// A call of another module's request helper (config-wrappers.ts) as the request it makes: the caller's options
// object is the one axios gets, so the header goes there; the method and URL come from the options where the
// helper lets them win, else from what the helper sets.
import { ts, constInitializer, getProp, propValue, unwrap } from './ast.js';
import { methodFrom, type RequestCall } from './clients.js';
import type { ConfigWrapper } from './config-wrappers.js';
import type { Style } from './style.js';
import { quoted } from './style.js';
import { joinUrl } from './url.js';

export function helperRequestCall(call: ts.CallExpression, w: ConfigWrapper): RequestCall {
  const opts = objectAt(call.arguments[w.index]);
  const own = opts && !w.urlFixed ? propValue(getProp(opts, 'url')) : undefined;
  const method = w.methodFixed ? w.method : methodFrom(opts, w.method ?? 'GET');
  let url: ts.Expression | null = own ?? null;
  let baseURL = w.baseURL;
  if (!own && w.url) {
    url = w.url.urlIndex !== null ? call.arguments[w.url.urlIndex] ?? null : null;
    baseURL = w.baseURL !== undefined ? joinUrl(w.baseURL, w.url.prefix) : w.url.prefix;
  }
  const req: RequestCall = { call, client: 'axios', method, url, optionsIndex: w.index, configForm: !w.urlFixed, headers: 'options', defaultHeaders: w.headers };
  if (baseURL) req.baseURL = baseURL;
  return req;
}

function objectAt(e: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const u = e ? unwrap(e) : undefined;
  const v = u && ts.isIdentifier(u) ? constInitializer(u) ?? u : u;
  return v && ts.isObjectLiteralExpression(v) ? v : undefined;
}

/**
 * The entries a new `headers` object must start with so that the helper's own headers still go out (`'Content-Type':
 * 'application/json', `), in the file's quotes; an error when the helper's headers cannot be copied.
 */
export function defaultHeadersText(req: RequestCall, style: Style): string | { error: string } {
  const d = req.defaultHeaders;
  if (!d) return '';
  if (d === 'unknown') return { error: 'helper-default-headers' };
  return d.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : quoted(k, style)}: ${quoted(v, style)}, `).join('');
}

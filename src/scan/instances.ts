// Instances made with shared defaults other than `axios.create`: `request.defaults({ baseUrl, qs: { hapikey } })`
// (request and its promise wrappers) and `got.extend({ prefixUrl, searchParams: { hapikey } })`. Both libraries
// merge the instance's default headers with each call's own: request's README shows a header of `defaults()` sent
// along with the headers a call (or a further `defaults()`) adds, and got's `extend()` merges its options into the
// parent's with `options.merge`, where `headers` are merged key by key. So the key can leave the defaults and
// `headers: { Authorization }` take its place there, for every call made through the instance.
import { ts, chainOf, getProp, propValue, unwrap } from './ast.js';
import type { ClientKind } from './client-calls.js';
import type { Bindings } from './imports.js';
import { evalString } from './url.js';

const REQUEST_MODULES = new Set(['request', 'request-promise', 'request-promise-native', 'requestretry', 'postman-request', 'request-promise-any']);

/** The client `call` makes when it is `request.defaults(options)` (key in `qs`) or `got.extend(options)` (key in `searchParams`). */
export function sharedInstanceKind(call: ts.CallExpression, options: ts.ObjectLiteralExpression, option: string, bindings: Bindings): ClientKind | null {
  if (!call.arguments[0] || unwrap(call.arguments[0]) !== options) return null;
  const chain = chainOf(call.expression);
  if (!chain || chain.length !== 2) return null;
  const module = bindings.get(chain[0])?.module ?? null;
  const text = (name: string): string | undefined => {
    const v = propValue(getProp(options, name));
    return v ? evalString(v) : undefined;
  };
  if (chain[1] === 'defaults' && option === 'qs' && REQUEST_MODULES.has(module ?? '')) return { kind: 'request', baseUrl: text('baseUrl') };
  if (chain[1] === 'extend' && option === 'searchParams' && module === 'got') return { kind: 'got', prefixUrl: text('prefixUrl') };
  return null;
}

// Uses of an options object that its rewrite (the key's query container loses the key, `headers` gains
// Authorization) cannot change: a read or write of another property (`options.body`, `options.url`).
import type { Use } from './flow.js';

/** The properties the rewrite touches: the query containers the key may sit in, and the headers. */
const TOUCHED = new Set(['headers', 'qs', 'params', 'searchParams', 'query', 'data']);

/** Is `u` a use of the object that the rewrite leaves as it was? */
export function untouchedByRewrite(u: Use): boolean {
  if (u.kind !== 'unknown' || u.escape) return false;
  const m = /^property:(.+)$/.exec(u.why);
  return !!m && !TOUCHED.has(m[1]);
}

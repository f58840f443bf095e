// The shape space of generated programs: where the key lives × how it reaches the call × which client × how the
// call's options are built. Shapes the tool is known to rewrite wrongly (issue 14) are listed in KNOWN_WRONG.

export const KEY_SOURCES = ['literal', 'env', 'const', 'config', 'param'] as const;
export const REACHES = [
  'template', 'concat', 'url-searchparams', 'urlsearchparams-ctor', 'query-option', 'shared-config', 'instance', 'defaults',
  'wrapper', 'builder', 'builder-elsewhere', 'sdk', 'uri-query', 'cache-fetch',
] as const;
export const CLIENTS = [
  'fetch', 'node-fetch', 'axios', 'axios-config', 'got', 'request', 'superagent', 'https', 'jquery', 'xhr',
  'api-client', 'api-client-set', 'hubspot', 'hubspot-api',
] as const;
export const OPTIONS = [
  'none', 'literal', 'literal-no-headers', 'variable', 'headers-variable', 'headers-instance',
  // the call's options spread a constant that has headers: { ...DEFAULTS, … }
  'spread-defaults',
  // with a shared config only: { headers, ...AUTH }, { ...AUTH, ...JSONH }, Object.assign({}, AUTH, { headers })
  'spread-after-headers', 'two-spreads', 'object-assign',
] as const;

export type KeySource = (typeof KEY_SOURCES)[number];
export type Reach = (typeof REACHES)[number];
export type ClientKind = (typeof CLIENTS)[number];
export type OptionsKind = (typeof OPTIONS)[number];

export interface Shape {
  key: KeySource;
  reach: Reach;
  client: ClientKind;
  options: OptionsKind;
  method: 'GET' | 'POST';
  /** Another query parameter besides the key, and whether the key comes first. */
  extra: boolean;
  keyFirst: boolean;
  /** The URL in a variable first, rather than inline in the call. */
  urlVar: boolean;
  esm: boolean;
}

const SDKS: ClientKind[] = ['api-client', 'api-client-set', 'hubspot', 'hubspot-api'];
const URL_REACHES: Reach[] = ['template', 'concat', 'url-searchparams', 'urlsearchparams-ctor', 'wrapper', 'builder', 'builder-elsewhere'];

/** Whether a shape is a program one would write (client and reach fit together). */
export function valid(s: Shape): boolean {
  const sdk = SDKS.includes(s.client);
  if ((s.reach === 'sdk') !== sdk) return false;
  if (sdk) return s.options === 'none' && s.method === 'GET' && !s.extra && !s.urlVar;
  const ownHeaders = s.options === 'literal' || s.options === 'variable' || s.options === 'headers-variable' || s.options === 'headers-instance';
  if (s.options === 'headers-instance' && !['fetch', 'node-fetch'].includes(s.client)) return false;
  if (['spread-after-headers', 'two-spreads', 'object-assign'].includes(s.options) && s.reach !== 'shared-config') return false;
  if (s.options === 'spread-defaults' && (s.reach === 'shared-config' || !['fetch', 'node-fetch', 'axios', 'got', 'request', 'https'].includes(s.client))) return false;
  if (s.client === 'axios-config' && !['none', 'literal', 'literal-no-headers'].includes(s.options)) return false;
  if ((s.client === 'xhr' || s.client === 'jquery') && !['none', 'literal', 'literal-no-headers'].includes(s.options)) return false;
  switch (s.reach) {
    case 'query-option': return ['axios', 'axios-config', 'got', 'request', 'superagent'].includes(s.client);
    case 'shared-config': return ['axios', 'got', 'request'].includes(s.client);
    case 'instance': return ['axios', 'got', 'request'].includes(s.client);
    case 'defaults': return s.client === 'axios';
    case 'wrapper': return s.method === 'GET' && !['xhr', 'jquery', 'superagent', 'axios-config'].includes(s.client);
    case 'uri-query': case 'cache-fetch': return s.client === 'fetch' && s.method === 'GET';
    default: return URL_REACHES.includes(s.reach) && (!ownHeaders || s.client !== 'axios-config');
  }
}

/**
 * Shapes the tool rewrites wrongly today, each named after its issue 14 item; the generator leaves them out and each
 * has an `it.fails` case in known-wrong.test.ts. The lead empties this list as the items are fixed.
 */
export const KNOWN_WRONG: Record<string, (s: Shape) => boolean> = {};

export function knownWrong(s: Shape): string | null {
  for (const [name, test] of Object.entries(KNOWN_WRONG)) if (test(s)) return name;
  return null;
}

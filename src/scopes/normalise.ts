// Path normalising: what the scan hands over (a URL, a path with `{}` for dynamic parts, maybe a
// host, a query, a trailing slash) becomes the canonical form the catalog is matched against.

const PLACEHOLDER = '{}';

/**
 * Strips scheme and host, query and fragment, repeated and trailing slashes; keeps `{}` placeholders
 * (named placeholders such as `{objectType}` or `${id}` and `:id` become `{}` too).
 */
export function normalisePath(path: string): string {
  let p = path.trim();
  p = p.replace(/%7B%7D/gi, PLACEHOLDER);
  // scheme + host ("https://api.hubapi.com/…", "//api.hubapi.com/…", "api.hubapi.com/…")
  p = p.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  p = p.replace(/^\/\/[^/?#]*/, '');
  if (!p.startsWith('/') && !p.startsWith('{')) p = p.replace(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?=[/?#]|$)/i, '');
  // template-literal placeholders first (they may contain `?`)
  p = p.replace(/\$\{[^}]*\}/g, PLACEHOLDER);
  // query and fragment; a placeholder glued to the end of the last segment is a query string too
  p = p.replace(/[?#].*$/, '');
  p = p.replace(/([^/{}])\{\}$/, '$1');
  p = p.replace(/\{[^}/]*\}/g, PLACEHOLDER);
  p = p.replace(/(^|\/):[A-Za-z_][A-Za-z0-9_]*(?=\/|$)/g, `$1${PLACEHOLDER}`);
  // a placeholder before the first slash stands for the base URL: `${BASE}/contacts/v1/…`
  if (p.startsWith(PLACEHOLDER + '/')) p = p.slice(PLACEHOLDER.length);
  if (!p.startsWith('/')) p = '/' + p;
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p;
}

/** Segments of a normalised path, without the leading empty one. */
export function pathSegments(normalised: string): string[] {
  return normalised === '/' ? [] : normalised.split('/').slice(1);
}

export function isPlaceholder(segment: string): boolean {
  return segment.includes(PLACEHOLDER);
}

/** `v1` … `v4` or a date version (`2026-03`, `2026-09-beta`). */
export function isVersionSegment(segment: string): boolean {
  return /^v\d+$/.test(segment) || /^\d{4}-\d{2}(-beta)?$/.test(segment);
}

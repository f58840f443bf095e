// Masking of key literals for display. Detection lives with the scanner (maskAll masks what looks like a key in
// context); on top of that, any literal whose fingerprint matches a secret the scan found is masked wherever it
// appears, even where nothing around it says "key".
import type { Site } from '../model/site.js';
import { fingerprint, maskAll, maskSecret } from '../scan/text/secret.js';

export { maskAll };

export type Masker = (text: string) => string;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Anything shaped like a legacy key or a private-app token. */
const CANDIDATE = new RegExp(`(?<![0-9A-Za-z-])(?:pat-[a-z]{2}\\d*-)?${UUID}(?![0-9A-Za-z-])`, 'gi');

/** maskAll, plus every literal that is one of the sites' secrets. */
export function masker(sites: readonly Site[]): Masker {
  const known = new Set(sites.flatMap((s) => (s.secret ? [s.secret.fingerprint] : [])));
  if (known.size === 0) return maskAll;
  return (text) => maskAll(text).replace(CANDIDATE, (m) => (known.has(fingerprint(m)) ? maskSecret(m) : m));
}

export function maskUnless(text: string, showSecrets: boolean, mask: Masker = maskAll): string {
  return showSecrets ? text : mask(text);
}

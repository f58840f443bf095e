// discover: the cheap test that decides which files are worth scanning at all.
import type { ListedFile } from '../model/file.js';

/**
 * A file can hold a key site only if it contains one of these (case-insensitive): `hapikey` / `hapi_key` /
 * `HAPIKEY` / `HAPI_KEY`, `hubapi`, or `hubspot` (which covers `@hubspot/api-client`, `hubspot-api`,
 * `require('hubspot')`, `HUBSPOT_API_KEY`). One precompiled regex, no capture.
 */
export const PREFILTER = /hapi_?key|hubapi|hubspot/i;

/**
 * Config files (.env, JSON, YAML, shell) may declare the key under a name with no HubSpot word in it:
 * `HS_API_KEY=…`, or `"apiKey"` under `origin` / `target` in a config.json template. For those languages the
 * prefilter also accepts `HS_…KEY` names and any `apiKey` / `api_key` (the text scanner then asks for a
 * HubSpot context). Config files are few and small, so the wider test costs little.
 */
export const CONFIG_PREFILTER = /hs_\w*key|api_?key/i;

const CONFIG_LANGUAGES: ReadonlySet<string> = new Set(['env', 'toml', 'json', 'yaml', 'shell']);

/**
 * Whether `text` may hold a site. With `file`, config languages also pass CONFIG_PREFILTER. Every site
 * `scanText` reports is in a file that passes this test.
 */
export function mayHoldKey(text: string, file?: Pick<ListedFile, 'language'>): boolean {
  text = utf16View(text);
  if (PREFILTER.test(text)) return true;
  return file !== undefined && CONFIG_LANGUAGES.has(file.language) && CONFIG_PREFILTER.test(text);
}

/**
 * The prefilter runs on a latin1 view of the raw bytes: a UTF-16 file (BOM FF FE or FE FF) holds its ASCII with
 * NUL bytes in between (`h\0a\0p\0…`), which no needle matches. Such a view is decoded first (a few files at most;
 * every other text is returned as it is, after a two-character check).
 */
function utf16View(text: string): string {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  if (a === 0xff && b === 0xfe) return Buffer.from(text.slice(2), 'latin1').toString('utf16le');
  if (a === 0xfe && b === 0xff) {
    const buf = Buffer.from(text.slice(2, text.length - (text.length % 2)), 'latin1');
    return buf.swap16().toString('utf16le');
  }
  return text;
}

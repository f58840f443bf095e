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

const CONFIG_LANGUAGES: ReadonlySet<string> = new Set(['env', 'json', 'yaml', 'shell']);

/**
 * Whether `text` may hold a site. With `file`, config languages also pass CONFIG_PREFILTER. Every site
 * `scanText` reports is in a file that passes this test.
 */
export function mayHoldKey(text: string, file?: Pick<ListedFile, 'language'>): boolean {
  if (PREFILTER.test(text)) return true;
  return file !== undefined && CONFIG_LANGUAGES.has(file.language) && CONFIG_PREFILTER.test(text);
}

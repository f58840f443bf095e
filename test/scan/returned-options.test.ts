// Library options built by a function (`getOptions() { return { hapikey } }` given to `new HubspotAPI(…)`): the key
// option is the library's when a result of the function goes to the library's constructor; it is renamed only when
// every result does, and (for a function other files could call by name) when the link stage finds no other file
// that mentions it.
import { describe, expect, it } from 'vitest';
import type { ListedFile } from '../../src/model/file.js';
import { scanCode } from '../../src/scan/code.js';

function scan(text: string) {
  const file: ListedFile = { path: 'src/crm.ts', abs: '/x/src/crm.ts', language: 'ts', treatment: 'code', size: text.length };
  return scanCode({ file, text, eol: '\n', repo: { libraryPackage: null, browserApp: false, libraryAliases: new Map() }, options: { tokenEnv: 'HUBSPOT_ACCESS_TOKEN', rewriteBrowser: false } });
}

const header = "import HubspotAPI from 'hubspot-api';\nimport axios from 'axios';\n";

describe('options returned by a function', () => {
  it('are the library options when every result reaches the constructor (directly or through a const)', () => {
    const res = scan(header + `
const options = () => ({ hapikey: process.env.HUBSPOT_API_KEY });
export function pages() { return new HubspotAPI(options()).pages.getPages(); }
export async function blogs() { const o = options(); return new HubspotAPI(o).blog.getPosts(); }
`);
    const [site] = res.sites.filter((s) => s.category === 'P12_CLIENT_HUBSPOT_API_HAPIKEY');
    expect(site.requests.map((r) => r.call)).toContain('pages.getPages');
    // other files could call `options` by name: the rename waits for the link stage to see that none does
    expect([site.status, site.reason]).toEqual(['manual', 'client-options-shared']);
    expect(res.pending!.get(site.id)!.map((e) => e.text)).toEqual(['accessToken']);
    expect(res.nameChecks).toEqual([{ siteId: site.id, file: 'src/crm.ts', name: 'options' }]);
  });

  it('a private method\'s are renamed at once: no other file can call it', () => {
    const res = scan(header + `
export class Crm {
  #key = process.env.HUBSPOT_API_KEY;
  private options() { return { hapikey: this.#key }; }
  pages() { return new HubspotAPI(this.options()).pages.getPages(); }
}
`);
    const [site] = res.sites.filter((s) => s.category === 'P12_CLIENT_HUBSPOT_API_HAPIKEY');
    expect(site.status).toBe('auto');
    expect(res.edits.get(site.id)!.map((e) => e.text)).toEqual(['accessToken']);
    expect(res.nameChecks).toBeUndefined();
  });

  it('stay manual when a result is also used elsewhere (the object is then not only the library options)', () => {
    const res = scan(header + `
const options = () => ({ hapikey: process.env.HUBSPOT_API_KEY });
export function pages() { return new HubspotAPI(options()).pages.getPages(); }
export function raw() { return axios.get('https://api.hubapi.com/contacts/v1/lists', { params: options() }); }
`);
    const [site] = res.sites.filter((s) => s.category === 'P12_CLIENT_HUBSPOT_API_HAPIKEY');
    expect([site.status, site.reason]).toEqual(['manual', 'client-options-shared']);
    expect(site.requests.map((r) => r.call)).toContain('pages.getPages');
    expect(res.pending?.has(site.id) ?? false).toBe(false);
  });

  it('stay manual when the function itself leaves the file', () => {
    const res = scan(header + `
export const options = () => ({ hapikey: process.env.HUBSPOT_API_KEY });
export function pages() { return new HubspotAPI(options()).pages.getPages(); }
`);
    const [site] = res.sites.filter((s) => s.category === 'P12_CLIENT_HUBSPOT_API_HAPIKEY');
    expect([site.status, site.reason]).toEqual(['manual', 'client-options-shared']);
    expect(res.pending?.has(site.id) ?? false).toBe(false);
  });
});

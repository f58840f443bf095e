// A legacy key pasted inside the key expression or the constant it comes from is never the token's expression or
// source (found by the fuzz test with other seeds): it is the site's hard-coded key, reported masked.
import { describe, expect, it } from 'vitest';
import type { ListedFile } from '../../src/model/file.js';
import { scanCode } from '../../src/scan/code.js';

function scan(text: string) {
  const file: ListedFile = { path: 'src/a.js', abs: '/x/src/a.js', language: 'js', treatment: 'code', size: text.length };
  return scanCode({ file, text, eol: '\n', repo: { libraryPackage: null, browserApp: false, libraryAliases: new Map() }, options: { tokenEnv: 'HUBSPOT_ACCESS_TOKEN', rewriteBrowser: false } });
}

const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('a key literal inside the key expression', () => {
  it('a fallback holding a key with text pasted around it: the token is the rest of the expression', () => {
    const res = scan("const axios = require('axios');\nexports.a = () => axios.get(`https://api.hubapi.com/owners/v2/owners?hapikey=${process.env.HUBSPOT_KEY || 'c3f1e2d4-5a6b-4c7d-8e9f-0a1b2c3d4e5fx'}`);\n");
    const [site] = res.sites.filter((s) => s.status === 'auto');
    expect(site.token).toEqual({ expression: 'process.env.HUBSPOT_KEY', origin: 'key-expression' });
    expect(site.flags).toContain('rotate-key');
    expect(UUID_ANYWHERE.test(site.message)).toBe(false);
  });

  it('a constant whose text quotes a key is not named as the token\'s source', () => {
    const res = scan("const axios = require('axios');\nconst KEY = process.env.HUBSPOT_API_KEY || pick(`x?hapikey=9451592d-faa4-4f9e-ad3d-aa229eed1a8b`);\nexports.a = () => axios.get(`https://api.hubapi.com/owners/v2/owners?hapikey=${KEY}`);\n");
    for (const s of res.sites) {
      expect(UUID_ANYWHERE.test(`${s.token?.expression ?? ''} ${s.token?.source ?? ''}`), `${s.line} ${JSON.stringify(s.token)}`).toBe(false);
    }
  });
});

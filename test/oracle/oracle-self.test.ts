// The oracle itself must be able to fail: hand-written wrong rewrites are caught.
import { describe, expect, it } from 'vitest';
import { checkRewrite } from './oracle.js';

const before = `const axios = require('axios');
module.exports = (key) => axios.get('https://api.hubapi.com/crm/v3/objects/contacts?hapikey=' + key, { headers: { Accept: 'application/json' } });
`;

async function problems(after: string, input = before): Promise<string[]> {
  return (await checkRewrite('x.js', input, after, [])).problems;
}

describe('oracle catches wrong rewrites', () => {
  it('accepts the right rewrite', async () => {
    expect(await problems(`const axios = require('axios');
module.exports = (key) => axios.get('https://api.hubapi.com/crm/v3/objects/contacts', { headers: { Accept: 'application/json', Authorization: 'Bearer ' + key } });
`)).toEqual([]);
  });
  it('a dropped token', async () => {
    expect((await problems(`const axios = require('axios');
module.exports = (key) => axios.get('https://api.hubapi.com/crm/v3/objects/contacts', { headers: { Accept: 'application/json' } });
`)).join('\n')).toMatch(/no Authorization/);
  });
  it('a different token value', async () => {
    expect((await problems(`const axios = require('axios');
module.exports = (key) => axios.get('https://api.hubapi.com/crm/v3/objects/contacts', { headers: { Accept: 'application/json', Authorization: 'Bearer ' + process.env.X } });
`)).join('\n')).toMatch(/no Authorization/);
  });
  it('the key left in the URL', async () => {
    expect((await problems(`const axios = require('axios');
module.exports = (key) => axios.get('https://api.hubapi.com/crm/v3/objects/contacts?hapikey=' + key, { headers: { Accept: 'application/json', Authorization: 'Bearer ' + key } });
`)).join('\n')).toMatch(/key still in the URL/);
  });
  it('another header lost', async () => {
    expect((await problems(`const axios = require('axios');
module.exports = (key) => axios.get('https://api.hubapi.com/crm/v3/objects/contacts', { headers: { Authorization: 'Bearer ' + key } });
`)).join('\n')).toMatch(/other headers changed/);
  });
  it('a Headers instance spread into a plain object (issue 14 item 3)', async () => {
    const input = `module.exports = (key) => { const h = new Headers({ Accept: 'application/json' }); return fetch('https://api.hubapi.com/crm/v3/owners?hapikey=' + key, { headers: h }); };\n`;
    const after = `module.exports = (key) => { const h = new Headers({ Accept: 'application/json' }); return fetch('https://api.hubapi.com/crm/v3/owners', { headers: { ...h, Authorization: 'Bearer ' + key } }); };\n`;
    expect((await problems(after, input)).join('\n')).toMatch(/other headers changed/);
  });
  it('a changed path or method', async () => {
    expect((await problems(`const axios = require('axios');
module.exports = (key) => axios.post('https://api.hubapi.com/crm/v3/objects/contact', {}, { headers: { Accept: 'application/json', Authorization: 'Bearer ' + key } });
`)).join('\n')).toMatch(/method or client changed|URL changed/);
  });
  it('an SDK left on apiKey', async () => {
    const input = `const { Client } = require('@hubspot/api-client');\nexport const c = new Client({ apiKey: process.env.K });\n`;
    expect((await problems(input.replace('apiKey', 'developerApiKey'), input)).join('\n')).toMatch(/accessToken/);
  });
  it('a keyed request left as it was, when no site was left to a person', async () => {
    expect((await problems(before)).join('\n')).toMatch(/no Authorization/);
  });
  it('a program that now throws', async () => {
    expect((await problems(`const axios = require('axios');
module.exports = (key) => { axios.get('https://api.hubapi.com/crm/v3/objects/contacts', { headers: { Accept: 'application/json', Authorization: 'Bearer ' + key } }); null.x; };
`)).join('\n')).toMatch(/fails where the original did not/);
  });
});

describe('oracle over params objects passed to helpers', () => {
  const helperInput = `const axios = require('axios');
const list = (query) => axios.get('https://api.hubapi.com/cms/v3/hubdb/tables/t/rows', { params: query });
exports.keyed = () => { const q = { portalId: 1, hapikey: process.env.K }; return list(q); };
`;
  it('a helper only ever called with the keyed object: the header inside it is right', async () => {
    const after = helperInput.replace('{ params: query }', "{ params: query, headers: { Authorization: 'Bearer ' + process.env.K } }").replace(', hapikey: process.env.K', '');
    expect(await problems(after, helperInput)).toEqual([]);
  });
  it('a helper also called with params that hold no key: a header inside it changes that call', async () => {
    const input = helperInput + "exports.open = () => list({ portalId: 1 });\n";
    const after = input.replace('{ params: query }', "{ params: query, headers: { Authorization: 'Bearer ' + process.env.K } }").replace(', hapikey: process.env.K', '');
    expect((await problems(after, input)).join('\n')).toMatch(/an unkeyed request changed/);
  });
  it('one of two helpers left without the header', async () => {
    const input = helperInput.replace('return list(q); };', 'return list(q).then(() => add(q)); };') + "const add = (query) => axios.post('https://api.hubapi.com/cms/v3/hubdb/tables/t/rows', {}, { params: query });\n";
    const after = input.replace('{ params: query }', "{ params: query, headers: { Authorization: 'Bearer ' + process.env.K } }").replace(', hapikey: process.env.K', '');
    expect((await problems(after, input)).join('\n')).toMatch(/no Authorization/);
  });
});

// SDK calls written for old library versions resolve through the maps of those versions; an unknown
// method gets its API family's scopes as uncertain candidates and is marked unresolved (`unknown-method`);
// apiRequest with a path built at run time is `dynamic-path`.
import { describe, expect, it } from 'vitest';
import { rewrite } from './harness.js';

const code = (body: string) => `const hubspot = require('@hubspot/api-client');
const client = new hubspot.Client({ apiKey: process.env.HUBSPOT_API_KEY });

async function run(path) {
${body}
}
module.exports = { run };
`;

function requests(body: string) {
  const [site] = rewrite('src/sdk.js', code(body)).sites;
  return site.requests.map((r) => ({ line: r.line, call: r.call, method: r.method, path: r.path, scopes: r.scopes, uncertain: r.scopesUncertain ?? [], unresolved: r.unresolved ?? null }));
}

describe('library calls across versions', () => {
  it('3.x/4.x class names (crm.owners.defaultApi) resolve', () => {
    expect(requests('  return client.crm.owners.defaultApi.getPage();')).toEqual([
      { line: 5, call: 'crm.owners.defaultApi.getPage', method: 'GET', path: '/crm/v3/owners', scopes: ['crm.objects.owners.read'], uncertain: [], unresolved: null },
    ]);
  });

  it('an unknown method: the family scopes as uncertain, unresolved unknown-method', () => {
    expect(requests('  return client.crm.contacts.basicApi.someFutureMethod();')).toEqual([
      { line: 5, call: 'crm.contacts.basicApi.someFutureMethod', method: null, path: null, scopes: [], uncertain: ['crm.objects.contacts.read', 'crm.objects.contacts.write'], unresolved: 'unknown-method' },
    ]);
  });

  it('apiRequest with a run-time path: unresolved dynamic-path', () => {
    const [r] = requests('  return client.apiRequest({ method: "GET", path });');
    expect([r.path, r.unresolved]).toEqual([null, 'dynamic-path']);
  });
});

import { describe, expect, it } from 'vitest';
import { memberRequires } from '../../src/run/repo-facts.js';

describe('memberRequires: members bound to a required module, in one pass', () => {
  const texts: [string, string][] = [
    ['src/api.js', "class A { constructor() { this.hs = require('hubspot'); this.fetch = require('node-fetch'); } }"],
    ['lib/other.ts', "this.client = require(\"@hubspot/api-client\");\nexports.http = require('axios');\napp.fetch = require('node-fetch');"],
    ['x.js', "obj.hs2 = require('hubspot'); this.toString = require('toString'); this.y = require('lodash');"],
    ['no-require.js', 'this.hs = load("hubspot")'],
  ];
  const r = memberRequires(texts);
  it('HubSpot libraries only through `this.`', () => {
    expect([...r.libraryAliases]).toEqual([['hs', 'hubspot'], ['client', 'hubspot-api-client']]);
  });
  it('HTTP client modules through any owner, with the stems of the files that bind them', () => {
    expect(Object.fromEntries(r.memberModules)).toEqual({
      fetch: { module: 'node-fetch', stems: ['api', 'other'] },
      http: { module: 'axios', stems: ['other'] },
    });
  });
});

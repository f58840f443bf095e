// Is the repository itself a HubSpot API client library (its own code implements the key option: left alone)?
// Known package names (whatever they depend on), and any package named only "hubspot" plus generic client words that
// is published (not private) and is no app (no server framework, no browser build, no official HubSpot client under it).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoKind } from '../../src/run/repo-facts.js';
import { run } from '../../src/run/run.js';
import { writeTree } from '../discover/tree.js';

const pkg = (name: string, dependencies: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({ name, main: 'lib/index.js', dependencies, ...extra });

describe('repoKind: a HubSpot client library by its package', () => {
  it.each([
    ['hubspot', {}],
    ['@hubspot/api-client', {}],
    ['hubspot-api', { axios: '^0.19.0' }],
    ['node-hubspot-api', { axios: '^0.19.0' }],
    ['hubspot-node-client', { 'node-fetch': '^2.0.0' }],
    ['@acme/hubspot-sdk', { got: '^11.0.0' }],
  ])('%s is a library', (name, deps) => {
    expect(repoKind(pkg(name, deps)).libraryPackage).toBe(name);
  });
  it.each([
    ['api-nodejs-hubspot', { express: '^4.17.1', '@hubspot/api-client': '^3.0.0' }, {}],
    ['node-hubspot-api', { axios: '^0.19.0' }, { private: true }],
    ['gatsby-source-hubspot', { 'node-fetch': '^2.0.0' }, {}],
    ['strapi-provider-upload-hubspot', { axios: '^0.19.0' }, {}],
    ['hubspot-contacts', { axios: '^0.19.0' }, {}],
    ['hubspot-api-client-wrapper', { '@hubspot/api-client': '^8.0.0' }, {}],
    ['hubspot-js', { react: '^18.0.0', vite: '^5.0.0' }, {}],
  ])('%s is not', (name, deps, extra) => {
    expect(repoKind(pkg(name, deps, extra)).libraryPackage).toBeNull();
  });
});

describe('a community HubSpot client library is left alone', () => {
  it('its request helper that adds hapikey to every call is library-internal, nothing is rewritten', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mh-libkind-'));
    writeTree(root, {
      'package.json': JSON.stringify(pkg('node-hubspot-client', { axios: '^0.21.0' })),
      'lib/http.js': [
        "const axios = require('axios');",
        'class Http {',
        '  constructor(key) { this.key = key; this.ax = axios.create({ baseURL: "https://api.hubapi.com" }); }',
        '  get(p, params = {}) { return this.ax.get(p, { params: { hapikey: this.key, ...params } }); }',
        '  post(p, body) { return this.ax.post(`${p}?hapikey=${this.key}`, body); }',
        '}',
        'module.exports = Http;',
        '',
      ].join('\n'),
    });
    const { report } = await run({ root, mode: 'dry-run', include: [], exclude: [], gitignore: false, outDir: path.join(root, 'out'), tokenEnv: 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: false });
    expect(report.sites.length).toBeGreaterThan(0);
    expect(report.sites.map((s) => `${s.status} ${s.reason}`)).toEqual(report.sites.map(() => 'ignored library-internal'));
  });
});

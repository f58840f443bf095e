// Places a user must update with the code are listed, each with what to do (issue 11, item 7): env reads, env
// files by any name, deploy config, framework config and option schemas, a Zapier app's API-key field, tests that
// set a key, and committed build output that still sends it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/index.js';
import { run } from '../../src/run/run.js';
import { writeTree } from '../discover/tree.js';
import { gitCommitAll } from '../e2e/helpers.js';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "crm-app", "dependencies": { "axios": "^1.0.0", "joi": "^17.0.0", "zapier-platform-core": "^15.0.0" } }\n',
  'src/client.js': "const axios = require('axios');\nconst { HUBSPOT_KEY } = process.env;\n\nexports.contacts = () => axios.get(`https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=${HUBSPOT_KEY}`);\n",
  'config/keys.js': 'const hubSpotKey = process.env.hubspot_key;\nexports.hubSpotKey = hubSpotKey;\n',
  'env.example': 'HUBSPOT_KEY=your-hubspot-api-key\n',
  '.env.sample': 'HUBSPOT_API_KEY=\n',
  'netlify.toml': '[build]\n  command = "npm run build"\n\n[build.environment]\n  HUBSPOT_API_KEY = "set-in-ui"\n',
  'serverless.yml': 'service: crm\nprovider:\n  name: aws\n  environment:\n    HUBSPOT_API_KEY: ${env:HUBSPOT_API_KEY}\n',
  'app.json': '{\n  "name": "crm",\n  "env": {\n    "HUBSPOT_API_KEY": { "description": "HubSpot API key", "required": true }\n  }\n}\n',
  'keystone.js': "const { Keystone } = require('@keystonejs/keystone');\nmodule.exports = new Keystone({\n  name: 'crm',\n  hubspotApiKey: config.hubspot,\n});\n",
  'src/options.js': "const Joi = require('joi');\nexports.pluginOptionsSchema = () => Joi.object({\n  hubspotApiKey: Joi.string().required().description('HubSpot API key'),\n});\n",
  'src/action.ts': "export class HubspotAction {\n  params = [\n    { name: 'hubspot_api_key', label: 'Hubspot API Key', required: true, sensitive: true },\n    { name: 'batch_size', label: 'Batch size', required: false },\n  ];\n}\n",
  'src/types.ts': 'export interface PluginOptions {\n  hubspotApiKey: string;\n  portalId?: string;\n}\n',
  'src/authentication.js': "module.exports = {\n  type: 'custom',\n  fields: [{ key: 'apiKey', label: 'HubSpot API Key', required: true, type: 'string' }],\n  test: { url: 'https://api.hubapi.com/integrations/v1/me' },\n};\n",
  'test/contacts.test.js': "const zapier = require('zapier-platform-core');\nit('lists contacts', async () => {\n  const bundle = { authData: { apiKey: 'demo' } };\n  await run(bundle);\n});\n",
  'dist/client.js': '"use strict";const axios=require("axios");\nexports.contacts = function () { return axios.get("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + process.env.HUBSPOT_KEY); };\n',
  'build/untracked.js': 'exports.x = () => fetch("https://api.hubapi.com/x?hapikey=" + process.env.HUBSPOT_KEY);\n',
};

async function scan(git: boolean) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mh-places-'));
  const files = { ...FILES };
  if (git) {
    const untracked = files['build/untracked.js'];
    delete files['build/untracked.js'];
    writeTree(root, files);
    gitCommitAll(root);
    writeTree(root, { 'build/untracked.js': untracked });
  } else writeTree(root, files);
  return run({ root, mode: 'dry-run', include: [], exclude: [], gitignore: true, outDir: path.join(root, 'out'), tokenEnv: 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: false });
}

describe('places to update with the code', () => {
  it('each is listed with what to do', async () => {
    const { report, plans } = await scan(true);
    expect(report.sites.map((s) => `${s.file}:${s.line} ${s.status} ${s.reason}`)).toEqual([
      '.env.sample:1 ignored config-declaration',
      'app.json:4 ignored config-declaration',
      'config/keys.js:1 ignored env-read',
      'dist/client.js:2 manual committed-build-output',
      'env.example:1 ignored config-declaration',
      'keystone.js:4 ignored key-config-option',
      'netlify.toml:5 ignored config-declaration',
      'serverless.yml:5 ignored config-declaration',
      'src/action.ts:3 ignored key-option-schema',
      'src/authentication.js:3 manual zapier-api-key-field',
      'src/client.js:2 ignored env-read',
      'src/client.js:4 auto ',
      'src/options.js:3 ignored key-option-schema',
      'src/types.ts:2 ignored key-option-schema',
      'test/contacts.test.js:3 ignored test-sets-key',
    ]);
    for (const s of report.sites) expect(s.message, `${s.file}:${s.line}`).toMatch(/access token|rebuild|authData|token it now reads/);
    expect(report.sites.find((s) => s.file === 'dist/client.js')!.message).toMatch(/rebuild/);
    expect(plans.map((p) => p.file)).toEqual(['src/client.js']);
    const md = renderMarkdown({ report, plans, showSecrets: false, linkBase: '' });
    const section = md.slice(md.indexOf('## Update with the code (12)'));
    expect(section).toContain('- [ ] [netlify.toml:5](netlify.toml#L5) `config-declaration`');
    expect(section).toContain('- [ ] [src/options.js:3](src/options.js#L3) `key-option-schema`');
    expect(md).toContain('[dist/client.js:2](dist/client.js#L2) `committed-build-output`');
  });

  it('build output that git does not track is only skipped', async () => {
    const { report } = await scan(false);
    expect(report.sites.filter((s) => s.file.startsWith('dist/') || s.file.startsWith('build/'))).toEqual([]);
    expect(report.skipped.map((s) => `${s.file} ${s.reason}`)).toEqual(['build/ build-output', 'dist/ build-output']);
  });
});

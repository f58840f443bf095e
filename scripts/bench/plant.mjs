// The legacy HubSpot key sites planted in the synthetic repository, one function (or module-level client) per
// site, in the shapes catalogued in shared/reference/patterns.md. Each returns the imports it needs (ESM and
// CommonJS forms), the body text, and the names it defines (for `module.exports`).

const ENV = ['HUBSPOT_API_KEY', 'HAPIKEY', 'HUBSPOT_KEY', 'HS_API_KEY'];

const HTTP = {
  axios: { esm: "import axios from 'axios';", cjs: "const axios = require('axios');" },
  superagent: { esm: "import superagent from 'superagent';", cjs: "const superagent = require('superagent');" },
  request: { esm: "import request from 'request-promise';", cjs: "const request = require('request-promise');" },
  hubspot: { esm: "import * as hubspot from '@hubspot/api-client';", cjs: "const hubspot = require('@hubspot/api-client');" },
};

function imports(...libs) {
  return { esm: libs.map((l) => HTTP[l].esm), cjs: libs.map((l) => HTTP[l].cjs) };
}

/** pattern name → { make(r, n, ts, esm), expect: statuses that count as right } */
export const PATTERNS = {
  'fetch-template': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const p = ts ? 'id: string' : 'id';
      const body = [
        `${esm ? 'export ' : ''}async function fetchContactProfile${n}(${p}) {`,
        `  const res = await fetch(\`https://api.hubapi.com/contacts/v1/contact/vid/\${id}/profile?hapikey=\${process.env.${env}}\`);`,
        `  if (!res.ok) throw new Error(\`contact \${id}: \${res.status}\`);`,
        '  return res.json();',
        '}',
      ];
      return { imports: imports(), body: body.join('\n'), exports: [`fetchContactProfile${n}`] };
    },
  },
  'axios-params': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const shorthand = r.chance(0.5);
      const p = ts ? 'after?: string' : 'after';
      const body = [
        `${esm ? 'export ' : ''}async function listDeals${n}(${p}) {`,
        shorthand ? `  const hapikey = process.env.${env};` : `  const key = process.env.${env};`,
        "  const { data } = await axios.get('https://api.hubapi.com/crm/v3/objects/deals', {",
        shorthand ? '    params: { hapikey, limit: 100, after },' : '    params: { hapikey: key, limit: 100, after },',
        '  });',
        '  return data.results;',
        '}',
      ];
      return { imports: imports('axios'), body: body.join('\n'), exports: [`listDeals${n}`] };
    },
  },
  'axios-create': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const body = [
        `const hubspotHttp${n} = axios.create({`,
        "  baseURL: 'https://api.hubapi.com',",
        `  params: { hapikey: process.env.${env} },`,
        '  timeout: 10000,',
        '});',
        '',
        `${esm ? 'export ' : ''}async function listOwners${n}() {`,
        `  const { data } = await hubspotHttp${n}.get('/crm/v3/owners');`,
        '  return data.results;',
        '}',
      ];
      return { imports: imports('axios'), body: body.join('\n'), exports: [`listOwners${n}`] };
    },
  },
  'concat': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const p = ts ? 'dealId: string | number' : 'dealId';
      const body = [
        `const HUBSPOT_KEY_${n} = process.env.${env};`,
        '',
        `${esm ? 'export ' : ''}async function getDeal${n}(${p}) {`,
        `  const url = 'https://api.hubapi.com/deals/v1/deal/' + dealId + '?hapikey=' + HUBSPOT_KEY_${n} + '&includeAssociations=true';`,
        '  const res = await fetch(url);',
        '  return res.json();',
        '}',
      ];
      return { imports: imports(), body: body.join('\n'), exports: [`getDeal${n}`] };
    },
  },
  'url-search-params': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const body = [
        `${esm ? 'export ' : ''}async function listCompanies${n}(${ts ? 'limit = 50' : 'limit = 50'}) {`,
        `  const query = new URLSearchParams({ hapikey: process.env.${env}${ts ? ' ?? \'\'' : ''}, limit: String(limit) });`,
        '  const res = await fetch(`https://api.hubapi.com/crm/v3/objects/companies?${query}`);',
        '  return (await res.json()).results;',
        '}',
      ];
      return { imports: imports(), body: body.join('\n'), exports: [`listCompanies${n}`] };
    },
  },
  'search-params-set': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const p = ts ? 'page: Record<string, unknown>' : 'page';
      const body = [
        `${esm ? 'export ' : ''}async function createPage${n}(${p}) {`,
        "  const u = new URL('https://api.hubapi.com/content/api/v2/pages');",
        `  u.searchParams.set('hapikey', process.env.${env}${ts ? ' ?? \'\'' : ''});`,
        "  const res = await fetch(u.href, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(page) });",
        '  return res.json();',
        '}',
      ];
      return { imports: imports(), body: body.join('\n'), exports: [`createPage${n}`] };
    },
  },
  'request-qs': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const body = [
        `${esm ? 'export ' : ''}function allContacts${n}(${ts ? 'count = 100' : 'count = 100'}) {`,
        '  return request({',
        "    uri: 'https://api.hubapi.com/contacts/v1/lists/all/contacts/all',",
        `    qs: { hapikey: process.env.${env}, count },`,
        '    json: true,',
        '  });',
        '}',
      ];
      return { imports: imports('request'), body: body.join('\n'), exports: [`allContacts${n}`] };
    },
  },
  'superagent-query': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const body = [
        `${esm ? 'export ' : ''}async function listTickets${n}() {`,
        '  const res = await superagent',
        "    .get('https://api.hubapi.com/crm/v3/objects/tickets')",
        `    .query({ hapikey: process.env.${env}, limit: 20 });`,
        '  return res.body.results;',
        '}',
      ];
      return { imports: imports('superagent'), body: body.join('\n'), exports: [`listTickets${n}`] };
    },
  },
  'api-client': {
    expect: ['auto', 'manual'],
    make(r, n, ts, esm) {
      const env = r.pick(ENV);
      const p = ts ? 'after?: string' : 'after';
      const body = [
        `const hubspotClient${n} = new hubspot.Client({ apiKey: process.env.${env} });`,
        '',
        `${esm ? 'export ' : ''}async function pageOfCompanies${n}(${p}) {`,
        `  const page = await hubspotClient${n}.crm.companies.basicApi.getPage(50, after, ['name', 'domain']);`,
        '  return page.results;',
        '}',
      ];
      return { imports: imports('hubspot'), body: body.join('\n'), exports: [`pageOfCompanies${n}`] };
    },
  },
  'devkey-webhooks': {
    expect: ['developer-key'],
    make(r, n, ts, esm) {
      const p = ts ? 'appId: number, eventType: string' : 'appId, eventType';
      const body = [
        '// Webhook subscriptions are managed with the developer API key of the app developer account.',
        `${esm ? 'export ' : ''}async function subscribe${n}(${p}) {`,
        '  const { data } = await axios.post(',
        '    `https://api.hubapi.com/webhooks/v3/${appId}/subscriptions?hapikey=${process.env.HUBSPOT_DEVELOPER_API_KEY}`,',
        '    { eventType, active: true },',
        '  );',
        '  return data;',
        '}',
      ];
      return { imports: imports('axios'), body: body.join('\n'), exports: [`subscribe${n}`] };
    },
  },
};

/** Files that mention HubSpot (so they pass the prefilter) but hold no key: already-migrated code, comments. */
export function mentionOnly(r, n, ts, esm) {
  const variant = r.int(0, 2);
  if (variant === 0) {
    const body = [
      `const hubspotClient${n} = new hubspot.Client({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN });`,
      '',
      `${esm ? 'export ' : ''}async function getContact${n}(${ts ? 'id: string' : 'id'}) {`,
      `  return hubspotClient${n}.crm.contacts.basicApi.getById(id, ['email', 'firstname']);`,
      '}',
    ];
    return { imports: imports('hubspot'), body: body.join('\n'), exports: [`getContact${n}`] };
  }
  if (variant === 1) {
    const body = [
      '// Sync the local customer list with the HubSpot CRM (private-app token, see docs/hubspot.md).',
      `${esm ? 'export ' : ''}async function searchContacts${n}(${ts ? 'email: string' : 'email'}) {`,
      "  const res = await fetch('https://api.hubapi.com/crm/v3/objects/contacts/search', {",
      "    method: 'POST',",
      '    headers: { Authorization: `Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}`, \'Content-Type\': \'application/json\' },',
      "    body: JSON.stringify({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: email }] }] }),",
      '  });',
      '  return res.json();',
      '}',
    ];
    return { imports: imports(), body: body.join('\n'), exports: [`searchContacts${n}`] };
  }
  const body = [
    `${esm ? 'export ' : ''}const HUBSPOT_PORTAL_ID_${n} = Number(process.env.HUBSPOT_PORTAL_ID ?? 0);`,
    `${esm ? 'export ' : ''}const hubspotFormUrl${n} = (formId${ts ? ': string' : ''}) =>`,
    `  \`https://api.hsforms.com/submissions/v3/integration/submit/\${HUBSPOT_PORTAL_ID_${n}}/\${formId}\`;`,
  ];
  return { imports: imports(), body: body.join('\n'), exports: [`hubspotFormUrl${n}`] };
}

/** Text of an ignored or skipped file that does hold `hapikey` (node_modules, dist, coverage, scratch, minified):
 * the scanner must not report it. */
export function ignoredKeyText(r, n, flavour) {
  if (flavour === 'minified') {
    return `!function(){var e="https://api.hubapi.com",t=function(n){return e+"/forms/v2/forms?hapikey="+n};window.hsf${n}={url:t}}();\n`;
  }
  if (flavour === 'library') {
    return [
      "'use strict';",
      '// Legacy HubSpot client: the api key goes in the query string.',
      `function Client${n}(options) {`,
      '  this.options = options || {};',
      "  this.qs = { hapikey: this.options.apiKey };",
      '}',
      `Client${n}.prototype.request = function (opts) {`,
      "  return this.http({ baseUrl: 'https://api.hubapi.com', qs: Object.assign({}, this.qs, opts.qs), uri: opts.path });",
      '};',
      `module.exports = Client${n};`,
      '',
    ].join('\n');
  }
  return [
    `"use strict";`,
    `Object.defineProperty(exports, "__esModule", { value: true });`,
    `exports.fetchContactProfile${n} = void 0;`,
    `async function fetchContactProfile${n}(id) {`,
    `    const res = await fetch(\`https://api.hubapi.com/contacts/v1/contact/vid/\${id}/profile?hapikey=\${process.env.HUBSPOT_API_KEY}\`);`,
    `    return res.json();`,
    `}`,
    `exports.fetchContactProfile${n} = fetchContactProfile${n};`,
    '',
  ].join('\n');
}

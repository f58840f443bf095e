// A realistic run, built by hand: several files (one CRLF + BOM with a hard-coded key, one without a final
// newline, one with several hunks), and sites of every status. Plans are made by applying real edits.
import { createHash } from 'node:crypto';
import type { FilePlan, SiteEdits, TextEdit } from '../../src/model/edit.js';
import type { Report } from '../../src/model/report.js';
import type { RequestInfo, Site } from '../../src/model/site.js';
import { toFileChanges } from '../../src/report/patch.js';

export const KEY = 'bdcec428-0000-4000-8000-000000000abc';

/** An edit replacing the `nth` occurrence (0-based) of `find` in `text`. */
export function edit(text: string, find: string, replacement: string, nth = 0): TextEdit {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(find, at + 1);
    if (at < 0) throw new Error(`fixture: ${JSON.stringify(find)} #${nth} not found`);
  }
  return { start: at, end: at + find.length, text: replacement };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** 1-based line and column of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

export function makePlan(file: string, before: string, groups: { siteId: string; edits: TextEdit[] }[], opts: { bom?: boolean; eol?: '\n' | '\r\n' } = {}): FilePlan {
  const edits: SiteEdits[] = groups.map((g) => ({ siteId: g.siteId, file, edits: g.edits }));
  return {
    file,
    before,
    after: applyEdits(before, groups.flatMap((g) => g.edits)),
    bom: opts.bom ?? false,
    eol: opts.eol ?? '\n',
    siteIds: groups.map((g) => g.siteId),
    edits,
  };
}

// ---------------------------------------------------------------- src/hubspot.ts: LF, three sites, several hunks
const HUBSPOT_TS = [
  "import axios from 'axios';",
  '',
  "const BASE = 'https://api.hubapi.com';",
  '',
  'export async function listContacts() {',
  '  const res = await fetch(`${BASE}/crm/v3/objects/contacts?limit=100&hapikey=${process.env.HUBSPOT_API_KEY}`);',
  '  return res.json();',
  '}',
  '',
  'function toProperties(input: Record<string, unknown>) {',
  '  const out: Record<string, string> = {};',
  '  for (const [k, v] of Object.entries(input)) {',
  "    if (v !== undefined && v !== null) out[k] = String(v);",
  '  }',
  '  return out;',
  '}',
  '',
  'export async function createContact(input: Record<string, unknown>) {',
  '  return axios.post(`${BASE}/contacts/v1/contact`, { properties: toProperties(input) }, {',
  '    params: { hapikey: process.env.HUBSPOT_API_KEY },',
  '  });',
  '}',
  '',
  'export async function hubspotGet(path: string, key: string) {',
  "  const url = BASE + path + (path.includes('?') ? '&' : '?') + 'hapikey=' + key;",
  '  return fetch(url);',
  '}',
  '',
].join('\n');

const hubspotEdits = {
  list: [
    edit(HUBSPOT_TS, '&hapikey=${process.env.HUBSPOT_API_KEY}`);', '`, {\n    headers: { Authorization: `Bearer ${process.env.HUBSPOT_API_KEY}` },\n  });'),
  ],
  create: [
    edit(HUBSPOT_TS, 'params: { hapikey: process.env.HUBSPOT_API_KEY },', 'headers: { Authorization: `Bearer ${process.env.HUBSPOT_API_KEY}` },'),
  ],
};

// ---------------------------------------------------------------- legacy/sync.js: CRLF + BOM, hard-coded key
const SYNC_JS = [
  "'use strict';",
  "const request = require('request');",
  `const HAPIKEY = '${KEY}';`,
  '',
  'function allContacts(cb) {',
  "  request.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=' + HAPIKEY, cb);",
  '}',
  '',
  'module.exports = { allContacts };',
  '',
].join('\r\n');

const syncEdits = [
  edit(SYNC_JS, `'${KEY}'`, 'process.env.HUBSPOT_ACCESS_TOKEN'),
  edit(SYNC_JS, "?hapikey=' + HAPIKEY, cb", "', { auth: { bearer: HAPIKEY } }, cb"),
];

// ---------------------------------------------------------------- scripts/export-deals.sh: no final newline
const EXPORT_SH = [
  '#!/bin/sh',
  'set -eu',
  'curl -s "https://api.hubapi.com/crm/v3/objects/deals?hapikey=$HUBSPOT_API_KEY" > deals.json',
].join('\n');

const exportEdits = [
  edit(EXPORT_SH, 'curl -s "', 'curl -s -H "Authorization: Bearer $HUBSPOT_API_KEY" "'),
  edit(EXPORT_SH, '?hapikey=$HUBSPOT_API_KEY', ''),
];

// ---------------------------------------------------------------- src/client.ts: client library option
const CLIENT_TS = [
  "import { Client } from '@hubspot/api-client';",
  '',
  'export const hubspot = new Client({ apiKey: process.env.HUBSPOT_API_KEY });',
  '',
  'export async function pageContacts() {',
  '  return hubspot.crm.contacts.basicApi.getPage(100);',
  '}',
  '',
  'export async function raw(method: string, path: string) {',
  '  return hubspot.apiRequest({ method, path });',
  '}',
  '',
].join('\n');

const clientEdits = [edit(CLIENT_TS, 'apiKey:', 'accessToken:')];

export const PLANS: FilePlan[] = [
  makePlan('src/hubspot.ts', HUBSPOT_TS, [
    { siteId: 's-5f1c2a9e01', edits: hubspotEdits.list },
    { siteId: 's-5f1c2a9e02', edits: hubspotEdits.create },
  ]),
  makePlan('legacy/sync.js', SYNC_JS, [{ siteId: 's-9a0b7c3d01', edits: syncEdits }], { bom: true, eol: '\r\n' }),
  makePlan('scripts/export-deals.sh', EXPORT_SH, [{ siteId: 's-77e1d0aa01', edits: exportEdits }]),
  makePlan('src/client.ts', CLIENT_TS, [{ siteId: 's-c13e5b7f01', edits: clientEdits }]),
];

// ---------------------------------------------------------------- sites
function at(text: string, find: string, nth = 0): { line: number; column: number } {
  return position(text, edit(text, find, '', nth).start);
}

function req(file: string, line: number, client: RequestInfo['client'], method: RequestInfo['method'], path: string | null, scopes: string[], extra: Partial<RequestInfo> = {}): RequestInfo {
  return { file, line, client, method, path, scopes, lifecycle: null, ...extra };
}

const UNSUPPORTED_CONTACT_V1 = { status: 'unsupported-from', date: '2027-09', replacement: '/crm/objects/2026-09/contacts' } as const;

export const SITES: Site[] = [
  {
    id: 's-5f1c2a9e01', file: 'src/hubspot.ts', ...at(HUBSPOT_TS, 'hapikey=${'), language: 'ts', pattern: 'query-string',
    status: 'auto', reason: 'template-url', message: 'The key is in the URL query string; it moves to an Authorization header.', applied: false,
    requests: [req('src/hubspot.ts', 6, 'fetch', 'GET', '/crm/v3/objects/contacts', ['crm.objects.contacts.read'], { lifecycle: { status: 'supported', date: null, replacement: null } })],
    secret: null, category: 'P01_QS_TEMPLATE', token: { expression: 'process.env.HUBSPOT_API_KEY', origin: 'key-expression' },
  },
  {
    id: 's-5f1c2a9e02', file: 'src/hubspot.ts', ...at(HUBSPOT_TS, 'hapikey: process'), language: 'ts', pattern: 'params-object',
    status: 'auto', reason: 'axios-params', message: 'The key is in the axios params; it moves to an Authorization header.', applied: false,
    requests: [req('src/hubspot.ts', 19, 'axios', 'POST', '/contacts/v1/contact', ['crm.objects.contacts.write'], { lifecycle: UNSUPPORTED_CONTACT_V1 })],
    secret: null, category: 'P04_QS_BUILDER', token: { expression: 'process.env.HUBSPOT_API_KEY', origin: 'key-expression' },
  },
  {
    id: 's-5f1c2a9e03', file: 'src/hubspot.ts', ...at(HUBSPOT_TS, "'hapikey=' + key"), language: 'ts', pattern: 'query-string',
    status: 'manual', reason: 'dynamic-url', message: 'The URL is built at run time from `path`; remove `hapikey=` and send `Authorization: Bearer <token>` where fetch is called.', applied: false,
    requests: [req('src/hubspot.ts', 26, 'fetch', 'GET', null, [], { scopesUncertain: ['crm.objects.companies.read'], unresolved: 'dynamic-path' })],
    secret: null, category: 'P02_QS_CONCAT',
  },
  {
    id: 's-9a0b7c3d01', file: 'legacy/sync.js', ...at(SYNC_JS, `'${KEY}'`), language: 'js', pattern: 'query-string',
    status: 'auto', reason: 'hardcoded-literal', message: 'A hard-coded key feeds the query string; the token is read from HUBSPOT_ACCESS_TOKEN instead.', applied: false,
    requests: [req('legacy/sync.js', 6, 'request', 'GET', '/contacts/v1/lists/all/contacts/all', ['crm.lists.read'], {
      lifecycle: { status: 'removed', date: '2026-04-30', replacement: '/crm/lists/2026-09/{}/memberships', note: 'Contact Lists v1 answers 404' },
    })],
    secret: { kind: 'legacy-api-key', masked: '****-…-0abc', fingerprint: createHash('sha256').update(KEY).digest('hex') },
    category: 'P33_HARDCODED_LITERAL', token: { expression: 'process.env.HUBSPOT_ACCESS_TOKEN', origin: 'env-default' }, flags: ['hardcoded-literal'],
  },
  {
    id: 's-77e1d0aa01', file: 'scripts/export-deals.sh', ...at(EXPORT_SH, 'hapikey='), language: 'shell', pattern: 'query-string',
    status: 'auto', reason: 'shell-url', message: 'curl sends the key in the query string; it moves to an Authorization header.', applied: false,
    requests: [req('scripts/export-deals.sh', 3, 'other', 'GET', '/crm/v3/objects/deals', ['crm.objects.deals.read'])],
    secret: null, category: 'P08_QS_OTHER_CLIENT', token: { expression: '$HUBSPOT_API_KEY', origin: 'key-expression' },
  },
  {
    id: 's-c13e5b7f01', file: 'src/client.ts', ...at(CLIENT_TS, 'apiKey'), language: 'ts', pattern: 'client-option',
    status: 'auto', reason: 'client-apikey', message: '`apiKey` becomes `accessToken` in the @hubspot/api-client options.', applied: false,
    requests: [
      req('src/client.ts', 6, 'hubspot-api-client', 'GET', '/crm/v3/objects/contacts', ['crm.objects.contacts.read'], { call: 'crm.contacts.basicApi.getPage' }),
      req('src/client.ts', 10, 'hubspot-api-client', null, null, [], { call: 'apiRequest', scopesUncertain: ['crm.objects.deals.write'] }),
    ],
    secret: null, category: 'P10_CLIENT_API_CLIENT_APIKEY', token: { expression: 'process.env.HUBSPOT_API_KEY', origin: 'key-expression' },
  },
  {
    id: 's-2d4f6a8c01', file: 'src/webhooks.ts', line: 14, column: 52, language: 'ts', pattern: 'query-string',
    status: 'developer-key', reason: 'developer-api-key', message: 'Developer API key with appId on /webhooks/v3/{appId}/settings: still valid, left alone.', applied: false,
    requests: [req('src/webhooks.ts', 14, 'fetch', 'PUT', '/webhooks/v3/{}/settings', [])],
    secret: null, category: 'P20_DEVKEY',
  },
  {
    id: 's-e0c8b6a401', file: 'web/widget.js', line: 8, column: 14, language: 'js', pattern: 'params-object',
    status: 'manual', reason: 'browser-code', message: 'This runs in the browser: any token here is public. Move the call behind your server.', applied: false,
    requests: [req('web/widget.js', 7, 'jquery', 'GET', '/contacts/v1/contact/email/{}/profile', ['crm.objects.contacts.read'], {
      lifecycle: { status: 'unsupported-from', date: '2027-09', replacement: '/crm/objects/2026-09/contacts/{}' },
    })],
    secret: null, category: 'P34_CLIENT_SIDE', flags: ['browser-code'],
  },
  {
    id: 's-0b1c2d3e01', file: 'src/old-sync.ts', line: 3, column: 4, language: 'ts', pattern: 'query-string',
    status: 'ignored', reason: 'commented-out', message: 'Commented-out code.', applied: false,
    requests: [], secret: null, category: 'P23_COMMENTED',
  },
];

export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'migrate-hapikey', version: '0.1.0' },
    root: '/work/acme-crm',
    mode: 'dry-run',
    summary: {
      filesScanned: 14,
      filesSkipped: 2,
      sites: SITES.length,
      byStatus: { auto: 5, manual: 2, 'developer-key': 1, ignored: 1 },
      applied: 0,
      unresolvedRequests: 2,
    },
    scopes: {
      required: ['crm.lists.read', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read'],
      uncertain: ['crm.objects.companies.read', 'crm.objects.deals.write'],
    },
    sites: SITES,
    skipped: [
      { file: 'src/broken.ts', reason: 'parse-error', message: "Unexpected token '|' (12:4)" },
      { file: 'vendor/analytics.min.js', reason: 'minified', message: 'Minified (average line length 1840).' },
    ],
    token: { kind: 'service-key', reason: 'Every call is a server-side REST call in one account; no webhooks or UI extensions were found.' },
    changes: toFileChanges(PLANS),
    tokenSources: ['process.env.HUBSPOT_API_KEY', '$HUBSPOT_API_KEY', 'process.env.HUBSPOT_ACCESS_TOKEN'],
    ...overrides,
  };
}

/** The fixture with every request resolved (no `path: null`): a report without scope gaps. */
export function resolvedReport(): Report {
  const base = makeReport();
  const sites = SITES.map((s) => ({
    ...s,
    requests: s.requests.map((r) => (r.path !== null ? r : {
      ...r, method: r.method ?? 'GET', path: '/crm/v3/objects/companies', scopes: ['crm.objects.companies.read'], scopesUncertain: undefined, unresolved: undefined,
    })),
  }));
  return { ...base, sites, summary: { ...base.summary, unresolvedRequests: 0 } };
}

/** Only calls whose endpoints are unknown, and a key use whose calls were not found: no scope known. */
export function unknownOnlyReport(): Report {
  const base = makeReport();
  const sites: Site[] = [
    SITES.find((s) => s.id === 's-5f1c2a9e03')!,
    { ...SITES.find((s) => s.id === 's-c13e5b7f01')!, requests: [SITES.find((s) => s.id === 's-c13e5b7f01')!.requests[1]] },
    {
      id: 's-44aa55bb01', file: 'jobs/sync.py', line: 4, column: 9, language: 'python', pattern: 'query-string', status: 'manual', reason: 'other-language',
      message: 'Python code: send the token in an Authorization header.', applied: false, requests: [], secret: null, category: 'P08_QS_OTHER_CLIENT',
    },
  ];
  return {
    ...base,
    sites,
    summary: { ...base.summary, sites: 3, byStatus: { auto: 1, manual: 2, 'developer-key': 0, ignored: 0 }, unresolvedRequests: 2 },
    scopes: { required: [], uncertain: ['crm.objects.companies.read', 'crm.objects.deals.write'] },
    changes: [],
    tokenSources: [],
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/discover/classify.js';
import { mayHoldKey } from '../../src/discover/prefilter.js';
import type { ListedFile } from '../../src/model/file.js';
import type { Site } from '../../src/model/site.js';
import { isHubSpotKeyName, scanText } from '../../src/scan/text/index.js';
import { fingerprint } from '../../src/scan/text/secret.js';

const ROOT = path.resolve(__dirname, '../../fixtures/text');

function listed(rel: string, abs = path.join(ROOT, rel)): ListedFile {
  const c = classify(rel);
  if (!c) throw new Error(`not a candidate: ${rel}`);
  return { path: rel, abs, language: c.language, treatment: c.treatment, size: 0 };
}

function scan(rel: string): { sites: Site[]; text: string } {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  return { sites: scanText(listed(rel), text), text };
}

function scanInline(rel: string, text: string): Site[] {
  return scanText(listed(rel, '/nonexistent/' + rel), text);
}

/** [line, status, category, pattern, reason, text found at the site's column] */
type Row = [number, Site['status'], Site['category'], Site['pattern'], string, string];

function rows(rel: string): Row[] {
  const { sites, text } = scan(rel);
  const lines = text.split(/\r?\n/);
  return sites.map((s) => {
    expect(s.file).toBe(rel);
    const tokenAt = lines[s.line - 1].slice(s.column - 1).match(/^[A-Za-z_][A-Za-z0-9_]*/)?.[0] ?? '';
    return [s.line, s.status, s.category, s.pattern, s.reason, tokenAt];
  });
}

const EXPECTED: Record<string, Row[]> = {
  'python/hubspot_sync.py': [
    [6, 'ignored', 'P23_COMMENTED', 'client-option', 'commented-out', 'api_key'],
    [7, 'manual', 'P13_OTHER_SDK', 'client-option', 'other-language', 'api_key'],
    [8, 'manual', 'P13_OTHER_SDK', 'client-option', 'other-language', 'api_key'],
    [12, 'manual', 'P13_OTHER_SDK', 'query-string', 'other-language', 'hapikey'],
    [19, 'manual', 'P13_OTHER_SDK', 'other', 'other-language', 'hapikey'],
    [25, 'manual', 'P13_OTHER_SDK', 'client-option', 'other-language', 'api_key'],
    [34, 'developer-key', 'P20_DEVKEY', 'query-string', 'developer-key-endpoint', 'hapikey'],
  ],
  // no HubSpot in the file: api_key, searchApiKey and langsmithApiKey are someone else's
  'python/payments.py': [],
  'php/HubSpotService.php': [
    [10, 'manual', 'P13_OTHER_SDK', 'client-option', 'other-language', 'create'],
    [15, 'manual', 'P13_OTHER_SDK', 'client-option', 'other-language', 'createWithApiKey'],
    [20, 'ignored', 'P23_COMMENTED', 'query-string', 'commented-out', 'hapikey'],
    [21, 'manual', 'P13_OTHER_SDK', 'other', 'other-language', 'hapikey'],
  ],
  'php/config/hubspot.php': [[4, 'manual', 'P13_OTHER_SDK', 'other', 'other-language', 'api_key']],
  'ruby/hubspot_client.rb': [
    [4, 'manual', 'P13_OTHER_SDK', 'client-option', 'other-language', 'api_key'],
    [10, 'manual', 'P13_OTHER_SDK', 'other', 'other-language', 'hapikey'],
    [11, 'manual', 'P13_OTHER_SDK', 'other', 'other-language', 'auth_names'],
    [16, 'manual', 'P13_OTHER_SDK', 'client-option', 'other-language', 'hapikey'],
    [17, 'ignored', 'P23_COMMENTED', 'client-option', 'commented-out', 'hapikey'],
  ],
  'go/hubspot.go': [
    [12, 'manual', 'P13_OTHER_SDK', 'client-option', 'other-language', 'WithAPIKey'],
    [16, 'manual', 'P13_OTHER_SDK', 'query-string', 'other-language', 'hapikey'],
    [21, 'manual', 'P13_OTHER_SDK', 'other', 'other-language', 'hapikey'],
  ],
  'java/ContactsClient.java': [
    [4, 'manual', 'P13_OTHER_SDK', 'query-string', 'other-language', 'hapikey'],
    [5, 'manual', 'P13_OTHER_SDK', 'query-string', 'other-language', 'hapikey'],
    [8, 'ignored', 'P23_COMMENTED', 'query-string', 'commented-out', 'hapikey'],
    [11, 'developer-key', 'P20_DEVKEY', 'query-string', 'developer-key-endpoint', 'hapikey'],
  ],
  'csharp/HubSpotApi.cs': [
    [7, 'manual', 'P13_OTHER_SDK', 'other', 'other-language', 'hapikey'], // in _hapikey
    [9, 'manual', 'P13_OTHER_SDK', 'other', 'other-language', 'hapikey'],
    [11, 'manual', 'P13_OTHER_SDK', 'query-string', 'other-language', 'hapikey'],
    [12, 'ignored', 'P23_COMMENTED', 'query-string', 'commented-out', 'hapikey'],
  ],
  'shell/sync-contacts.sh': [
    [4, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HUBSPOT_API_KEY'],
    [5, 'ignored', 'P23_COMMENTED', 'query-string', 'commented-out', 'hapikey'],
    [6, 'manual', 'P13_OTHER_SDK', 'query-string', 'shell-command', 'hapikey'],
    [9, 'manual', 'P13_OTHER_SDK', 'query-string', 'shell-command', 'hapikey'],
    [10, 'ignored', 'P23_COMMENTED', 'other', 'commented-out', 'hapikey'],
  ],
  'env/.env.example': [
    [2, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HUBSPOT_API_KEY'],
    [3, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HS_API_KEY'],
    [4, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HAPIKEY'],
    [5, 'developer-key', 'P20_DEVKEY', 'other', 'developer-key-name', 'HUBSPOT_DEVELOPER_API_KEY'],
    [9, 'ignored', 'P23_COMMENTED', 'other', 'commented-out', 'HUBSPOT_API_KEY'],
    [10, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HUBAPI_KEY'],
  ],
  'env/prod.env': [
    [1, 'manual', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HUBSPOT_API_KEY'],
    [2, 'manual', 'P30_CONFIG_DECL', 'query-string', 'config-declaration', 'hapikey'],
    [3, 'ignored', 'P21_BEARER_ALREADY', 'other', 'holds-access-token', 'HUBSPOT_TOKEN_KEY'],
  ],
  'json/functions/sync.functions/serverless.json': [[5, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'APIKEY']],
  'json/functions/other.functions/serverless.json': [[5, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HUBSPOT_API_KEY']],
  'json/now.json': [
    [5, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HS_API_KEY'],
    [6, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'FORM_KEY'],
  ],
  // not valid JSON: found line by line, the path (origin/target) giving the HubSpot context
  'json/config.json': [
    [4, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'apiKey'],
    [8, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'apiKey'],
  ],
  'json/plain/firebase.json': [],
  'json/plain/settings.json': [
    [4, 'manual', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'apiKey'],
    [9, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'hapikey'],
    [10, 'manual', 'P30_CONFIG_DECL', 'query-string', 'config-declaration', 'hapikey'],
  ],
  'postman/HubSpot.postman_collection.json': [
    [13, 'manual', 'P13_OTHER_SDK', 'query-string', 'postman-collection', 'hapikey'],
    [18, 'manual', 'P13_OTHER_SDK', 'query-string', 'postman-collection', 'hapikey'],
    [29, 'developer-key', 'P20_DEVKEY', 'query-string', 'developer-key-endpoint', 'hapikey'],
    [31, 'developer-key', 'P20_DEVKEY', 'query-string', 'developer-key-endpoint', 'hapikey'],
    [38, 'manual', 'P30_CONFIG_DECL', 'other', 'postman-collection', 'hapikey'],
  ],
  'yaml/docker-compose.yml': [
    [6, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HUBSPOT_API_KEY'],
    [11, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HS_API_KEY'],
    [12, 'ignored', 'P23_COMMENTED', 'other', 'commented-out', 'HAPIKEY'],
  ],
  'yaml/config/settings.yml': [
    [3, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'api_key'],
    [8, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'apiKey'],
  ],
  'yaml/sync.yaml': [
    [9, 'ignored', 'P30_CONFIG_DECL', 'other', 'config-declaration', 'HUBSPOT_API_KEY'],
    [10, 'manual', 'P30_CONFIG_DECL', 'query-string', 'config-declaration', 'hapikey'],
  ],
  // JS that the parser cannot handle (merge conflict) and a minified bundle: text fallback
  'code/broken.js': [
    [3, 'manual', 'P08_QS_OTHER_CLIENT', 'query-string', 'unparsed-code', 'hapikey'],
    [5, 'manual', 'P08_QS_OTHER_CLIENT', 'other', 'unparsed-code', 'hapikey'],
    [7, 'ignored', 'P23_COMMENTED', 'query-string', 'commented-out', 'hapikey'],
  ],
  'code/widget.min.js': [[2, 'manual', 'P37_BUILD_OUTPUT', 'query-string', 'minified', 'hapikey']],
};

function fixtureFiles(dir = ROOT): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : [path.relative(ROOT, path.join(dir, e.name))]));
}

describe('scanText on the fixtures', () => {
  it('has an expectation for every fixture file', () => {
    expect(fixtureFiles().sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [rel, expected] of Object.entries(EXPECTED)) {
    it(`${rel}`, () => {
      expect(rows(rel)).toEqual(expected);
    });
  }

  it('fills every Site field, with one-sentence messages and stable 12-hex ids', () => {
    for (const rel of Object.keys(EXPECTED)) {
      const a = scan(rel).sites;
      const b = scan(rel).sites;
      expect(b).toEqual(a); // pure and stable
      expect(new Set(a.map((s) => s.id)).size).toBe(a.length);
      for (const s of a) {
        expect(s.id).toMatch(/^[0-9a-f]{12}$/);
        expect(s.applied).toBe(false);
        expect(s.requests).toEqual([]);
        expect(s.language).toBe(classify(rel)!.language);
        expect(s.column).toBeGreaterThanOrEqual(1);
        expect(s.message).toMatch(/^[^\n]+\.$/);
        expect(s.message.split(/\.\s+[A-Z]/).length).toBe(1); // one sentence
      }
    }
  });

  it('reports only in files that pass the prefilter (mayHoldKey with the file)', () => {
    for (const rel of Object.keys(EXPECTED)) {
      const { sites, text } = scan(rel);
      if (sites.length) expect(mayHoldKey(text, listed(rel)), rel).toBe(true);
    }
  });
});

describe('scanText details', () => {
  it('gives the messages the brief asks for', () => {
    const py = scan('python/hubspot_sync.py').sites.find((s) => s.line === 7)!;
    expect(py.message).toBe(
      "Python: pass access_token= instead of api_key= to HubSpot(...) and send the token as a Bearer header; the Python client's api_key now means the developer key.",
    );
    expect(scan('python/hubspot_sync.py').sites.find((s) => s.line === 6)!.message).toMatch(/^Commented-out key use/);
    expect(scan('json/config.json').sites.map((s) => s.message.split(' ').slice(0, 3).join(' '))).toEqual([
      'Config entry origin.apiKey',
      'Config entry target.apiKey',
    ]);
    expect(scan('env/.env.example').sites[0].message).toContain('--rename-env HUBSPOT_API_KEY=HUBSPOT_ACCESS_TOKEN');
    expect(scan('json/functions/sync.functions/serverless.json').sites[0].message).toContain('hs secrets update APIKEY');
  });

  it('counts a line once, whatever number of matches it has', () => {
    const sites = scanInline('x.py', 'requests.get(f"https://api.hubapi.com/x?hapikey={hapikey}&other_hapikey={hapikey}")\n');
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({ line: 1, column: 'requests.get(f"https://api.hubapi.com/x?'.length + 1, pattern: 'query-string' });
  });

  it('matches hapikey as a whole word only', () => {
    expect(scanInline('x.java', 'String searchApiKey = "x"; // hubspot\nString myhapikeys = "y";\n')).toEqual([]);
    expect(scanInline('x.java', 'String HAPI_KEY = "y"; // hubspot\n').map((s) => s.column)).toEqual([8]);
  });

  it('counts api_key and WithAPIKey only in files that mention HubSpot', () => {
    expect(scanInline('x.py', 'client = Client(api_key=K)\n')).toEqual([]);
    expect(scanInline('x.py', 'import hubspot\nclient = Client(api_key=K)\n').map((s) => s.line)).toEqual([2]);
    expect(scanInline('x.go', 'c := maps.NewClient(option.WithAPIKey(k))\n')).toEqual([]);
  });

  it('marks developer-key endpoints of each family', () => {
    const urls = [
      '/webhooks/v3/123/subscriptions',
      '/crm/v3/extensions/cards/123',
      '/crm/v3/extensions/videoconferencing/settings/123',
      '/automation/v4/actions/123',
      '/crm/v3/timeline/123/event-templates',
      '/integrations/v1/123/timeline/event-types',
    ];
    for (const u of urls) {
      const [s] = scanInline('x.sh', `curl "https://api.hubapi.com${u}?hapikey=$DEV"\n`);
      expect(s, u).toMatchObject({ status: 'developer-key', reason: 'developer-key-endpoint', category: 'P20_DEVKEY' });
    }
    const [data] = scanInline('x.sh', 'curl "https://api.hubapi.com/crm/v3/timeline/events?hapikey=$KEY"\n');
    expect(data.status).toBe('manual');
  });

  it('treats a hash inside a string or a word as no comment', () => {
    const sites = scanInline('x.sh', 'curl "https://api.hubapi.com/x#frag?hapikey=$K"\nURL=a#b?hapikey=1 # note\n');
    expect(sites.map((s) => s.status)).toEqual(['manual', 'manual']);
  });

  it('gives the same sites for CRLF text', () => {
    const { sites, text } = scan('shell/sync-contacts.sh');
    const crlf = scanText(listed('shell/sync-contacts.sh'), text.replace(/\n/g, '\r\n'));
    expect(crlf.map((s) => [s.line, s.column, s.status, s.id])).toEqual(sites.map((s) => [s.line, s.column, s.status, s.id]));
  });

  it('falls back to a text search for components and code it is handed', () => {
    const vue = scanInline('src/App.vue', '<script>\nfetch(`https://api.hubapi.com/x?hapikey=${k}`)\n</script>\n');
    expect(vue.map((s) => [s.line, s.language, s.status, s.category, s.reason])).toEqual([[2, 'vue', 'manual', 'P08_QS_OTHER_CLIENT', 'unparsed-code']]);
  });

  it('recognises HubSpot key names', () => {
    for (const n of ['HUBSPOT_API_KEY', 'HS_API_KEY', 'HAPIKEY', 'HAPI_KEY', 'MY_HS_KEY', 'HUBAPI_KEY', 'hubspotApiKey']) expect(isHubSpotKeyName(n), n).toBe(true);
    for (const n of ['HUBSPOT_ACCESS_TOKEN', 'SEARCHAPIKEY', 'MAILGUN_API_KEY', 'HUBSPOT_PORTAL_ID', 'THIS_KEY']) expect(isHubSpotKeyName(n), n).toBe(false);
  });
});

describe('secrets in text sites', () => {
  const UUID = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
  const PAT = 'pat-na1-11111111-2222-4333-8444-555555555555';

  it('fills secret with a mask and a fingerprint, never the literal', () => {
    const env = scan('env/prod.env').sites;
    expect(env.map((s) => s.secret)).toEqual([
      { kind: 'legacy-api-key', masked: '****-…-4c5d', fingerprint: fingerprint(UUID) },
      { kind: 'legacy-api-key', masked: '****-…-4c5d', fingerprint: fingerprint(UUID) },
      { kind: 'private-app-token', masked: 'pat-na1-****-…-5555', fingerprint: fingerprint(PAT) },
    ]);
    expect(env.map((s) => s.flags)).toEqual([['hard-coded-key', 'rotate-key'], ['hard-coded-key', 'rotate-key'], undefined]);
    expect(fingerprint(UUID)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the raw key never appears in any field of any site', () => {
    for (const rel of ['env/prod.env', 'json/plain/settings.json', 'code/widget.min.js']) {
      const { sites, text } = scan(rel);
      expect(text).toContain(UUID);
      expect(sites.some((s) => s.secret !== null), rel).toBe(true);
      const json = JSON.stringify(sites);
      expect(json).not.toContain(UUID);
      expect(json).not.toContain(PAT);
      expect(json).not.toContain('0e1f2a3b4c5d');
      expect(json).not.toContain('555555555555');
    }
  });

  it('no secret when the line has no key literal', () => {
    expect(scan('python/hubspot_sync.py').sites.every((s) => s.secret === null)).toBe(true);
  });
});

describe('package.json metadata', () => {
  it('a description or keyword that mentions hapikey is not a site; a script that sends it is', () => {
    const text = '{\n  "name": "hapikey-tools",\n  "description": "Tools around hapikey and HubSpot",\n  "keywords": [\n    "hapikey",\n    "hubspot"\n  ],\n  "scripts": {\n    "ping": "curl https://api.hubapi.com/integrations/v1/me?hapikey=$HUBSPOT_API_KEY"\n  }\n}\n';
    const sites = scanText({ path: 'package.json', abs: '/x/package.json', language: 'json', treatment: 'text', size: text.length }, text);
    expect(sites.map((s) => s.line)).toEqual([9]);
  });
});

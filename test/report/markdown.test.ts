import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { slug } from '../../src/report/md.js';
import { KEY, makeReport, PLANS, SITES } from './fixture.js';
import { expectGolden } from './golden.js';

const md = renderMarkdown({ report: makeReport(), plans: PLANS, showSecrets: false });

function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}`);
  expect(start, `section ${heading}`).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

describe('renderMarkdown', () => {
  it('starts with the title and a summary paragraph with counts and next steps', () => {
    const [title, , summary] = md.split('\n');
    expect(title).toBe('# HubSpot API key migration report');
    expect(summary).toContain('Scanned **14 files**');
    expect(summary).toContain('**5 auto**, **2 manual**, 1 developer-key, 1 ignored');
    expect(summary).toContain('dry run');
    expect(summary).toContain('Next: create a Service Key with the 4 known scopes below plus the scopes of the 2 calls whose scopes are unknown (under "Calls with unknown scopes")');
    expect(summary).toContain('rotate the 1 hard-coded key');
  });

  it('has the sections in order, each linked from the contents line', () => {
    const headings = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Create your token', 'Call sites (8)', 'Calls with unknown scopes (2)', 'Manual follow-ups (2)', 'Developer-key sites, left alone (1)',
      'Endpoints removed or going unsupported (3)', 'Hard-coded keys (1)', 'Browser-exposed calls (1)', 'Skipped files (2)',
      'Ignored (1)', 'Changes (4 files)',
    ]);
    for (const h of headings) expect(md).toContain(`(#${slug(h)})`);
    expect(slug('Developer-key sites, left alone (1)')).toBe('developer-key-sites-left-alone-1');
  });

  it('recommends the token, with the scopes to tick as a checklist and the uncertain ones apart with why', () => {
    const token = sectionOf(md, 'Create your token');
    expect(token).toContain('**Recommended: a Service Key.**');
    expect(token).toContain('Settings › Integrations › Service Keys');
    expect(token).toMatch(/Legacy private apps can no longer be created \(since 2026-09-28 for new accounts, 2026-10-26/);
    expect(token).toContain('- [ ] crm.objects.contacts.read\n');
    expect(token).toContain('- [ ] crm.lists.read\n');
    const maybe = token.slice(token.indexOf('### Scopes that may be needed'));
    expect(maybe).toContain('- [ ] crm.objects.deals.write: needed only if [src/client.ts:10](src/client.ts#L10) (`apiRequest`)');
    expect(maybe).toContain('- [ ] crm.objects.companies.read: needed only if [src/hubspot.ts:26](src/hubspot.ts#L26) turns out to need it (its endpoint could not be determined)');
    expect(token).toContain('### Where the token goes');
    expect(token).toContain('- `HUBSPOT_API_KEY`');
    expect(token).not.toContain('process.env');
    expect(token).not.toContain('```json');
  });

  it('gives an app-hsmeta.json body for a project app', () => {
    const appHsmeta = { uid: 'acme_sync', type: 'app', config: { name: 'ACME sync', distribution: 'private', auth: { type: 'static', requiredScopes: ['oauth', 'crm.objects.contacts.read'] } } };
    const out = renderMarkdown({ report: makeReport({ token: { kind: 'project-app', reason: 'Webhooks are used.', appHsmeta } }), plans: PLANS, showSecrets: false });
    const token = sectionOf(out, 'Create your token');
    expect(token).toContain('**Recommended: a project-based app (static auth, private distribution).** Webhooks are used.');
    expect(token).toContain(`\`\`\`json\n${JSON.stringify(appHsmeta, null, 2)}\n\`\`\``);
    expect(token).toContain('src/app/app-hsmeta.json');
  });

  it('builds an app-hsmeta.json from the scopes when the plan gave none', () => {
    const out = renderMarkdown({ report: makeReport({ token: { kind: 'project-app', reason: 'Webhooks are used.' } }), plans: PLANS, showSecrets: false });
    const json = /```json\n([\s\S]*?)```/.exec(out)![1];
    const body = JSON.parse(json);
    expect(body.config.auth).toEqual({
      type: 'static',
      requiredScopes: ['oauth', 'crm.lists.read', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read'],
      optionalScopes: ['crm.objects.companies.read', 'crm.objects.deals.write'],
      conditionallyRequiredScopes: [],
    });
  });

  it('explains OAuth with the 2026-03 token endpoint', () => {
    const out = renderMarkdown({ report: makeReport({ token: { kind: 'oauth', reason: 'Tokens are looked up per portal.' } }), plans: PLANS, showSecrets: false });
    expect(sectionOf(out, 'Create your token')).toContain('`POST /oauth/2026-03/token`');
    expect(out).toContain('2027-02-16');
  });

  it('lists call sites in a table with relative links, escaping | in cells', () => {
    const table = sectionOf(md, 'Call sites (8)');
    expect(table).toContain('| Where | Client | Method | Endpoint | Scopes | Status |');
    expect(table).toContain('| [src/hubspot.ts:6](src/hubspot.ts#L6) | fetch | GET | `/crm/v3/objects/contacts` | `crm.objects.contacts.read` | auto |');
    expect(table).toContain('| [src/client.ts:10](src/client.ts#L10) | hubspot-api-client | ? | `apiRequest` (endpoint unknown) | `crm.objects.deals.write`? | auto |');
    expect(table).toContain('| [src/hubspot.ts:26](src/hubspot.ts#L26) | fetch | GET | unknown (`dynamic-path`) |');
    expect(table).toContain('| **manual** |');
    const skipped = sectionOf(md, 'Skipped files (2)');
    expect(skipped).toContain("Unexpected token '\\|' (12:4)");
  });

  it('links relative to linkBase when report.md is not at the root', () => {
    const out = renderMarkdown({ report: makeReport(), plans: PLANS, showSecrets: false, linkBase: '../' });
    expect(out).toContain('[src/hubspot.ts:6](../src/hubspot.ts#L6)');
  });

  it('lists manual follow-ups with reason and message, and developer-key sites with why they are left alone', () => {
    const manual = sectionOf(md, 'Manual follow-ups (2)');
    expect(manual).toContain('- [ ] [src/hubspot.ts:25](src/hubspot.ts#L25) `dynamic-url`: The URL is built at run time from `path`; remove `hapikey=` and send `Authorization: Bearer <token>` where fetch is called.');
    expect(manual).toContain('- [ ] [web/widget.js:8](web/widget.js#L8) `browser-code`:');
    const dev = sectionOf(md, 'Developer-key sites, left alone (1)');
    expect(dev).toContain('still accepts it');
    expect(dev).toContain('[src/webhooks.ts:14](src/webhooks.ts#L14)');
  });

  it('escapes < outside code spans in messages', () => {
    const sites = SITES.map((s) => (s.status === 'manual' ? { ...s, message: 'Use <script> and `a<b>`.' } : s));
    const out = renderMarkdown({ report: makeReport({ sites }), plans: PLANS, showSecrets: false });
    expect(out).toContain('Use &lt;script> and `a<b>`.');
  });

  it('lists removed and unsupported endpoints with date and replacement, removed first', () => {
    const life = sectionOf(md, 'Endpoints removed or going unsupported (3)');
    const rows = life.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows[0]).toBe('| `GET /contacts/v1/lists/all/contacts/all` | removed (2026-04-30): Contact Lists v1 answers 404 | `/crm/lists/2026-09/{}/memberships` | [legacy/sync.js:6](legacy/sync.js#L6) |');
    expect(rows[1]).toContain('`GET /contacts/v1/contact/email/{}/profile` | unsupported from 2027-09 | `/crm/objects/2026-09/contacts/{}`');
    expect(life).toContain('2027-03-30');
  });

  it('lists hard-coded keys masked, with "rotate this key", and browser-exposed calls', () => {
    const keys = sectionOf(md, 'Hard-coded keys (1)');
    expect(keys).toContain('[legacy/sync.js:3](legacy/sync.js#L3) `****-…-0abc`');
    expect(keys).toContain('rotate this key');
    expect(sectionOf(md, 'Browser-exposed calls (1)')).toContain('[web/widget.js:8](web/widget.js#L8)');
  });

  it('shows each file\'s diff masked, without CR or BOM, and says what the file keeps', () => {
    const changes = sectionOf(md, 'Changes (4 files)');
    expect(changes).toContain('### `legacy/sync.js`\n\nKept as is: CRLF line endings, BOM.\n\n```diff\n@@ -1,9 +1,9 @@\n \'use strict\';\n');
    expect(changes).not.toContain('\r');
    expect(changes).not.toContain('\uFEFF');
    expect(changes).toContain('`changes.patch` is never masked');
    expect(md).not.toContain(KEY);
  });

  it('shows key literals only with showSecrets', () => {
    const shown = renderMarkdown({ report: makeReport(), plans: PLANS, showSecrets: true });
    expect(shown).toContain(`-const HAPIKEY = '${KEY}';`);
    expect(shown).toContain('unmasked');
  });

  it('says there is nothing to migrate when no account key is used', () => {
    const sites = SITES.filter((s) => s.status === 'developer-key');
    const out = renderMarkdown({
      report: makeReport({ sites, skipped: [], summary: { filesScanned: 3, filesSkipped: 0, sites: 1, byStatus: { auto: 0, manual: 0, 'developer-key': 1, ignored: 0 }, applied: 0 }, scopes: { required: [], uncertain: [] }, token: undefined, tokenSources: [] }),
      plans: [],
      showSecrets: false,
    });
    expect(out).toContain('No account API key use was found: nothing to migrate (developer keys are still valid and were left alone).');
    expect(out).not.toContain('## Create your token');
    expect(out).toContain('## Developer-key sites, left alone (1)');
  });

  it('reports what --write did', () => {
    const sites = SITES.map((s) => (s.status === 'auto' ? { ...s, applied: true } : s));
    const out = renderMarkdown({ report: makeReport({ mode: 'write', sites, summary: { ...makeReport().summary, applied: 5 } }), plans: PLANS, showSecrets: false });
    expect(out).toContain('`--write` rewrote 5 of 5 auto sites; 2 manual sites still need a person.');
    expect(out).toContain('| auto (applied) |');
    expect(out).not.toContain('git apply changes.patch');
  });

  it('matches the golden report.md', () => {
    expectGolden('report.md', md);
  });
});

// The sample legacy integration (fixtures/sample-integration) end to end through run(): golden report files a
// reviewer can read, and the rewrite applied on a copy. UPDATE_GOLDEN=1 rewrites the golden files.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type RunOptions } from '../../src/run/run.js';
import { renderJson, renderMarkdown, renderPatch, renderSarif } from '../../src/report/index.js';
import { expectGolden } from '../report/golden.js';

const FIXTURE = path.resolve(__dirname, '../../fixtures/sample-integration');
const GOLDEN = path.resolve(__dirname, '../golden/sample');

function copy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mh-sample-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function options(root: string, extra: Partial<RunOptions> = {}): RunOptions {
  return { root, mode: 'dry-run', include: [], exclude: [], gitignore: false, outDir: path.join(root, 'hapikey-migration'), tokenEnv: 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: false, ...extra };
}

function golden(name: string, actual: string): void {
  expectGolden(name, actual, GOLDEN);
}

describe('sample integration', () => {
  it('reports every site, the scopes and the token as the golden files say', async () => {
    const root = copy();
    const { report, plans } = await run(options(root));
    const stable = { ...report, root: '/repo' };
    golden('report.json', renderJson(stable));
    golden('report.md', renderMarkdown({ report: stable, plans, showSecrets: false }));
    golden('report.sarif', renderSarif(stable, plans));
    golden('changes.patch', renderPatch(plans));
  });

  it('finds the sites the sample was written to hold', async () => {
    const { report } = await run(options(copy()));
    const by = (file: string) => report.sites.filter((s) => s.file === file).map((s) => `${s.line} ${s.status} ${s.category}`);
    expect(by('src/crm/hubspot-http.js')).toEqual(['9 auto P06_QS_SHARED_OBJECT']);
    expect(by('src/crm/contacts-v1.js')).toEqual(['9 auto P01_QS_TEMPLATE', '15 auto P02_QS_CONCAT']);
    expect(by('src/crm/owners.ts')).toEqual(['3 ignored P30_CONFIG_DECL', '13 auto P05_QS_CLIENT_OPTION']);
    expect(by('src/crm/sdk.ts')).toEqual(['3 auto P10_CLIENT_API_CLIENT_APIKEY']);
    expect(by('src/cms/hubdb.ts')).toEqual(['2 ignored P30_CONFIG_DECL', '12 auto P03_QS_URL_API']);
    expect(by('src/app/webhooks.js')).toEqual(['9 developer-key P20_DEVKEY']);
    expect(by('src/app/events.js')).toEqual(['8 auto P05_QS_CLIENT_OPTION']);
    // the public form submission and the already-migrated call are not sites at all
    expect(by('src/app/forms.js')).toEqual([]);
    expect(by('src/app/deals-migrated.js')).toEqual([]);
    expect(report.scopes.required).toEqual([...report.scopes.required].sort());
    expect(report.scopes.required).toContain('crm.objects.contacts.write');
    expect(report.scopes.required).toContain('crm.objects.companies.read');
    expect(report.scopes.required).toContain('tickets');
  });

  it('--rename-env renames the variable in code, in .env templates and in the new headers', async () => {
    const root = copy();
    const { plans } = await run(options(root, { renameEnv: [['HUBSPOT_API_KEY', 'HUBSPOT_ACCESS_TOKEN']] }));
    const after = new Map(plans.map((p) => [p.file, p.after]));
    expect(after.get('.env.template')).toContain('\nHUBSPOT_ACCESS_TOKEN=\n');
    expect(after.get('src/config.js')).toContain('hubspotKey: process.env.HUBSPOT_ACCESS_TOKEN,');
    expect(after.get('src/crm/sdk.ts')).toContain('new hubspot.Client({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN })');
    for (const text of after.values()) expect(text).not.toMatch(/\bHUBSPOT_API_KEY\b/);
    // a developer key's variable is not touched
    expect(after.get('.env.template')).toContain('HUBSPOT_DEVELOPER_KEY=');
  });

  it('--rename-env also reaches files that mention neither HubSpot nor a key', async () => {
    const root = copy();
    writeFileSync(path.join(root, 'src/boot.js'), "if (!process.env.CRM_SECRET) throw new Error('set CRM_SECRET');\n");
    const { plans } = await run(options(root, { renameEnv: [['CRM_SECRET', 'CRM_TOKEN']] }));
    expect(plans.find((p) => p.file === 'src/boot.js')?.after).toBe("if (!process.env.CRM_TOKEN) throw new Error('set CRM_TOKEN');\n");
  });

  it('--write applies the plan, and a second run plans nothing', async () => {
    const root = copy();
    const first = await run(options(root, { mode: 'write' }));
    expect(first.report.summary.applied).toBe(first.report.summary.byStatus.auto);
    const again = await run(options(root));
    expect(again.plans).toEqual([]);
    expect(again.report.summary.byStatus.auto).toBe(0);
  });
});

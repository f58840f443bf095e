// <script> blocks of .vue and .svelte files: parsed with positions mapped back to the file; browser code by nature.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type RunOptions } from '../../src/run/run.js';

const FIXTURE = path.resolve(__dirname, '../../fixtures/components');

function options(extra: Partial<RunOptions> = {}): RunOptions {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mh-comp-'));
  cpSync(FIXTURE, root, { recursive: true });
  return { root, mode: 'dry-run', include: [], exclude: [], gitignore: false, outDir: path.join(root, 'out'), tokenEnv: 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: false, ...extra };
}

describe('component files', () => {
  it('finds the key in the script blocks at the right line and column, as browser code', async () => {
    const { report } = await run(options());
    const sites = report.sites.map((s) => `${s.file}:${s.line}:${s.column} ${s.status} ${s.reason} ${s.requests.map((r) => `${r.method} ${r.path}`).join()}`);
    expect(sites).toEqual([
      'ContactCard.vue:11:97 manual browser-code GET /crm/v3/objects/contacts/{}',
      'Owners.svelte:5:67 manual browser-code GET /crm/v3/owners',
    ]);
  });

  it('with --rewrite-browser, rewrites inside the script block only and leaves template and style as they were', async () => {
    const { plans } = await run(options({ rewriteBrowser: true }));
    const vue = plans.find((p) => p.file === 'ContactCard.vue')!;
    expect(vue.after).toContain("axios.get(`https://api.hubapi.com/crm/v3/objects/contacts/${this.id}`, { headers: { Authorization: `Bearer ${process.env.VUE_APP_HUBSPOT_KEY}` } })");
    expect(vue.after.slice(0, vue.after.indexOf('<script'))).toBe(vue.before.slice(0, vue.before.indexOf('<script')));
    expect(vue.after.slice(vue.after.indexOf('</script>'))).toBe(vue.before.slice(vue.before.indexOf('</script>')));
    const svelte = plans.find((p) => p.file === 'Owners.svelte')!;
    expect(svelte.after).toContain("fetch('https://api.hubapi.com/crm/v3/owners', { headers: { Authorization: `Bearer ${import.meta.env.VITE_HS_KEY}` } })");
  });
});

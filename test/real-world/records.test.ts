// Every record of the real-world set has the answer-key shape the scorer relies on, and its counts
// agree with its sites. (The scoring itself needs the snapshots: scripts/real-world/score.mjs.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scopesFor } from '../../src/scopes/index.js';

const dir = join(__dirname, 'repos');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const ACTIONS = ['rewrite', 'rewrite+flag', 'flag', 'leave', 'leave+report', 'update-with-rewrite'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PRACTICE = [
  'assialiholic/hubspot-portal-migrater',
  'segment-boneyard/integration-hubspot',
  'jirihofman/hubspot-webhook-settings',
  'cchavezmx/hubspot-bff',
  'HubSpot/integration-examples-nodejs',
  'HubSpot/sample-apps-manage-crm-objects',
  'blackwolf08/uniqgrid-netlify',
  'clnmcgrw/gsheet-hubdb-sync',
  'MadKudu/node-hubspot',
];

interface Site {
  line: number;
  category: string;
  developer_key: boolean;
  endpoints: Array<{ method: string; path: string }>;
  expected: { action: string; how: string };
  scopes: string[];
  confidence: string;
}
interface RepoRecord {
  repo: string;
  role: string;
  eval_commit: string;
  eval_commit_reason: string;
  files: Array<{ path: string; sites: Site[] }>;
  site_count: number;
  expected_rewrites: number;
  developer_key_sites: number;
  non_js_usages: unknown[];
  negative_controls: unknown[];
  tricky_points: unknown[];
}

describe('real-world records', () => {
  it('has at least 14 repositories, none of them a practice repository', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const f of files) {
      const rec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as RepoRecord;
      expect(PRACTICE).not.toContain(rec.repo);
    }
  });

  for (const f of files) {
    it(`${f} has the answer-key shape and consistent counts`, () => {
      const rec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as RepoRecord;
      expect(f).toBe(`${rec.repo.replace('/', '+')}.json`);
      expect(['core', 'negative', 'supplementary']).toContain(rec.role);
      expect(rec.eval_commit).toMatch(/^[0-9a-f]{40}$/);
      expect(rec.eval_commit_reason.length).toBeGreaterThan(10);
      for (const k of ['non_js_usages', 'negative_controls', 'tricky_points'] as const) expect(Array.isArray(rec[k])).toBe(true);
      const sites = rec.files.flatMap((file) => file.sites.map((s) => ({ path: file.path, s })));
      expect(sites.length).toBe(rec.site_count);
      expect(sites.filter(({ s }) => ['rewrite', 'rewrite+flag'].includes(s.expected.action)).length).toBe(rec.expected_rewrites);
      expect(sites.filter(({ s }) => s.developer_key).length).toBe(rec.developer_key_sites);
      if (rec.role === 'negative') expect(rec.expected_rewrites).toBe(0);
      for (const { path, s } of sites) {
        expect(path).not.toMatch(/^\/|\\/);
        expect(Number.isInteger(s.line) && s.line > 0).toBe(true);
        expect(s.category).toMatch(/^P(0[1-8]|1[0-3]|2[0-5]|3[0-7])_[A-Z_]+$/);
        expect(ACTIONS).toContain(s.expected.action);
        expect(['high', 'medium', 'low', 'unverified']).toContain(s.confidence);
        for (const e of s.endpoints) {
          expect(METHODS).toContain(e.method);
          expect(e.path).toMatch(/^\//);
        }
        for (const scope of s.scopes) expect(scope).toMatch(/^[a-z][a-z0-9_.-]+$/);
        // an unverified site may hit an undocumented endpoint whose scope nobody knows; a public endpoint (P22) needs
        // none, nor does a site whose every endpoint needs no scope (GET /integrations/v1/me)
        const scopeFree = s.endpoints.every((e) => { const r = scopesFor(e.method, e.path); return r.matched !== 'none' && r.scopes.length === 0 && r.uncertain.length === 0; });
        const scoped = !s.developer_key && s.expected.action !== 'leave' && s.confidence !== 'unverified' && !s.category.startsWith('P22_') && !scopeFree;
        if (s.endpoints.length && scoped) expect(s.scopes.length).toBeGreaterThan(0);
      }
    });
  }
});

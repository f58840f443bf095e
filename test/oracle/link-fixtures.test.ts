// The oracle over the link fixtures that carry an output/ folder (rewrites that span modules: a config module, a
// request helper, the caller): run the program before and after, every keyed HubSpot request must now carry
// `Authorization: Bearer <same value>` and nothing else may change.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import { checkProject } from './oracle.js';

const ROOT = path.resolve(__dirname, '../../fixtures/link');
const cases = readdirSync(ROOT).filter((d) => existsSync(path.join(ROOT, d, 'output'))).sort();

describe('oracle over link fixtures with outputs', () => {
  it('finds the fixtures', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(c, async () => {
      const dir = path.join(ROOT, c);
      const inputs = new Map(readdirSync(dir).filter((f) => /\.[cm]?[jt]s$/.test(f)).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
      const { report, plans } = await run({ root: dir, mode: 'dry-run', include: [], exclude: ['expected.json', 'output/**'], gitignore: false, outDir: mkdtempSync(path.join(os.tmpdir(), 'mh-oracle-')), tokenEnv: 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: false });
      const outputs = new Map(inputs);
      for (const p of plans) outputs.set(p.file, p.after);
      const r = await checkProject(inputs, outputs, report.sites);
      expect(r.keyed, `the driver reached no keyed HubSpot request; errors: ${r.before.errors.join('; ')}`).toBeGreaterThan(0);
      expect(r.problems).toEqual([]);
    });
  }
});

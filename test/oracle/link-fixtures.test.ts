// The oracle over link fixtures that change files (fixtures/link/<case>/output/): the whole small repository runs
// before and after its rewrite, its modules requiring each other, and every keyed HubSpot request must afterwards
// carry `Authorization: Bearer <same value>` with nothing else changed: a rewrite that relies on seeing every use
// of a value across files (an options object returned by an exported factory) is checked where it is sent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../link/files.js';
import { runFiles } from '../rewrite/run-files.js';
import { checkProject } from './oracle.js';

const ROOT = path.resolve(__dirname, '../../fixtures/link');
const cases = readdirSync(ROOT).filter((d) => existsSync(path.join(ROOT, d, 'output'))).sort();

describe('oracle over link fixtures that change files', () => {
  it('finds them', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(c, async () => {
      const dir = path.join(ROOT, c);
      const inputs = new Map(filesUnder(dir).filter((f) => /\.[cm]?[jt]s$/.test(f) && !f.startsWith('output/')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
      const res = await runFiles(inputs);
      const outputs = new Map([...inputs].map(([f, t]) => [f, res.outputs.get(f) ?? t]));
      for (const f of filesUnder(path.join(dir, 'output'))) expect(outputs.get(f)).toBe(readFileSync(path.join(dir, 'output', f), 'utf8'));
      const r = await checkProject(inputs, outputs, res.sites);
      expect(r.keyed, `the driver reached no keyed HubSpot request; errors: ${r.before.errors.join('; ')}`).toBeGreaterThan(0);
      expect(r.problems).toEqual([]);
    });
  }
});

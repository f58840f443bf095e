// The oracle over every rewrite fixture: run input and output against recording client stubs and check that each
// keyed HubSpot request now carries `Authorization: Bearer <same value>` and nothing else changed.
// Fixtures without an output file: the property is "nothing changes" (the tool must plan no edit). Each fixture goes
// through run() itself, as the CLI runs it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile } from '../rewrite/run-files.js';
import { checkRewrite } from './oracle.js';

const ROOT = path.resolve(__dirname, '../../fixtures/rewrite');

/** Fixtures whose shape cannot be executed, each with the reason. Keep this list small and explicit. */
export const NOT_EXECUTABLE: Record<string, string> = {};

const cases = readdirSync(ROOT).filter((d) => existsSync(path.join(ROOT, d, 'sites.json'))).sort();

describe('oracle over rewrite fixtures', () => {
  it('finds the fixtures', () => expect(cases.length).toBeGreaterThan(40));
  for (const c of cases) {
    const dir = path.join(ROOT, c);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
    const ext = input.slice('input'.length);
    const name = `${c}/input${ext}`;
    const raw = readFileSync(path.join(dir, input), 'utf8');
    const repo = existsSync(path.join(dir, 'repo.json')) ? JSON.parse(readFileSync(path.join(dir, 'repo.json'), 'utf8')) : {};
    const opts = repo.options ?? {};
    const outPath = path.join(dir, 'output' + ext);
    if (c in NOT_EXECUTABLE) {
      it.skip(`${c}: not executable (${NOT_EXECUTABLE[c]})`, () => undefined);
      continue;
    }
    it(c, async () => {
      const res = await runFile(name, raw, repo, opts);
      if (!existsSync(outPath)) {
        // manual / developer-key / ignored only: the file must stay as it is
        expect(res.sites.filter((s) => s.status === 'auto')).toEqual([]);
        expect(res.output).toBeNull();
        return;
      }
      expect(res.output).toBe(readFileSync(outPath, 'utf8'));
      const r = await checkRewrite(name, raw, res.output!, res.sites, opts.tokenEnv);
      expect(r.keyed, `the driver reached no keyed HubSpot request; errors: ${r.before.errors.join('; ')}`).toBeGreaterThan(0);
      expect(r.problems).toEqual([]);
    });
  }
});

// Link fixtures: a client made with a key in one place and used in others (modules, classes, parameters). Each
// folder under fixtures/link is a small repository; expected.json lists every site with the requests the run must
// find for it, file by file. Run through run() itself, as the CLI does.
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { Site } from '../../src/model/site.js';

const ROOT = path.resolve(__dirname, '../../fixtures/link');

export function requestLines(s: Site): string[] {
  return s.requests
    .map((r) => `${r.file}:${r.line} ${r.client} ${r.method ?? '?'} ${r.path ?? `? (${(r as { unresolved?: string }).unresolved ?? 'unresolved'})`}${r.call ? ` (${r.call})` : ''} [${r.scopes.join(' ')}]`)
    .sort();
}

describe('link fixtures', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(name, async () => {
      const dir = path.join(ROOT, name);
      const expectedFile = path.join(dir, 'expected.json');
      expect(existsSync(expectedFile), `${name}/expected.json is missing`).toBe(true);
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
      const out = mkdtempSync(path.join(os.tmpdir(), 'mh-link-'));
      const { report, plans } = await run({ root: dir, mode: 'dry-run', include: [], exclude: ['expected.json', 'output/**'], gitignore: false, outDir: out, tokenEnv: 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: false });
      const actual = {
        sites: report.sites.map((s) => ({ site: `${s.file}:${s.line} ${s.status}${s.reason ? ` ${s.reason}` : ''}`, requests: requestLines(s) })),
        scopes: report.scopes,
      };
      expect(actual).toEqual(expected);
      // output/<file>: the exact text the rewrite gives that file (a folder present means every changed file is there)
      const outputs = path.join(dir, 'output');
      if (existsSync(outputs)) {
        const want = readdirSync(outputs, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
          .map((e) => path.relative(outputs, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
        expect(plans.map((p) => p.file).sort()).toEqual(want);
        for (const f of want) expect(plans.find((p) => p.file === f)!.after, f).toBe(readFileSync(path.join(outputs, f), 'utf8'));
      }
    });
  }
});

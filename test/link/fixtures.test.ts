// Link fixtures: a client made with a key in one place and used in others (modules, classes, parameters). Each
// folder under fixtures/link is a small repository; expected.json lists every site with the requests the run must
// find for it, file by file; output/, where present, every file the run changes (the oracle runs those:
// test/oracle/link-fixtures.test.ts). Run through run() itself, as the CLI does.
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { Site } from '../../src/model/site.js';
import { filesUnder } from './files.js';

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
      // output/ (where present) holds every file the run changes, byte for byte (the oracle executes them: test/oracle)
      const outputs = path.join(dir, 'output');
      if (existsSync(outputs)) {
        const changed = Object.fromEntries(plans.map((p) => [p.file, p.after]));
        const wanted = Object.fromEntries(filesUnder(outputs).map((f) => [f, readFileSync(path.join(outputs, f), 'utf8')]));
        expect(changed).toEqual(wanted);
      }
    });
  }
});

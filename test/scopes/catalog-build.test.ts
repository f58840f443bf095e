// The committed compact catalog is what scripts/build-catalog.mjs makes from the research catalog:
// rerun it into a temp file and compare byte for byte. Runs where ../shared/reference exists beside
// the repository (CI has it), skips elsewhere.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const shared = resolve(repo, '../shared/reference/hubspot-catalog.json');
const committed = join(repo, 'src/scopes/catalog.json');

describe('compact catalog', () => {
  it.skipIf(!existsSync(shared))('rerunning the generator reproduces src/scopes/catalog.json byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    try {
      const out = join(dir, 'catalog.json');
      execFileSync(process.execPath, [join(repo, 'scripts/build-catalog.mjs'), shared, out], { stdio: 'pipe' });
      expect(readFileSync(out).equals(readFileSync(committed))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays compact and holds facts only', () => {
    expect(statSync(committed).size).toBeLessThan(700_000);
    const text = readFileSync(committed, 'utf8');
    expect(text).not.toMatch(/PublicApiSpecs|"summary"|\.json"/);
    const data = JSON.parse(text);
    expect(Object.keys(data).sort()).toEqual(
      ['auth', 'developerKeyEndpoints', 'internalScopes', 'legacyRules', 'meta', 'objectTypes', 'pathAliases', 'paths', 'scopeSpellingDifferences', 'unsupportedForPrivateApps'].sort(),
    );
    expect(data.meta.operations).toBe(3835);
    const ops = data.paths.reduce((n: number, p: { ops: object }) => n + Object.keys(p.ops).length, 0);
    expect(ops).toBe(3835);
    for (const p of data.paths) {
      expect(() => new RegExp(p.re)).not.toThrow();
      for (const i of Object.values<number>(p.ops)) expect(data.auth[i]).toBeDefined();
    }
  });
});

// The committed compact catalog is what scripts/build-catalog.mjs makes: rerun it into a temp file and compare byte
// for byte. Always from the facts shipped with the project (scripts/catalog-facts.json.gz), so a clean clone checks
// it; and where the research catalog exists beside the repository (../shared/reference), also from that, which
// must give the same catalog and the same facts file (the shipped facts are not stale).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const shared = resolve(repo, '../shared/reference/hubspot-catalog.json');
const shipped = join(repo, 'scripts/catalog-facts.json.gz');
const committed = join(repo, 'src/scopes/catalog.json');

function build(input: string): { catalog: Buffer; facts: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  try {
    const out = join(dir, 'catalog.json');
    const facts = join(dir, 'facts.json.gz');
    execFileSync(process.execPath, [join(repo, 'scripts/build-catalog.mjs'), input, out, '--facts', facts], { stdio: 'pipe' });
    return { catalog: readFileSync(out), facts: gunzipSync(readFileSync(facts)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('compact catalog', () => {
  it('rerunning the generator on the shipped facts reproduces src/scopes/catalog.json byte for byte', () => {
    const r = build(shipped);
    expect(r.catalog.equals(readFileSync(committed))).toBe(true);
    // the facts are a fixed point: reducing them again changes nothing
    expect(r.facts.equals(gunzipSync(readFileSync(shipped)))).toBe(true);
  });

  it.runIf(existsSync(shared))('the research catalog gives the same catalog and the same shipped facts', () => {
    const r = build(shared);
    expect(r.catalog.equals(readFileSync(committed))).toBe(true);
    expect(r.facts.equals(gunzipSync(readFileSync(shipped)))).toBe(true);
  });

  it('the shipped facts hold no prose from the specs', () => {
    const text = gunzipSync(readFileSync(shipped)).toString('utf8');
    expect(text).not.toMatch(/"summary"|"description"|"sources"|specFile|\.json"/);
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

// A key literal held in a constant does not survive the migration (issue 11, item 3): the declaration the rewrite
// leaves unused is removed in the same plan, and only together with every site that used it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListedFile } from '../../src/model/file.js';
import { planFile } from '../../src/plan/plan-file.js';
import { scanCode } from '../../src/scan/code.js';
import { fileText } from '../rewrite/harness.js';

const input = readFileSync(path.resolve(__dirname, '../../fixtures/rewrite/p33-hardcoded-const/input.js'), 'utf8');
const DECL = "const SOURCE_KEY = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';\n";

function scan(text: string) {
  const file: ListedFile = { path: 'src/copy.js', abs: '/x/src/copy.js', language: 'js', treatment: 'code', size: text.length };
  return scanCode({ file, text, eol: '\n', repo: { libraryPackage: null, browserApp: false, libraryAliases: new Map() }, options: { tokenEnv: 'HUBSPOT_ACCESS_TOKEN', rewriteBrowser: false } });
}

describe('a key constant left unused by the rewrite', () => {
  it('is removed with the sites that used it; the report still says to rotate the key', () => {
    const res = scan(input);
    const auto = res.sites.filter((s) => s.status === 'auto');
    expect(auto).toHaveLength(2);
    for (const s of auto) {
      expect(s.message).toMatch(/rotate it/);
      expect(s.secret?.masked).toBeTruthy();
    }
    const plan = planFile({ file: 'src/copy.js', language: 'js', text: fileText(input), sites: auto.map((s) => ({ siteId: s.id, edits: res.edits.get(s.id)! })) }).plan!;
    expect(input).toContain(DECL);
    expect(plan.after).not.toContain('0f1e2d3c');
    expect(plan.after).toContain('// the portal we copy from\nconst LIMIT = 100;\n');
  });

  it('stays when one of its sites is left out (not accepted in --interactive, or demoted by the plan)', () => {
    const res = scan(input);
    const [first] = res.sites.filter((s) => s.status === 'auto');
    const plan = planFile({ file: 'src/copy.js', language: 'js', text: fileText(input), sites: [{ siteId: first.id, edits: res.edits.get(first.id)! }] }).plan!;
    expect(plan.after).toContain(DECL);
    expect(plan.after).toContain('apiKey: SOURCE_KEY');
  });

  it('an exported constant is not removed: its sites stay manual', () => {
    const res = scan(input.replace('const SOURCE_KEY', 'export const SOURCE_KEY'));
    // exported: another module may read it, so the literal would stay
    expect(res.sites.map((s) => `${s.status} ${s.reason}`)).toEqual(['manual key-constant-still-used', 'manual key-constant-still-used']);
  });
});

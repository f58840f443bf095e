// Fixture folders of input and expected output (typescript-eslint / jscodeshift style), compared byte for byte.
// fixtures/rewrite/<case>/input.<ext>    the code before
// fixtures/rewrite/<case>/output.<ext>   the code after (absent: nothing may change)
// fixtures/rewrite/<case>/sites.json     the findings (file line, category, status, reason, requests, token)
// fixtures/rewrite/<case>/repo.json      optional: { libraryPackage, browserApp, options: { rewriteBrowser, tokenEnv } }
// Each case goes through run() itself (the files copied into a temp folder), so statuses are the ones the CLI reports.
// UPDATE_FIXTURES=1 writes output and sites.json from the current behaviour (review the diff before committing).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { summarise, languageOf } from './harness.js';
import { runFile } from './run-files.js';

const ROOT = path.resolve(__dirname, '../../fixtures/rewrite');
const update = process.env.UPDATE_FIXTURES === '1';

function parsesCleanly(name: string, text: string): boolean {
  const lang = languageOf(name);
  const kind = lang === 'ts' ? ts.ScriptKind.TS : lang === 'tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, false, kind);
  return ((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics ?? []).length === 0;
}

const cases = readdirSync(ROOT).filter((d) => existsSync(path.join(ROOT, d, 'sites.json')) || update).sort();

describe('rewrite fixtures', () => {
  for (const c of cases) {
    const dir = path.join(ROOT, c);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'));
    if (!input) continue;
    const ext = input.slice('input'.length);
    const name = `${c}/input${ext}`;
    const raw = readFileSync(path.join(dir, input), 'utf8');
    const repo = existsSync(path.join(dir, 'repo.json')) ? JSON.parse(readFileSync(path.join(dir, 'repo.json'), 'utf8')) : {};
    const opts = repo.options ?? {};
    it(c, async () => {
      const res = await runFile(name, raw, repo, opts);
      const sites = res.sites.map(summarise);
      const outPath = path.join(dir, 'output' + ext);
      if (update) {
        writeFileSync(path.join(dir, 'sites.json'), JSON.stringify(sites, null, 2) + '\n');
        if (res.output !== null) writeFileSync(outPath, res.output);
        else rmSync(outPath, { force: true });
        return;
      }
      expect(sites).toEqual(JSON.parse(readFileSync(path.join(dir, 'sites.json'), 'utf8')));
      if (existsSync(outPath)) {
        const expected = readFileSync(outPath, 'utf8');
        expect(res.output).not.toBeNull();
        expect(Buffer.from(res.output!, 'utf8').equals(Buffer.from(expected, 'utf8'))).toBe(true);
        expect(res.output).toBe(expected);
        // the output parses, and a second run plans nothing
        expect(parsesCleanly(name, expected)).toBe(true);
        const again = await runFile(name, expected, repo, opts);
        expect(again.output).toBeNull();
        expect(again.sites.filter((s) => s.status === 'auto')).toEqual([]);
      } else {
        expect(res.output).toBeNull();
      }
    });
  }
});

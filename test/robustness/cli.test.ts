// The CLI (its main, in-process) on a tree of bad inputs at once: it never crashes, lists every file it could not process with its
// reason in the JSON report, exits 3, and --write changes only what it planned, byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { cleanup, cli, copyFixture, describeRun, gitApply, tmpDir as e2eTmpDir } from '../e2e/helpers.js';
import { KEY_DECL, fetchSite, fetchSiteRewritten, hashTree, sha, tempFiles, writeTree } from './helpers.js';

afterAll(cleanup);

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const UTF16_SRC = crlf('// ünïcode\n' + KEY_DECL + fetchSite(16));

/** Every kind of bad input next to one good file. */
function zoo(root: string): string {
  const filler = '// ' + 'z'.repeat(76) + '\n';
  return writeTree(root, {
    'package.json': '{\n  "name": "zoo",\n  "private": true\n}\n',
    'src/good.js': KEY_DECL + fetchSite(1),
    'src/broken.js': KEY_DECL + 'export function f( {\n' + fetchSite(2),
    'src/binary.js': Buffer.concat([Buffer.from('\0\x01\x02'), Buffer.from(fetchSite(3))]),
    'src/latin1.js': Buffer.concat([Buffer.from('// R\xe9sum\xe9\n', 'latin1'), Buffer.from(KEY_DECL + fetchSite(4))]),
    'src/utf16.js': utf16le(UTF16_SRC),
    'src/bundle.js': '(function(){' + 'var a=1,b=function(c){return c+a};'.repeat(200) + 'fetch("https://api.hubapi.com/x?hapikey="+k);})();\n',
    'src/huge.js': KEY_DECL + fetchSite(5) + filler.repeat(27_000),
    'src/deep.js': KEY_DECL + 'export const x = ' + '[\n'.repeat(3000) + 'fetch(`https://api.hubapi.com/x?hapikey=${KEY}`)\n' + ']\n'.repeat(3000) + ';\n',
    'src/empty.js': '',
  });
}

const EXPECTED_SKIPS: Record<string, string> = {
  'src/broken.js': 'parse-error',
  'src/binary.js': 'binary',
  'src/latin1.js': 'unreadable',
  'src/bundle.js': 'minified',
  'src/huge.js': 'too-large',
  'src/deep.js': 'parse-error',
};

describe.concurrent('the CLI on a tree of bad inputs', () => {
  it('--json: exit 3, each bad file listed with its reason, parse-error sites manual, the good files planned', async ({ expect }) => {
    const base = e2eTmpDir('mhk-robust-cli-');
    const root = zoo(path.join(base, 'repo'));
    const r = await cli([root, '--json', '--out', path.join(base, 'out')], { cwd: base });
    expect(r.code, describeRun(r)).toBe(3);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const report = JSON.parse(r.stdout);
    const skips = Object.fromEntries(report.skipped.map((s: any) => [s.file, s.reason]));
    for (const [f, reason] of Object.entries(EXPECTED_SKIPS)) expect(skips[f], `${f} in ${JSON.stringify(report.skipped)}`).toBe(reason);
    const broken = report.sites.filter((s: any) => s.file === 'src/broken.js' && s.status !== 'ignored');
    expect(broken.map((s: any) => `${s.line} ${s.status} ${s.reason}`)).toEqual(['3 manual parse-error']);
    const auto = [...new Set(report.sites.filter((s: any) => s.status === 'auto').map((s: any) => s.file))].sort();
    expect(auto).toEqual(['src/good.js', 'src/utf16.js']);
    for (const s of report.skipped) expect(s.message.length, s.file).toBeGreaterThan(0);
    // every listed problem is named on stderr too
    for (const f of ['src/broken.js', 'src/latin1.js', 'src/deep.js']) expect(r.stderr, f).toContain(f);
  });

  it('--write: exit 3, only the planned files change (UTF-16 byte-exact), no temp file', async ({ expect }) => {
    const base = e2eTmpDir('mhk-robust-cli-');
    const root = zoo(path.join(base, 'repo'));
    const before = hashTree(root);
    const r = await cli([root, '--write', '--out', path.join(base, 'out')], { cwd: base });
    expect(r.code, describeRun(r)).toBe(3);
    const after = hashTree(root);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
    expect(changed).toEqual(['src/good.js', 'src/utf16.js']);
    expect(fs.readFileSync(path.join(root, 'src/good.js'), 'utf8')).toBe(KEY_DECL + fetchSiteRewritten(1));
    expect(sha(fs.readFileSync(path.join(root, 'src/utf16.js')))).toBe(sha(utf16le(UTF16_SRC.replace(crlf(fetchSite(16)), crlf(fetchSiteRewritten(16))))));
    expect(tempFiles(root)).toEqual([]);
  });

  // Was a bug, fixed in fdfd7e7 (src/report/patch.ts renderPatch, or run.ts choosing what goes in the patch): a UTF-16 file's rewrite is
  // written into changes.patch as a UTF-8 text diff, so `git apply changes.patch` rejects the WHOLE patch ("patch
  // failed: src/utf16.js:1 … patch does not apply"), the same failure as the non-UTF-8 bug fixed in 41e1d12. --write
  // itself is right (UTF-16 LE with BOM, byte-exact). Expected: a UTF-16 file is left out of changes.patch (with a
  // note in report.md that --write handles it) or given as a git binary patch.
  it('dry run: changes.patch still applies with git apply when the tree holds a UTF-16 file', async ({ expect }) => {
    const base = e2eTmpDir('mhk-robust-cli-');
    const root = writeTree(path.join(base, 'repo'), { 'src/good.js': KEY_DECL + fetchSite(1), 'src/utf16.js': utf16le(UTF16_SRC) });
    const r = await cli([root, '--out', path.join(base, 'out')], { cwd: base });
    expect(r.code, describeRun(r)).toBe(0);
    const fresh = copyFixture(root, path.join(base, 'fresh'));
    expect(() => gitApply(fresh, path.join(base, 'out/changes.patch'), true)).not.toThrow();
  });

  // Was a bug (src/cli/main.ts), fixed in fe91e9c: --out was created only after run() had written the sources;
  // naming an existing file, `mkdir` threw EEXIST and the CLI died with "internal error" (exit 70, a stack trace)
  // after --write had rewritten the sources, with no report written.
  it('--write --out <an existing file>: usage error before anything is written', async ({ expect }) => {
    const base = e2eTmpDir('mhk-robust-cli-');
    const root = writeTree(path.join(base, 'repo'), { 'src/a.js': KEY_DECL + fetchSite(1), 'src/b.js': KEY_DECL + fetchSite(2) });
    const before = hashTree(root);
    const r = await cli([root, '--write', '--out', path.join(root, 'src/b.js')], { cwd: base });
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.code, describeRun(r)).toBe(2);
    expect(hashTree(root)).toEqual(before);
  });

  // Was a bug, fixed in fdfd7e7 (src/discover/selection.ts prunes the whole --out folder; src/cli/main.ts accepts any folder): `--out src`
  // (a folder that holds sources) silently removes every source in it from the scan: `--check --out src` prints
  // "no account-key use found" and exits 0 while src/a.js still sends ?hapikey=, and --write rewrites nothing.
  // test/e2e/out-folder.test.ts covers report files written over project files, not this. Expected: refuse an
  // --out folder that holds files the tool did not write (exit 2), or scan everything in it but the report files
  // (run.ts already leaves report.md/changes.patch/report.json/report.sarif out by name).
  it('--check --out <a source folder>: the sources in it are still checked (or the flag is refused)', async ({ expect }) => {
    const base = e2eTmpDir('mhk-robust-cli-');
    const root = writeTree(path.join(base, 'repo'), { 'src/a.js': KEY_DECL + fetchSite(1) });
    const r = await cli(['.', '--check', '--out', 'src'], { cwd: root });
    expect([1, 2], describeRun(r)).toContain(r.code);
  });
});

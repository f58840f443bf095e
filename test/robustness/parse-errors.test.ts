// Files with syntax errors: what parses is scanned (TypeScript's parser recovers); where a key may hide in what did
// not parse, the site is `manual` (`parse-error`), the file is listed as skipped (`parse-error`) and the run exits 3.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import { KEY_DECL, cleanup, fetchSite, fetchSiteRewritten, options, siteSummary, skipOf, tmpDir, writeTree } from './helpers.js';

afterAll(cleanup);

/** Filler that parses: pushes a second key use far (> 2,000 characters) from a syntax error. */
/** A bare key use (an expression). */
const FETCH = 'fetch(`https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEY}&limit=10`)';

const FILLER = Array.from({ length: 80 }, (_, i) => `export function helper${i}(x) { return x + ${i}; }\n`).join('');

describe('syntax errors', () => {
  it('a key use next to a syntax error is manual parse-error, a key use far from it is still rewritten; listed, exit 3', async () => {
    const root = tmpDir();
    const broken = KEY_DECL + 'export function f( {\n' + fetchSite('near') + FILLER + fetchSite('far');
    writeTree(root, { 'src/broken.js': broken, 'src/clean.js': KEY_DECL + fetchSite('clean') });

    const r = await run(options(root, { mode: 'write' }));
    expect(r.exitCode).toBe(3);
    expect(skipOf(r, 'src/broken.js')).toBe('parse-error');
    const near = r.report.sites.find((s) => s.file === 'src/broken.js' && s.line === 3)!;
    expect(near, siteSummary(r, 'src/broken.js').join('\n')).toBeTruthy();
    expect([near.status, near.reason, near.applied]).toEqual(['manual', 'parse-error', false]);
    expect(near.message.length).toBeGreaterThan(0);
    // what parses is scanned: the far use is found and rewritten; the broken part is left exactly as it was
    const after = fs.readFileSync(path.join(root, 'src/broken.js'), 'utf8');
    expect(after).toBe(KEY_DECL + 'export function f( {\n' + fetchSite('near') + FILLER + fetchSiteRewritten('far'));
    // the other file is written
    expect(fs.readFileSync(path.join(root, 'src/clean.js'), 'utf8')).toBe(KEY_DECL + fetchSiteRewritten('clean'));
  });

  it('TypeScript and a Vue component with syntax errors next to key uses', async () => {
    const root = tmpDir();
    writeTree(root, {
      'src/a.ts': KEY_DECL + 'class {\n  m(: string) {}\n}\n' + fetchSite('ts'),
      'src/b.vue': '<template><div/></template>\n<script>\n' + KEY_DECL + 'export default { methods: { load( { return ' + FETCH + '; } } }\n</script>\n',
      'src/c.tsx': KEY_DECL + 'export const C = () => <div>{(</div>;\n' + fetchSite('tsx'),
    });
    const r = await run(options(root));
    expect(r.exitCode).toBe(3);
    for (const f of ['src/a.ts', 'src/b.vue', 'src/c.tsx']) {
      const live = r.report.sites.filter((s) => s.file === f && (s.status === 'auto' || s.status === 'manual'));
      expect(live.map((s) => `${s.status} ${s.reason}`), `${f}: ${siteSummary(r, f).join(', ')}`).toEqual(['manual parse-error']);
      expect(skipOf(r, f), f).toBe('parse-error');
    }
    expect(r.plans).toEqual([]);
  });

  it('an error far from every key use does not hold the file back (exit 0, rewritten)', async () => {
    const root = tmpDir();
    const text = 'let oops = = 1;\n' + FILLER + KEY_DECL + fetchSite('ok');
    writeTree(root, { 'src/a.js': text });
    const r = await run(options(root, { mode: 'write' }));
    expect(siteSummary(r, 'src/a.js')).toContain('83 auto');
    expect(fs.readFileSync(path.join(root, 'src/a.js'), 'utf8')).toBe('let oops = = 1;\n' + FILLER + KEY_DECL + fetchSiteRewritten('ok'));
  });

  // Was a bug, fixed in fdfd7e7 (src/scan/code.ts scanSource / src/scan/hits.ts findHits): where the parser's recovery does not produce a
  // template/string node for the URL, the key use yields no hit at all: no site, no skip entry, exit 0, and --check
  // passes. Here `load( { return () => fetch(`…?hapikey=${KEY}`) } )` (a `(` left open before an object). The same
  // text with `load()` is found and rewritten. Expected: every `hapikey=` of a file with parse errors that no site
  // covers becomes a manual parse-error site (a text fallback, as for minified files), listed, exit 3.
  it('a key use inside a region the parser could not recover is reported, not silently dropped', async () => {
    const root = tmpDir();
    const arrow = '() => ' + FETCH;
    writeTree(root, {
      'src/a.js': KEY_DECL + 'export default { methods: { load( { return ' + arrow + '; } } }\n',
      'src/b.vue': '<template><div/></template>\n<script>\n' + KEY_DECL + 'export default { methods: { load( { return ' + arrow + '; } } }\n</script>\n',
    });
    const r = await run(options(root, { mode: 'check' }));
    expect(siteSummary(r, 'src/a.js')).toContain('2 manual parse-error');
    expect(siteSummary(r, 'src/b.vue')).toContain('4 manual parse-error');
    expect(r.exitCode).not.toBe(0);
  });

  // Was a bug, fixed in fdfd7e7 (src/scan/hits.ts commentHits + src/scan/code.ts scanSource): an unterminated block comment swallows the rest
  // of the file, so a live key use after it is reported `ignored` / `commented-out` (the parse-error demotion only
  // applies to drafts without a status, and comment hits are born `ignored`). The file is not listed, exit 0, and
  // --check passes. Expected: manual parse-error, listed, exit 3.
  it('a key use swallowed by an unterminated /* comment is manual parse-error, not commented-out', async () => {
    const root = tmpDir();
    writeTree(root, { 'src/a.js': KEY_DECL + '/* TODO: tidy up\n' + fetchSite('swallowed') });
    const r = await run(options(root, { mode: 'check' }));
    expect(siteSummary(r, 'src/a.js')).toContain('3 manual parse-error');
    expect(skipOf(r, 'src/a.js')).toBe('parse-error');
    expect(r.exitCode).not.toBe(0);
  });

  // Was a bug, fixed in fdfd7e7 (same place): TypeScript treats the `=======` … `>>>>>>>` half of a merge conflict as trivia, so the key use
  // in the incoming half is reported `ignored` / `commented-out` although it is live code once the conflict is
  // resolved. Expected: manual parse-error (a conflicted file is not migrated until it is resolved).
  it('a key use in the other half of a merge conflict is manual parse-error, not commented-out', async () => {
    const root = tmpDir();
    const text = KEY_DECL + '<<<<<<< HEAD\n' + fetchSite('ours') + '=======\n' + fetchSite('theirs') + '>>>>>>> feature\n';
    writeTree(root, { 'src/a.js': text });
    const r = await run(options(root));
    expect(siteSummary(r, 'src/a.js')).toEqual(expect.arrayContaining(['3 manual parse-error', '5 manual parse-error']));
  });

  // Was a bug, fixed in fdfd7e7 (src/scan/hits.ts commentHits skips every `hapikey` in JsxText): in a .jsx file whose JSX does not parse, a
  // key use the parser took for JSX text produces no site at all (not even ignored), the file is not listed and the
  // run exits 0. Expected: manual parse-error.
  it('a key use the parser took for JSX text in a broken .jsx file is still reported', async () => {
    const root = tmpDir();
    const text = KEY_DECL + 'export const X = () => <div>\nfetch(`https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${KEY}`)\n<b>;\n';
    writeTree(root, { 'src/a.jsx': text });
    const r = await run(options(root));
    expect(siteSummary(r, 'src/a.jsx')).toContain('3 manual parse-error');
    expect(r.exitCode).toBe(3);
  });
});

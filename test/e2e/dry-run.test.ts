// e2e: the dry run (default mode), --json against the spec's schemaVersion 1, a single file as the path, color.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import {
  ALL_AUTO, REPO, SAMPLE, SGR, cleanup, enumProblems, cli, copyFixture, describeRun, hashTree, listTree, read, readJson, tmpDir, writeTree,
} from './helpers.js';

afterAll(cleanup);

const STATUSES = ['auto', 'manual', 'developer-key', 'ignored'];
const PATTERNS = ['query-string', 'params-object', 'url-search-params', 'shared-config', 'interceptor', 'client-option', 'other'];
const MODES = ['dry-run', 'write', 'interactive', 'check'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', null];

const isInt1 = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isRelPath = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && !v.includes('\\') && !path.isAbsolute(v) && !v.split('/').includes('..');

/** Every departure from the spec's required shape and types (extra keys are allowed: "extend it freely"). */
function shapeProblems(r: any): string[] {
  const p: string[] = [];
  const need = (ok: boolean, what: string) => { if (!ok) p.push(what); };
  need(r.schemaVersion === 1, 'schemaVersion === 1');
  need(r.tool?.name === 'migrate-hapikey' && typeof r.tool?.version === 'string', 'tool {name, version}');
  need(typeof r.root === 'string' && path.isAbsolute(r.root), 'root absolute');
  need(MODES.includes(r.mode), 'mode');
  const s = r.summary ?? {};
  for (const k of ['filesScanned', 'filesSkipped', 'sites', 'applied']) need(isCount(s[k]), `summary.${k}`);
  for (const k of STATUSES) need(isCount(s.byStatus?.[k]), `summary.byStatus.${k}`);
  need(isStrings(r.scopes?.required) && isStrings(r.scopes?.uncertain), 'scopes {required, uncertain}');
  need(Array.isArray(r.sites) && Array.isArray(r.skipped), 'sites[], skipped[]');
  for (const [i, x] of (r.sites ?? []).entries()) {
    const at = `sites[${i}] (${x.file}:${x.line})`;
    need(typeof x.id === 'string' && x.id.length > 0, `${at}.id`);
    need(isRelPath(x.file), `${at}.file relative, forward slashes`);
    need(isInt1(x.line) && isInt1(x.column), `${at}.line/column 1-based integers`);
    need(typeof x.language === 'string', `${at}.language`);
    need(PATTERNS.includes(x.pattern), `${at}.pattern`);
    need(STATUSES.includes(x.status), `${at}.status`);
    need(typeof x.reason === 'string', `${at}.reason`);
    need(typeof x.message === 'string' && x.message.length > 0, `${at}.message`);
    need(typeof x.applied === 'boolean', `${at}.applied`);
    need(Array.isArray(x.requests), `${at}.requests`);
    for (const [j, q] of (x.requests ?? []).entries()) {
      need(isRelPath(q.file) && isInt1(q.line), `${at}.requests[${j}] file/line`);
      need(typeof q.client === 'string', `${at}.requests[${j}].client`);
      need(METHODS.includes(q.method), `${at}.requests[${j}].method`);
      need(q.path === null || typeof q.path === 'string', `${at}.requests[${j}].path`);
      need(isStrings(q.scopes), `${at}.requests[${j}].scopes`);
      const l = q.lifecycle;
      need(l === null || (['removed', 'unsupported-from', 'supported'].includes(l?.status)
        && (l.date === null || typeof l.date === 'string') && (l.replacement === null || typeof l.replacement === 'string')), `${at}.requests[${j}].lifecycle`);
    }
    const sec = x.secret;
    need(sec === null || (['legacy-api-key', 'private-app-token'].includes(sec?.kind) && typeof sec.masked === 'string'
      && /^[0-9a-f]{64}$/.test(sec.fingerprint)), `${at}.secret`);
  }
  for (const [i, x] of (r.skipped ?? []).entries()) {
    need(typeof x.file === 'string' && typeof x.reason === 'string' && typeof x.message === 'string', `skipped[${i}]`);
  }
  return p;
}

describe.concurrent('dry run', () => {
  it('on the sample: exit 0, a summary on stdout, the four report files in ./hapikey-migration, no source file changed', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(SAMPLE, path.join(base, 'repo'));
    const before = hashTree(root);
    const r = await cli(['repo'], { cwd: base }); // default --out: ./hapikey-migration of the working directory
    expect(r.code, describeRun(r)).toBe(0);
    expect(hashTree(root)).toEqual(before);

    const out = path.join(base, 'hapikey-migration');
    // the four reports, and the list of what the tool wrote there (so that the next run may replace them)
    expect(fs.readdirSync(out).sort()).toEqual(['.migrate-hapikey.json', 'changes.patch', 'report.json', 'report.md', 'report.sarif']);
    for (const f of fs.readdirSync(out)) expect(fs.statSync(path.join(out, f)).size, f).toBeGreaterThan(0);
    const report = readJson(path.join(out, 'report.json'));
    expect(report.mode).toBe('dry-run');
    expect(report.root).toBe(root);
    const sarif = readJson(path.join(out, 'report.sarif'));
    expect(sarif.version).toBe('2.1.0');
    expect(Array.isArray(sarif.runs)).toBe(true);

    // the summary agrees with the report
    const b = report.summary.byStatus;
    expect(b.auto).toBeGreaterThan(0);
    expect(r.stdout).toContain('dry-run');
    expect(r.stdout).toContain(`${report.summary.filesScanned} files scanned`);
    expect(r.stdout).toContain(`${b.auto} auto`);
    expect(r.stdout).toContain(`${b.manual} manual`);
    expect(r.stdout).toContain('hapikey-migration');
    expect(r.stdout).not.toMatch(SGR); // stdout is a pipe
    // the diff of every planned file is shown, and the patch names the same files
    const planned = [...new Set(report.sites.filter((s: any) => s.status === 'auto').map((s: any) => s.file))] as string[];
    const patch = read(path.join(out, 'changes.patch'));
    for (const f of planned) {
      expect(r.stdout).toContain(`+++ b/${f}`);
      expect(patch).toContain(`+++ b/${f}`);
    }
  });

  it('--json: exactly one JSON document on stdout, in the schemaVersion 1 shape, ids stable across runs and folders', async ({ expect }) => {
    const base = tmpDir();
    const a = copyFixture(SAMPLE, path.join(base, 'one/repo'));
    const b = copyFixture(SAMPLE, path.join(base, 'two/deeper/repo'));
    const [ra, rb] = await Promise.all([
      cli([a, '--json', '--out', path.join(base, 'out-a')], { cwd: base }),
      cli(['deeper/repo', '--json', '--out', path.join(base, 'out-b')], { cwd: path.join(base, 'two') }),
    ]);
    expect(ra.code, describeRun(ra)).toBe(0);
    expect(rb.code, describeRun(rb)).toBe(0);
    const report = JSON.parse(ra.stdout); // throws if anything but one JSON document is on stdout
    const other = JSON.parse(rb.stdout);
    expect(ra.stdout.trimStart().startsWith('{')).toBe(true);
    expect(readJson(path.join(base, 'out-a/report.json'))).toEqual(report);

    expect(shapeProblems(report)).toEqual([]);
    expect(enumProblems(report)).toEqual([]);
    expect(report.root).toBe(a);
    expect(report.mode).toBe('dry-run');
    expect(report.tool.version).toBe(readJson(path.join(REPO, 'package.json')).version);

    // counts agree with the sites
    const sites: any[] = report.sites;
    expect(report.summary.sites).toBe(sites.length);
    for (const st of STATUSES) expect(report.summary.byStatus[st], st).toBe(sites.filter((s) => s.status === st).length);
    expect(report.summary.filesSkipped).toBe(report.skipped.length);
    expect(report.summary.applied).toBe(0);
    expect(sites.every((s) => s.applied === false)).toBe(true);
    expect(report.summary.filesScanned).toBeLessThanOrEqual(listTree(a).length); // documentation is not a candidate
    expect(report.summary.filesScanned).toBeGreaterThanOrEqual(new Set(sites.map((s) => s.file)).size);
    expect(report.summary.byStatus.auto).toBeGreaterThan(0);

    // scopes: sorted, unique
    const req: string[] = report.scopes.required;
    expect(req.length).toBeGreaterThan(0);
    expect(req).toEqual([...new Set(req)].sort());

    // ids: unique, and the same for the same code elsewhere
    const ids = sites.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(other.sites.map((s: any) => `${s.id} ${s.file}:${s.line}:${s.column}`)).toEqual(sites.map((s) => `${s.id} ${s.file}:${s.line}:${s.column}`));

    // positions: 1-based, inside the file; auto sites point at the key text itself
    for (const s of sites) {
      const abs = path.join(a, s.file);
      expect(fs.existsSync(abs), s.file).toBe(true);
      const lines = read(abs).split(/\r?\n/);
      expect(s.line, `${s.file}:${s.line}`).toBeLessThanOrEqual(lines.length);
      const text = lines[s.line - 1];
      expect(s.column, `${s.file}:${s.line}:${s.column}`).toBeLessThanOrEqual(text.length + 1);
      if (s.status === 'auto') expect(text.slice(s.column - 1), `${s.file}:${s.line}:${s.column}`).toMatch(/^(hapikey|apiKey|setApiKey)\b/);
      for (const q of s.requests) expect(fs.existsSync(path.join(a, q.file)), q.file).toBe(true);
    }
  });

  it('a single file as the path: scans that file only', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(SAMPLE, path.join(base, 'repo'));
    const before = hashTree(root);
    const r = await cli([path.join(root, 'src/crm/owners.ts'), '--json', '--out', path.join(base, 'out')], { cwd: base });
    expect(r.code, describeRun(r)).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.filesScanned).toBe(1);
    expect(report.sites.length).toBeGreaterThan(0);
    expect([...new Set(report.sites.map((s: any) => path.resolve(report.root, s.file)))]).toEqual([path.join(root, 'src/crm/owners.ts')]);
    expect(report.sites.some((s: any) => s.status === 'auto')).toBe(true);
    // its neighbours (sdk.ts, contacts-v1.js, …: all with key uses) are not scanned, and only it is in the patch
    const patch = read(path.join(base, 'out/changes.patch'));
    expect(patch.match(/^\+\+\+ b\/(.*)$/gm)).toEqual([expect.stringMatching(/owners\.ts$/)]);
    expect(hashTree(root)).toEqual(before);
  });
});

describe.concurrent('selection', () => {
  it('node_modules, build output, vendored and minified files are skipped and listed; .gitignore, --exclude, --no-gitignore', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(ALL_AUTO, path.join(base, 'repo'));
    const keyed = read(path.join(root, 'src/deals.js'));
    const skippedDirs = ['node_modules/hubspot-helper', 'dist', 'build', 'out', '.next', 'coverage'];
    for (const d of skippedDirs) writeTree(root, { [`${d}/index.js`]: keyed });
    writeTree(root, { 'src/bundle.min.js': keyed, 'generated/client.js': keyed, '.gitignore': 'generated/\n' });
    const [plain, picked] = await Promise.all([
      cli([root, '--json', '--out', path.join(base, 'o1')], { cwd: base }),
      cli([root, '--json', '--out', path.join(base, 'o2'), '--exclude', 'src/deals.js', '--no-gitignore'], { cwd: base }),
    ]);
    expect(plain.code, describeRun(plain)).toBe(0);
    expect(picked.code, describeRun(picked)).toBe(0);
    const a = JSON.parse(plain.stdout);
    const b = JSON.parse(picked.stdout);
    const files = (r: any) => [...new Set(r.sites.map((s: any) => s.file))].sort();
    expect(files(a)).toEqual(['src/companies.ts', 'src/deals.js', 'src/lists.mjs']);
    // every default skip is listed with a reason and a message
    const listed = a.skipped.map((s: any) => s.file.replace(/\/$/, ''));
    for (const d of [...skippedDirs.map((x) => x.split('/')[0]), 'src/bundle.min.js']) expect(listed, d).toContain(d);
    for (const s of a.skipped) expect(s.reason && s.message, s.file).toBeTruthy();
    expect(a.skipped.find((s: any) => s.file === 'src/bundle.min.js').reason).toBe('minified');
    expect(files(b)).toEqual(['generated/client.js', 'src/companies.ts', 'src/lists.mjs']);
  });
});

describe.concurrent('color', () => {
  it('FORCE_COLOR=1 colors stdout; NO_COLOR=1 and --no-color do not (and report files never have escapes)', async ({ expect }) => {
    const base = tmpDir();
    const root = copyFixture(ALL_AUTO, path.join(base, 'repo'));
    const [forced, noColor, flag] = await Promise.all([
      cli([root, '--out', path.join(base, 'o1')], { cwd: base, env: { FORCE_COLOR: '1' } }),
      cli([root, '--out', path.join(base, 'o2')], { cwd: base, env: { NO_COLOR: '1' } }),
      cli([root, '--out', path.join(base, 'o3'), '--no-color'], { cwd: base, env: { FORCE_COLOR: '1' } }),
    ]);
    for (const r of [forced, noColor, flag]) expect(r.code, describeRun(r)).toBe(0);
    expect(forced.stdout).toMatch(SGR);
    expect(noColor.stdout).not.toMatch(SGR);
    expect(flag.stdout).not.toMatch(SGR);
    // same content once the escapes are gone
    expect(forced.stdout.replace(/\x1b\[[0-9;]*m/g, '').replace(/o1\//g, 'oX/')).toBe(noColor.stdout.replace(/o2\//g, 'oX/'));
    for (const f of fs.readdirSync(path.join(base, 'o1'))) expect(read(path.join(base, 'o1', f)), f).not.toMatch(/\x1b\[/);
  });
});

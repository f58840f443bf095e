// The GitHub Action (action.yml): its check step's script is taken from the YAML and run exactly as written, the
// way a runner runs a composite `shell: bash` step (`bash --noprofile --norc -eo pipefail <file>`, inputs
// through the step's env, GITHUB_* files in a temp folder), on fixtures. Then the fail step, with each exit code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, it } from 'vitest';
import YAML from 'yaml';
import { ALL_AUTO, REPO, SAMPLE, baseEnv, cleanup, copyFixture, ensureBuilt, git, read, tmpDir, writeTree } from '../e2e/helpers.js';
import { githubUploadProblems, valid } from '../report/sarif-rules.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

interface Step { id?: string; name: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string; 'working-directory'?: string }
const action = YAML.parse(read(path.join(REPO, 'action.yml'))) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const steps = action.runs.steps;
const checkStep = steps.find((s) => s.id === 'check')!;
const failStep = steps.find((s) => s.name === 'Fail on account API key use')!;

/** `${{ inputs.x }}` and `${{ steps.check.outputs.y }}` in a step's env, as the runner expands them. */
function expand(value: string, ctx: { inputs: Record<string, string>; outputs?: Record<string, string> }): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    let m = /^inputs\.([\w-]+)$/.exec(expr);
    if (m) return ctx.inputs[m[1]] ?? '';
    m = /^steps\.check\.outputs\.([\w-]+)$/.exec(expr);
    if (m && ctx.outputs) return ctx.outputs[m[1]] ?? '';
    throw new Error(`test: unexpected expression ${expr}`);
  });
}

interface StepRun { code: number | null; stdout: string; stderr: string; outputs: Record<string, string>; summary: string }

/** Run a `shell: bash` step's script as a runner does, in `workspace`. */
function runStep(step: Step, workspace: string, inputs: Record<string, string>, outputs?: Record<string, string>): StepRun {
  const temp = tmpDir('mhk-runner-');
  const script = path.join(temp, 'step.sh');
  fs.writeFileSync(script, step.run!);
  const summary = path.join(temp, 'step_summary.md');
  const output = path.join(temp, 'output.txt');
  fs.writeFileSync(summary, '# from an earlier step\n');
  fs.writeFileSync(output, '');
  const allInputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...inputs };
  const env = baseEnv({
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: REPO,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: temp,
    ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), { inputs: allInputs, outputs })])),
  });
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8', timeout: 240_000 });
  const outs: Record<string, string> = {};
  for (const line of read(output).split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: outs, summary: read(summary) };
}

describe('action.yml', () => {
  it('is a composite action on Node 20 with the inputs path, token-env, args; uploads with upload-sarif', ({ expect }) => {
    expect(action.runs.using).toBe('composite');
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with).toEqual({ 'node-version': 20 });
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['path', 'token-env', 'args']));
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!.sarif_file).toBe('${{ steps.check.outputs.sarif-file }}');
    // every script reads inputs through env, never through ${{ }} (no injection, and the test runs it verbatim)
    for (const s of steps) if (s.run) expect(s.run, s.name).not.toContain('${{');
  });

  it('on a repository with key use: exit-code 1, valid SARIF that meets the upload rules, the job summary appended', { timeout: 300_000 }, ({ expect }) => {
    const ws = copyFixture(SAMPLE, path.join(tmpDir(), 'checkout'));
    const r = runStep(checkStep, ws, {});
    expect(r.code, r.stderr).toBe(0); // the step records the code; the fail step fails the job after the upload
    expect(r.outputs['exit-code']).toBe('1');
    const sarifText = read(r.outputs['sarif-file']);
    valid(sarifText);
    const log = JSON.parse(sarifText) as Log;
    expect(githubUploadProblems(log)).toEqual([]);
    expect(log.runs[0].results!.length).toBeGreaterThan(0);
    expect(fs.readdirSync(r.outputs['report-dir']).sort()).toEqual(['.migrate-hapikey.json', 'changes.patch', 'report.json', 'report.md', 'report.sarif']);
    // appended after what an earlier step wrote, masked, with where the uses are
    expect(r.summary.startsWith('# from an earlier step\n## migrate-hapikey: checkout\n')).toBe(true);
    expect(r.summary).toMatch(/account-key uses remain/);
    expect(r.summary).toMatch(/\| `src\/[^`]+:\d+` \| auto \|/);
    expect(r.stdout).toMatch(/^migrate-hapikey: \d+ account-key uses remain/);
    // nothing written into the checkout
    expect(fs.existsSync(path.join(ws, 'hapikey-migration'))).toBe(false);

    const fail = runStep(failStep, ws, {}, r.outputs);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/^::error title=HubSpot account API keys in use::/);
  });

  it('inputs: path (a subfolder of a git checkout: SARIF URIs from the top), token-env, args split at spaces; a clean tree passes', { timeout: 300_000 }, ({ expect }) => {
    const ws = tmpDir();
    copyFixture(ALL_AUTO, path.join(ws, 'services', 'shop'));
    writeTree(ws, { 'README.md': '# mono\n', 'services/shop/test/deals.test.js': "fetch('https://api.hubapi.com/deals/v1/deal/paged?hapikey=' + process.env.KEY);\n" });
    git(ws, 'init', '-q');
    const r = runStep(checkStep, ws, { path: 'services/shop', 'token-env': 'HS_TOKEN', args: '--exclude test/** --verbose' });
    expect(r.outputs['exit-code'], r.stderr).toBe('1');
    const log = JSON.parse(read(r.outputs['sarif-file'])) as Log;
    expect(githubUploadProblems(log)).toEqual([]);
    const uris = log.runs[0].results!.map((x) => x.locations![0].physicalLocation!.artifactLocation!.uri!);
    expect(uris.length).toBeGreaterThan(0);
    for (const u of uris) expect(u).toMatch(/^services\/shop\/src\//); // never the excluded test file
    expect(log.runs[0].originalUriBaseIds!['%SRCROOT%'].uri).toBe(`file://${ws}/`);

    const clean = writeTree(path.join(tmpDir(), 'checkout'), { 'src/a.js': "fetch('https://api.hubapi.com/crm/v3/objects/contacts', { headers: { Authorization: `Bearer ${process.env.T}` } });\n" });
    const ok = runStep(checkStep, clean, {});
    expect(ok.outputs['exit-code'], ok.stderr).toBe('0');
    valid(read(ok.outputs['sarif-file']));
    expect(ok.summary).toMatch(/No account-key use found\./);
    expect(runStep(failStep, clean, {}, ok.outputs).code).toBe(0);
  });

  it('fingerprints stay the same when lines are added above each finding (code and text-found sites alike)', { timeout: 300_000 }, ({ expect }) => {
    const ws = copyFixture(SAMPLE, path.join(tmpDir(), 'checkout'));
    writeTree(ws, { 'scripts/sync.py': "import requests\nrequests.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all', params={'hapikey': KEY})\n" });
    const fingerprints = (): Map<string, string> => {
      const r = runStep(checkStep, ws, {});
      const log = JSON.parse(read(r.outputs['sarif-file'])) as Log;
      return new Map(log.runs[0].results!.map((x) => [Object.values(x.partialFingerprints!)[0], `${x.ruleId} ${x.locations![0].physicalLocation!.artifactLocation!.uri}:${x.locations![0].physicalLocation!.region!.startLine}`]));
    };
    const before = fingerprints();
    expect([...before.values()].some((v) => v.includes('scripts/sync.py'))).toBe(true);
    const shifted = new Set<string>();
    for (const f of ['scripts/sync.py', ...fs.readdirSync(path.join(ws, 'src'), { recursive: true }).map((x) => `src/${x}`)]) {
      const abs = path.join(ws, f);
      if (!fs.statSync(abs).isFile()) continue;
      fs.writeFileSync(abs, (f.endsWith('.py') ? '# added\n\n' : '// added\n\n') + read(abs));
      shifted.add(f);
    }
    const after = fingerprints();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // the same findings, two lines further down
    expect(shifted.size).toBeGreaterThan(5);
    for (const [fp, where] of before) {
      const file = where.split(' ')[1].replace(/:\d+$/, '');
      expect(after.get(fp), where).toBe(shifted.has(file) ? where.replace(/:(\d+)$/, (_, n) => `:${Number(n) + 2}`) : where);
    }
  });

  it('a bad input is exit-code 2 (no SARIF to upload) and fails the job', { timeout: 300_000 }, ({ expect }) => {
    const ws = copyFixture(ALL_AUTO, path.join(tmpDir(), 'checkout'));
    const r = runStep(checkStep, ws, { 'token-env': 'not a name' });
    expect(r.outputs['exit-code']).toBe('2');
    expect(r.stderr).toMatch(/--token-env must be an environment variable name/);
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!.if).toContain("steps.check.outputs.exit-code != '2'");
    expect(runStep(failStep, ws, {}, r.outputs).code).toBe(2);
  });
});

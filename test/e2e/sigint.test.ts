// e2e: SIGINT during --write leaves every file either old or new, and no temporary file behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, cleanup, cli, cliArgv, copyFixture, describeRun, ensureBuilt, gitApply, hashTree, readJson, tmpDir, writeTree } from './helpers.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

const N = 200;
const OBJECTS = ['contacts', 'companies', 'deals', 'tickets'];

/** N modules, each with one rewritable key use (our own invented code). */
function manyFiles(root: string): string {
  const files: Record<string, string> = {
    'package.json': '{\n  "name": "many",\n  "private": true,\n  "dependencies": { "axios": "^1.6.0" }\n}\n',
  };
  for (let i = 0; i < N; i++) {
    const id = String(i).padStart(3, '0');
    const obj = OBJECTS[i % OBJECTS.length];
    files[`src/m${id}.js`] = [
      "'use strict';",
      "const axios = require('axios');",
      '',
      `// module ${id}: ${obj}`,
      `module.exports = (id) => axios.get(\`https://api.hubapi.com/crm/v3/objects/${obj}/\${id}?hapikey=\${process.env.HUBSPOT_KEY}&archived=false\`);`,
      '',
    ].join('\n');
  }
  return writeTree(root, files);
}

describe('SIGINT during --write', () => {
  it(`leaves each of ${N} files either old or fully rewritten, no temp files, and a report that says which`, async () => {
    const base = tmpDir();
    const root = manyFiles(path.join(base, 'repo'));
    const original = hashTree(root);

    // the fully rewritten versions: the dry run's changes.patch applied to a copy
    const full = copyFixture(root, path.join(base, 'full'));
    const dry = await cli([full, '--out', path.join(base, 'out-dry'), '-q'], { cwd: base });
    expect(dry.code, describeRun(dry)).toBe(0);
    gitApply(full, path.join(base, 'out-dry/changes.patch'));
    const rewritten = hashTree(full);
    const targets = Object.keys(original).filter((f) => f.startsWith('src/'));
    expect(targets.filter((f) => rewritten[f] === original[f]), 'every module is planned').toEqual([]);

    // --write, interrupted as soon as the first file has been renamed into place
    const out = path.join(base, 'out-write');
    const [node, ...args] = cliArgv([root, '--write', '--out', out]);
    const child = spawn(node, args, { cwd: base, env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => { stderr += d; });
    let sentAt = -1;
    const watcher = fs.watch(path.join(root, 'src'), (_event, name) => {
      if (sentAt < 0 && name && /^m\d+\.js$/.test(String(name))) {
        sentAt = Date.now();
        child.kill('SIGINT');
      }
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    clearTimeout(killer);
    watcher.close();

    const now = hashTree(root);
    const neither = targets.filter((f) => now[f] !== original[f] && now[f] !== rewritten[f]);
    const fresh = targets.filter((f) => now[f] === rewritten[f]);
    const old = targets.filter((f) => now[f] === original[f]);
    const temps = Object.keys(now).filter((f) => /\.migrate-hapikey-.*\.tmp$/.test(f) || !(f in original));
    expect(neither, 'files neither old nor new').toEqual([]);
    expect(temps, 'files left behind').toEqual([]);
    expect(sentAt, 'the write phase started (a file was renamed into place)').toBeGreaterThan(0);
    expect(signal, `the CLI handles SIGINT itself (exit ${code})\n${stderr.slice(0, 2000)}`).toBeNull();
    expect(fresh.length).toBeGreaterThan(0);
    expect(old.length, 'the interrupt stopped the writes (nothing after it was written)').toBeGreaterThan(0);
    expect(code, stderr.slice(0, 2000)).toBe(3); // the unwritten files are listed
    expect(stderr).toMatch(/interrupt/i);

    // the report, written after the interrupt, says exactly which sites were applied
    const report = readJson(path.join(out, 'report.json'));
    const appliedFiles = report.sites.filter((s: any) => s.applied).map((s: any) => s.file).sort();
    expect(appliedFiles).toEqual(fresh.sort());
    expect(report.summary.applied).toBe(fresh.length);
    const listed = new Set(report.skipped.map((s: any) => s.file));
    expect(old.filter((f) => !listed.has(f)), 'every unwritten file is listed').toEqual([]);
  });
});

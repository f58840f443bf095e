// The README's first command runs the package's own bin (`npx migrate-hapikey …`): the built file must be
// executable through its shebang, not only through `node dist/cli/bin.js`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, cleanup, cli, cliProcess, copyFixture, describeRun, ensureBuilt, tmpDir } from './helpers.js';

const BIN = path.resolve(__dirname, '../../dist/cli/bin.js');

beforeAll(ensureBuilt, 300_000);
afterAll(cleanup);

describe('the bin', () => {
  it('is executable and runs by itself', () => {
    expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
    expect(execFileSync(BIN, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('main in-process (how most e2e tests run the CLI) and the built bin in a child process', () => {
  it('give the same exit code, stdout and stderr on the sample, for the dry run, --json and --check', async () => {
    for (const args of [['repo', '--out', 'out-a'], ['repo', '--json', '--out', 'out-a'], ['repo', '--check']]) {
      const base = tmpDir();
      copyFixture(SAMPLE, path.join(base, 'repo'));
      const inProcess = await cli(args, { cwd: base });
      const child = await cliProcess(args, { cwd: base });
      expect(inProcess.code, describeRun(inProcess)).toBe(child.code);
      expect(inProcess.stdout).toBe(child.stdout);
      expect(inProcess.stderr).toBe(child.stderr);
    }
  });
});

// The e2e build step counts: a build that reports errors fails the tests and leaves no CLI that looks fresh.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, runBuild, tmpDir } from './helpers.js';

afterAll(cleanup);

function fakeRepo(build: string): { repo: string; cli: string } {
  const repo = tmpDir('mhk-build-');
  const cli = path.join(repo, 'dist/cli/bin.js');
  fs.mkdirSync(path.dirname(cli), { recursive: true });
  fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'x', private: true, scripts: { build } }));
  return { repo, cli };
}

describe('runBuild', () => {
  it('throws when the build exits non-zero though it emitted the CLI (tsc with type errors), and removes the CLI', () => {
    const { repo, cli } = fakeRepo(`node -e "require('fs').writeFileSync('dist/cli/bin.js', ''); console.log('src/x.ts(1,7): error TS2322'); process.exit(2)"`);
    expect(() => runBuild(repo, cli)).toThrow(/exit 2[\s\S]*TS2322/);
    expect(fs.existsSync(cli)).toBe(false);
  });
  it('passes when the build succeeds', () => {
    const { repo, cli } = fakeRepo(`node -e "require('fs').writeFileSync('dist/cli/bin.js', '')"`);
    runBuild(repo, cli);
    expect(fs.existsSync(cli)).toBe(true);
  });
});

// A folder of fake npm packages (`<work>/<name>/package/…`) for the client-map build tests, removed after the file's tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder `work`, and `pkg(name, files)`, which writes one fake package in it and returns its root. */
export function fakePackages(prefix: string): { work: string; pkg: (name: string, files: Record<string, string>) => string } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const pkg = (name: string, files: Record<string, string>): string => {
    const root = join(work, name, 'package');
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), text);
    }
    return root;
  };
  return { work, pkg };
}

// Golden files: compared byte for byte; UPDATE_GOLDEN=1 rewrites them. A missing golden file fails the test
// (it is never written and then compared with itself). The one helper for every golden test (report, sample).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');
const DIR = join(GOLDEN_ROOT, 'report');

export function expectGolden(name: string, actual: string, dir = DIR): void {
  const path = join(dir, name);
  const shown = relative(join(GOLDEN_ROOT, '..', '..'), path);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${shown} is missing: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual, `${name} differs from ${shown} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}

/** The same, for golden files in another folder under test/golden/ (e.g. `many`). */
export function expectGoldenIn(folder: string, name: string, actual: string): void {
  const path = join(DIR, '..', folder, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${folder}/${name} missing: run with UPDATE_GOLDEN=1`);
  expect(actual, `${name} differs from test/golden/${folder}/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}

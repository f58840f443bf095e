// The golden helper itself: a missing golden file fails, a different one fails, the same one passes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectGolden } from './golden.js';

describe('expectGolden', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'golden-')); });
  afterEach(() => { vi.unstubAllEnvs(); rmSync(dir, { recursive: true, force: true }); });

  it('fails on a missing golden file and writes nothing', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    expect(() => expectGolden('missing.txt', 'x', dir)).toThrow(/missing/);
    expect(() => expectGolden('missing.txt', 'x', dir)).toThrow(/missing/);
  });
  it('fails on a different golden file and passes on the same one', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    writeFileSync(path.join(dir, 'g.txt'), 'a\n');
    expect(() => expectGolden('g.txt', 'b\n', dir)).toThrow();
    expectGolden('g.txt', 'a\n', dir);
  });
});

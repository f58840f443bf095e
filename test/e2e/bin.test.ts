// The README's first command runs the package's own bin (`npx migrate-hapikey …`): the built file must be
// executable through its shebang, not only through `node dist/cli/bin.js`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './helpers.js';

const BIN = path.resolve(__dirname, '../../dist/cli/bin.js');

beforeAll(ensureBuilt, 300_000);

describe('the bin', () => {
  it('is executable and runs by itself', () => {
    expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
    expect(execFileSync(BIN, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

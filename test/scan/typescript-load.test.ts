// The parser is ts-morph's bundled TypeScript, loaded without ts-morph's own code (which the scan never uses).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CJS = path.resolve(__dirname, '../../src/scan/typescript.cjs');

describe('src/scan/typescript.cjs', () => {
  it('loads the TypeScript ts-morph bundles, not ts-morph itself', () => {
    const out = execFileSync(process.execPath, ['-e', `
      const ts = require(${JSON.stringify(CJS)});
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify({
        parses: typeof ts.createSourceFile === 'function' && ts.createSourceFile('a.ts', 'const a = 1;', ts.ScriptTarget.Latest).statements.length,
        morph: loaded.some((f) => /[\\\\/]ts-morph[\\\\/]dist[\\\\/]ts-morph\\.js$/.test(f)),
        sameAsMorph: require('ts-morph').ts.createSourceFile === ts.createSourceFile,
      }));
    `], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ parses: 1, morph: false, sameAsMorph: true });
  });
});

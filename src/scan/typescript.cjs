// TypeScript's parser, the one ts-morph bundles (its @ts-morph/common ships the compiler as dist/typescript.js),
// loaded through `require`: an ESM `import` of ts-morph makes Node lex megabytes of CommonJS for named exports
// (about 0.6 s), which would double a mid-size scan. The compiler file is required on its own, found from where
// ts-morph is installed: ts-morph's own code and @ts-morph/common's file-system helpers (minimatch, tinyglobby, …)
// are never used here, and loading them cost about 60 ms of every run. Any other layout falls back to ts-morph.
'use strict';
const path = require('node:path');

function load() {
  try {
    const morph = path.dirname(require.resolve('ts-morph/package.json'));
    const common = path.dirname(require.resolve('@ts-morph/common/package.json', { paths: [morph] }));
    const ts = require(path.join(common, 'dist', 'typescript.js'));
    if (ts && typeof ts.createSourceFile === 'function') return ts;
  } catch { /* another layout */ }
  return require('ts-morph').ts;
}

module.exports = load();

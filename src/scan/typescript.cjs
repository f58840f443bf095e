// TypeScript's parser, the one ts-morph bundles, loaded through `require`: an ESM `import` of ts-morph makes
// Node lex megabytes of CommonJS for named exports (about 0.6 s), which would double a mid-size scan.
'use strict';
const tsMorph = require('ts-morph');
module.exports = tsMorph.ts;

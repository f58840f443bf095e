// Preload (node --require) for one diagnostic run of the CLI: counts TypeScript parses (ts.createSourceFile on
// the TypeScript that ts-morph bundles, reached through require('ts-morph').ts as src/scan/typescript.cjs does) by
// calling module of dist/, with the characters parsed and the time spent, and prints one JSON line to stderr at
// exit: {"parses": {...}}.
'use strict';
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

const by = {};
const files = new Map();
let tsProxy = null;
let morphProxy = null;

function wrap(orig) {
  return function createSourceFile(fileName, text, ...rest) {
    const stack = new Error().stack.split('\n').slice(2, 8);
    const frame = stack.find((l) => /\/dist\//.test(l)) ?? '';
    const m = /\/dist\/([^:)]+)/.exec(frame);
    const caller = m ? m[1] : 'other';
    const t0 = performance.now();
    const sf = orig.call(this, fileName, text, ...rest);
    const slot = (by[caller] ??= { calls: 0, chars: 0, ms: 0 });
    slot.calls++;
    slot.chars += text.length;
    slot.ms += performance.now() - t0;
    files.set(fileName, (files.get(fileName) ?? 0) + 1);
    return sf;
  };
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const real = load.apply(this, arguments);
  if (request !== 'ts-morph') return real;
  if (!morphProxy) {
    const realTs = real.ts;
    const wrapped = wrap(realTs.createSourceFile);
    tsProxy = new Proxy(realTs, { get: (t, p) => (p === 'createSourceFile' ? wrapped : t[p]) });
    morphProxy = new Proxy(real, { get: (t, p) => (p === 'ts' ? tsProxy : t[p]) });
  }
  return morphProxy;
};

process.on('exit', () => {
  let total = 0;
  for (const n of files.values()) total += n;
  for (const v of Object.values(by)) v.ms = Math.round(v.ms);
  process.stderr.write(`\n${JSON.stringify({ parses: { total, distinctFiles: files.size, byCaller: by } })}\n`);
});

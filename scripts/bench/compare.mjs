#!/usr/bin/env node
// Two builds of the CLI on the same generated trees, interleaved round-robin (paired per round), to say whether a
// change made a tree slower: node scripts/bench/compare.mjs --base OTHER/dist/cli/bin.js [--head dist/cli/bin.js]
//   [--files 20000] [--app-files 7000] [--runs 5] [--seed 42] [--dir $TMPDIR/migrate-hapikey-bench] [--only a,b]
// Trees are the bench's (same names and cache as `npm run bench`). Prints, per tree, the medians of both builds and
// the median of the per-round head/base ratios (wall, CPU) with their spread, and checks both builds' reports.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { generateTree, gitCommitTree, GENERATOR_VERSION } from './generate.mjs';
import { PATTERNS } from './plant.mjs';
import { runRounds, summarize, median } from './measure.mjs';
import { verify, readReport } from './verify.mjs';

const o = { base: null, head: 'dist/cli/bin.js', files: 20000, appFiles: 7000, runs: 5, seed: 42, dir: join(tmpdir(), 'migrate-hapikey-bench'), only: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const k = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
  const v = argv[++i];
  if (!(k in o)) { process.stderr.write(`unknown option ${argv[i - 1]}\n`); process.exit(2); }
  o[k] = typeof o[k] === 'number' ? Number(v) : v;
}
if (!o.base) { process.stderr.write('--base PATH (the other build\'s dist/cli/bin.js) is required\n'); process.exit(2); }
o.base = resolve(o.base);
o.head = resolve(o.head);
const only = o.only ? new Set(o.only.split(',')) : null;

function ensureTree({ files, plantRate = 0.01, git = false }) {
  const name = `t${files}-s${o.seed}-p${plantRate}-g${GENERATOR_VERSION}${git ? '-git' : ''}`;
  const dir = join(o.dir, name);
  const mfile = `${dir}.manifest.json`;
  if (existsSync(mfile) && existsSync(dir) && (!git || existsSync(join(dir, '.git')))) {
    const manifest = JSON.parse(readFileSync(mfile, 'utf8'));
    if (manifest.complete && manifest.generator === GENERATOR_VERSION) return { dir, manifest, name };
  }
  mkdirSync(o.dir, { recursive: true });
  process.stderr.write(`  … generating ${name}\n`);
  const manifest = generateTree(dir, { files, seed: o.seed, plantRate });
  if (git) manifest.gitMs = gitCommitTree(dir);
  writeFileSync(`${dir}.files.txt`, manifest.codeFiles.join('\n') + '\n');
  manifest.complete = true;
  writeFileSync(mfile, JSON.stringify(manifest));
  return { dir, manifest, name };
}

const trees = [
  ['20k git', { files: o.files, git: true }],
  ['20k plain', { files: o.files }],
  ['20k no key git', { files: o.files, plantRate: 0, git: true }],
  ['20k no key plain', { files: o.files, plantRate: 0 }],
  ...(o.appFiles ? [['7k app git', { files: o.appFiles, git: true }]] : []),
].filter(([id]) => !only || only.has(id.replace(/ /g, '-')));

const f2 = (x) => (x == null ? '–' : x.toFixed(2));
console.log(`base ${o.base}\nhead ${o.head}\nload average at start: ${loadavg().map(f2).join(' ')}; ${o.runs} counted runs + 1 warm-up, base and head alternate (order swapped every round)`);
console.log('\n| tree | base wall | head wall | head/base wall [min–max] | base CPU | head CPU | head/base CPU | base RSS | head RSS | sites base/head/planted |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
const saved = [];
for (const [id, spec] of trees) {
  const t = ensureTree(spec);
  const cmd = (which, cli) => ({
    id: which, cmd: process.execPath, args: [cli, t.dir, '--json', '--no-color', '--out', join(o.dir, `out-cmp-${which}-${t.name}`)],
    cwd: o.dir, ok: (r) => r.code === 0 || r.code === 3, warmStdout: join(o.dir, `report-cmp-${which}-${t.name}.json`),
  });
  const b = cmd('base', o.base);
  const h = cmd('head', o.head);
  // Alternate the order per round so neither build always runs right after the other one's page-cache warm-up.
  const res = new Map([['base', { warm: [], runs: [], failed: null }], ['head', { warm: [], runs: [], failed: null }]]);
  for (let round = 0; round < 1 + o.runs; round++) {
    const r = runRounds(round % 2 ? [h, b] : [b, h], { runs: round === 0 ? 0 : 1, warmup: round === 0 ? 1 : 0 });
    for (const k of ['base', 'head']) {
      const s = r.get(k);
      if (s.failed) res.get(k).failed = s.failed;
      res.get(k).warm.push(...s.warm);
      res.get(k).runs.push(...s.runs);
    }
    process.stderr.write(`\r  … ${id}: round ${round + 1}/${1 + o.runs}   `);
  }
  process.stderr.write('\n');
  const sb = summarize(res.get('base'));
  const sh = summarize(res.get('head'));
  const ratios = (key) => res.get('head').runs.map((x, i) => x[key] / res.get('base').runs[i][key]);
  const rw = ratios('wall');
  const rc = ratios('cpu');
  const found = (which) => {
    try {
      const rep = readReport(b.warmStdout.replace('-base-', `-${which}-`));
      if (!t.manifest.planted.length) return String(rep.sites?.length ?? '?');
      const v = verify(rep, t.manifest, PATTERNS);
      return `${v.found}${v.ok ? '' : ' (PROBLEMS)'}`;
    } catch (e) { return `? (${e.message.slice(0, 40)})`; }
  };
  if (res.get('base').failed || res.get('head').failed) console.log(`| ${id} | FAILED: base ${res.get('base').failed?.code ?? 'ok'}, head ${res.get('head').failed?.code ?? 'ok'} ${(res.get('head').failed ?? res.get('base').failed).stderr.slice(-300)} |`);
  else console.log(`| ${id} | ${f2(sb.wall)} | ${f2(sh.wall)} | ${f2(median(rw))} [${f2(Math.min(...rw))}–${f2(Math.max(...rw))}] | ${f2(sb.cpu)} | ${f2(sh.cpu)} | ${f2(median(rc))} [${f2(Math.min(...rc))}–${f2(Math.max(...rc))}] | ${f2(sb.peakRssMB)} | ${f2(sh.peakRssMB)} | ${found('base')}/${found('head')}/${t.manifest.planted.length} |`);
  saved.push({ id, base: res.get('base').runs, head: res.get('head').runs });
}
console.log(`\nload average at end: ${loadavg().map(f2).join(' ')}`);
writeFileSync(join(o.dir, 'compare-last.json'), JSON.stringify({ options: o, trees: saved }, null, 1));

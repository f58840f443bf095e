#!/usr/bin/env node
// migrate-hapikey benchmark (issue #6): `npm run bench` = node scripts/bench.mjs [options]
//
// Generates deterministic synthetic repositories (scripts/bench/generate.mjs), then times whole processes
// (wall, CPU, peak RSS; medians of --runs counted runs after --warmup warm-up runs, commands run round-robin so
// per-round ratios are paired) and compares the CLI's end-to-end dry run with the physical floor (reading every
// JS/TS file in Node, scripts/bench/floor.mjs) and with ripgrep when installed. Checks the report of one run per
// tree against what was planted. See `--help`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync, statSync } from 'node:fs';
import { cpus, totalmem, loadavg, tmpdir, release } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree, gitCommitTree, GENERATOR_VERSION } from './bench/generate.mjs';
import { PATTERNS } from './bench/plant.mjs';
import { runRounds, runTimed, summarize, pairedRatio, median, measureMode, gnuTime } from './bench/measure.mjs';
import { verify, readReport } from './bench/verify.mjs';
import { summarizeProfile, formatSummary } from './bench/profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const T_START = performance.now();

const HELP = `usage: npm run bench -- [options]

  --seed N          generator seed (default 42)
  --files N         size of the main tree in files (default 20000)
  --app-files N     size of the "application" tree (default 7000; 0 to skip)
  --runs N          counted runs per command (default 5)
  --warmup N        warm-up runs per command, not counted (default 1; the first one's report is checked)
  --quick           smoke check: 2,000 files, 2 runs, no application tree (< 30 s)
  --sweep           also time 1k / 5k / 20k / 50k-file trees (--sweep-sizes 1000,5000,...)
  --cold            also time cold-cache runs (drops the page cache before each run; needs root)
  --cpu-prof        also run the CLI once under --cpu-prof (main git tree, and the no-key tree) and summarise
                    where the time goes, and count its TypeScript parses by calling module
  --budget S        time budget in seconds for the default blocks (default 280): counted runs are cut (to no
                    fewer than 3) when the warm-up round shows they would not fit; 0 = no limit
  --no-nokey        skip the tree without any key
  --cli PATH        the CLI entry point (default dist/cli/bin.js; build it first with npm run build)
  --dir PATH        where trees are generated and cached (default $TMPDIR/migrate-hapikey-bench)
  --fresh           regenerate trees even when cached
  --clean           delete the generated trees at the end
  --save FILE       write the results as JSON (default bench-out/last-run.json)
`;

// ------------------------------------------------------------------------------------------------ options

function parseArgs(argv) {
  const o = {
    seed: 42, files: 20000, appFiles: 7000, runs: 5, warmup: 1, quick: false, sweep: false, cold: false,
    cpuProf: false, nokey: true, cli: 'dist/cli/bin.js', dir: join(tmpdir(), 'migrate-hapikey-bench'),
    fresh: false, clean: false, save: join(REPO, 'bench-out', 'last-run.json'), budget: 280,
    sweepSizes: [1000, 5000, 20000, 50000],
  };
  const given = new Set();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => inline ?? argv[++i];
    const num = () => { const v = Number(val()); if (!Number.isFinite(v)) throw new Error(`${flag} needs a number`); return v; };
    given.add(flag);
    switch (flag) {
      case '--seed': o.seed = num(); break;
      case '--files': o.files = num(); break;
      case '--app-files': o.appFiles = num(); break;
      case '--runs': o.runs = num(); break;
      case '--warmup': o.warmup = num(); break;
      case '--quick': o.quick = true; break;
      case '--sweep': o.sweep = true; break;
      case '--sweep-sizes': o.sweepSizes = val().split(',').map(Number); o.sweep = true; break;
      case '--cold': o.cold = true; break;
      case '--cpu-prof': o.cpuProf = true; break;
      case '--budget': o.budget = num(); break;
      case '--no-nokey': o.nokey = false; break;
      case '--cli': o.cli = val(); break;
      case '--dir': o.dir = resolve(val()); break;
      case '--fresh': o.fresh = true; break;
      case '--clean': o.clean = true; break;
      case '--save': o.save = resolve(val()); break;
      case '-h': case '--help': process.stdout.write(HELP); process.exit(0); break;
      default: throw new Error(`unknown option ${a} (see --help)`);
    }
  }
  if (o.quick) {
    if (!given.has('--files')) o.files = 2000;
    if (!given.has('--runs')) o.runs = 2;
    if (!given.has('--app-files')) o.appFiles = 0;
  }
  if (o.warmup < 1) o.warmup = 1; // the warm-up run's report is the one checked
  o.cliPath = resolve(REPO, o.cli);
  o.reproduce = `npm run bench -- ${argv.join(' ')}`.trim();
  return o;
}

// ------------------------------------------------------------------------------------------------ output

const out = [];
function say(s = '') { console.log(s); out.push(s); }
function note(s) { process.stderr.write(`  … ${s}\n`); }
const f2 = (x) => (x === null || x === undefined ? '–' : x.toFixed(2));
const f0 = (x) => (x === null || x === undefined ? '–' : x.toFixed(0));
const int = (n) => n.toLocaleString('en-US');
function pad(s, n, right = false) { s = String(s); return right ? s.padStart(n) : s.padEnd(n); }

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ------------------------------------------------------------------------------------------------ trees

/** Generate (or reuse from the cache) a tree. Returns { dir, manifest, listFile, name, git }. */
function ensureTree(o, { files, plantRate = 0.01, git = false }) {
  const name = `t${files}-s${o.seed}-p${plantRate}-g${GENERATOR_VERSION}${git ? '-git' : ''}`;
  const dir = join(o.dir, name);
  const mfile = `${dir}.manifest.json`;
  const listFile = `${dir}.files.txt`;
  if (!o.fresh && existsSync(mfile) && existsSync(listFile) && existsSync(dir) && (!git || existsSync(join(dir, '.git')))) {
    try {
      const manifest = JSON.parse(readFileSync(mfile, 'utf8'));
      if (manifest.complete && manifest.generator === GENERATOR_VERSION) return { dir, manifest, listFile, name, git, cached: true };
    } catch { /* regenerate */ }
  }
  mkdirSync(o.dir, { recursive: true });
  rmSync(mfile, { force: true });
  note(`generating ${name} …`);
  const manifest = generateTree(dir, { files, seed: o.seed, plantRate });
  if (git) {
    manifest.gitMs = gitCommitTree(dir);
    const tracked = sh('git', ['ls-files'], { cwd: dir, maxBuffer: 64 << 20 });
    manifest.gitTracked = tracked ? tracked.split('\n').length : null;
  }
  writeFileSync(listFile, manifest.codeFiles.join('\n') + '\n');
  manifest.complete = true;
  writeFileSync(mfile, JSON.stringify(manifest));
  return { dir, manifest, listFile, name, git, cached: false };
}

function describeTree(t) {
  const s = t.manifest.stats;
  return `${int(s.visible)} files (${int(s.codeFiles)} JS/TS, ${(s.codeBytes / 1e6).toFixed(1)} MB; median ${int(s.median)} B, p90 ${int(s.p90)} B, p99 ${int(s.p99)} B, max ${int(s.max)} B, ${s.over200k} ≥ 200 KB) + ${int(s.ignored)} ignored (node_modules, dist, coverage, nested .gitignore) + ${s.skipped} minified; ${t.manifest.planted.length} planted sites`;
}

// ------------------------------------------------------------------------------------------------ commands

const CLI_OK = (r) => r.code === 0 || r.code === 3;

function cliCmd(o, id, label, tree, warmStdout) {
  const outDir = join(o.dir, `out-${tree.name}`);
  return {
    id, label, kind: 'cli', tree,
    cmd: process.execPath, args: [o.cliPath, tree.dir, '--json', '--no-color', '--out', outDir],
    cwd: o.dir, ok: CLI_OK, warmStdout,
  };
}
function floorCmd(id, label, tree, prefilter) {
  return {
    id, label, kind: 'floor', tree,
    cmd: process.execPath, args: [join(HERE, 'bench', 'floor.mjs'), tree.listFile, ...(prefilter ? ['--prefilter'] : [])],
    cwd: tree.dir,
  };
}
function rgCmd(id, label, tree, extra = []) {
  return {
    id, label, kind: 'rg', tree,
    cmd: 'rg', args: ['-l', 'hapikey', ...(tree.git ? [] : ['--no-require-git']), ...extra, tree.dir],
    cwd: tree.dir, ok: (r) => r.code === 0 || r.code === 1,
  };
}

// ------------------------------------------------------------------------------------------------ a block

/**
 * Time `commands` round-robin and print the table. `floorId` / `rgId`: the denominators for the paired ratios.
 * Returns { rows: Map id → { label, summary, xFloor, xRg, failed } }.
 */
function timeBlock(o, title, commands, { floorId, rgId, runs = o.runs, warmup = o.warmup, before, deadline } = {}) {
  note(`${title}: ${warmup} warm-up + ${runs} runs of ${commands.length} commands …`);
  if (before) for (const c of commands) c.before = before;
  const t0 = performance.now();
  let cut = '';
  const decideRuns = deadline
    ? (roundSec) => {
        const fit = Math.floor((deadline - performance.now()) / 1000 / roundSec);
        const n = Math.max(Math.min(3, runs), Math.min(runs, fit));
        if (n < runs) cut = ` Counted runs cut from ${runs} to ${n} to keep within --budget ${o.budget} s (a round took ${roundSec.toFixed(0)} s).`;
        return n;
      }
    : undefined;
  const res = runRounds(commands, { runs, warmup, decideRuns, onProgress: (i, n) => process.stderr.write(`\r  … round ${i}/${n}   `) });
  runs = res.runs;
  process.stderr.write('\n');
  const rows = new Map();
  for (const c of commands) {
    const slot = res.get(c.id);
    rows.set(c.id, {
      label: c.label, kind: c.kind, summary: summarize(slot), failed: slot.failed, warm: slot.warm,
      xFloor: floorId && c.id !== floorId ? pairedRatio(slot, res.get(floorId)) : null,
      xFloorCpu: floorId && c.id !== floorId ? pairedRatio(slot, res.get(floorId), 'cpu') : null,
      xRg: rgId && c.id !== rgId ? pairedRatio(slot, res.get(rgId)) : null,
    });
  }
  say();
  say(`### ${title}`);
  say(`${runs} counted runs after ${warmup} warm-up, commands round-robin; medians; ×floor, ×rg = median of the per-round wall-time ratios (paired), CPU ×floor the same for CPU time. Took ${((performance.now() - t0) / 1000).toFixed(0)} s.${cut}`);
  say();
  say(`| what | wall s | [min–max] | CPU s | peak RSS MB | ×floor | ×rg | CPU ×floor |`);
  say(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const [id, r] of rows) {
    if (r.failed) {
      say(`| ${r.label} | FAILED (exit ${r.failed.code ?? r.failed.signal}) | | | | | | |`);
      continue;
    }
    const s = r.summary;
    say(`| ${r.label} | ${f2(s.wall)} | ${f2(s.min)}–${f2(s.max)} | ${f2(s.cpu)} | ${f0(s.peakRssMB)} | ${id === floorId ? '1.00' : f2(r.xFloor)} | ${id === rgId ? '1.00' : f2(r.xRg)} | ${id === floorId ? '1.00' : f2(r.xFloorCpu)} |`);
  }
  for (const [, r] of rows) {
    if (r.failed) {
      say();
      say(`${r.label} failed: exit ${r.failed.code ?? r.failed.signal}; stderr (last lines):`);
      for (const l of r.failed.stderr.trim().split('\n').slice(-8)) say(`    ${l}`);
    }
  }
  return rows;
}

function checkReport(title, file, tree) {
  say();
  say(`#### correctness: ${title}`);
  let report;
  try {
    report = readReport(file);
  } catch (e) {
    say(`could not read the report: ${e.message}`);
    return { ok: false };
  }
  const v = verify(report, tree.manifest, PATTERNS);
  say('```');
  for (const l of v.lines) say(l);
  say('```');
  say(v.ok ? 'correctness: OK' : 'correctness: PROBLEMS (see above)');
  return v;
}

// ------------------------------------------------------------------------------------------------ main

function machine(o) {
  const c = cpus();
  const lines = [];
  lines.push(`machine: ${c.length} cores (${c[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}, node ${process.version}`);
  lines.push(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}${loadavg()[0] > c.length ? '  (busy machine: expect noise; read the paired ratios)' : ''}`);
  const rgv = sh('rg', ['--version']);
  lines.push(`ripgrep: ${rgv ? rgv.split('\n')[0] : 'not installed (rg rows skipped; apt-get install -y ripgrep to add them)'}; git: ${sh('git', ['--version']) ?? 'not installed'}`);
  lines.push(`measuring: ${measureMode()}`);
  const head = sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO });
  const dirty = sh('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO });
  let version = '?';
  try { version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version; } catch { /* keep ? */ }
  let built = '';
  try { built = `, built ${statSync(o.cliPath).mtime.toISOString().slice(0, 16).replace('T', ' ')}`; } catch { /* missing */ }
  lines.push(`cli: ${o.cli} (migrate-hapikey ${version}, repo HEAD ${head ?? '?'}${dirty ? `, src/ has ${dirty.split('\n').length} uncommitted changes` : ''}${built})`);
  return lines;
}

function target(label, value, limit, unit, fmt = f2) {
  if (value === null || value === undefined) return { label, line: `| ${label} | – | ${unit === 'x' ? `≤ ${limit}×` : `< ${limit} ${unit}`} | not measured |`, pass: null };
  const pass = value <= limit;
  const by = pass ? `${((1 - value / limit) * 100).toFixed(0)} % headroom` : `over by ${((value / limit - 1) * 100).toFixed(0)} %`;
  const v = unit === 'x' ? `${fmt(value)}×` : `${fmt(value)} ${unit}`;
  return { label, pass, line: `| ${label} | ${v} | ${unit === 'x' ? `≤ ${limit}×` : `< ${limit} ${unit}`} | ${pass ? 'PASS' : 'MISS'} (${by}) |` };
}

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  const results = { options: { ...o }, blocks: {}, targets: [], correctness: {} };
  say(`## migrate-hapikey benchmark${o.quick ? ' (--quick smoke run: small tree, targets are for the full size)' : ''}`);
  say();
  for (const l of machine(o)) say(l);
  say(`reproduce: cd ${REPO} && npm run build && ${o.reproduce}`);
  const haveRg = sh('rg', ['--version']) !== null;
  const haveCli = existsSync(o.cliPath);
  if (!haveCli) say(`\n**${o.cli} is missing: run npm run build first. Only the floor and rg are measured.**`);

  // Trees.
  const tGen = performance.now();
  const main = ensureTree(o, { files: o.files });
  const mainGit = ensureTree(o, { files: o.files, git: true });
  const nokey = o.nokey && !o.quick ? ensureTree(o, { files: o.files, plantRate: 0 }) : null;
  const nokeyGit = o.nokey ? ensureTree(o, { files: o.files, plantRate: 0, git: true }) : null;
  const appGit = o.appFiles ? ensureTree(o, { files: o.appFiles, git: true }) : null;
  const trees = [main, mainGit, nokey, nokeyGit, appGit].filter(Boolean);
  say();
  say(`trees (seed ${o.seed}) in ${o.dir}: ${trees.filter((t) => t.cached).length} of ${trees.length} reused from the cache, ${((performance.now() - tGen) / 1000).toFixed(1)} s`);
  for (const t of trees) {
    const m = t.manifest;
    const gen = t.cached ? 'cached' : `generated in ${(m.stats.generateMs / 1000).toFixed(1)} s${t.git ? ` + git add/commit ${(m.gitMs / 1000).toFixed(1)} s` : ''}`;
    say(`- ${t.name}: ${describeTree(t)}; ${gen}`);
    if (t.git && m.gitTracked !== null && m.gitTracked !== m.stats.visible + m.stats.skipped) {
      say(`  (git tracks ${m.gitTracked} files; the generator expected ${m.stats.visible + m.stats.skipped})`);
    }
  }

  const cliRuns = []; // every CLI result, for the RSS target

  // Time budget: what is left after generation is shared among the default blocks by weight.
  const weights = [['main', 0.5], ['nokey', nokeyGit ? 0.25 : 0], ['app', appGit ? 0.25 : 0]];
  const wsum = weights.reduce((a, [, w]) => a + w, 0);
  const budgetLeftMs = o.budget * 1000 - (performance.now() - T_START) - (o.cpuProf ? 25_000 : 0);
  const deadlines = {};
  let acc = 0;
  for (const [k, w] of weights) {
    acc += w;
    deadlines[k] = o.budget ? performance.now() + (budgetLeftMs * acc) / wsum : undefined;
  }

  // Block 1: the main tree, plain and git, floors, rg.
  const warm = (t) => join(o.dir, `report-${t.name}.json`);
  const b1 = [
    haveCli && cliCmd(o, 'cli', `migrate-hapikey, plain tree`, main, warm(main)),
    haveCli && cliCmd(o, 'cli-git', `migrate-hapikey, git work tree`, mainGit, warm(mainGit)),
    floorCmd('floor', 'floor: node readFileSync every JS/TS file (list given)', main, false),
    floorCmd('floor-pre', 'floor + CLI prefilter regex', main, true),
    haveRg && rgCmd('rg-plain', 'rg -l hapikey --no-require-git (plain tree)', main),
    haveRg && rgCmd('rg', 'rg -l hapikey (git work tree)', mainGit),
  ].filter(Boolean);
  const r1 = timeBlock(o, `${int(o.files)}-file tree`, b1, { floorId: 'floor', rgId: haveRg ? 'rg' : null, deadline: deadlines.main });
  results.blocks.main = Object.fromEntries(r1);
  for (const id of ['cli', 'cli-git']) if (r1.get(id)?.summary) cliRuns.push(r1.get(id));
  if (haveCli) {
    for (const [id, t] of [['cli', main], ['cli-git', mainGit]]) {
      if (r1.get(id)?.warm.length) results.correctness[t.name] = checkReport(`${r1.get(id).label} (warm-up run's report)`, warm(t), t);
    }
  }

  // Block 2: no key at all.
  let r2 = null;
  if (nokeyGit) {
    const b2 = [
      haveCli && !o.quick && cliCmd(o, 'cli', 'migrate-hapikey, plain tree, no key', nokey, warm(nokey)),
      haveCli && cliCmd(o, 'cli-git', 'migrate-hapikey, git work tree, no key', nokeyGit, warm(nokeyGit)),
      floorCmd('floor', 'floor: read every JS/TS file', nokeyGit, false),
      haveRg && !o.quick && rgCmd('rg', 'rg -l hapikey (git work tree)', nokeyGit),
    ].filter(Boolean);
    r2 = timeBlock(o, `${int(o.files)}-file tree with no key at all`, b2, { floorId: 'floor', rgId: haveRg && !o.quick ? 'rg' : null, deadline: deadlines.nokey });
    results.blocks.nokey = Object.fromEntries(r2);
    for (const id of ['cli', 'cli-git']) if (r2.get(id)?.summary) cliRuns.push(r2.get(id));
    for (const [id, t] of [['cli', nokey], ['cli-git', nokeyGit]]) {
      if (!t || !r2.get(id)?.warm.length) continue;
      try {
        const rep = readReport(warm(t));
        const n = Array.isArray(rep.sites) ? rep.sites.length : '?';
        say(`correctness (${t.name}): ${n} sites reported (expect 0)`);
        results.correctness[t.name] = { sites: n };
      } catch (e) {
        say(`correctness (${t.name}): ${e.message}`);
      }
    }
  }

  // Block 3: the application-sized tree.
  let r3 = null;
  if (appGit) {
    const b3 = [
      haveCli && cliCmd(o, 'cli-git', 'migrate-hapikey, git work tree', appGit, warm(appGit)),
      floorCmd('floor', 'floor: read every JS/TS file', appGit, false),
      haveRg && rgCmd('rg', 'rg -l hapikey (git work tree)', appGit),
    ].filter(Boolean);
    r3 = timeBlock(o, `${int(o.appFiles)}-file "application" tree (a git work tree)`, b3, { floorId: 'floor', rgId: haveRg ? 'rg' : null, deadline: deadlines.app });
    results.blocks.app = Object.fromEntries(r3);
    if (r3.get('cli-git')?.summary) cliRuns.push(r3.get('cli-git'));
    if (r3.get('cli-git')?.warm.length) results.correctness[appGit.name] = checkReport(`${int(o.appFiles)}-file git tree`, warm(appGit), appGit);
  }

  // Optional: sweep.
  if (o.sweep) {
    const rows = [];
    for (const n of o.sweepSizes) {
      const t = ensureTree(o, { files: n });
      const tg = ensureTree(o, { files: n, git: true });
      const cmds = [
        haveCli && cliCmd(o, 'cli', 'plain', t, warm(t)),
        haveCli && cliCmd(o, 'cli-git', 'git', tg, warm(tg)),
        floorCmd('floor', 'floor', t, false),
        haveRg && rgCmd('rg', 'rg -l hapikey (git work tree)', tg),
      ].filter(Boolean);
      const r = timeBlock(o, `sweep: ${int(n)} files`, cmds, { floorId: 'floor', rgId: haveRg ? 'rg' : null });
      rows.push({ n, t, r });
      for (const id of ['cli', 'cli-git']) if (r.get(id)?.summary) cliRuns.push(r.get(id));
    }
    say();
    say('### sweep: growth with repository size');
    say();
    say('| files | JS/TS MB | floor s | rg s | CLI plain s | CPU s | peak MB | ×floor | CLI git s | CPU s | peak MB | ×floor | JS/TS files/s (git) |');
    say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const { n, t, r } of rows) {
      const p = r.get('cli')?.summary;
      const g = r.get('cli-git')?.summary;
      const fl = r.get('floor')?.summary;
      say(`| ${int(n)} | ${(t.manifest.stats.codeBytes / 1e6).toFixed(1)} | ${f2(fl?.wall)} | ${f2(r.get('rg')?.summary?.wall)} | ${f2(p?.wall)} | ${f2(p?.cpu)} | ${f0(p?.peakRssMB)} | ${f2(r.get('cli')?.xFloor)} | ${f2(g?.wall)} | ${f2(g?.cpu)} | ${f0(g?.peakRssMB)} | ${f2(r.get('cli-git')?.xFloor)} | ${g ? int(Math.round(t.manifest.stats.codeFiles / g.wall)) : '–'} |`);
    }
    results.sweep = rows.map(({ n, t, r }) => ({ files: n, codeBytes: t.manifest.stats.codeBytes, rows: Object.fromEntries(r) }));
  }

  // Optional: cold cache.
  if (o.cold) {
    const drop = () => spawnSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches'], { stdio: 'ignore' }).status === 0;
    if (!drop()) {
      say();
      say('### cold cache: skipped (cannot write /proc/sys/vm/drop_caches: not root, or not permitted here)');
    } else {
      // A file type, not -g: ripgrep's -g globs override ignore rules (nested .gitignore files would not apply).
      const exts = ['--type-add', 'jsts:*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}', '-t', 'jsts'];
      const cmds = [
        haveCli && cliCmd(o, 'cli', 'migrate-hapikey, plain tree', main),
        haveCli && cliCmd(o, 'cli-git', 'migrate-hapikey, git work tree', mainGit),
        floorCmd('floor', 'floor: read every JS/TS file', main, false),
        haveRg && rgCmd('rg', `rg -l hapikey -t jsts (JS/TS files only, git work tree)`, mainGit, exts),
      ].filter(Boolean);
      const runs = Math.min(o.runs, 3);
      const rc = timeBlock(o, `cold cache (page cache dropped before every run), ${int(o.files)} files`, cmds, { floorId: 'floor', rgId: haveRg ? 'rg' : null, runs, warmup: 1, before: drop });
      results.blocks.cold = Object.fromEntries(rc);
    }
  }

  // Targets.
  const main1 = r1.get('cli');
  const mainG = r1.get('cli-git');
  const rss = cliRuns.length ? Math.max(...cliRuns.map((r) => r.summary.peakRssMB ?? 0)) : null;
  const tg = [
    target(`end-to-end, ${int(o.files)} files, plain tree ≤ 2× read-all floor`, main1?.xFloor, 2, 'x'),
    target(`end-to-end, ${int(o.files)} files, git work tree ≤ 2× read-all floor`, mainG?.xFloor, 2, 'x'),
  ];
  if (r2) {
    if (nokey) tg.push(target('no-key tree, plain ≤ 1.3× floor', r2.get('cli')?.xFloor, 1.3, 'x'));
    tg.push(target('no-key tree, git work tree ≤ 1.3× floor', r2.get('cli-git')?.xFloor, 1.3, 'x'));
  }
  if (r3) {
    tg.push(target(`${int(o.appFiles)}-file app tree (git work tree) < 1 s`, r3.get('cli-git')?.summary?.wall, 1, 's'));
  }
  tg.push(target('peak RSS of any CLI run < 300 MB', gnuTime() ? rss : null, 300, 'MB', f0));
  say();
  say(`### targets${o.quick ? ' (quick run: smaller trees than the targets are for)' : ''}`);
  say();
  say('| target | measured | limit | result |');
  say('| --- | ---: | ---: | --- |');
  for (const t of tg) say(t.line);
  const corr = Object.entries(results.correctness).filter(([, v]) => 'found' in v);
  if (corr.length) say(`| planted sites found, no site in ignored files | ${corr.map(([k, v]) => `${v.found}/${v.planted}${v.ignoredHits ? `, ${v.ignoredHits} ignored-file hits` : ''}`).join('; ')} | all, 0 | ${corr.every(([, v]) => v.ok) ? 'PASS' : 'MISS'} |`);
  results.targets = tg.map(({ label, pass, line }) => ({ label, pass, line }));

  // Optional: where the time goes.
  if (o.cpuProf && haveCli) {
    const pdir = join(o.dir, 'cpu-prof');
    rmSync(pdir, { recursive: true, force: true });
    for (const [t, top] of [[mainGit, 25], [nokeyGit, 12]]) {
      if (!t) continue;
      const d = join(pdir, t.name);
      mkdirSync(d, { recursive: true });
      const r = runTimed(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${d}`, o.cliPath, t.dir, '--json', '--no-color', '--out', join(o.dir, 'out-prof')], { cwd: o.dir });
      say();
      say(`### CPU profile: one run on ${t.name} (wall ${f2(r.wall)} s, CPU ${f2(r.cpu)} s under the profiler, exit ${r.code}; profiles in ${d})`);
      say('```');
      for (const f of readdirSync(d).filter((x) => x.endsWith('.cpuprofile')).sort()) {
        say(formatSummary(summarizeProfile(JSON.parse(readFileSync(join(d, f), 'utf8')), { top }), f));
      }
      say('```');
    }
    // How many TypeScript parses, by calling module (a preload wraps ts.createSourceFile).
    const r = runTimed(process.execPath, ['--require', join(HERE, 'bench', 'count-parses.cjs'), o.cliPath, mainGit.dir, '--json', '--no-color', '--out', join(o.dir, 'out-prof')], { cwd: o.dir });
    const line = r.stderr.trim().split('\n').reverse().find((l) => l.startsWith('{"parses"'));
    say();
    if (line) {
      const p = JSON.parse(line).parses;
      say(`TypeScript parses in one run on ${mainGit.name}: ${p.total} createSourceFile calls on ${p.distinctFiles} distinct files (${mainGit.manifest.planted.length} files have a planted site, ${mainGit.manifest.mentionOnly.length} only mention HubSpot)`);
      say();
      say('| called from | parses | chars parsed | ms in createSourceFile (wall) |');
      say('| --- | ---: | ---: | ---: |');
      for (const [k, v] of Object.entries(p.byCaller).sort((a, b) => b[1].ms - a[1].ms)) say(`| dist/${k} | ${int(v.calls)} | ${int(v.chars)} | ${int(v.ms)} |`);
    } else {
      say(`TypeScript parse count: not available (exit ${r.code})`);
    }
  }

  const total = (performance.now() - T_START) / 1000;
  say();
  say(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; bench took ${total.toFixed(0)} s`);
  if (o.clean) {
    rmSync(o.dir, { recursive: true, force: true });
    say(`removed ${o.dir}`);
  } else {
    say(`trees kept in ${o.dir} for the next run (--fresh regenerates, --clean deletes)`);
  }
  if (o.save) {
    mkdirSync(dirname(o.save), { recursive: true });
    results.printed = out.join('\n');
    results.totalSeconds = total;
    writeFileSync(o.save, JSON.stringify(results, (k, v) => (k === 'tree' || k === 'warm' ? undefined : v), 1));
    process.stderr.write(`  … results saved to ${o.save}\n`);
  }
}

await main();

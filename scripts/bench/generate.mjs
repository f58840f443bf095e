// Deterministic generator of a synthetic JS/TS monorepo for the benchmark (see scripts/bench.mjs).
//
//   node scripts/bench/generate.mjs --out DIR [--files 20000] [--seed 42] [--plant-rate 0.01] [--git] [--check]
//
// Layout: packages/<pkg>/{src/**,test/**,package.json,README.md,tsconfig.json}, apps/<app>/src/{components,pages,
// hooks,lib}/**, docs/, .github/, a root .gitignore (node_modules, dist, coverage), nested .gitignore files with
// negations (scratch/* + !scratch/keep.js, *.local.js), and ignored trees that DO contain `hapikey` and must not be
// scanned: node_modules/ (~1,000 files), dist/ and packages/*/dist/, coverage/, scratch files. Plus one minified
// vendor file (skipped by the CLI by name).
//
// About `plantRate` of the visible code files get one planted legacy-key site (patterns in plant.mjs, in
// rotation), every `scratch/keep.js` (re-included by a negation) gets one too, and `mentionRate` of them only
// mention HubSpot. The manifest lists every planted site with its line range, for the correctness check.
import { mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Rng } from './prng.mjs';
import { makeFile, kebab, word, foreignApiKeyBlock, countLines } from './code.mjs';
import { PATTERNS, mentionOnly, ignoredKeyText } from './plant.mjs';

export const GENERATOR_VERSION = 4;

/** Folder names the CLI skips by default (src/discover/skips.ts): never used for generated source folders. */
const SKIPPED_DIR_NAMES = new Set(['node_modules', 'vendor', 'bower_components', 'dist', 'build', 'out', '.next', 'coverage']);

const EXT = {
  ts: '.ts', tsx: '.tsx', jsx: '.jsx', 'js-esm': '.js', 'js-cjs': '.js', mjs: '.mjs', cjs: '.cjs',
  'test-ts': '.test.ts', 'test-js': '.spec.js', dts: '.d.ts', json: '.json', md: '.md',
};
const CODE_EXT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const PLANTABLE = new Set(['ts', 'tsx', 'jsx', 'js-esm', 'js-cjs', 'mjs', 'cjs']);
const PKG_KINDS = { ts: 36, tsx: 5, 'js-esm': 11, 'js-cjs': 10, jsx: 2, mjs: 4, cjs: 1, 'test-ts': 10, 'test-js': 5, dts: 3, index: 6, json: 4, md: 3 };
const APP_KINDS = { ts: 20, tsx: 30, jsx: 10, 'js-esm': 8, 'test-ts': 8, 'test-js': 3, index: 8, json: 3, md: 1, dts: 1 };

/** Size in bytes for a code file: tiny index/fixture files, a log-normal body, a heavy tail. */
function codeSize(r) {
  const u = r.float();
  if (u < 0.22) return r.int(60, 400);
  if (u < 0.95) return Math.round(r.logNormal(1000, 0.72));
  if (u < 0.995) return Math.round(r.logNormal(11000, 0.7));
  return r.int(20000, 90000);
}

function uniquePath(taken, dir, base, ext) {
  let p = `${dir}/${base}${ext}`;
  for (let i = 2; taken.has(p); i++) p = `${dir}/${base}-${i}${ext}`;
  taken.add(p);
  return p;
}

/**
 * Plan the tree: every file's path, kind, target size and what is planted in it. Pure (no I/O).
 * Returns { entries: [{ path, kind, size, plant?, role }], planted: [...], ... }.
 */
export function planTree({ files = 20000, seed = 42, plantRate = 0.01, mentionRate = 0.005 } = {}) {
  const rng = new Rng(seed);
  const r = rng.fork('layout');
  const taken = new Set();
  const entries = [];
  const add = (e) => { entries.push(e); return e; };
  const keyFree = plantRate === 0;

  // Root files.
  add({ path: 'package.json', kind: 'raw', text: JSON.stringify({ name: 'acme-platform', private: true, workspaces: ['packages/*', 'apps/*'], scripts: { build: 'turbo run build', test: 'vitest run' } }, null, 2) + '\n', role: 'visible' });
  add({ path: '.gitignore', kind: 'raw', text: 'node_modules\ndist\ncoverage\n*.log\n.env\n', role: 'visible' });
  add({ path: 'tsconfig.json', kind: 'raw', text: '{\n  "compilerOptions": { "target": "ES2022", "module": "NodeNext", "strict": true, "jsx": "react-jsx" }\n}\n', role: 'visible' });
  add({ path: '.github/workflows/ci.yml', kind: 'raw', text: 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n', role: 'visible' });
  add({ path: 'README.md', kind: 'md', size: 3000, role: 'visible' });
  for (let i = 0; i < Math.max(2, Math.round(files / 1000)); i++) add({ path: uniquePath(taken, 'docs', kebab(r, 2), '.md'), kind: 'md', size: Math.round(r.logNormal(2500, 0.8)), role: 'visible' });

  // Containers: packages and apps, each with a folder tree.
  const containers = [];
  const nPkg = Math.max(2, Math.round(files / 300));
  const nApp = Math.max(1, Math.round(files / 2500));
  const usedNames = new Set();
  const name = () => { let n = kebab(r, r.int(1, 2)); while (usedNames.has(n) || SKIPPED_DIR_NAMES.has(n)) n += '-x'; usedNames.add(n); return n; };
  for (let i = 0; i < nPkg; i++) containers.push({ root: `packages/${name()}`, app: false, weight: r.logNormal(1, 0.8) });
  for (let i = 0; i < nApp; i++) containers.push({ root: `apps/${name()}`, app: true, weight: 3 * r.logNormal(1, 0.5) });
  const totalWeight = containers.reduce((s, c) => s + c.weight, 0);
  const remaining = files - entries.length - containers.length * 3;
  for (const c of containers) {
    c.count = Math.max(4, Math.round((remaining * c.weight) / totalWeight));
    add({ path: `${c.root}/package.json`, kind: 'json', size: 600, role: 'visible' });
    add({ path: `${c.root}/README.md`, kind: 'md', size: Math.round(r.logNormal(1500, 0.6)), role: 'visible' });
    add({ path: `${c.root}/tsconfig.json`, kind: 'raw', text: '{ "extends": "../../tsconfig.json", "include": ["src"] }\n', role: 'visible' });
    // Folder tree: ~1 folder per 12 files, up to 4 levels under src/.
    const dirs = c.app ? ['src', 'src/components', 'src/pages', 'src/hooks', 'src/lib'] : ['src'];
    const nDirs = Math.max(1, Math.round(c.count / 12));
    while (dirs.length < nDirs) {
      const parent = r.pick(dirs);
      if (parent.split('/').length > 4) continue;
      const leaf = r.chance(0.3) ? r.pick(['utils', 'services', 'models', 'api', 'internal', 'helpers', 'types', 'handlers']) : word(r);
      if (!SKIPPED_DIR_NAMES.has(leaf)) dirs.push(`${parent}/${leaf}`);
    }
    c.dirs = [...new Set(dirs)];
  }
  // Trim the last container so the visible total is `files`.
  let budget = files - entries.length;
  for (const c of containers) {
    c.count = Math.min(c.count, budget);
    budget -= c.count;
  }
  if (budget > 0) containers[0].count += budget;

  for (const c of containers) {
    for (let i = 0; i < c.count; i++) {
      const kind = r.weighted(c.app ? APP_KINDS : PKG_KINDS);
      let dir = r.pick(c.dirs);
      if (kind === 'test-ts' || kind === 'test-js') dir = r.chance(0.5) ? `${c.root}/test` : `${c.root}/${dir}/__tests__`;
      else dir = `${c.root}/${dir}`;
      let path;
      if (kind === 'index') path = uniquePath(taken, dir, 'index', r.chance(0.6) ? '.ts' : '.js');
      else if (kind === 'tsx' || kind === 'jsx') path = uniquePath(taken, dir, kebab(r, 2).replace(/(^|-)(\w)/g, (_, a, b) => b.toUpperCase()), EXT[kind]);
      else path = uniquePath(taken, dir, kebab(r, r.int(1, 3)), EXT[kind]);
      let size;
      if (kind === 'index') size = r.int(40, 300);
      else if (kind === 'md') size = Math.round(r.logNormal(1800, 0.8));
      else if (kind === 'json') size = r.chance(0.9) ? Math.round(r.logNormal(900, 0.9)) : Math.round(r.logNormal(15000, 0.8));
      else size = codeSize(r);
      add({ path, kind, size, role: 'visible' });
    }
  }

  // A few very large generated files (200 KB+), as generated API clients and data tables.
  const visibleCode = entries.filter((e) => PLANTABLE.has(e.kind));
  const nHuge = Math.max(1, Math.round(files * 0.00015));
  for (const e of r.shuffled(visibleCode).slice(0, nHuge)) e.size = r.int(200_000, 450_000);

  // Nested .gitignore files with negations, in about a third of the packages.
  const pr = rng.fork('plant');
  const keepFiles = [];
  for (const c of containers) {
    if (c.app || !r.chance(0.34)) continue;
    add({ path: `${c.root}/.gitignore`, kind: 'raw', text: '# local scratch files\nscratch/*\n!scratch/keep.js\n*.local.js\n', role: 'visible' });
    const keep = add({ path: `${c.root}/scratch/keep.js`, kind: 'js-cjs', size: codeSize(r), role: 'visible', via: 'negated-gitignore' });
    keepFiles.push(keep);
    const kind = keyFree ? 'js-cjs' : 'ignored-key';
    for (let i = r.int(1, 3); i > 0; i--) add({ path: `${c.root}/scratch/tmp-${i}.js`, kind, size: 800, flavour: 'compiled', role: 'ignored', why: 'nested .gitignore scratch/*' });
    add({ path: `${c.root}/src/dev.local.js`, kind, size: 800, flavour: 'compiled', role: 'ignored', why: 'nested .gitignore *.local.js' });
  }

  // Plant: rotation of the key patterns over a random sample of plantable visible code files + every keep.js.
  const patternNames = Object.keys(PATTERNS);
  const planted = [];
  const candidates = pr.shuffled(entries.filter((e) => e.role === 'visible' && PLANTABLE.has(e.kind) && !e.via));
  const nPlant = keyFree ? 0 : Math.max(patternNames.length, Math.round(files * plantRate));
  const rotation = pr.shuffled(patternNames);
  let next = 0;
  const targets = candidates.slice(0, nPlant).concat(keyFree ? [] : keepFiles);
  for (const e of targets) {
    e.plant = { pattern: rotation[next++ % rotation.length] };
    planted.push(e);
  }
  const nMention = keyFree ? 0 : Math.round(files * mentionRate);
  for (const e of candidates.slice(nPlant, nPlant + nMention)) e.plant = { pattern: 'mention-only' };
  // Non-HubSpot `apiKey` use (Stripe, maps, …) in about 1 % of files: must not be reported.
  for (const e of candidates.slice(nPlant + nMention, nPlant + nMention + Math.round(files * 0.01))) e.plant = { pattern: 'foreign-apikey' };

  // Ignored trees.
  const nm = Math.min(1000, Math.max(100, Math.round(files / 20)));
  const nmPkgs = Math.max(10, Math.round(nm / 16));
  const nmNames = ['hubspot', '@hubspot/api-client'];
  while (nmNames.length < nmPkgs) {
    const n = (r.chance(0.2) ? `@${word(r)}/` : '') + kebab(r, r.int(1, 2));
    if (!nmNames.includes(n)) nmNames.push(n);
  }
  for (let i = 0; i < nm; i++) {
    const pkg = nmNames[i % nmNames.length];
    const base = `node_modules/${pkg}`;
    const slot = Math.floor(i / nmNames.length);
    const hasKey = !keyFree && (i < 2 * nmNames.length ? i % nmNames.length < 2 : r.chance(0.02));
    if (slot === 0) { add({ path: `${base}/package.json`, kind: 'json', size: 700, role: 'ignored', why: 'node_modules' }); continue; }
    if (slot === 1) {
      if (hasKey) add({ path: `${base}/lib/client.js`, kind: 'ignored-key', flavour: 'library', role: 'ignored', why: 'node_modules' });
      else add({ path: `${base}/index.js`, kind: 'js-cjs', size: codeSize(r), role: 'ignored', why: 'node_modules' });
      continue;
    }
    const ext = r.pick(['.js', '.js', '.d.ts', '.mjs', '.md', '.json']);
    const kind = hasKey ? 'ignored-key' : ext === '.d.ts' ? 'dts' : ext === '.md' ? 'md' : ext === '.json' ? 'json' : 'js-cjs';
    add({ path: uniquePath(taken, `${base}/${r.pick(['lib', 'dist', 'esm', 'cjs', 'src/internal'])}`, kebab(r, r.int(1, 2)), hasKey ? '.js' : ext), kind, size: codeSize(r), flavour: 'library', role: 'ignored', why: 'node_modules' });
  }
  // A nested node_modules inside a package.
  for (let i = 0; i < 10; i++) add({ path: uniquePath(taken, `${containers[0].root}/node_modules/${kebab(r, 1)}`, 'index', '.js'), kind: i === 0 && !keyFree ? 'ignored-key' : 'js-cjs', flavour: 'library', size: codeSize(r), role: 'ignored', why: 'node_modules' });
  // Build output: root dist/ and packages/*/dist/, with compiled copies of some planted files.
  const nDist = Math.max(20, Math.round(files / 50));
  for (let i = 0; i < nDist; i++) {
    const c = i % 3 === 0 ? null : containers[i % containers.length];
    const dir = c ? `${c.root}/dist` : 'dist';
    const hasKey = !keyFree && i % 8 === 0;
    add({ path: uniquePath(taken, dir, kebab(r, r.int(1, 2)), r.chance(0.8) ? '.js' : '.d.ts'), kind: hasKey ? 'ignored-key' : 'js-cjs', flavour: 'compiled', size: codeSize(r), role: 'ignored', why: 'dist' });
  }
  for (let i = 0; i < 12; i++) {
    add({ path: uniquePath(taken, 'coverage/lcov-report', kebab(r, 1), '.js'), kind: i < 2 && !keyFree ? 'ignored-key' : 'js-esm', flavour: 'compiled', size: codeSize(r), role: 'ignored', why: 'coverage' });
  }
  // A minified vendor file, visible to git but skipped by the CLI by name.
  const app = containers.find((c) => c.app) ?? containers[0];
  add({ path: `${app.root}/public/js/forms-embed.min.js`, kind: keyFree ? 'js-esm' : 'ignored-key', flavour: 'minified', size: 3000, role: 'skipped', why: 'minified' });

  return { entries, planted, containers: containers.length, seed, files, plantRate };
}

function percentile(sorted, p) { return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]; }

/**
 * Write the planned tree under `dir` (removed first). Returns the manifest:
 * { root, seed, files, codeFiles (visible JS/TS paths the CLI should read), planted: [{ file, pattern, startLine,
 *   endLine, via }], mentionOnly, foreignApiKey, ignoredKeyFiles, skippedKeyFiles, stats }.
 */
export function generateTree(dir, opts = {}) {
  const t0 = performance.now();
  const plan = planTree(opts);
  const rc = new Rng(plan.seed).fork('content');
  rmSync(dir, { recursive: true, force: true });
  const made = new Set();
  const manifest = {
    generator: GENERATOR_VERSION, root: dir, seed: plan.seed, files: plan.files, plantRate: plan.plantRate,
    codeFiles: [], planted: [], mentionOnly: [], foreignApiKey: [], ignoredKeyFiles: [], skippedKeyFiles: [],
    stats: null,
  };
  const sizes = [];
  let totalBytes = 0;
  let allBytes = 0;
  let n = 1;
  for (const e of plan.entries) {
    const full = join(dir, e.path);
    const d = dirname(full);
    if (!made.has(d)) { mkdirSync(d, { recursive: true }); made.add(d); }
    let text;
    if (e.kind === 'raw') text = e.text;
    else if (e.kind === 'ignored-key') text = ignoredKeyText(rc, n++, e.flavour);
    else {
      const ts = /\.tsx?$/.test(e.path);
      const esm = e.kind !== 'js-cjs' && e.kind !== 'cjs';
      let plant = null;
      const pat = e.plant?.pattern;
      if (pat === 'mention-only') plant = mentionOnly(rc, n++, ts, esm);
      else if (pat === 'foreign-apikey') plant = { imports: { esm: [], cjs: [] }, body: foreignApiKeyBlock(rc, { n: n++ }), exports: [] };
      else if (pat) plant = PATTERNS[pat].make(rc, n++, ts, esm);
      const out = makeFile(rc, e.kind, e.size ?? 500, plant);
      text = out.text;
      if (pat && pat !== 'mention-only' && pat !== 'foreign-apikey') {
        manifest.planted.push({ file: e.path, pattern: pat, startLine: out.plantLine, endLine: out.plantLine + countLines(plant.body), via: e.via ?? 'file' });
      } else if (pat === 'mention-only') manifest.mentionOnly.push(e.path);
      else if (pat === 'foreign-apikey') manifest.foreignApiKey.push(e.path);
    }
    writeFileSync(full, text);
    allBytes += text.length;
    if (e.role === 'visible') {
      if (CODE_EXT.test(e.path)) { manifest.codeFiles.push(e.path); sizes.push(text.length); totalBytes += text.length; }
    } else if (e.kind === 'ignored-key') {
      (e.role === 'skipped' ? manifest.skippedKeyFiles : manifest.ignoredKeyFiles).push({ file: e.path, why: e.why });
    }
  }
  sizes.sort((a, b) => a - b);
  manifest.stats = {
    entries: plan.entries.length,
    visible: plan.entries.filter((e) => e.role === 'visible').length,
    ignored: plan.entries.filter((e) => e.role === 'ignored').length,
    skipped: plan.entries.filter((e) => e.role === 'skipped').length,
    codeFiles: manifest.codeFiles.length,
    codeBytes: totalBytes,
    allBytes,
    median: percentile(sizes, 0.5), p90: percentile(sizes, 0.9), p99: percentile(sizes, 0.99), max: sizes.at(-1) ?? 0,
    over200k: sizes.filter((s) => s >= 200_000).length,
    packages: plan.containers,
    generateMs: Math.round(performance.now() - t0),
  };
  return manifest;
}

/** Turn `dir` into a git work tree with everything committed (ignored files stay on disk, untracked). */
export function gitCommitTree(dir) {
  const t0 = performance.now();
  const git = (...args) => execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', '-c', 'init.defaultBranch=main', '-c', 'core.autocrlf=false', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic tree', '--no-verify');
  return Math.round(performance.now() - t0);
}

/** Parse every visible JS/TS file with TypeScript's parser (from ts-morph) and return the files with syntax errors. */
export async function checkSyntax(dir, manifest) {
  const { ts } = await import('ts-morph');
  const { readFileSync } = await import('node:fs');
  const bad = [];
  for (const f of manifest.codeFiles) {
    const kind = f.endsWith('.tsx') ? ts.ScriptKind.TSX : f.endsWith('.jsx') ? ts.ScriptKind.JSX : /\.[cm]?ts$/.test(f) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const sf = ts.createSourceFile(f, readFileSync(join(dir, f), 'utf8'), ts.ScriptTarget.Latest, false, kind);
    const diags = sf.parseDiagnostics ?? [];
    if (diags.length) bad.push({ file: f, first: `${sf.getLineAndCharacterOfPosition(diags[0].start).line + 1}: ${ts.flattenDiagnosticMessageText(diags[0].messageText, ' ')}` });
  }
  return bad;
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
  const out = opt('--out');
  if (!out) { console.error('usage: generate.mjs --out DIR [--files N] [--seed S] [--plant-rate R] [--git] [--check]'); process.exit(2); }
  const m = generateTree(out, { files: Number(opt('--files', 20000)), seed: Number(opt('--seed', 42)), plantRate: Number(opt('--plant-rate', 0.01)) });
  const { codeFiles, ...rest } = m;
  if (args.includes('--git')) rest.gitMs = gitCommitTree(out);
  writeFileSync(`${out.replace(/\/$/, '')}.manifest.json`, JSON.stringify(m, null, 1));
  console.log(JSON.stringify({ ...rest, planted: rest.planted.length, mentionOnly: rest.mentionOnly.length, foreignApiKey: rest.foreignApiKey.length }, null, 1));
  if (args.includes('--check')) {
    const bad = await checkSyntax(out, m);
    console.log(`syntax check: ${bad.length} of ${codeFiles.length} files with parse errors`);
    for (const b of bad.slice(0, 20)) console.log(`  ${b.file}:${b.first}`);
    if (bad.length) process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

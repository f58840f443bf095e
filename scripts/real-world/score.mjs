#!/usr/bin/env node
// Scores the built CLI on our labelled real-world repositories (test/real-world/repos/*.json) and,
// optionally, on the practice answer key, for every repository whose snapshot is present locally.
//
// usage: node scripts/real-world/score.mjs --mirrors DIR [--set DIR] [--practice FILE] [--repo TEXT]
//                                          [--json] [--verbose] [--dry]
//   --mirrors   folder holding the snapshots, one per repository: DIR/OWNER+NAME/repo (a bare git dir)
//   --set       folder of per-repository records (default test/real-world/repos)
//   --practice  also score the repos[] of this answer key (same record format)
//   --repo      only records whose "owner/name" contains this text
//   --json      print the results as JSON instead of the Markdown table
//   --verbose   list every disagreement under the table
//   --dry       skip the --write checks (faster)
//
// Per repository: materialise eval_commit into a temporary folder (git archive | tar -x), commit it
// (a user runs the tool in a clone), run `node dist/cli/bin.js DIR --json --out TMP`, match reported
// sites to the record's sites by file and line (±2), then run --write on a committed copy: every
// changed JS/TS file must still parse and a second run must plan nothing. Records whose snapshot is
// absent are listed as "not present". Nothing here fails the process except bad arguments (exit 2).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, '../..');
const require = createRequire(join(project, 'package.json'));
const JS_EXT = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/;
const LINE_SLACK = 2;
const SCOPE_RE = /^[a-z][a-z0-9_.-]+$/;

function parseArgs(argv) {
  const a = { set: join(project, 'test/real-world/repos'), practice: null, mirrors: null, repo: null, json: false, verbose: false, dry: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${k} needs a value`);
      return argv[++i];
    };
    if (k === '--mirrors') a.mirrors = val();
    else if (k === '--set') a.set = val();
    else if (k === '--practice') a.practice = val();
    else if (k === '--repo') a.repo = val();
    else if (k === '--json') a.json = true;
    else if (k === '--verbose') a.verbose = true;
    else if (k === '--dry') a.dry = true;
    else if (k === '-h' || k === '--help') usage(null);
    else usage(`unknown argument ${k}`);
  }
  if (!a.mirrors) usage('--mirrors is required');
  return a;
}

function usage(error) {
  const text = 'usage: node scripts/real-world/score.mjs --mirrors DIR [--set DIR] [--practice FILE] [--repo TEXT] [--json] [--verbose] [--dry]';
  if (error) {
    process.stderr.write(`${error}\n${text}\n`);
    process.exit(2);
  }
  process.stdout.write(`${text}\n`);
  process.exit(0);
}

function sh(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...opts });
}

function loadRecords(a) {
  const records = [];
  if (existsSync(a.set)) {
    for (const f of readdirSync(a.set).filter((f) => f.endsWith('.json')).sort()) {
      const rec = JSON.parse(readFileSync(join(a.set, f), 'utf8'));
      records.push({ set: 'real-world', rec });
    }
  }
  if (a.practice) {
    const key = JSON.parse(readFileSync(a.practice, 'utf8'));
    for (const rec of key.repos ?? []) records.push({ set: 'practice', rec });
  }
  return records.filter(({ rec }) => !a.repo || rec.repo.includes(a.repo));
}

// The snapshot's git directory: OWNER+NAME/repo (bare) or OWNER+NAME/repo/.git (with a work tree).
function mirrorOf(mirrors, repo) {
  const dir = join(mirrors, repo.replace('/', '+'), 'repo');
  return existsSync(join(dir, '.git')) ? join(dir, '.git') : dir;
}

function materialise(mirror, commit, dest) {
  mkdirSync(dest, { recursive: true });
  const archive = sh('git', ['--git-dir', mirror, 'archive', '--format=tar', commit], { encoding: 'buffer' });
  if (archive.status === 0) {
    const tar = sh('tar', ['-x', '-C', dest], { input: archive.stdout, encoding: 'buffer' });
    if (tar.status === 0) return null;
  }
  // the snapshot lacks some large blobs: write every blob it has, one by one
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const ls = sh('git', ['--git-dir', mirror, 'ls-tree', '-r', '-z', commit]);
  if (ls.status !== 0) return `commit ${commit} not in the snapshot`;
  for (const entry of ls.stdout.split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, kind, sha] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (kind !== 'blob') continue;
    const blob = sh('git', ['--git-dir', mirror, 'cat-file', 'blob', sha], { encoding: 'buffer' });
    if (blob.status !== 0) continue;
    const target = join(dest, path);
    mkdirSync(dirname(target), { recursive: true });
    if (mode === '120000') symlinkSync(blob.stdout.toString(), target);
    else writeFileSync(target, blob.stdout);
  }
  return null;
}

function commitAll(dir, force) {
  sh('git', ['init', '-q'], { cwd: dir });
  sh('git', ['add', '-A', ...(force ? ['-f'] : [])], { cwd: dir });
  sh('git', ['-c', 'user.name=score', '-c', 'user.email=score@example.invalid', 'commit', '-qm', 'base', '--no-verify'], { cwd: dir });
}

function runTool(dir, out, extra = []) {
  const r = sh('node', [join(project, 'dist/cli/bin.js'), dir, '--json', '--no-color', '--out', out, ...extra], { timeout: 600_000 });
  try {
    return { report: JSON.parse(r.stdout), r };
  } catch {
    return { report: null, r };
  }
}

function* expectedSites(rec) {
  for (const f of rec.files ?? []) for (const s of f.sites ?? []) yield { path: f.path, site: s };
}

function match(sites, path, line) {
  let best = null;
  for (const s of sites) {
    if (s.file === path && Math.abs(Number(s.line) - line) <= LINE_SLACK) {
      if (!best || Math.abs(s.line - line) < Math.abs(best.line - line)) best = s;
    }
  }
  return best;
}

// Which reported statuses agree with an expected action.
// A config declaration (P30) is reported either as manual or as ignored/config-declaration: both tell the user.
function statusAgrees(action, status, category = '') {
  if (action === 'flag' && /^P30_/.test(category) && status === 'ignored') return true;
  switch (action) {
    case 'rewrite':
    case 'rewrite+flag':
      return status === 'auto';
    case 'flag':
      return status === 'manual';
    case 'leave+report':
      return status === 'developer-key';
    case 'leave':
      return status == null || status === 'ignored';
    case 'update-with-rewrite':
      return status === 'auto' || status === 'manual';
    default:
      return false;
  }
}

// Endpoint key: method + path with every placeholder as {}, no query, no trailing slash.
export function endpointKey(method, path) {
  if (!path) return null;
  let p = String(path).split('?')[0].split('#')[0];
  p = p.replace(/^https?:\/\/[^/]+/, '');
  p = p.replace(/\{[^}]*\}/g, '{}').replace(/:[A-Za-z_][A-Za-z0-9_]*/g, '{}');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return `${String(method ?? '').toUpperCase()} ${p}`;
}

// A reported endpoint matches an expected one when the methods are equal and every path segment is
// equal, or the reported segment is a placeholder (the tool may not know a literal argument such as
// the association type). An expected placeholder needs a reported placeholder.
export function endpointMatches(expected, reported) {
  const [em, ep] = expected.split(' ');
  const [rm, rp] = reported.split(' ');
  if (em !== rm) return false;
  const es = ep.split('/');
  const rs = rp.split('/');
  if (es.length !== rs.length) return false;
  return es.every((seg, i) => seg === rs[i] || rs[i] === '{}');
}

function countsForScopes(site) {
  return !site.developer_key && !['leave', 'leave+report'].includes(site.expected?.action) && site.confidence !== 'unverified';
}

function parseCheck(files) {
  let ts;
  try {
    ts = require('typescript');
  } catch {
    return files.map((f) => `${f}: typescript not found`);
  }
  const bad = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.(ts|mts|cts)$/.test(file) ? ts.ScriptKind.TS : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const d = sf.parseDiagnostics ?? [];
    if (d.length) bad.push(`${file}: ${ts.flattenDiagnosticMessageText(d[0].messageText, ' ')}`);
  }
  return bad;
}

function scoreRepo(entry, a, work) {
  const { rec } = entry;
  const res = { repo: rec.repo, set: entry.set, role: rec.role, present: true, error: null, wrong: [] };
  const mirror = mirrorOf(a.mirrors, rec.repo);
  if (!existsSync(mirror)) {
    res.present = false;
    return res;
  }
  const src = join(work, 'src');
  const err = materialise(mirror, rec.eval_commit, src);
  if (err) {
    res.error = err;
    return res;
  }
  commitAll(src, true);
  const { report, r } = runTool(src, join(work, 'out1'));
  if (!report) {
    res.error = `dry run gave no JSON (exit ${r.status}): ${(r.stderr || r.stdout || '').slice(-300)}`;
    return res;
  }
  const sites = report.sites ?? [];
  const c = { expected: 0, found: 0, statusTotal: 0, statusOk: 0, devExpected: 0, devOk: 0, falseAuto: 0 };
  for (const { path, site } of expectedSites(rec)) {
    const action = site.expected?.action;
    const m = match(sites, path, site.line);
    const st = m ? m.status : null;
    if (!['leave'].includes(action)) {
      c.expected++;
      if (m) c.found++;
      else res.wrong.push(`${path}:${site.line} ${site.category} (${action}) not reported`);
    }
    c.statusTotal++;
    if (statusAgrees(action, st, site.category)) c.statusOk++;
    else if (m) res.wrong.push(`${path}:${site.line} ${site.category} expected ${action}, got ${st}`);
    if (['leave', 'leave+report'].includes(action) && st === 'auto') c.falseAuto++;
    if (site.developer_key) {
      c.devExpected++;
      if (st === 'developer-key') c.devOk++;
    }
  }
  Object.assign(res, c);

  // scopes: every scope an account-key site (auto or manual) needs
  const exp = new Set();
  for (const { site } of expectedSites(rec)) {
    if (countsForScopes(site)) for (const s of site.scopes ?? []) if (SCOPE_RE.test(s)) exp.add(s);
  }
  const got = new Set(report.scopes?.required ?? []);
  res.scopeExpected = exp.size;
  res.scopeHit = [...exp].filter((s) => got.has(s)).length;
  res.scopeMissing = [...exp].filter((s) => !got.has(s)).sort();
  res.scopeExtra = [...got].filter((s) => !exp.has(s)).sort();
  res.scopeUncertain = (report.scopes?.uncertain ?? []).length;

  // calls: expected endpoints vs every request the tool reports
  const expCalls = new Map();
  for (const { path, site } of expectedSites(rec)) {
    if (!countsForScopes(site)) continue;
    for (const e of site.endpoints ?? []) {
      const k = endpointKey(e.method, e.path);
      if (k && !expCalls.has(k)) expCalls.set(k, `${path}:${site.line}`);
    }
  }
  const gotCalls = [];
  let unresolved = 0;
  for (const s of sites) {
    for (const q of s.requests ?? []) {
      const k = endpointKey(q.method, q.path);
      if (k) gotCalls.push(k);
      else unresolved++;
    }
  }
  const found = (k) => gotCalls.some((g) => endpointMatches(k, g));
  res.callsExpected = expCalls.size;
  res.callsFound = [...expCalls.keys()].filter(found).length;
  res.callsMissing = [...expCalls.keys()].filter((k) => !found(k)).sort();
  res.requestsUnresolved = unresolved;

  if (a.dry) {
    Object.assign(res, { filesChanged: null, broken: [], rerunPlans: null, touchedLeave: [] });
    return res;
  }
  const w = join(work, 'w');
  cpSync(src, w, { recursive: true, verbatimSymlinks: true, filter: (p) => !p.endsWith('/.git') });
  commitAll(w, false);
  const second = runTool(w, join(work, 'out2'), ['--write']);
  res.writeExit = second.r.status;
  const changed = sh('git', ['status', '--porcelain'], { cwd: w })
    .stdout.split('\n')
    .filter((l) => l.slice(0, 2).trim() === 'M')
    .map((l) => l.slice(3));
  res.filesChanged = changed.length;
  res.broken = parseCheck(changed.filter((f) => JS_EXT.test(f)).map((f) => join(w, f)));
  // lines the record says to leave must not change
  const removed = new Map();
  let cur = null;
  for (const l of sh('git', ['diff', '-U0'], { cwd: w }).stdout.split('\n')) {
    if (l.startsWith('--- a/')) cur = l.slice(6);
    const m = /^@@ -(\d+)(?:,(\d+))?/.exec(l);
    if (m && cur) {
      const start = Number(m[1]);
      const n = m[2] === undefined ? 1 : Number(m[2]);
      if (!removed.has(cur)) removed.set(cur, new Set());
      for (let i = start; i < start + n; i++) removed.get(cur).add(i);
    }
  }
  res.touchedLeave = [];
  for (const { path, site } of expectedSites(rec)) {
    if (['leave', 'leave+report'].includes(site.expected?.action) && removed.get(path)?.has(site.line)) res.touchedLeave.push(`${path}:${site.line}`);
  }
  const third = runTool(w, join(work, 'out3'));
  res.rerunPlans = third.report ? (third.report.sites ?? []).filter((s) => s.status === 'auto' && !s.applied).length : null;
  return res;
}

const pct = (x, y) => (y ? `${Math.round((100 * x) / y)}%` : 'n/a');

function table(results) {
  const rows = [];
  rows.push('| repository | set | sites found | status agrees | dev keys left | scope recall | extra scopes | calls found | unresolved calls | changed / broken | rerun plans |');
  rows.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const T = { expected: 0, found: 0, statusTotal: 0, statusOk: 0, devExpected: 0, devOk: 0, scopeExpected: 0, scopeHit: 0, scopeExtra: 0, callsExpected: 0, callsFound: 0, unresolved: 0, changed: 0, broken: 0, rerun: 0, falseAuto: 0, touched: 0, scored: 0, absent: 0, errors: 0 };
  for (const r of results) {
    if (!r.present) {
      T.absent++;
      rows.push(`| \`${r.repo}\` | ${r.set} | not present | | | | | | | | |`);
      continue;
    }
    if (r.error) {
      T.errors++;
      rows.push(`| \`${r.repo}\` | ${r.set} | error: ${r.error.replace(/\|/g, '/').replace(/\n/g, ' ').slice(0, 120)} | | | | | | | | |`);
      continue;
    }
    T.scored++;
    T.expected += r.expected;
    T.found += r.found;
    T.statusTotal += r.statusTotal;
    T.statusOk += r.statusOk;
    T.devExpected += r.devExpected;
    T.devOk += r.devOk;
    T.scopeExpected += r.scopeExpected;
    T.scopeHit += r.scopeHit;
    T.scopeExtra += r.scopeExtra.length;
    T.callsExpected += r.callsExpected;
    T.callsFound += r.callsFound;
    T.unresolved += r.requestsUnresolved;
    T.falseAuto += r.falseAuto;
    T.changed += r.filesChanged ?? 0;
    T.broken += r.broken.length;
    T.touched += r.touchedLeave.length;
    T.rerun += r.rerunPlans ?? 0;
    const write = r.filesChanged == null ? 'skipped' : `${r.filesChanged} / ${r.broken.length}`;
    rows.push(
      `| \`${r.repo}\` | ${r.set} | ${r.found}/${r.expected} | ${r.statusOk}/${r.statusTotal} | ${r.devExpected ? `${r.devOk}/${r.devExpected}` : '–'} | ${r.scopeHit}/${r.scopeExpected} | ${r.scopeExtra.length} | ${r.callsFound}/${r.callsExpected} | ${r.requestsUnresolved} | ${write} | ${r.rerunPlans ?? 'skipped'} |`,
    );
  }
  rows.push(
    `| **total** (${T.scored} scored) | | ${T.found}/${T.expected} (${pct(T.found, T.expected)}) | ${T.statusOk}/${T.statusTotal} (${pct(T.statusOk, T.statusTotal)}) | ${T.devOk}/${T.devExpected} | ${T.scopeHit}/${T.scopeExpected} (${pct(T.scopeHit, T.scopeExpected)}) | ${T.scopeExtra} | ${T.callsFound}/${T.callsExpected} (${pct(T.callsFound, T.callsExpected)}) | ${T.unresolved} | ${T.changed} / ${T.broken} | ${T.rerun} |`,
  );
  return { text: rows.join('\n'), totals: T };
}

function summaryLine(T, set = 'real-world') {
  const extraShare = T.scopeHit + T.scopeExtra ? `${T.scopeExtra}/${T.scopeHit + T.scopeExtra} reported scopes extra` : 'no scopes reported';
  return `SUMMARY ${set}: ${T.scored} scored, ${T.absent} not present, ${T.errors} errors; sites found ${pct(T.found, T.expected)} (${T.found}/${T.expected}), status agrees ${pct(T.statusOk, T.statusTotal)}, false auto ${T.falseAuto}, developer keys left ${T.devOk}/${T.devExpected}, scope recall ${pct(T.scopeHit, T.scopeExpected)} (${T.scopeHit}/${T.scopeExpected}), ${extraShare}, calls found ${pct(T.callsFound, T.callsExpected)} (${T.callsFound}/${T.callsExpected}), unresolved requests ${T.unresolved}, broken files ${T.broken}, leave-lines touched ${T.touched}, rerun plans ${T.rerun}`;
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  a.mirrors = resolve(a.mirrors);
  if (!existsSync(join(project, 'dist/cli/bin.js'))) {
    process.stderr.write('dist/cli/bin.js is missing: run `npm run build` first\n');
    process.exit(2);
  }
  const entries = loadRecords(a);
  const tmp = mkdtempSync(join(tmpdir(), 'real-world-score-'));
  const results = [];
  try {
    entries.forEach((entry, i) => {
      const work = join(tmp, String(i));
      try {
        results.push(scoreRepo(entry, a, work));
      } catch (e) {
        results.push({ repo: entry.rec.repo, set: entry.set, present: true, error: String(e?.message ?? e), wrong: [] });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      if (!a.json) process.stderr.write(`scored ${entry.rec.repo}\n`);
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const sets = [...new Set(results.map((r) => r.set))];
  const { text, totals } = table(results);
  const perSet = sets.map((set) => ({ set, totals: table(results.filter((r) => r.set === set)).totals }));
  const summaries = perSet.map(({ set, totals: t }) => summaryLine(t, set));
  if (sets.length > 1) summaries.push(summaryLine(totals, sets.join('+')));
  if (a.json) {
    process.stdout.write(JSON.stringify({ results, totals, perSet, summary: summaries }, null, 2) + '\n');
    return;
  }
  process.stdout.write(text + '\n\n');
  if (a.verbose) {
    for (const r of results) {
      if (!r.present || r.error) continue;
      const lines = [
        ...r.wrong,
        ...r.scopeMissing.map((s) => `scope missing: ${s}`),
        ...r.scopeExtra.map((s) => `scope extra: ${s}`),
        ...r.callsMissing.map((k) => `call not reported: ${k}`),
        ...r.broken.map((b) => `broken: ${b}`),
        ...r.touchedLeave.map((t) => `leave-line touched: ${t}`),
      ];
      if (!lines.length) continue;
      process.stdout.write(`${r.repo}\n${lines.map((l) => `  - ${l}`).join('\n')}\n`);
    }
    process.stdout.write('\n');
  }
  process.stdout.write(summaries.join('\n') + '\n');
}

main();

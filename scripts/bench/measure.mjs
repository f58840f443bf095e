// Timing of whole processes: wall (hrtime around spawnSync), CPU (user + sys) and peak RSS from GNU
// `/usr/bin/time -f '%e %U %S %M'` when it exists; otherwise CPU from the cutime/cstime of this process's waited-for
// children in /proc/self/stat (Linux), and no peak RSS; otherwise wall only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, openSync, closeSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let timeBin;
/** '/usr/bin/time' if GNU time (with -f and -o) is there, else null. */
export function gnuTime() {
  if (timeBin !== undefined) return timeBin;
  timeBin = null;
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'true'], { encoding: 'utf8' });
    if (r.status === 0 && /^\d+\.\d+ \d+\.\d+ \d+\.\d+ \d+\s*$/m.test(r.stderr)) timeBin = '/usr/bin/time';
  }
  return timeBin;
}

function childTicks() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(f[13]), sys: Number(f[14]) };
  } catch {
    return null;
  }
}

/** What this machine can measure, in words. */
export function measureMode() {
  if (gnuTime()) return 'wall: hrtime; CPU (user+sys) and peak RSS: GNU /usr/bin/time';
  if (childTicks()) return 'wall: hrtime; CPU: /proc/self/stat children ticks (no /usr/bin/time, so no peak RSS)';
  return 'wall only (no /usr/bin/time, no /proc)';
}

let scratch;
function scratchDir() {
  scratch ??= mkdtempSync(join(tmpdir(), 'hb-time-'));
  return scratch;
}
process.on('exit', () => { if (scratch) rmSync(scratch, { recursive: true, force: true }); });

/**
 * Run `cmd args` once. stdout goes to `stdoutFile` (default /dev/null); stderr is captured (last 4 KB kept).
 * Returns { wall, user, sys, cpu, rssMB, code, stderr } (seconds, MB; null where not measurable).
 */
export function runTimed(cmd, args, { cwd, stdoutFile = '/dev/null', env } = {}) {
  const out = openSync(stdoutFile, 'w');
  const tb = gnuTime();
  const timeFile = tb ? join(scratchDir(), 'time.txt') : null;
  const before = tb ? null : childTicks();
  const t0 = process.hrtime.bigint();
  const r = tb
    ? spawnSync(tb, ['-f', '%e %U %S %M', '-o', timeFile, cmd, ...args], { cwd, env, stdio: ['ignore', out, 'pipe'], maxBuffer: 256 << 20 })
    : spawnSync(cmd, args, { cwd, env, stdio: ['ignore', out, 'pipe'], maxBuffer: 256 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(out);
  const res = { wall, user: null, sys: null, cpu: null, rssMB: null, code: r.status, signal: r.signal, stderr: String(r.stderr ?? '').slice(-4096) };
  if (r.error) res.stderr = String(r.error);
  if (tb) {
    try {
      const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
      const [, u, s, m] = lines.at(-1).trim().split(/\s+/).map(Number);
      Object.assign(res, { user: u, sys: s, cpu: u + s, rssMB: m / 1024 });
    } catch { /* time did not write: the command could not start */ }
  } else if (before) {
    const after = childTicks();
    const hz = 100;
    res.user = (after.user - before.user) / hz;
    res.sys = (after.sys - before.sys) / hz;
    res.cpu = res.user + res.sys;
  }
  return res;
}

export function median(xs) {
  const a = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((p, q) => p - q);
  if (!a.length) return null;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

/**
 * Run commands round-robin: `warmup` rounds (results kept apart, for checks), then `runs` counted rounds, each
 * running every command once, so drift on a noisy machine hits all commands alike and per-round ratios hold.
 * commands: [{ id, cmd, args, cwd, ok(result) → boolean, warmStdout? }]. A command that fails in the warm-up is
 * not run again. Returns Map id → { warm: [results], runs: [results], failed: result | null }.
 */
export function runRounds(commands, { runs, warmup, onProgress = () => {}, decideRuns }) {
  const res = new Map(commands.map((c) => [c.id, { warm: [], runs: [], failed: null }]));
  let total = warmup + runs;
  const t0 = performance.now();
  for (let round = 0; round < total; round++) {
    if (round === warmup && decideRuns) {
      runs = decideRuns((performance.now() - t0) / 1000 / Math.max(1, warmup));
      total = warmup + runs;
    }
    for (const c of commands) {
      c.before?.();
      const slot = res.get(c.id);
      if (slot.failed) continue;
      const stdoutFile = round < warmup && c.warmStdout ? c.warmStdout : '/dev/null';
      const r = runTimed(c.cmd, c.args, { cwd: c.cwd, stdoutFile, env: c.env });
      if (!(c.ok ?? ((x) => x.code === 0))(r)) { slot.failed = r; continue; }
      (round < warmup ? slot.warm : slot.runs).push(r);
    }
    onProgress(round + 1, total);
  }
  res.runs = runs;
  return res;
}

/** Median of per-round ratios a/b (paired) of `key` (wall or cpu), over rounds where both ran. */
export function pairedRatio(a, b, key = 'wall') {
  if (!a || !b) return null;
  const n = Math.min(a.runs.length, b.runs.length);
  if (!n || a.runs.length !== b.runs.length) return null;
  const r = [];
  for (let i = 0; i < n; i++) if (a.runs[i][key] !== null && b.runs[i][key]) r.push(a.runs[i][key] / b.runs[i][key]);
  return median(r);
}

export function summarize(slot) {
  if (!slot || !slot.runs.length) return null;
  const walls = slot.runs.map((x) => x.wall);
  return {
    n: slot.runs.length,
    wall: median(walls), min: Math.min(...walls), max: Math.max(...walls),
    cpu: median(slot.runs.map((x) => x.cpu)),
    rssMB: median(slot.runs.map((x) => x.rssMB)),
    peakRssMB: slot.runs.some((x) => x.rssMB !== null) ? Math.max(...slot.runs.map((x) => x.rssMB ?? 0)) : null,
  };
}

// End-to-end helpers: run the CLI on copies of fixtures, in-process through its `main` (cli) or as the built
// dist/cli/bin.js in a child process (cliProcess) where only a real process will do.
// Nothing here touches the repository's fixtures: every test works on a copy in a temp folder.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO, 'dist/cli/bin.js');
export const FIXTURES = path.join(REPO, 'fixtures');
export const SAMPLE = path.join(FIXTURES, 'sample-integration');
export const ALL_AUTO = path.join(FIXTURES, 'e2e/all-auto');
/** Preloaded into every CLI run: any attempt to open a network connection throws. */
export const NO_NETWORK = path.join(__dirname, 'no-network.cjs');
export const PTY_DRIVER = path.join(__dirname, 'pty-drive.py');

// ---------------------------------------------------------------------------------------------------------------
// build: only when dist/cli/bin.js is missing or older than a file under src/ (CI's `npm ci` builds via `prepare`)

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!fs.existsSync(CLI)) return true;
  return fs.statSync(CLI).mtimeMs < newestMtime(path.join(REPO, 'src'));
}

const LOCK = path.join(os.tmpdir(), 'migrate-hapikey-e2e-build.lock');

/** Build once, even when several test files ask at the same time (a lock folder serialises them). */
export async function ensureBuilt(): Promise<void> {
  // checked once per test run (every test file of a run shares the vitest parent process); E2E_SKIP_BUILD=1 skips it
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(CLI)) return;
  const marker = path.join(os.tmpdir(), `migrate-hapikey-e2e-checked-${process.ppid}`);
  const fresh = (() => { try { return Date.now() - fs.statSync(marker).mtimeMs < 15 * 60_000; } catch { return false; } })();
  if (fresh && fs.existsSync(CLI)) return;
  await buildIfStale();
  fs.writeFileSync(marker, '');
}

/**
 * `npm run build` in `repo`. tsc emits even with type errors: a failed build throws (so the tests fail), and removes
 * `cli` so the next run does not take the emitted dist for a fresh build.
 */
export function runBuild(repo: string, cli: string): void {
  const r = spawnSync('npm', ['run', 'build'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0 || !fs.existsSync(cli)) {
    fs.rmSync(cli, { force: true });
    throw new Error(`e2e: npm run build failed (exit ${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-4000)}\n${(r.stderr ?? '').slice(-2000)}`);
  }
}

async function buildIfStale(): Promise<void> {
  if (!isStale()) return;
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // someone else is building; a lock older than 5 minutes is left over from a crash
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch { /* gone meanwhile */ }
      await new Promise((r) => setTimeout(r, 250));
      if (!isStale()) return;
      if (Date.now() - started > 300_000) throw new Error('e2e: timed out waiting for another build');
    }
  }
  try {
    if (!isStale()) return;
    runBuild(REPO, CLI);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// temp copies

const made: string[] = [];

/** A fresh temp folder (real path, so comparisons with the CLI's resolved root are exact). */
export function tmpDir(prefix = 'mhk-e2e-'): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(d);
  return d;
}

/** Copy a fixture folder into `dest` (default: a new temp folder + `/repo`). Returns the copy's path. */
export function copyFixture(src: string, dest = path.join(tmpDir(), 'repo')): string {
  fs.cpSync(src, dest, { recursive: true, verbatimSymlinks: true });
  return dest;
}

export { writeTree } from '../discover/tree.js';

/** Remove every temp folder made by this test file (E2E_KEEP=1 keeps them for a post-mortem). */
export function cleanup(): void {
  if (process.env.E2E_KEEP === '1') {
    process.stderr.write(`e2e: kept ${made.join(' ')}\n`);
    return;
  }
  for (const d of made.splice(0)) {
    try {
      execFileSync('chmod', ['-R', 'u+rwX', d], { stdio: 'ignore' });
    } catch { /* best effort */ }
    fs.rmSync(d, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// running the CLI

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment every child gets: no color variables, no CI, git isolated from the user's config. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(FORCE_COLOR|NO_COLOR|CI|NODE_OPTIONS|VITEST.*|TERM|COLORTERM|GIT_.*)$/.test(k)) delete env[k];
  }
  Object.assign(env, {
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.invalid',
    GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.invalid',
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** The command line that runs the real CLI (with the no-network guard preloaded). */
export function cliArgv(args: string[]): string[] {
  return [process.execPath, '--require', NO_NETWORK, CLI, ...args];
}

export interface CliOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  timeout?: number;
}

/**
 * The real CLI as a child process (the built dist/cli/bin.js, with the no-network guard): for what only a process
 * shows — exit codes as the shell sees them, signals, a TTY, the shebang, another user. Needs ensureBuilt().
 */
export function cliProcess(args: string[], opts: CliOptions): Promise<CliResult> {
  const [node, ...rest] = cliArgv(args);
  return new Promise((resolve) => {
    execFile(node, rest, { cwd: opts.cwd, env: baseEnv(opts.env), timeout: opts.timeout ?? 60_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; signal?: NodeJS.Signals }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
        });
      });
  });
}

/**
 * The CLI's `main` called in this test process, as bin.js calls it: argv, working folder and environment as a child
 * would get them, stdout and stderr captured, the exit code main returns (70 and the message for an internal error,
 * as bin.js does). Network access is blocked as in the child. Calls are serialised (cwd and env are per process).
 * Runs the TypeScript sources: no build needed.
 */
export function cli(args: string[], opts: CliOptions): Promise<CliResult> {
  const next = queue.then(() => inProcess(args, opts));
  queue = next.catch(() => undefined);
  return next;
}

let queue: Promise<unknown> = Promise.resolve();
let guarded = false;

async function inProcess(args: string[], opts: CliOptions): Promise<CliResult> {
  if (!guarded) {
    createRequire(import.meta.url)(NO_NETWORK);
    guarded = true;
  }
  const { main } = await import('../../src/cli/main.js');
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const out: string[] = [];
  const err: string[] = [];
  const capture = (sink: string[]) => ((chunk: unknown, ...rest: unknown[]): boolean => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  });
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const env = baseEnv(opts.env);
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, env);
  process.chdir(opts.cwd);
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main([process.execPath, CLI, ...args]);
  } catch (e) {
    err.push(`migrate-hapikey: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    code = 70;
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  }
  return { code, signal: null, stdout: out.join(''), stderr: err.join('') };
}

/** Fail with everything a person needs to see when the exit code is not the expected one. */
export function describeRun(r: CliResult): string {
  return `exit ${r.code}${r.signal ? ` (signal ${r.signal})` : ''}\n--- stdout\n${r.stdout.slice(0, 4000)}\n--- stderr\n${r.stderr.slice(0, 4000)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// trees, git, patches

/** sha256 of every file under `dir` (relative, forward slashes); links recorded by target, never followed. */
export function hashTree(dir: string, opts: { skip?: (rel: string) => boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.name === '.git' || opts.skip?.(r)) continue;
      const abs = path.join(d, e.name);
      if (e.isSymbolicLink()) out[r] = 'link:' + fs.readlinkSync(abs);
      else if (e.isDirectory()) walk(abs, r);
      else if (e.isFile()) out[r] = createHash('sha256').update(fs.readFileSync(abs)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

/** The relative paths whose hash differs (or that exist on one side only). */
export function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'gc.auto=0', '-c', 'core.autocrlf=false', ...args], {
    cwd, encoding: 'utf8', env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function gitCommitAll(root: string): void {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'fixture');
}

/** `git apply` a patch to a plain folder (not a git repo). An empty patch is a no-op. Throws with git's message. */
export function gitApply(dir: string, patchFile: string, check = false): void {
  if (fs.statSync(patchFile).size === 0) return;
  execFileSync('git', ['apply', ...(check ? ['--check'] : []), '--whitespace=nowarn', patchFile], {
    cwd: dir, env: baseEnv({ GIT_CEILING_DIRECTORIES: path.dirname(dir) }), stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function read(p: string): string {
  return fs.readFileSync(p, 'utf8');
}

export function readJson<T = any>(p: string): T {
  return JSON.parse(read(p)) as T;
}

/** Every file under dir (relative paths), links included, .git excluded. */
export function listTree(dir: string): string[] {
  return Object.keys(hashTree(dir)).sort();
}

/** ANSI SGR (color/style) sequences. */
export const SGR = /\x1b\[[0-9;]*m/;

export const JS_TS = /\.(m|c)?[jt]sx?$/;

// ---------------------------------------------------------------------------------------------------------------
// the spec's closed enums (shared/spec/cli.md, JSON report schemaVersion 1)

export const SPEC_LANGUAGES = ['ts', 'js', 'tsx', 'jsx', 'vue', 'python', 'php', 'ruby', 'shell', 'other'];
export const SPEC_CLIENTS = ['fetch', 'axios', 'got', 'request', 'superagent', 'node-http', 'jquery', 'xhr', 'hubspot-api-client', 'hubspot', 'other'];
export const SPEC_SKIP_REASONS = ['parse-error', 'too-large', 'minified', 'binary', 'unreadable', 'outside-root'];

/** Values of sites[].language and requests[].client outside the spec's lists (and of skipped[].reason if asked). */
export function enumProblems(report: any, opts: { skipReasons?: boolean } = {}): string[] {
  return [
    ...report.sites.filter((s: any) => !SPEC_LANGUAGES.includes(s.language)).map((s: any) => `${s.file}: language ${s.language}`),
    ...report.sites.flatMap((s: any) => s.requests).filter((q: any) => !SPEC_CLIENTS.includes(q.client)).map((q: any) => `${q.file}: client ${q.client}`),
    ...(opts.skipReasons ? report.skipped.filter((s: any) => !SPEC_SKIP_REASONS.includes(s.reason)).map((s: any) => `${s.file}: skip reason ${s.reason}`) : []),
  ];
}

/** Names of the `keys` found in `text`, whole or by their first 13 characters (a partial leak). */
export function keyLeaks(text: string, keys: Record<string, string>): string[] {
  return Object.entries(keys).filter(([, k]) => text.includes(k) || text.includes(k.slice(0, 13))).map(([name]) => name);
}

/** Every file under `dir` (recursively) except changes.patch that leaks one of `keys`, with the keys it leaks. */
export function leakingFiles(dir: string, keys: Record<string, string>): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name !== 'changes.patch') {
        const l = keyLeaks(fs.readFileSync(p, 'utf8'), keys);
        if (l.length) out.push(`${path.relative(dir, p)}: ${l.join(', ')}`);
      }
    }
  };
  visit(dir);
  return out;
}

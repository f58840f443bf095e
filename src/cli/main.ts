// The command line: parse arguments, wire the stages, print, set the exit code.
// The only code that touches `process`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { literalGlob } from '../discover/literal-glob.js';
import { Interrupted, UsageError, EXIT } from '../model/errors.js';
import type { Mode } from '../model/report.js';
import { run, type RunOptions } from '../run/run.js';
import { VERSION } from '../run/version.js';
import { renderCheckLine, renderDiff, renderJson, renderSarif, renderSummary, shouldColor } from '../report/index.js';
import { renderCheckSites } from '../report/check.js';
import { renderStepSummary } from '../report/step-summary.js';
import { parseRename } from '../plan/rename-env.js';
import { gitTop } from './git-top.js';
import { prepareOutDir, refuseForeign, writeFileMakingFolder } from './out-files.js';
import { resolveTargets } from './targets.js';
import { writeReports } from './write-reports.js';
import { maskAll } from '../report/mask.js';
import type { VerifyOptions } from '../verify/index.js';
import { DEFAULT_API_BASE } from '../verify/api-base.js';

export interface Flags {
  write?: boolean;
  interactive?: boolean;
  check?: boolean;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  tokenEnv: string;
  renameEnv: string[];
  allowDirty?: boolean;
  out: string;
  json?: boolean;
  sarif?: string;
  summary?: string;
  repos?: string;
  files?: boolean;
  color?: boolean;
  showSecrets?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  rewriteBrowser?: boolean;
  verifyToken?: boolean;
  apiBase?: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function program(): Command {
  return new Command('migrate-hapikey')
    .description('Find HubSpot account API keys (hapikey) in a codebase and move them to Authorization: Bearer tokens.')
    .version(VERSION)
    .usage('[paths...] [options]\n       migrate-hapikey aggregate <report.json...> [--out <dir>]')
    .argument('[paths...]', 'the repository (or file) to migrate (default: .); several folders: one run each, with an aggregated report; several files: one run over just those files')
    .option('--write', 'apply the planned rewrites')
    .option('-i, --interactive', 'review each planned change and choose what to apply')
    .option('--check', 'CI gate: exit 1 if account API-key use remains')
    .option('--repos <file>', 'also run each repository listed in this file (one path a line, relative to the file)')
    .option('--files', 'the paths are files: scan just them, as one run rooted at the current folder (pre-commit)')
    .option('--include <glob>', 'only files matching this glob (repeatable)', collect, [])
    .option('--exclude <glob>', 'skip files matching this glob (repeatable)', collect, [])
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--token-env <NAME>', 'env var holding the new token: read by --verify-token, and written into code where the key was a hard-coded literal', 'HUBSPOT_ACCESS_TOKEN')
    .addOption(new Option('--rename-env <OLD=NEW>', 'rename an environment variable everywhere (repeatable)').argParser(collect).default([]))
    .option('--allow-dirty', 'let --write touch files with uncommitted git changes')
    .option('--out <dir>', 'folder for report.md, changes.patch, report.json, report.sarif (several repositories: <dir>/<name>/ each, and summary.md, summary.json)', './hapikey-migration')
    .option('--json', 'print the JSON report to stdout, and nothing else there (several repositories: summary.json)')
    .option('--sarif <file>', 'also write SARIF 2.1.0 to this file')
    .option('--summary <file>', 'append a short Markdown summary to this file (e.g. "$GITHUB_STEP_SUMMARY")')
    .option('--no-color', 'plain output')
    .option('--show-secrets', 'print key literals unmasked')
    .option('-q, --quiet', 'less on stderr')
    .option('--verbose', 'more on stderr')
    .option('--verify-token', 'check the new token (read from $HUBSPOT_ACCESS_TOKEN, or the --token-env variable) against the scopes the code needs')
    .option('--api-base <url>', 'HubSpot API host for --verify-token (default: $HUBSPOT_API_BASE, else https://api.hubapi.com)')
    .option('--rewrite-browser', 'also rewrite calls in browser code (the token becomes public: prefer a server-side proxy)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

/** What a run of the command line decided, shared by the single-run and the several-repositories paths. */
export interface CliContext {
  flags: Flags;
  mode: Mode;
  renameEnv: RunOptions['renameEnv'];
  /** --verify-token: the token and where to check it. */
  verify?: VerifyOptions;
  color: boolean;
  /** --out was given on the command line. */
  outGiven: boolean;
  /** A message on stderr, unless --quiet. */
  err: (s: string) => void;
  /** Set by SIGINT/SIGTERM. */
  interrupted: () => boolean;
}

export async function main(argv: string[]): Promise<number> {
  // `--verify-token=<token>` would reach commander's error message (and the terminal): refuse it without echoing
  if (argv.slice(2).some((a) => a.startsWith('--verify-token='))) {
    process.stderr.write('migrate-hapikey: --verify-token takes no value: the token is read from $HUBSPOT_ACCESS_TOKEN (or the --token-env variable), never from the command line\n');
    return EXIT.usage;
  }
  if (argv.includes('--verify-token') && argv.slice(2).some((a) => looksLikeToken(a, process.env.HUBSPOT_ACCESS_TOKEN))) {
    process.stderr.write('migrate-hapikey: a token was given on the command line: remove it (and clear it from your shell history); --verify-token reads it from $HUBSPOT_ACCESS_TOKEN (or the --token-env variable)\n');
    return EXIT.usage;
  }
  if (argv[2] === 'aggregate') return (await import('./aggregate.js')).aggregateMain(argv.slice(3));
  const cmd = program();
  try {
    cmd.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT.usage;
    throw e;
  }
  const flags = cmd.opts<Flags>();
  const err = (s: string): void => { if (!flags.quiet) process.stderr.write(s + '\n'); };
  let interrupted = false;
  const onSigint = (): void => { interrupted = true; err('migrate-hapikey: interrupted; finishing the file being written, leaving the rest unchanged'); };
  try {
    const modes = [flags.write, flags.interactive, flags.check].filter(Boolean).length;
    if (modes > 1) throw new UsageError('choose one of --write, --interactive and --check');
    const renameEnv = flags.renameEnv.map((r) => {
      const pair = parseRename(r);
      if (!pair) throw new UsageError(`--rename-env takes OLD=NEW with environment variable names, not ${r}`);
      return pair;
    });
    const mode: Mode = flags.write ? 'write' : flags.interactive ? 'interactive' : flags.check ? 'check' : 'dry-run';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(flags.tokenEnv)) throw new UsageError(`--token-env must be an environment variable name, not ${flags.tokenEnv}`);
    const verify = flags.verifyToken ? verifyOptions(flags, argv) : undefined;
    if (!flags.verifyToken && flags.apiBase !== undefined) throw new UsageError('--api-base is only used with --verify-token');
    const targets = await resolveTargets({ paths: cmd.args, reposFile: flags.repos, files: flags.files, cwd: process.cwd() });
    if (targets.kind !== 'repos' && mode === 'interactive' && !(process.stdin.isTTY && process.stdout.isTTY)) {
      throw new UsageError('--interactive needs a terminal (TTY) on stdin and stdout; use --write or the dry run in scripts');
    }
    const color = shouldColor(process.env, !!process.stdout.isTTY, flags.color);
    // inquirer colors its prompt from the environment
    if (!color) process.env.NO_COLOR = '1';
    if (flags.summary) await refuseForeignSummary(path.resolve(flags.summary));
    const ctx: CliContext = { flags, mode, renameEnv, verify, color, outGiven: cmd.getOptionValueSource('out') === 'cli', err, interrupted: () => interrupted };
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    if (targets.kind === 'repos') return await (await import('./many.js')).runRepos(targets.repos, ctx);
    if (targets.kind === 'files') {
      if (targets.files.length === 0) throw new UsageError('--files: no file given');
      if (flags.include.length) throw new UsageError('--include does not go with file paths: the files are the selection');
      return await runOnce(ctx, targets.root, targets.files.map(literalGlob));
    }
    return await runOnce(ctx, targets.path, flags.include);
  } catch (e) {
    if (e instanceof Interrupted) {
      process.stderr.write('migrate-hapikey: interrupted at the prompt; nothing was written\n');
      return 130;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`migrate-hapikey: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** One run: a repository, a single file, or (`include` = the files) several files. */
async function runOnce(ctx: CliContext, target: string, include: string[]): Promise<number> {
  const { flags, mode, color, err } = ctx;
  const outDir = path.resolve(flags.out);
  const writeFiles = mode !== 'check' || ctx.outGiven;
  if (writeFiles) await prepareOutDir(outDir);
  if (flags.sarif) await refuseForeign(path.resolve(flags.sarif));
  const progress = process.stderr.isTTY && !process.env.CI && !flags.quiet && !flags.json;
  const opts: RunOptions = {
    root: target,
    mode,
    include,
    exclude: flags.exclude,
    gitignore: flags.gitignore,
    outDir,
    tokenEnv: flags.tokenEnv,
    allowDirty: !!flags.allowDirty,
    rewriteBrowser: !!flags.rewriteBrowser,
    renameEnv: ctx.renameEnv,
    verify: ctx.verify,
    interrupted: ctx.interrupted,
    onProgress: progress ? (d, t) => process.stderr.write(`\rscanning ${d}/${t} files…`) : undefined,
    choose: mode === 'interactive'
      ? async (plans, sites) => (await import('./interactive.js')).chooseInteractively(plans, sites, { color, showSecrets: !!flags.showSecrets })
      : undefined,
  };
  const result = await run(opts);
  if (progress) process.stderr.write('\r\x1b[K');
  const { report, plans } = result;
  const showSecrets = !!flags.showSecrets;
  const sarifRoot = writeFiles || flags.sarif ? await gitTop(report.root) : undefined;

  // report files (not for --check unless --out was given)
  if (writeFiles) await writeReports(outDir, result, { showSecrets, sarifRoot });
  if (flags.sarif) await writeFileMakingFolder(path.resolve(flags.sarif), renderSarif(report, plans, { uriRoot: sarifRoot }));
  if (flags.summary) await fs.appendFile(path.resolve(flags.summary), renderStepSummary(report, { title: path.basename(report.root) || report.root, showSecrets }) + '\n');

  if (flags.json) process.stdout.write(renderJson(report));
  else if (mode === 'check') {
    process.stdout.write(renderCheckLine(report) + '\n');
    const where = renderCheckSites(report, showSecrets);
    if (where) err(where);
  }
  else {
    const diff = mode === 'dry-run' ? renderDiff(plans, { color, showSecrets }) : '';
    if (diff) process.stdout.write(diff + '\n');
    process.stdout.write(renderSummary(report, { color, outDir: writeFiles ? path.relative(process.cwd(), outDir) || '.' : undefined }) + '\n');
  }
  if (report.verification?.error) process.stderr.write(`migrate-hapikey: token check failed: ${maskAll(report.verification.error)}\n`);
  if (flags.verbose) for (const s of report.skipped) err(`skipped ${s.file}: ${s.reason} (${s.message})`);
  else if (result.exitCode === EXIT.partial) for (const s of report.skipped.filter((x) => x.reason !== 'vendored' && x.reason !== 'build-output')) err(`migrate-hapikey: ${s.file}: ${s.message}`);
  return result.exitCode;
}

/** --summary appends: the file may hold what other steps wrote, but must be a file. */
async function refuseForeignSummary(file: string): Promise<void> {
  try {
    if (!(await fs.stat(file)).isFile()) throw new UsageError(`--summary ${file} exists and is not a file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
}

/** An argument that is (or holds) the token, or has a private-app token's shape. */
function looksLikeToken(arg: string, token: string | undefined): boolean {
  const t = token?.trim();
  return (!!t && (arg === t || (t.length >= 16 && arg.includes(t)))) || /(^|[^A-Za-z0-9])pat-[a-z]{2}\d*-[0-9a-f]{8}-/i.test(arg);
}

/**
 * --verify-token: the token from the environment (never argv), the API base from --api-base or $HUBSPOT_API_BASE,
 * an OAuth app's credentials from $HUBSPOT_CLIENT_ID / $HUBSPOT_CLIENT_SECRET. Usage errors name no secret.
 */
function verifyOptions(flags: Flags, argv: string[]): VerifyOptions {
  const name = flags.tokenEnv;
  const token = process.env[name]?.trim();
  if (!token) throw new UsageError(`--verify-token reads the new token from $${name}, which is empty: export it there (never on the command line), or name another variable with --token-env`);
  if (argv.slice(2).some((a) => looksLikeToken(a, token))) {
    throw new UsageError(`a token was given on the command line: remove it (and clear it from your shell history); --verify-token reads it from $${name}`);
  }
  const raw = flags.apiBase ?? process.env.HUBSPOT_API_BASE ?? DEFAULT_API_BASE;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--api-base must be a URL such as ${DEFAULT_API_BASE}, not ${maskAll(raw)}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new UsageError(`--api-base must use https (plain http only for localhost): the token would travel in clear text to ${url.host}`);
  }
  if (url.username || url.password || url.search || url.hash) throw new UsageError('--api-base takes a plain base URL (no credentials, query or fragment)');
  const id = process.env.HUBSPOT_CLIENT_ID?.trim();
  const secret = process.env.HUBSPOT_CLIENT_SECRET?.trim();
  return { token, tokenEnv: name, apiBase: url.href.replace(/\/+$/, ''), oauthClient: id && secret ? { id, secret } : undefined };
}

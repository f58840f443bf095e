// The command line: parse arguments, wire the stages, print, set the exit code.
// The only code that touches `process`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { Interrupted, UsageError, EXIT } from '../model/errors.js';
import type { Mode } from '../model/report.js';
import { run, type RunOptions } from '../run/run.js';
import { VERSION } from '../run/version.js';
import { renderCheckLine, renderDiff, renderJson, renderMarkdown, renderPatch, renderSarif, renderSummary, shouldColor } from '../report/index.js';
import { parseRename } from '../plan/rename-env.js';
import { maskAll } from '../report/mask.js';
import { DEFAULT_API_BASE, type VerifyOptions } from '../verify/index.js';

interface Flags {
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
    .argument('[path]', 'the repository (or file) to migrate', '.')
    .option('--write', 'apply the planned rewrites')
    .option('-i, --interactive', 'review each planned change and choose what to apply')
    .option('--check', 'CI gate: exit 1 if account API-key use remains')
    .option('--include <glob>', 'only files matching this glob (repeatable)', collect, [])
    .option('--exclude <glob>', 'skip files matching this glob (repeatable)', collect, [])
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--token-env <NAME>', 'env var holding the new token: read by --verify-token, and written into code where the key was a hard-coded literal', 'HUBSPOT_ACCESS_TOKEN')
    .addOption(new Option('--rename-env <OLD=NEW>', 'rename an environment variable everywhere (repeatable)').argParser(collect).default([]))
    .option('--allow-dirty', 'let --write touch files with uncommitted git changes')
    .option('--out <dir>', 'folder for report.md, changes.patch, report.json, report.sarif', './hapikey-migration')
    .option('--json', 'print the JSON report to stdout, and nothing else there')
    .option('--sarif <file>', 'also write SARIF 2.1.0 to this file')
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
  const cmd = program();
  try {
    cmd.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT.usage;
    throw e;
  }
  const flags = cmd.opts<Flags>();
  const target = cmd.args[0] ?? '.';
  const err = (s: string): void => { if (!flags.quiet) process.stderr.write(s + '\n'); };
  try {
    const modes = [flags.write, flags.interactive, flags.check].filter(Boolean).length;
    if (modes > 1) throw new UsageError('choose one of --write, --interactive and --check');
    const renameEnv = flags.renameEnv.map((r) => {
      const pair = parseRename(r);
      if (!pair) throw new UsageError(`--rename-env takes OLD=NEW with environment variable names, not ${r}`);
      return pair;
    });
    const mode: Mode = flags.write ? 'write' : flags.interactive ? 'interactive' : flags.check ? 'check' : 'dry-run';
    if (mode === 'interactive' && !(process.stdin.isTTY && process.stdout.isTTY)) {
      throw new UsageError('--interactive needs a terminal (TTY) on stdin and stdout; use --write or the dry run in scripts');
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(flags.tokenEnv)) throw new UsageError(`--token-env must be an environment variable name, not ${flags.tokenEnv}`);
    const verify = flags.verifyToken ? verifyOptions(flags, argv) : undefined;
    if (!flags.verifyToken && flags.apiBase !== undefined) throw new UsageError('--api-base is only used with --verify-token');
    const color = shouldColor(process.env, !!process.stdout.isTTY, flags.color);
    // inquirer colors its prompt from the environment
    if (!color) process.env.NO_COLOR = '1';
    const outDir = path.resolve(flags.out);
    const writeFiles = mode !== 'check' || cmd.getOptionValueSource('out') === 'cli';
    if (writeFiles) await prepareOutDir(outDir);
    if (flags.sarif) await refuseForeign(path.resolve(flags.sarif));
    let interrupted = false;
    const onSigint = (): void => { interrupted = true; err('migrate-hapikey: interrupted; finishing the file being written, leaving the rest unchanged'); };
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    const progress = process.stderr.isTTY && !process.env.CI && !flags.quiet && !flags.json;
    const opts: RunOptions = {
      root: target,
      mode,
      include: flags.include,
      exclude: flags.exclude,
      gitignore: flags.gitignore,
      outDir,
      tokenEnv: flags.tokenEnv,
      allowDirty: !!flags.allowDirty,
      rewriteBrowser: !!flags.rewriteBrowser,
      renameEnv,
      verify,
      interrupted: () => interrupted,
      onProgress: progress ? (d, t) => process.stderr.write(`\rscanning ${d}/${t} files…`) : undefined,
      choose: mode === 'interactive'
        ? async (plans, sites) => (await import('./interactive.js')).chooseInteractively(plans, sites, { color, showSecrets: !!flags.showSecrets })
        : undefined,
    };
    const result = await run(opts);
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    if (progress) process.stderr.write('\r\x1b[K');
    const { report, plans } = result;
    const showSecrets = !!flags.showSecrets;

    // report files (not for --check unless --out was given)
    if (writeFiles) {
      await fs.mkdir(outDir, { recursive: true });
      const linkBase = path.relative(outDir, report.root).split(path.sep).join('/');
      await fs.writeFile(path.join(outDir, 'report.md'), renderMarkdown({ report, plans, showSecrets, linkBase: linkBase ? linkBase + '/' : '' }));
      await fs.writeFile(path.join(outDir, 'changes.patch'), renderPatch(plans));
      await fs.writeFile(path.join(outDir, 'report.json'), renderJson(report));
      await fs.writeFile(path.join(outDir, 'report.sarif'), renderSarif(report, plans));
    }
    if (flags.sarif) await fs.writeFile(path.resolve(flags.sarif), renderSarif(report, plans));

    if (flags.json) process.stdout.write(renderJson(report));
    else if (mode === 'check') process.stdout.write(renderCheckLine(report) + '\n');
    else {
      const diff = mode === 'dry-run' ? renderDiff(plans, { color, showSecrets }) : '';
      if (diff) process.stdout.write(diff + '\n');
      process.stdout.write(renderSummary(report, { color, outDir: writeFiles ? path.relative(process.cwd(), outDir) || '.' : undefined }) + '\n');
    }
    if (report.verification?.error) process.stderr.write(`migrate-hapikey: token check failed: ${maskAll(report.verification.error)}\n`);
    if (flags.verbose) for (const s of report.skipped) err(`skipped ${s.file}: ${s.reason} (${s.message})`);
    else if (result.exitCode === EXIT.partial) for (const s of report.skipped.filter((x) => x.reason !== 'vendored' && x.reason !== 'build-output')) err(`migrate-hapikey: ${s.file}: ${s.message}`);
    return result.exitCode;
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

const REPORT_FILES = ['report.md', 'changes.patch', 'report.json', 'report.sarif'];

/** A file this tool wrote before (so it may be replaced), judged by its content. */
async function isOurs(file: string): Promise<boolean> {
  try {
    const head = (await fs.readFile(file, 'utf8')).slice(0, 4096);
    return head === '' || head.includes('migrate-hapikey') || /^diff --git /.test(head);
  } catch {
    return true; // absent
  }
}

async function refuseForeign(file: string): Promise<void> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw new UsageError(`${file} exists and is not a file: choose another output path`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    return;
  }
  if (!(await isOurs(file))) throw new UsageError(`refusing to overwrite ${file}, which this tool did not write: choose another --out or --sarif path`);
}

/**
 * Check before anything else is done that the --out folder can be made (nothing is created yet: a refused run
 * writes nothing), and that no report file in it would replace a file the tool did not write.
 */
async function prepareOutDir(outDir: string): Promise<void> {
  let probe = outDir;
  for (;;) {
    try {
      const st = await fs.stat(probe);
      if (!st.isDirectory()) throw new UsageError(`cannot create the --out folder ${outDir}: ${probe} is not a folder`);
      break;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const parent = path.dirname(probe);
      if (parent === probe) break;
      probe = parent;
    }
  }
  for (const f of REPORT_FILES) await refuseForeign(path.join(outDir, f));
}

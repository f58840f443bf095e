// The command line: parse arguments, wire the stages, print, set the exit code.
// The only code that touches `process`.
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { Interrupted, UsageError, EXIT } from '../model/errors.js';
import type { Mode } from '../model/report.js';
import { run, type RunOptions } from '../run/run.js';
import { VERSION } from '../run/version.js';
import { renderCheckLine, renderDiff, renderJson, renderMarkdown, renderPatch, renderSarif, renderSummary, shouldColor } from '../report/index.js';
import { parseRename } from '../plan/rename-env.js';
import { prepareOutDir, refuseForeign, writeFileMakingFolder, writeReports } from './out-files.js';

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
    .option('--token-env <NAME>', 'env var the token is read from where the key was a hard-coded literal', 'HUBSPOT_ACCESS_TOKEN')
    .addOption(new Option('--rename-env <OLD=NEW>', 'rename an environment variable everywhere (repeatable)').argParser(collect).default([]))
    .option('--allow-dirty', 'let --write touch files with uncommitted git changes')
    .option('--out <dir>', 'folder for report.md, changes.patch, report.json, report.sarif', './hapikey-migration')
    .option('--json', 'print the JSON report to stdout, and nothing else there')
    .option('--sarif <file>', 'also write SARIF 2.1.0 to this file')
    .option('--no-color', 'plain output')
    .option('--show-secrets', 'print key literals unmasked')
    .option('-q, --quiet', 'less on stderr')
    .option('--verbose', 'more on stderr')
    .option('--rewrite-browser', 'also rewrite calls in browser code (the token becomes public: prefer a server-side proxy)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

export async function main(argv: string[]): Promise<number> {
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
      const linkBase = path.relative(outDir, report.root).split(path.sep).join('/');
      await writeReports(outDir, {
        'report.md': renderMarkdown({ report, plans, showSecrets, linkBase: linkBase ? linkBase + '/' : '' }),
        'changes.patch': renderPatch(plans),
        'report.json': renderJson(report),
        'report.sarif': renderSarif(report, plans),
      }, VERSION);
    }
    if (flags.sarif) await writeFileMakingFolder(path.resolve(flags.sarif), renderSarif(report, plans));

    if (flags.json) process.stdout.write(renderJson(report));
    else if (mode === 'check') process.stdout.write(renderCheckLine(report) + '\n');
    else {
      const diff = mode === 'dry-run' ? renderDiff(plans, { color, showSecrets }) : '';
      if (diff) process.stdout.write(diff + '\n');
      process.stdout.write(renderSummary(report, { color, outDir: writeFiles ? path.relative(process.cwd(), outDir) || '.' : undefined }) + '\n');
    }
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

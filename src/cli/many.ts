// Several repositories: one run() each (src/run/many.ts), each one's reports in --out/<name>/, then
// --out/summary.md and --out/summary.json. A progress line on a terminal only.
import path from 'node:path';
import { EXIT, UsageError } from '../model/errors.js';
import type { RepositoryEntry } from '../model/aggregate.js';
import { entryFromReport, failedEntry } from '../report/aggregate.js';
import { runMany, type RepoOutcome, type RepoTarget } from '../run/many.js';
import { gitTop } from './git-top.js';
import type { CliContext } from './main.js';
import { prepareOutDir, REPORT_FILES, SUMMARY_FILES } from './out-files.js';
import { finishAggregate } from './aggregate-out.js';
import { writeReports } from './write-reports.js';

export async function runRepos(repos: RepoTarget[], ctx: CliContext): Promise<number> {
  const { flags, mode } = ctx;
  if (mode === 'interactive') throw new UsageError('--interactive takes one repository at a time');
  if (flags.sarif) throw new UsageError(`--sarif takes one repository; with several, each one's SARIF is --out/<name>/report.sarif`);
  if (repos.length === 0) throw new UsageError('no repository given');
  const outRoot = path.resolve(flags.out);
  await prepareOutDir(outRoot, SUMMARY_FILES);
  for (const r of repos) await prepareOutDir(path.join(outRoot, r.name), REPORT_FILES);

  const tty = !!process.stderr.isTTY && !flags.quiet && !process.env.CI;
  const progress = tty
    ? (done: number, total: number, current: RepoTarget | null): void => {
      process.stderr.write(current ? `\r\x1b[K${done}/${total} repositories done; scanning ${current.name}…` : '\r\x1b[K');
    }
    : undefined;
  const showSecrets = !!flags.showSecrets;
  const entries: RepositoryEntry[] = [];
  const onOutcome = async (o: RepoOutcome): Promise<RepoOutcome> => {
    if (o.result) {
      const dir = path.join(outRoot, o.repo.name);
      await writeReports(dir, o.result, { showSecrets, sarifRoot: await gitTop(o.result.report.root) });
      entries.push(entryFromReport(o.repo.name, o.result.report, o.result.exitCode, `${o.repo.name}/report.json`));
    } else {
      entries.push(failedEntry(o.repo.name, o.repo.path, o.exitCode, o.error));
      if (!tty) ctx.err(`migrate-hapikey: ${o.repo.name}: ${o.error}`);
    }
    return o;
  };
  await runMany({
    repos,
    base: {
      mode,
      include: flags.include,
      exclude: flags.exclude,
      gitignore: flags.gitignore,
      tokenEnv: flags.tokenEnv,
      allowDirty: !!flags.allowDirty,
      rewriteBrowser: !!flags.rewriteBrowser,
      renameEnv: ctx.renameEnv,
      interrupted: ctx.interrupted,
    },
    outRoot,
    onOutcome: async (o) => {
      try {
        return await onOutcome(o);
      } catch (e) {
        // the run went through but its reports could not be written
        const failed: RepoOutcome = { repo: o.repo, error: `its reports could not be written: ${(e as Error).message.split('\n')[0]}`, exitCode: EXIT.partial };
        entries.push(failedEntry(o.repo.name, o.repo.path, failed.exitCode, failed.error));
        return failed;
      }
    },
    onProgress: progress,
  });
  return await finishAggregate(entries, outRoot, flags);
}

// `migrate-hapikey aggregate <report.json…> [--out <dir>] [--json] [--summary <file>]`: the aggregated report of
// reports made elsewhere (one CI job per repository). A report that cannot be read is listed as failed; the others
// still count.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from '../model/errors.js';
import type { RepositoryEntry } from '../model/aggregate.js';
import { entryFromReport, exitCodeOf, failedEntry, parseReport, uniqueNames } from '../report/aggregate.js';
import { prepareOutDir, SUMMARY_FILES } from './out-files.js';
import { finishAggregate } from './aggregate-out.js';

interface AggregateFlags {
  out: string;
  json?: boolean;
  summary?: string;
  quiet?: boolean;
}

/** `out/acme/report.json` → `acme`; `acme.json` → `acme`. */
export function reportName(file: string): string {
  const base = path.basename(file);
  if (base === 'report.json') return path.basename(path.dirname(path.resolve(file)));
  return base.replace(/\.json$/i, '');
}

export async function aggregateMain(args: string[]): Promise<number> {
  const cmd = new Command('migrate-hapikey aggregate')
    .description('Build summary.md and summary.json from report.json files made by separate runs (e.g. one CI job per repository).')
    .argument('<report.json...>', 'report.json files; each is named after its folder (out/<name>/report.json)')
    .option('--out <dir>', 'folder for summary.md and summary.json', './hapikey-migration')
    .option('--json', 'print summary.json to stdout, and nothing else there')
    .option('--summary <file>', 'append summary.md to this file (e.g. "$GITHUB_STEP_SUMMARY")')
    .option('-q, --quiet', 'less on stderr')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  try {
    cmd.parse(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT.usage;
    throw e;
  }
  const flags = cmd.opts<AggregateFlags>();
  const files = cmd.args;
  try {
    const outDir = path.resolve(flags.out);
    await prepareOutDir(outDir, SUMMARY_FILES);
    const names = uniqueNames(files.map(reportName));
    const entries: RepositoryEntry[] = [];
    for (const [i, file] of files.entries()) {
      const abs = path.resolve(file);
      let text: string;
      try {
        text = await fs.readFile(abs, 'utf8');
      } catch (e) {
        entries.push(failedEntry(names[i], abs, EXIT.partial, `report not readable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
        continue;
      }
      const parsed = parseReport(text);
      if ('error' in parsed) {
        entries.push(failedEntry(names[i], abs, EXIT.partial, `${path.basename(abs)}: ${parsed.error}`));
        continue;
      }
      const rel = path.relative(outDir, abs).split(path.sep).join('/');
      entries.push(entryFromReport(names[i], parsed, exitCodeOf(parsed), rel));
    }
    for (const e of entries) if (e.error !== null && !flags.quiet) process.stderr.write(`migrate-hapikey: ${e.name}: ${e.error}\n`);
    return await finishAggregate(entries, outDir, flags);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`migrate-hapikey: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

// The end of every aggregated run (several repositories, or `aggregate` over reports): summary.md and summary.json
// in --out, --summary appended, the summary (or its JSON) printed, and the overall exit code.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RepositoryEntry } from '../model/aggregate.js';
import { buildAggregate, overallExitCode, renderAggregateJson } from '../report/aggregate.js';
import { renderAggregateMarkdown } from '../report/aggregate-md.js';
import { renderAggregateText } from '../report/aggregate-text.js';
import { VERSION } from '../run/version.js';
import { writeOwnFiles } from './out-files.js';

export async function finishAggregate(entries: RepositoryEntry[], outDir: string, flags: { summary?: string; json?: boolean }): Promise<number> {
  const agg = buildAggregate(entries, VERSION);
  const md = renderAggregateMarkdown(agg);
  await writeOwnFiles(outDir, { 'summary.md': md, 'summary.json': renderAggregateJson(agg) }, VERSION);
  if (flags.summary) await fs.appendFile(path.resolve(flags.summary), md + '\n');
  if (flags.json) process.stdout.write(renderAggregateJson(agg));
  else process.stdout.write(renderAggregateText(agg, { outDir: path.relative(process.cwd(), outDir) || '.' }) + '\n');
  return overallExitCode(entries);
}

// One run's report files in its --out folder: report.md, changes.patch, report.json, report.sarif.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renderJson, renderMarkdown, renderPatch, renderSarif } from '../report/index.js';
import type { RunResult } from '../run/run.js';

export interface WriteOptions {
  showSecrets: boolean;
  /** SARIF URIs relative to this folder (the git work tree's top) instead of the scanned root. */
  sarifRoot?: string;
}

export async function writeReports(outDir: string, result: Pick<RunResult, 'report' | 'plans'>, opts: WriteOptions): Promise<void> {
  const { report, plans } = result;
  await fs.mkdir(outDir, { recursive: true });
  const linkBase = path.relative(outDir, report.root).split(path.sep).join('/');
  await fs.writeFile(path.join(outDir, 'report.md'), renderMarkdown({ report, plans, showSecrets: opts.showSecrets, linkBase: linkBase ? linkBase + '/' : '' }));
  await fs.writeFile(path.join(outDir, 'changes.patch'), renderPatch(plans));
  await fs.writeFile(path.join(outDir, 'report.json'), renderJson(report));
  await fs.writeFile(path.join(outDir, 'report.sarif'), renderSarif(report, plans, { uriRoot: opts.sarifRoot }));
}

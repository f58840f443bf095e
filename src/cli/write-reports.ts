// One run's report files in its --out folder: report.md, changes.patch, report.json, report.sarif.
import path from 'node:path';
import { renderJson, renderMarkdown, renderPatch, renderSarif } from '../report/index.js';
import type { RunResult } from '../run/run.js';
import { VERSION } from '../run/version.js';
import { writeOwnFiles } from './out-files.js';

export interface WriteOptions {
  showSecrets: boolean;
  /** SARIF URIs relative to this folder (the git work tree's top) instead of the scanned root. */
  sarifRoot?: string;
}

export async function writeReports(outDir: string, result: Pick<RunResult, 'report' | 'plans'>, opts: WriteOptions): Promise<void> {
  const { report, plans } = result;
  const linkBase = path.relative(outDir, report.root).split(path.sep).join('/');
  await writeOwnFiles(outDir, {
    'report.md': renderMarkdown({ report, plans, showSecrets: opts.showSecrets, linkBase: linkBase ? linkBase + '/' : '' }),
    'changes.patch': renderPatch(plans),
    'report.json': renderJson(report),
    'report.sarif': renderSarif(report, plans, { uriRoot: opts.sarifRoot }),
  }, VERSION);
}

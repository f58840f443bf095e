// Output files the CLI may write: never over a file this tool did not write, and nothing made before a run is
// known to go ahead.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';

export const REPORT_FILES = ['report.md', 'changes.patch', 'report.json', 'report.sarif'];
export const SUMMARY_FILES = ['summary.md', 'summary.json'];

/** A file this tool wrote before (so it may be replaced), judged by its content. */
async function isOurs(file: string): Promise<boolean> {
  try {
    const head = (await fs.readFile(file, 'utf8')).slice(0, 4096);
    return head === '' || head.includes('migrate-hapikey') || /^diff --git /.test(head);
  } catch {
    return true; // absent
  }
}

export async function refuseForeign(file: string): Promise<void> {
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
 * writes nothing), and that none of `files` in it would replace a file the tool did not write.
 */
export async function prepareOutDir(outDir: string, files: readonly string[] = REPORT_FILES): Promise<void> {
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
  for (const f of files) await refuseForeign(path.join(outDir, f));
}

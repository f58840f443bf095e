// Apply planned files one by one; an interrupt stops between files, so each file is either old or new.
import type { FilePlan } from '../model/edit.js';
import type { FileText } from '../model/file.js';
import { writePlannedFile, type WriteResult } from './write-file.js';

export interface ApplyOptions {
  /** Checked before each file: when it returns true, the remaining files are left as they are. */
  interrupted?: () => boolean;
}

export async function applyPlans(root: string, plans: FilePlan[], reads: Map<string, FileText>, opts: ApplyOptions = {}): Promise<WriteResult> {
  const result: WriteResult = { written: [], failed: [] };
  for (const plan of plans) {
    if (opts.interrupted?.()) {
      result.failed.push({ file: plan.file, reason: 'write-failed', message: 'Interrupted before this file was written; it is unchanged.' });
      continue;
    }
    const read = reads.get(plan.file);
    if (!read) {
      result.failed.push({ file: plan.file, reason: 'write-failed', message: 'The file was not read in this run.' });
      continue;
    }
    const skip = await writePlannedFile(root, plan, read);
    if (skip) result.failed.push(skip);
    else result.written.push(plan.file);
  }
  return result;
}

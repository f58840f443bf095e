// The only code that writes source files: atomically (temporary file + rename), never outside the root,
// never through a link, never over a file that changed since it was read.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FilePlan } from '../model/edit.js';
import type { FileText } from '../model/file.js';
import type { Skip } from '../model/site.js';

export interface WriteResult {
  written: string[];
  failed: Skip[];
}

export function encode(text: string, read: Pick<FileText, 'bom' | 'encoding'> & { bigEndian?: boolean }): Buffer {
  const body = (read.bom ? '\ufeff' : '') + text;
  if (read.encoding === 'utf16le') {
    const b = Buffer.from(body, 'utf16le');
    if (read.bigEndian) b.swap16();
    return b;
  }
  return Buffer.from(body, 'utf8');
}

async function inside(root: string, abs: string): Promise<boolean> {
  const realRoot = await fs.realpath(root);
  const realDir = await fs.realpath(path.dirname(abs));
  const rel = path.relative(realRoot, realDir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Write one planned file. Returns a Skip when it refuses or fails; the original is then untouched. */
export async function writePlannedFile(root: string, plan: FilePlan, read: FileText & { bigEndian?: boolean; lossy?: boolean }): Promise<Skip | null> {
  const abs = path.resolve(root, plan.file);
  const fail = (reason: Skip['reason'], message: string): Skip => ({ file: plan.file, reason, message });
  if (read.lossy) return fail('write-failed', 'The file is not valid UTF-8, so it is not rewritten (bytes would be lost).');
  let st;
  try {
    st = await fs.lstat(abs);
  } catch (e) {
    return fail('write-failed', `Cannot stat the file: ${(e as Error).message}`);
  }
  if (st.isSymbolicLink()) return fail('outside-root', 'The file is a symbolic link; links are never written through.');
  if (!(await inside(root, abs))) return fail('outside-root', 'The file is outside the scanned root.');
  if ((st.mode & 0o222) === 0) return fail('read-only', 'The file is read-only; it was not changed.');
  const current = await fs.readFile(abs);
  const expected = encode(plan.before, read);
  if (st.size !== read.size || !current.equals(expected)) {
    return fail('changed-since-read', 'The file changed after it was scanned; it was not overwritten. Run again.');
  }
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.migrate-hapikey-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tmp, 'wx', st.mode & 0o7777);
    try {
      await handle.writeFile(encode(plan.after, read));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.chmod(tmp, st.mode & 0o7777);
    await fs.rename(tmp, abs);
    return null;
  } catch (e) {
    await fs.rm(tmp, { force: true });
    return fail('write-failed', `Could not write the file: ${(e as Error).message}`);
  }
}

// The only code that writes source files: atomically (temporary file + rename), never outside the root,
// never through a link, never over a file that changed since it was read.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { FilePlan } from '../model/edit.js';
import type { FileText } from '../model/file.js';
import type { Skip } from '../model/site.js';

export interface WriteResult {
  written: string[];
  failed: Skip[];
}

/** The temporary file a write goes through, beside the source: `.<name>.migrate-hapikey-<8 hex>.tmp`. */
export function tempNameFor(name: string): string {
  return `.${name}.migrate-hapikey-${randomBytes(4).toString('hex')}.tmp`;
}

/** A name `tempNameFor` makes; group 1 is the source's name. */
export const TEMP_NAME = /^\.(.+)\.migrate-hapikey-[0-9a-f]{8}\.tmp$/;

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

async function writable(abs: string): Promise<boolean> {
  try {
    await fs.access(abs, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The new file is created by whoever runs the tool: give it the original's owner and group, so that a run as root
 * (a container, sudo) does not leave the user's files owned by root. Only root may give a file away; others keep
 * their own group when they may.
 */
async function keepOwner(tmp: string, st: { uid: number; gid: number }): Promise<void> {
  if (typeof process.getuid !== 'function') return; // Windows: no owners to keep
  const uid = process.getuid();
  if (uid === st.uid && process.getgid?.() === st.gid) return;
  try {
    await fs.chown(tmp, uid === 0 ? st.uid : -1, st.gid);
  } catch {
    // best effort: the group may not be ours to give, and some file systems (vfat, some mounts) own every file
  }
}

/** Write one planned file. Returns a Skip when it refuses or fails; the original is then untouched. */
export async function writePlannedFile(root: string, plan: FilePlan, read: FileText & { bigEndian?: boolean; lossy?: boolean }): Promise<Skip | null> {
  const abs = path.resolve(root, plan.file);
  const fail = (reason: Skip['reason'], message: string): Skip => ({ file: plan.file, reason, message });
  const changed = (what: string): Skip => fail('changed-since-read', `The file ${what} after it was scanned; it was not overwritten. Run again.`);
  if (read.lossy) return fail('write-failed', 'The file is not valid UTF-8, so it is not rewritten (bytes would be lost).');
  let st;
  try {
    st = await fs.lstat(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return changed('was removed');
    return fail('write-failed', `Cannot stat the file: ${(e as Error).message}`);
  }
  if (st.isSymbolicLink()) return fail('outside-root', 'The file is a symbolic link; links are never written through.');
  let within: boolean;
  try {
    within = await inside(root, abs);
  } catch (e) {
    return fail('write-failed', `Cannot resolve the file's folder: ${(e as Error).message}`);
  }
  if (!within) return fail('outside-root', 'The file is outside the scanned root.');
  if (!st.isFile()) return changed('is no longer a regular file');
  // no write bit, or not writable by us (another user's file in a folder we may write: a rename would replace it)
  if ((st.mode & 0o222) === 0 || !(await writable(abs))) return fail('read-only', 'The file is read-only; it was not changed.');
  let current: Buffer;
  try {
    current = await fs.readFile(abs);
  } catch (e) {
    return fail('write-failed', `Cannot read the file again before writing it: ${(e as Error).message}`);
  }
  const expected = encode(plan.before, read);
  if (st.size !== read.size || !current.equals(expected)) return changed('changed');
  const tmp = path.join(path.dirname(abs), tempNameFor(path.basename(abs)));
  try {
    const handle = await fs.open(tmp, 'wx', st.mode & 0o7777);
    try {
      await handle.writeFile(encode(plan.after, read));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await keepOwner(tmp, st);
    await fs.chmod(tmp, st.mode & 0o7777);
    // last look before the rename: still the same file, untouched since it was compared
    const now = await fs.lstat(abs).catch(() => null);
    if (!now || now.ino !== st.ino || now.dev !== st.dev || now.size !== st.size || now.mtimeMs !== st.mtimeMs || !now.isFile()) {
      await fs.rm(tmp, { force: true });
      return changed('changed');
    }
    await fs.rename(tmp, abs);
    return null;
  } catch (e) {
    await fs.rm(tmp, { force: true });
    return fail('write-failed', `Could not write the file: ${(e as Error).message}`);
  }
}

// discover: read one file's text, with what the rewrite needs to write it back byte for byte.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import type { FileText } from '../model/file.js';
import type { Skip } from '../model/site.js';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/** How much of the start of a file is searched for a NUL byte. */
const BINARY_PROBE = 8192;

export interface ReadOptions {
  /** Files larger than this are not read (`too-large`). Default 2 MB. */
  maxBytes?: number;
  /** The path to put in a returned Skip (relative to the root); default: `abs`. */
  file?: string;
}

/** A read that did not produce text: a Skip (reason `too-large`, `binary` or `unreadable`). */
export function isReadSkip(r: FileText | Skip): r is Skip {
  return (r as Skip).reason !== undefined;
}

function eolOf(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

function swap16(buf: Buffer): Buffer {
  const out = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  return out.swap16();
}

/**
 * Read and decode a file:
 * - UTF-8 (a BOM is stripped and recorded); bytes that are not valid UTF-8 are decoded with U+FFFD and the result
 *   is marked `lossy` (the rewrite must not write such a file back);
 * - UTF-16 LE or BE with a BOM (`encoding: 'utf16le'`, `bigEndian` for BE);
 * - a NUL byte in the first 8 KB of a file without a UTF-16 BOM: `binary`;
 * - larger than `maxBytes`: `too-large` (the file is not read);
 * - any I/O error: `unreadable`.
 * Size and mtime come from fstat of the same handle the bytes are read from.
 */
export async function readText(abs: string, opts: ReadOptions = {}): Promise<FileText | Skip> {
  const file = opts.file ?? abs;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let handle: fs.promises.FileHandle | undefined;
  let buf: Buffer;
  let st: fs.Stats;
  try {
    handle = await fs.promises.open(abs, 'r');
    st = await handle.stat();
    if (!st.isFile()) {
      return { file, reason: 'unreadable', message: 'Not a regular file.' };
    }
    if (st.size > maxBytes) {
      return {
        file,
        reason: 'too-large',
        message: `Larger than ${Math.round(maxBytes / 1024)} KB (${Math.round(st.size / 1024)} KB), so it was not read: check it by hand.`,
      };
    }
    buf = await handle.readFile();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { file, reason: 'unreadable', message: `Could not be read${code ? ` (${code})` : ''}, so any key use in it was not checked.` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
  const base = { mtimeMs: st.mtimeMs, size: st.size };

  // UTF-16 with BOM
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const bigEndian = buf[0] === 0xfe;
    const body = buf.subarray(2);
    const text = (bigEndian ? swap16(body) : body).toString('utf16le');
    const lossy = body.length % 2 === 1 || undefined;
    return { text, bom: true, eol: eolOf(text), encoding: 'utf16le', ...base, ...(bigEndian ? { bigEndian } : {}), ...(lossy ? { lossy } : {}) };
  }

  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = bom ? buf.subarray(3) : buf;
  const nul = body.subarray(0, BINARY_PROBE).indexOf(0);
  if (nul >= 0) {
    return { file, reason: 'binary', message: 'Binary file (NUL bytes), not scanned.' };
  }
  const text = body.toString('utf8');
  const out: FileText = { text, bom, eol: eolOf(text), encoding: 'utf8', ...base };
  if (!isUtf8(body)) out.lossy = true;
  return out;
}

/**
 * Minified or generated code: some line longer than 5,000 characters, or, in a file over 20 KB, an average line
 * length over 300. Such a file is text-searched, not parsed.
 *
 * Long string literals of plain data (base64, hex, a `data:` URL, words: no code punctuation inside) do not count:
 * a hand-written module that embeds an image or a fixture string on one line is not minified.
 */
export function isMinified(text: string): boolean {
  if (!longLines(text)) return false;
  DATA_LITERAL.lastIndex = 0;
  if (!DATA_LITERAL.test(text)) return true;
  return longLines(text.replace(DATA_LITERAL, "''"));
}

/** A quoted literal of 1,000+ data characters (no quotes, backslashes, brackets, braces or parentheses inside). */
const DATA_LITERAL = /'[\w+/=.,:;%\- ]{1000,}'|"[\w+/=.,:;%\- ]{1000,}"|`[\w+/=.,:;%\- ]{1000,}`/g;

function longLines(text: string): boolean {
  let lines = 0;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = n;
    if (nl - start > 5000) return true;
    lines++;
    start = nl + 1;
  }
  return n > 20 * 1024 && n / lines > 300;
}

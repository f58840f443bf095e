// Read a listed file and keep it only when a cheap text test says it may hold a key.
// Hot path: every listed file passes here. A synchronous read and a regex over the raw bytes (latin1 view: the
// needles are ASCII) cost about what reading the file costs; only candidates are decoded properly.
import { closeSync, openSync, readSync } from 'node:fs';
import type { FileText, ListedFile } from '../model/file.js';
import type { Skip } from '../model/site.js';
import { DEFAULT_MAX_BYTES, isReadSkip, isMinified, readText } from '../discover/read.js';
import { mayHoldKey } from '../discover/prefilter.js';

export type Candidate =
  | { text: FileText; minified: boolean }
  /** Not a candidate: `skip` says why when that is worth reporting (unreadable, binary, too large). */
  | { skip: Skip | null };

/** A UUID-shaped validator for an API key lives in files that need not mention HubSpot (`API_KEY_REGEX = /…{8}-…/`). */
function mayHoldKeyFormatCheck(text: string): boolean {
  return text.includes('{8}') && text.includes('{12}') && /api_?key/i.test(text);
}

/** A test file by its path: under test/, tests/, __tests__/, spec/, or named *.test.js / *.spec.ts. */
const TEST_PATH = /(^|\/)(tests?|__tests__|specs?)\/|[._-](test|spec)\.[cm]?[jt]sx?$/i;

/**
 * A Zapier test's `authData: { apiKey: … }` need not mention HubSpot either. Only test files are searched: every
 * listed file passes here, and a second search of every file's bytes costs as much as the prefilter itself.
 */
function setsKeyInTest(path: string, text: string): boolean {
  return TEST_PATH.test(path) && text.includes('authData') && /authData\s*:\s*\{[^}]*\b(api_?key|hapikey)\b/i.test(text);
}

/** The cheap test on raw bytes; null when the file cannot be read. */
export function quickTest(f: ListedFile, renames: ReadonlyArray<readonly [string, string]> = []): { pass: boolean } | { skip: Skip } {
  if (f.size > DEFAULT_MAX_BYTES) {
    return { skip: { file: f.path, reason: 'too-large', message: `Larger than ${DEFAULT_MAX_BYTES / 1024 / 1024} MB: not scanned.` } };
  }
  let raw: string;
  try {
    raw = readRaw(f);
  } catch (e) {
    return { skip: { file: f.path, reason: 'unreadable', message: `Cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.` } };
  }
  if (f.language === 'json' && isOurReport(raw)) return { pass: false };
  return { pass: mayHoldKey(raw, f) || mayHoldKeyFormatCheck(raw) || setsKeyInTest(f.path, raw) || renames.some(([from]) => raw.includes(from)) };
}

/** One buffer for every file's bytes (they are only searched, then dropped): no allocation per file. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * The file's bytes as a latin1 string. The listing's size saves the fstat a whole-file read makes (the file is
 * read whole again, decoded, if it turns out to be a candidate).
 */
function readRaw(f: ListedFile): string {
  const fd = openSync(f.abs, 'r');
  try {
    if (f.size > scratch.length) scratch = Buffer.allocUnsafe(f.size);
    let got = 0;
    for (let r = 1; got < f.size && r > 0; got += r) r = readSync(fd, scratch, got, f.size - got, null);
    return scratch.toString('latin1', 0, got);
  } finally {
    closeSync(fd);
  }
}

/** Decode a file that passed `quickTest` (BOM, UTF-16, eol, size and mtime for a safe write later). */
export async function readCandidate(f: ListedFile): Promise<Candidate> {
  const r = await readText(f.abs, { file: f.path });
  if (isReadSkip(r)) return { skip: r };
  return { text: r, minified: f.treatment !== 'text' && isMinified(r.text) };
}

/** A report.json this tool wrote earlier (under any --out): it quotes key sites, it does not hold any. */
function isOurReport(raw: string): boolean {
  return raw.includes('"schemaVersion"') && /"tool":\s*\{\s*"name":\s*"migrate-hapikey"/.test(raw.slice(0, 2000));
}

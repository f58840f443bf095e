// Files as the discover stage hands them on.
import type { Language } from './site.js';

export interface ListedFile {
  /** Path relative to the root, forward slashes. */
  path: string;
  /** Absolute path. */
  abs: string;
  language: Language;
  /** How the scan treats it: parse as JS/TS (`code`), parse its <script> blocks (`component`), or text search (`text`). */
  treatment: 'code' | 'component' | 'text';
  size: number;
  /** Listed through a symbolic link (to a file inside the root): reported, never written through. */
  link?: boolean;
}

/** A file's text as read: decoded, without BOM, with what is needed to write it back byte for byte. */
export interface FileText {
  text: string;
  bom: boolean;
  /** The dominant line ending, used for new lines the rewrite adds. */
  eol: '\n' | '\r\n';
  /** `utf8` or `utf16le` (with BOM). */
  encoding: 'utf8' | 'utf16le';
  /** Modification time (ms) and size at read time, so apply can refuse a file that changed since. */
  mtimeMs: number;
  size: number;
  // additions (discover stage)
  /** Set when the bytes were not valid UTF-8 and were decoded with U+FFFD replacements: writing this text back would
   *  corrupt the file, so the rewrite stage must refuse to write it. */
  lossy?: boolean;
  /** UTF-16 only: the file was big-endian (BOM FE FF); `text` is decoded, write it back big-endian with its BOM. */
  bigEndian?: boolean;
}

// Scan one candidate file with the scanner its kind needs.
import type { TextEdit } from '../model/edit.js';
import type { FileText, ListedFile } from '../model/file.js';
import type { Site, Skip } from '../model/site.js';
import { extractScripts } from '../discover/components.js';
import { isMinified } from '../discover/read.js';
import { scanCode } from '../scan/code.js';
import type { RepoFacts, ScanOptions, SiteLink } from '../scan/context.js';
import { scanText } from '../scan/text/index.js';

export { makeWrapperResolver } from '../scan/wrappers.js';
export { hubspotInView, link } from '../link/link.js';
export { serverModules } from './server-modules.js';

export interface FileScan {
  sites: Site[];
  edits: Map<string, TextEdit[]>;
  skip?: Skip;
  parseErrors?: number;
  links?: SiteLink[];
  /** Edits of manual sites the link stage may settle (scan/context.ts FileFindings.pending). */
  pending?: Map<string, TextEdit[]>;
}

export function scanFile(f: ListedFile, t: FileText, repo: RepoFacts, options: ScanOptions): FileScan {
  if (f.treatment === 'text') return { sites: scanText(f, t.text), edits: new Map() };
  if (f.treatment === 'code' && isMinified(t.text)) {
    // a minified bundle: report what a text search finds, never rewrite it
    const sites = scanText(f, t.text).map((s) => ({ ...s, status: 'manual' as const, reason: 'minified', message: 'A minified or generated file holds this key: fix its source and rebuild.' }));
    return { sites, edits: new Map(), skip: { file: f.path, reason: 'minified', message: 'Minified or generated code is not parsed or rewritten.' } };
  }
  const ranges = f.treatment === 'component' ? extractScripts(t.text, f.language === 'svelte' ? 'svelte' : 'vue') : undefined;
  const res = scanCode({ file: f, text: t.text, eol: t.eol, repo, options, ranges });
  const out: FileScan = { sites: res.sites, edits: res.edits, parseErrors: res.parseErrors, links: res.links };
  if (res.pending && f.treatment === 'code') out.pending = res.pending;
  if (res.sites.some((s) => s.reason === 'parse-error')) {
    out.skip = { file: f.path, reason: 'parse-error', message: 'The file has syntax errors near a key use; those sites are reported, not rewritten.' };
  }
  return out;
}

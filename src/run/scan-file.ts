// Scan one candidate file with the scanner its kind needs.
import type { TextEdit } from '../model/edit.js';
import type { FileText, ListedFile } from '../model/file.js';
import type { Site, Skip } from '../model/site.js';
import { extractScripts } from '../discover/components.js';
import { isMinified } from '../discover/read.js';
import { scanCode } from '../scan/code.js';
import type { NameCheck, RepoFacts, ScanOptions, SiteLink } from '../scan/context.js';
import { scanText } from '../scan/text/index.js';

import { makeModuleFacts } from '../scan/module-facts.js';
import { Program, type LinkHost } from '../link/program.js';
import { resolveModule } from '../discover/module-paths.js';

export { makeWrapperResolver } from '../scan/wrappers.js';
export { hubspotInView, link } from '../link/link.js';
export { unmentioned } from '../link/mentions.js';
export { lazyServerModules } from './server-modules.js';

/** The scan's window on other modules (constants, request helpers), resolved the way the link stage resolves them. */
export function moduleFacts(host: LinkHost): ReturnType<typeof makeModuleFacts> {
  const exists = new Set(host.files);
  return makeModuleFacts({ text: (p) => host.text(p), resolve: (from, spec) => resolveModule(from, spec, (p) => exists.has(p), host.aliases) });
}

/** The files that import any of `targets`. */
export function importersOf(targets: readonly string[], host: LinkHost): string[] {
  const program = new Program(host);
  return [...new Set(targets.flatMap((t) => program.importersOf(t)))].sort();
}

export interface FileScan {
  sites: Site[];
  edits: Map<string, TextEdit[]>;
  skip?: Skip;
  parseErrors?: number;
  links?: SiteLink[];
  /** Edits of manual sites the link stage may settle (scan/context.ts FileFindings.pending). */
  pending?: Map<string, TextEdit[]>;
  /** Pending sites that wait for no other file to mention a name (scan/context.ts FileFindings.nameChecks). */
  nameChecks?: NameCheck[];
  /** The file exports a constant holding the parameter name (key-names.ts): its importers are scanned too. */
  exportsKeyName?: boolean;
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
  if (res.nameChecks && f.treatment === 'code') out.nameChecks = res.nameChecks;
  if (res.exportsKeyName) out.exportsKeyName = true;
  if (res.sites.some((s) => s.reason === 'parse-error')) {
    out.skip = { file: f.path, reason: 'parse-error', message: 'The file has syntax errors near a key use; those sites are reported, not rewritten.' };
  }
  return out;
}

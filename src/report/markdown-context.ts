// What every report.md section needs: the data, sorted once, and how to print text and links.
import type { FilePlan } from '../model/edit.js';
import type { Report } from '../model/report.js';
import type { Site } from '../model/site.js';
import { masker, maskUnless, type Masker } from './mask.js';
import { fileLink, inline } from './md.js';
import { sortSites } from './select.js';

export interface MarkdownInput {
  report: Report;
  plans: FilePlan[];
  /** `--show-secrets`: key literals unmasked. */
  showSecrets: boolean;
  /**
   * Prefix of file links, relative from report.md to the scanned root, e.g. `../` when report.md is in
   * `<root>/hapikey-migration/`. Default `''`: links as `[src/a.ts:12](src/a.ts#L12)`.
   */
  linkBase?: string;
}

export interface MdContext {
  report: Report;
  plans: FilePlan[];
  showSecrets: boolean;
  /** All sites in file/line order. */
  sites: Site[];
  /** Masks key literals unless showSecrets. */
  mask: Masker;
  /** Free text (messages) for Markdown: masked unless showSecrets, on one line. */
  text(s: string): string;
  link(file: string, line: number | null): string;
}

export function createContext(input: MarkdownInput): MdContext {
  const base = input.linkBase ?? '';
  const known = masker(input.report.sites);
  const mask: Masker = (s) => maskUnless(s, input.showSecrets, known);
  return {
    report: input.report,
    plans: input.plans,
    showSecrets: input.showSecrets,
    sites: sortSites(input.report.sites),
    mask,
    text: (s) => inline(mask(s)),
    link: (file, line) => fileLink(file, line, base),
  };
}
